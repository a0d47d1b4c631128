import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * The app's stylesheet, written into every page's head instead of linked (decision 049): on a
 * first visit over a slow connection a linked sheet costs a round trip before anything is painted,
 * and most visits to Meedoen start from a shared link in a fresh tab. Pages after the first are
 * client-side navigations that keep the head, so the sheet is sent once per document, not per page.
 * The CSP allows exactly this text by its hash, so no 'unsafe-inline' and no per-request nonce.
 */
export function loadAppStyles(file: string) {
  const text = readFileSync(file, "utf8");
  return { text, cspSource: `'sha256-${createHash("sha256").update(text).digest("base64")}'` };
}
