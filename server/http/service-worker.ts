import { readFileSync } from "node:fs";
import type { RequestHandler } from "express";

/**
 * /sw.js with the build's version written in (decision 046): each release is a byte-different
 * worker, which the browser installs on its next check, and whose caches replace the old ones.
 * `no-cache` makes every check ask us; the worker's scope is the whole site, as it is served at /.
 */
export function serviceWorker(file: string, version: string): RequestHandler {
  const body = readFileSync(file, "utf8").replaceAll("__VERSION__", version);
  return (_req, res) => {
    res.set({ "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache", "Service-Worker-Allowed": "/" });
    res.send(body);
  };
}
