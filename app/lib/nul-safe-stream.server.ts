import { Transform } from "node:stream";

/**
 * The destination for React 18's Node renderer (`renderToPipeableStream`), which sends bytes it
 * never wrote.
 *
 * React encodes text into 2 KB views with `TextEncoder.encodeInto`. When the next character is
 * multi-byte and does not fit in what is left of a view, `encodeInto` stops before it, React
 * hands the *whole* view to the destination anyway and encodes the character again at the start
 * of a fresh view. The 1–3 bytes at the end that were never written are zeros, so a Ukrainian or
 * Arabic page gets a NUL wherever a letter meets a 2 KB boundary. Fixed in React 19 only
 * (facebook/react#26228: send `subarray(0, writtenBytes)`); Remix 2 needs React 18.
 *
 * The views are fresh arrays each time (React does not reuse them), so copying chunks would not
 * help. Dropping every 0x00 byte does: in UTF-8 the byte 0x00 only ever encodes U+0000, never a
 * part of another character, and U+0000 has no place in an HTML document (browsers drop it from
 * text and turn it into U+FFFD in attributes). The result is byte for byte what React meant to
 * send: see decisions/019 and tests/unit/nul-safe-stream.test.ts.
 */
export function nulSafeDestination(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, withoutNulBytes(chunk));
    },
  });
}

/** The bytes of `chunk` without its 0x00 bytes; `chunk` itself when it has none (the usual case). */
export function withoutNulBytes(chunk: Buffer): Buffer {
  let from = chunk.indexOf(0);
  if (from < 0) return chunk;
  const kept: Buffer[] = [];
  let start = 0;
  while (from >= 0) {
    if (from > start) kept.push(chunk.subarray(start, from));
    start = from + 1;
    from = chunk.indexOf(0, start);
  }
  if (start < chunk.length) kept.push(chunk.subarray(start));
  return Buffer.concat(kept);
}
