import type { Request, RequestHandler } from "express";
import { parse as parseCookies } from "cookie";
import { authenticate } from "../../app/domain/auth/lucia.server.ts";
import { chooseLocale, LOCALE_COOKIE } from "../../app/lib/i18n.server.ts";
import type { Locale } from "../../app/lib/locales.ts";

export type { RequestContext } from "../../app/lib/context.ts";
import type { RequestContext } from "../../app/lib/context.ts";

export function localeOf(req: Request, userLocale?: string | null): Locale {
  return chooseLocale({
    userLocale,
    cookieLocale: parseCookies(req.headers.cookie ?? "")[LOCALE_COOKIE],
    acceptLanguage: req.headers["accept-language"],
  });
}

/**
 * Resolves the session once per request and refreshes or clears its cookie when Lucia says so.
 * `demoData` is decided once at start-up (server/app.ts), so the banner costs no query per request.
 */
export const requestContext =
  (options: { demoData: boolean }): RequestHandler =>
  async (req, res, next) => {
    try {
      const { setCookies, ...auth } = await authenticate(req.headers.cookie);
      for (const cookie of setCookies) res.append("Set-Cookie", cookie);
      const context: RequestContext = {
        auth,
        locale: localeOf(req, auth.user?.locale),
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        demoData: options.demoData,
      };
      res.locals.context = context;
      next();
    } catch (error) {
      next(error);
    }
  };
