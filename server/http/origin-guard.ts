import type { RequestHandler } from "express";
import { parse as parseCookies } from "cookie";
import { SESSION_COOKIE } from "../../app/domain/auth/lucia.server.ts";
import { refuse } from "./refuse.ts";
import { isForeignOrigin, SAFE_METHODS, sourceOrigin } from "./security.ts";

/**
 * Mutations must come from our own origin (see isForeignOrigin). One that names no origin at all,
 * neither Origin nor Referer, is refused too when it carries a session cookie: browsers send an
 * Origin on every form post, so only a stripped request could be riding on someone's session.
 * Without a session cookie (curl signing in, say) there is nothing to forge, and it may pass.
 */
export function originGuard(allowedOrigins: string[]): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const anonymousSource = sourceOrigin(req.headers) === null;
    const carriesSession = parseCookies(req.headers.cookie ?? "")[SESSION_COOKIE] !== undefined;
    if (isForeignOrigin(req, allowedOrigins) || (anonymousSource && carriesSession)) {
      return refuse(req, res, 403, "errors.forbiddenTitle", "errors.foreignOrigin");
    }
    next();
  };
}
