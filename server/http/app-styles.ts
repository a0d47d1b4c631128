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
  // The browser hashes the text as its parser leaves it, with line ends as LF (a Windows checkout has CRLF).
  const text = readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
  if (/<\/style/i.test(text)) throw new Error(`${file} contains "</style", which would end the page's <style> early`);
  return { text, cspSource: `'sha256-${createHash("sha256").update(text).digest("base64")}'` };
}
