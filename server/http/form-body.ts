import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { refuse } from "./refuse.ts";
import { SAFE_METHODS } from "./security.ts";

/** What a Remix form sends: without JavaScript the browser's own encodings, with it the same two. */
export const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

const TOO_LARGE = Symbol("too large");
const GONE = Symbol("client gone");

/** The body the guard read, for the Remix handler; absent on safe methods. */
export function formBodyOf(res: ExpressResponse): Uint8Array<ArrayBuffer> | undefined {
  return res.locals.formBody as Uint8Array<ArrayBuffer> | undefined;
}

const mediaType = (header: string | undefined) => header?.split(";")[0].trim().toLowerCase() ?? "";

/**
 * Reads the body into memory, counting bytes as they arrive, and stops at `limit`: a chunked
 * upload has no Content-Length to judge up front. Never holds more than `limit` bytes.
 */
function readLimited(req: ExpressRequest, limit: number): Promise<Uint8Array<ArrayBuffer> | typeof TOO_LARGE | typeof GONE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Uint8Array<ArrayBuffer> | typeof TOO_LARGE | typeof GONE) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done(TOO_LARGE);
      } else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onClose = () => done(GONE); // the client went away mid-upload: nobody to answer
    const onError = (error: Error) => {
      req.off("data", onData).off("end", onEnd).off("close", onClose);
      reject(error);
    };
    req.on("data", onData).once("end", onEnd).once("error", onError).once("close", onClose);
  });
}

/**
 * The one exception to "no files" (decision 043): picture uploads. On these paths a multipart
 * body may be up to `limit` bytes (counted as they arrive) and may carry ONE file, in the field
 * `field`, of at most `fileLimit` bytes; every other value is text, every other path as before.
 */
export type UploadRoute = { path: RegExp; field: string; limit: number; fileLimit: number; tooLarge: [titleKey: string, bodyKey: string] };

type MultipartVerdict = "ok" | "bad" | "file too large";

/** A multipart body the browser's form would have sent: it parses, and every value is text (or the one allowed file). */
async function checkMultipart(contentType: string, body: Uint8Array<ArrayBuffer>, upload: UploadRoute | undefined): Promise<MultipartVerdict> {
  try {
    const form = await new Request("http://form.invalid/", { method: "POST", headers: { "content-type": contentType }, body }).formData();
    let files = 0;
    for (const [name, value] of form.entries()) {
      if (typeof value === "string") continue;
      if (!upload || name !== upload.field || ++files > 1) return "bad";
      if (value.size > upload.fileLimit) return "file too large";
    }
    return "ok";
  } catch {
    return "bad";
  }
}

/**
 * Every mutation passes here before Remix: only form encodings (415 otherwise), at most `limit`
 * bytes (413), and no uploaded files (400), except the picture uploads in `uploads`. The body is
 * read once, here, and handed to Remix from memory, so a refused body never reaches an action.
 */
export function formBodyGuard(defaultLimit: number, uploads: UploadRoute[] = []): RequestHandler {
  return async (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const type = mediaType(req.headers["content-type"]);
    if (!FORM_TYPES.has(type)) return refuse(req, res, 415, "errors.badFormTitle", "errors.badForm");
    const upload = type === "multipart/form-data" ? uploads.find((route) => route.path.test(req.path)) : undefined;
    const limit = upload?.limit ?? defaultLimit;
    const [tooLargeTitle, tooLarge] = upload?.tooLarge ?? ["errors.tooLargeTitle", "errors.tooLarge"];
    if (Number(req.headers["content-length"] ?? 0) > limit) return refuse(req, res, 413, tooLargeTitle, tooLarge);
    try {
      const body = await readLimited(req, limit);
      if (body === GONE) return;
      if (body === TOO_LARGE) return refuse(req, res, 413, tooLargeTitle, tooLarge);
      const verdict = type === "multipart/form-data" ? await checkMultipart(req.headers["content-type"]!, body, upload) : "ok";
      if (verdict === "file too large") return refuse(req, res, 413, tooLargeTitle, tooLarge);
      if (verdict === "bad") return refuse(req, res, 400, "errors.badFormTitle", "errors.badForm");
      res.locals.formBody = body;
      next();
    } catch (error) {
      next(error);
    }
  };
}
