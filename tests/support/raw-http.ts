import { request, type IncomingHttpHeaders } from "node:http";
import { formBody } from "./http-client";

export type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: string; bytesWritten: number; ms: number };

/**
 * Posts a body with `Transfer-Encoding: chunked` (no Content-Length), the way a streaming
 * client can, so that the server cannot judge the size up front. Writing stops as soon as
 * the server answers; `bytesWritten` says how much had been handed to the socket by then.
 */
export function postChunked(baseUrl: string, path: string, headers: Record<string, string>, chunks: Iterable<string | Buffer>): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    let bytesWritten = 0;
    const req = request(new URL(path, baseUrl), { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } });
    req.on("response", (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(parts).toString("utf8"),
          bytesWritten,
          ms: performance.now() - started,
        });
        req.destroy(); // what was not sent yet will not be
      });
    });
    // Once the server has answered it may close the connection under a client still writing.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    void (async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        bytesWritten += Buffer.byteLength(chunk);
        if (!req.write(chunk)) await new Promise((drained) => req.once("drain", drained).once("close", drained));
      }
      if (!answered && !req.destroyed) req.end();
    })();
  });
}

/** A form body followed by `padding` bytes of filler in an extra field, in 64 KB chunks. */
export function* paddedForm(fields: Record<string, string | string[]>, padding: number, chunkSize = 64 * 1024): Generator<string> {
  yield `${formBody(fields).toString()}&padding=`;
  for (let sent = 0; sent < padding; sent += chunkSize) yield "x".repeat(Math.min(chunkSize, padding - sent));
}
