import type { Request, RequestHandler } from "express";
import { parse as parseCookies } from "cookie";
import { authenticate } from "../../app/domain/auth/lucia.server.ts";
import { chooseLocale, LOCALE_COOKIE } from "../../app/lib/i18n.server.ts";
import { isLocale, type Locale } from "../../app/lib/locales.ts";

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
 * Pages opened from a link in a mail speak the mail's language, which the link carries as `lang`
 * (the unsubscribe page: the person is usually not signed in there, and the browser may be set to
 * another language than the one they chose on Meedoen). A signed-in person's own choice still wins.
 */
// The offline page too: the service worker fetches it without cookies, in the language of the page that asked (decision 046).
const MAIL_LINK_PATHS: ReadonlySet<string> = new Set(["/mail/unsubscribe", "/mail/unsubscribe.data", "/offline"]); // with its single-fetch data address
function mailLinkLocale(req: Request): Locale | null {
  const lang = MAIL_LINK_PATHS.has(req.path) ? req.query.lang : undefined;
  return isLocale(lang) ? lang : null;
}

/**
 * Resolves the session once per request and refreshes or clears its cookie when Lucia says so.
 * `demoData` is decided once at start-up (server/app.ts), so the banner costs no query per request;
 * `appStyles` is the stylesheet read once at start-up.
 */
export const requestContext =
  (options: { demoData: boolean; appStyles: string }): RequestHandler =>
  async (req, res, next) => {
    try {
      const { setCookies, ...auth } = await authenticate(req.headers.cookie);
      for (const cookie of setCookies) res.append("Set-Cookie", cookie);
      const context: RequestContext = {
        auth,
        locale: localeOf(req, auth.user?.locale ?? mailLinkLocale(req)),
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        demoData: options.demoData,
        appStyles: options.appStyles,
      };
      res.locals.context = context;
      next();
    } catch (error) {
      next(error);
    }
  };
