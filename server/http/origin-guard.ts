import type { RequestHandler } from "express";
import { parse as parseCookies } from "cookie";
import { SESSION_COOKIE } from "../../app/domain/auth/lucia.server.ts";
import { refuse } from "./refuse.ts";
import { isForeignOrigin, SAFE_METHODS, sourceOrigin } from "./security.ts";

/**
 * The one path that takes a POST from anywhere: RFC 8058's one-click unsubscribe. Mail programs
 * post `List-Unsubscribe=One-Click` to the link in a mail's List-Unsubscribe header from their own
 * servers or pages, with no Origin of ours (or another site's) and no cookie. The route is
 * authorised by the signed token in the link alone, never by a session, and changes only the one
 * mail choice that token names (decisions/039), so a forged cross-site post can do nothing a
 * holder of the link could not. Exactly these paths: a prefix or another spelling gets the check.
 * Remix's own check of Origin against Host is skipped for it too (remix-handler.ts drops the header).
 */
export const ORIGIN_FREE_PATHS: ReadonlySet<string> = new Set(["/mail/unsubscribe", "/mail/unsubscribe.data"]); // the page, and its single-fetch data address

/**
 * Mutations must come from our own origin (see isForeignOrigin). One that names no origin at all,
 * neither Origin nor Referer, is refused too when it carries a session cookie: browsers send an
 * Origin on every form post, so only a stripped request could be riding on someone's session.
 * Without a session cookie (curl signing in, say) there is nothing to forge, and it may pass.
 */
export function originGuard(allowedOrigins: string[]): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || ORIGIN_FREE_PATHS.has(req.path)) return next();
    const anonymousSource = sourceOrigin(req.headers) === null;
    const carriesSession = parseCookies(req.headers.cookie ?? "")[SESSION_COOKIE] !== undefined;
    if (isForeignOrigin(req, allowedOrigins) || (anonymousSource && carriesSession)) {
      return refuse(req, res, 403, "errors.forbiddenTitle", "errors.foreignOrigin");
    }
    next();
  };
}
