import type { RequestHandler } from "express";
import { db } from "../../app/lib/db.server.ts";

const TIMEOUT_MS = 2000;

export const healthz: RequestHandler = async (_req, res) => {
  res.set("Cache-Control", "no-store");
  try {
    await Promise.race([
      db().$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), TIMEOUT_MS).unref()),
    ]);
    res.json({ status: "ok" });
  } catch {
    res.status(503).json({ status: "unavailable", database: "unreachable" });
  }
};
