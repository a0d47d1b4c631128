import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { RequestHandler } from "express";
import helmet from "helmet";
import { isLoopback } from "../../app/lib/loopback.ts";

export const nonceMiddleware: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

/**
 * Remix's hydration scripts are inline, so they carry a per-request nonce instead of 'unsafe-inline'.
 * `imageOrigins`: where else pictures come from, the S3 store's public origin (decision 047).
 */
export const securityHeaders = (options: { secure: boolean; imageOrigins?: string[]; styleSources?: string[] }) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`],
        // `styleSources`: the hash of the stylesheet written into each page's head (app-styles.ts).
        "style-src": ["'self'", ...(options.styleSources ?? [])],
        "img-src": ["'self'", "data:", ...(options.imageOrigins ?? [])],
        "font-src": ["'self'"],
        // 'self' covers ws: and wss: to our own host and port (CSP Level 3), which is all Socket.IO needs.
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        ...(options.secure ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: options.secure ? { maxAge: 15552000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  });

/** Methods that change nothing; every other method is a mutation and passes the request guards. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whose X-Forwarded-* headers we believe: a proxy on this machine. Express's `trust proxy` uses
 * this (server/app.ts), and so does ownOrigin; if nginx runs on another host, widen it here.
 */
export function isTrustedProxy(address: string | undefined): boolean {
  return isLoopback(address);
}

/**
 * The origin a request was addressed to, as scheme://host[:port]: the Host header, and the scheme
 * of the connection or, from a trusted proxy, its X-Forwarded-Proto (as Express's req.protocol),
 * for raw Node requests too (Socket.IO's handshake).
 */
export function ownOrigin(req: IncomingMessage): string {
  const forwarded = isTrustedProxy(req.socket.remoteAddress) ? firstValue(req.headers["x-forwarded-proto"]) : undefined;
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : (req.socket as TLSSocket).encrypted ? "https" : "http";
  return `${scheme}://${req.headers.host ?? "localhost"}`;
}

/** Where a request says it comes from: its Origin, else the origin of its Referer; null when it says neither. */
export function sourceOrigin(headers: IncomingHttpHeaders): string | null {
  if (headers.origin) return headers.origin;
  if (!headers.referer) return null;
  return normalOrigin(headers.referer) ?? "null";
}

/**
 * True when the request names an origin other than ours: scheme, host and port must all match
 * PUBLIC_ORIGIN when it is set (`allowed`), else the request's own origin. SameSite=Lax cookies
 * already keep other sites' forms from carrying a session; this closes the remaining gaps
 * (sibling subdomains, an http page posting to https, old browsers). A request that names no
 * origin at all is not foreign here: the HTTP guard decides (origin-guard.ts).
 */
export function isForeignOrigin(req: IncomingMessage, allowed: string[]): boolean {
  const source = sourceOrigin(req.headers);
  if (source === null) return false;
  const expected = allowed.length > 0 ? allowed : [ownOrigin(req)];
  const origin = normalOrigin(source);
  return origin === null || !expected.map(normalOrigin).includes(origin);
}

function normalOrigin(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

const firstValue = (header: string | string[] | undefined) => (Array.isArray(header) ? header[0] : header)?.split(",")[0].trim().toLowerCase();
