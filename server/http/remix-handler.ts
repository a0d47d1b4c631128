import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import type { RequestContext } from "./request-context.ts";
import { cacheControlFor } from "./cache-control.ts";
import { formBodyOf } from "./form-body.ts";
import { ORIGIN_FREE_PATHS } from "./origin-guard.ts";
import { ownOrigin, SAFE_METHODS } from "./security.ts";

/**
 * Remix behind Express, as @remix-run/express does it but with two differences: the body comes
 * from the form guard's buffer (the adapter reads the socket itself, past any limit), and the
 * Cache-Control rule for personal answers is applied on the way out.
 */
export function remixHandler(options: {
  build: ServerBuild;
  mode: "production" | "development";
  getLoadContext: (res: ExpressResponse) => RequestContext;
}): RequestHandler {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    try {
      const context = options.getLoadContext(res);
      const answer = await handle(toFetchRequest(req, res), context);
      await send(res, answer, { signedIn: context.auth.session !== null });
    } catch (error) {
      next(error);
    }
  };
}

function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // Stop loaders and actions whose client has gone (closed before we finished answering).
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  // Remix refuses an action whose Origin is not the Host (a 500); on the one path that answers
  // posts from anywhere (origin-guard.ts) the Origin means nothing, so Remix does not see it.
  if (ORIGIN_FREE_PATHS.has(req.path)) headers.delete("origin");
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = formBodyOf(res);
    if (!body && !SAFE_METHODS.has(req.method)) throw new Error("a mutation reached Remix without passing formBodyGuard");
    init.body = body;
  }
  // Concatenated, not resolved against a base: a path such as //evil.example must stay a path.
  return new Request(`${ownOrigin(req)}${req.originalUrl}`, init);
}

async function send(res: ExpressResponse, answer: Response, request: { signedIn: boolean }) {
  res.statusMessage = answer.statusText;
  res.status(answer.status);
  for (const [name, value] of answer.headers.entries()) {
    // A route that declares its own policy (a mail in a sandboxed frame, a page whose address holds a secret) replaces the app's: two would both apply.
    if (name === "content-security-policy" || name === "referrer-policy") res.setHeader(name, value);
    else res.append(name, value);
  }
  const declared = answer.headers.get("cache-control");
  // Set-Cookie may come from the answer or from the session refresh in requestContext.
  const rule = cacheControlFor({ signedIn: request.signedIn, setsCookie: res.hasHeader("set-cookie"), declared });
  if (rule !== declared && rule !== null) res.setHeader("Cache-Control", rule);
  if (/text\/event-stream/i.test(answer.headers.get("content-type") ?? "")) res.flushHeaders();
  if (answer.body) await writeReadableStreamToWritable(answer.body, res);
  else res.end();
}
