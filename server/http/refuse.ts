import type { Request, Response } from "express";
import { errorPage } from "./error-page.ts";
import { localeOf } from "./request-context.ts";

/**
 * How long a refused client may go on sending the body we will not read. Closing at once can
 * reset the connection before the client has read our answer (it would see "connection reset"
 * instead of the page); reading on for ever would let anyone stream to us without end.
 */
export const LINGER_MS = 5_000;

/**
 * Answers a request that never reaches Remix with the translated error page. The session is not
 * read yet, so the language comes from the locale cookie or Accept-Language.
 */
export function refuse(req: Request, res: Response, status: number, titleKey: string, bodyKey: string): void {
  res
    .status(status)
    .type("html")
    .send(errorPage(localeOf(req), titleKey, bodyKey));
  if (req.complete) return;
  // Whatever is still on its way is thrown away, for a while; then the connection is closed.
  req.resume();
  const timer = setTimeout(() => req.destroy(), LINGER_MS).unref();
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
}
