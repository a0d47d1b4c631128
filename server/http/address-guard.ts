import type { RequestHandler } from "express";
import { refuse } from "./refuse.ts";

/**
 * A path that does not decode (`%ff`, a cut-off `%E0%A4%A`) or that carries a NUL byte is never
 * a real address. Refused here, it is a 400 for the reader instead of a URIError (500) deep in
 * the router, or a database error later (PostgreSQL refuses NUL outright).
 */
export function isMalformedAddress(originalUrl: string): boolean {
  if (/%00|\u0000/i.test(originalUrl)) return true;
  const path = originalUrl.split("?")[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export const addressGuard: RequestHandler = (req, res, next) => {
  if (isMalformedAddress(req.originalUrl)) refuse(req, res, 400, "errors.badRequestTitle", "errors.badRequest");
  else next();
};
