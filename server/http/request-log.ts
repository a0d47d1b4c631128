import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { log } from "../logger.ts";

/**
 * One line per request. The path is logged without its query string, which may carry
 * tokens or search terms; no cookies, bodies or addresses (personal data stays out of logs).
 */
export const requestLog: RequestHandler = (req, res, next) => {
  const started = process.hrtime.bigint();
  const id = (req.headers["x-request-id"] as string | undefined)?.slice(0, 64) ?? randomUUID();
  res.setHeader("X-Request-Id", id);
  res.on("finish", () => {
    if (req.path.startsWith("/build/")) return;
    log.info("request", {
      id,
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
    });
  });
  next();
};
