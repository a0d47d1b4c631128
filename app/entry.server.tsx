import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { AppStylesProvider } from "./components/app-styles";
import { NonceProvider } from "./components/nonce";
import { httpFailure } from "./lib/http.server";
import { nulSafeDestination } from "./lib/nul-safe-stream.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/** Requests whose loaders failed because the database could not be reached. */
const unreachable = new WeakSet<Request>();

/**
 * Sees every loader and action error before Remix replaces it with "Unexpected Server Error" (in
 * production, for the browser), so that a database outage can still be told from a bug below.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (httpFailure(error)?.status === 503) unreachable.add(request);
  if (!request.signal.aborted && process.env.NODE_ENV !== "test") console.error(error);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // A loader that failed because the database is unreachable is a 503 (try again), not a 500 (bug),
  // also when it did not go through orHttpError (which throws a 503 answer itself).
  if (responseStatusCode === 500 && unreachable.has(request)) responseStatusCode = 503;
  // Crawlers get the whole document at once; people get the shell as soon as it is ready.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <AppStylesProvider value={loadContext.appStyles}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </AppStylesProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          // Not a PassThrough: React 18 sends bytes it never wrote (NULs) next to multi-byte characters.
          const body = nulSafeDestination();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
