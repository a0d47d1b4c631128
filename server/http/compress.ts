import compression from "compression";
import type { RequestHandler } from "express";
import { constants } from "node:zlib";

/**
 * Brotli (or gzip for clients that only take that) for pages, data and assets: `/activities` is
 * about 125 KB of HTML and a quarter of that compressed, which is seconds on a slow phone line.
 *
 * Remix flushes after every chunk of a streamed page, and React writes chunks of a few KB: each
 * flush ends a compressed block, which costs both ratio and CPU. Flushes asked for within one turn
 * of the event loop are therefore made once, after it, so what React wrote together travels together.
 * A reverse proxy passes it through (docs/deployment.md).
 */
export function compress(): RequestHandler {
  const middleware = compression({
    threshold: 1024,
    // Quality 4 with a 256 KB window: a large page compresses well at a CPU cost near gzip's.
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 } },
  });
  return (req, res, next) =>
    middleware(req, res, (error?: unknown) => {
      coalesceFlushes(res as typeof res & { flush?: () => void });
      next(error);
    });
}

function coalesceFlushes(res: { flush?: () => void }) {
  const flushNow = res.flush;
  if (!flushNow) return;
  let pending = false;
  res.flush = () => {
    if (pending) return;
    pending = true;
    setImmediate(() => {
      pending = false;
      flushNow.call(res);
    });
  };
}
