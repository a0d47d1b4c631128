import { lookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { config } from "~/lib/config.server";
import { hostOf, isLocalName, isPublicAddress } from "./public-address";

/** Why a URL may not be called; each is a translated message on the form (channels.errors.url.*). */
export type UrlRefusal = "invalid" | "scheme" | "credentials" | "private" | "unresolvable";
export class RefusedUrl extends Error {
  constructor(readonly reason: UrlRefusal) {
    super(`refused URL: ${reason}`);
  }
}

export type CheckedUrl = { url: URL; address: string; family: 4 | 6 };

/**
 * Reads a URL that users chose and finds the one address to connect to: http or https, no
 * credentials, and a host whose every address is public (./public-address.ts). Called when the
 * URL is saved and again before each request, whose connection then goes to the address checked
 * here and to no other (a name that resolves elsewhere a second later, DNS rebinding, gains
 * nothing). WEBHOOK_ALLOW_PRIVATE_HOSTS lifts the address rule, for tests only.
 */
export async function checkOutboundUrl(raw: string): Promise<CheckedUrl> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedUrl("invalid");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new RefusedUrl("scheme");
  if (url.username || url.password) throw new RefusedUrl("credentials");
  const host = hostOf(url);
  const allowPrivate = config().WEBHOOK_ALLOW_PRIVATE_HOSTS;
  if (!allowPrivate && isLocalName(host)) throw new RefusedUrl("private");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new RefusedUrl("unresolvable");
    }
  }
  if (addresses.length === 0) throw new RefusedUrl("unresolvable");
  // One private address among public ones is enough to refuse: the connection could go to any.
  if (!allowPrivate && addresses.some((entry) => !isPublicAddress(entry.address))) throw new RefusedUrl("private");
  // IPv4 first: a host with a broken IPv6 route is common, the reverse is not.
  const chosen = addresses.find((entry) => entry.family === 4) ?? addresses[0];
  return { url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

export type PostResult = { status: number; body: string; retryAfter: string | null };

/**
 * POSTs `body` to a checked URL, connecting to its checked address (TLS still verifies the
 * certificate for the URL's host name). Redirects are not followed; the answer's body is read up
 * to 4 KB, for the delivery log; the whole exchange has `timeoutMs`.
 */
export function postToCheckedUrl(target: CheckedUrl, headers: Record<string, string>, body: string, timeoutMs = 10_000): Promise<PostResult> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = target.url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target.url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: pinned,
        timeout: timeoutMs,
        servername: isIP(hostOf(target.url)) ? undefined : hostOf(target.url),
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < 4096) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8").slice(0, 4096),
            retryAfter: typeof response.headers["retry-after"] === "string" ? response.headers["retry-after"] : null,
          }),
        );
        response.on("error", reject);
      },
    );
    // `timeout` is for a silent socket; the deadline also stops a receiver that answers a byte at a time.
    const deadline = setTimeout(() => request.destroy(new Error(`no complete answer within ${timeoutMs / 1000} s`)), timeoutMs);
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on("error", reject);
    request.on("close", () => clearTimeout(deadline));
    request.end(body);
  });
}
