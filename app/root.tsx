import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type ClientLoaderFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { AppShell } from "./components/app-shell";
import { APP_STYLES_ID, useAppStyles } from "./components/app-styles";
import { useNonce } from "./components/nonce";
import { OfflineSupport } from "./components/offline-support";
import { unlessDatabaseDown } from "./lib/database-unavailable";
import type { ErrorAnswer } from "./lib/http.server";
import { i18nFor, loadTranslations } from "./lib/i18n";
import { serverI18n } from "./lib/i18n.server";
import { direction, type Locale } from "./lib/locales";
import { unreadCount } from "./domain/notifications/notifications.server";
import { toActor } from "./domain/policy/rules";
import { avatarOf } from "./lib/images/avatar.server";
import { takeNotice } from "./lib/notice.server";
import { translationFile } from "./lib/translation-files.server";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.ico", sizes: "48x48" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

export const meta: MetaFunction = () => [{ title: "Meedoen" }];

/** Everything the shell needs (language, person, menu) comes from here, so it must not fail for long. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = context.auth;
  // The badge and a notice ("Saved") are not worth an error page: without a database the page's own loader says 503.
  const { notice, setCookie } = await unlessDatabaseDown(takeNotice(request), { notice: null, setCookie: null });
  serverI18n(context.locale); // made before the page renders with it
  const shell = {
    locale: context.locale,
    demoData: context.demoData,
    // Only a link to the reader's language travels with the page: the file is cached for a year.
    translations: translationFile(context.locale).href,
    user: user ? { ...toActor(user), displayName: user.displayName, avatar: avatarOf(user), unread: await unlessDatabaseDown(unreadCount(user.id), 0) } : null,
    notice,
  };
  return data(shell, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

/**
 * The shell (language, person, badge, notice) changes only through an action: sign-in, a saved
 * profile, a sign-up with its notice. A plain link does not run this loader again; the badge is
 * kept current over the socket.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod !== undefined && formMethod.toUpperCase() !== "GET" ? defaultShouldRevalidate : false;

/** After an action that changed the language (a saved profile), the new one is fetched before it renders. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const shell = await serverLoader<typeof loader>();
  await loadTranslations(shell.locale, shell.translations);
  return shell;
}

/** An error answer's Retry-After (503, 429) reaches the client: errors end at this boundary. */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

function Document({ locale, translations, children }: { locale: Locale; translations?: string; children: ReactNode }) {
  const nonce = useNonce();
  const appStyles = useAppStyles();
  // A page may go without the app's scripts (the offline page, routes/offline.tsx).
  const hydrate = !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d4b" />
        <Meta />
        {/* Fetched early; entry.client waits for it before it hydrates. */}
        {translations && hydrate ? <link id="translations" rel="preload" as="fetch" crossOrigin="anonymous" href={translations} /> : null}
        <style id={APP_STYLES_ID} dangerouslySetInnerHTML={{ __html: appStyles }} />
        <Links />
        {/* Per language, so an install dialog describes the app in the reader's language (server/http/manifest.ts). */}
        <link rel="manifest" href={`/manifest.webmanifest?lang=${locale}`} />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const { locale, translations, user, demoData, notice } = useLoaderData<typeof loader>();
  const i18n = i18nFor(locale);
  return (
    <I18nextProvider i18n={i18n}>
      <Document locale={locale} translations={translations}>
        <AppShell user={user} locale={locale} demoData={demoData} notice={notice}>
          <OfflineSupport userId={user?.id ?? null} locale={locale} />
          <Outlet />
        </AppShell>
      </Document>
    </I18nextProvider>
  );
}

/**
 * Every error page (404, 403, 503, 500) is drawn inside the app's shell: header, language switcher,
 * navigation and the person's menu, in their language, with a way back to the start page. Only if
 * the root loader itself failed is there no shell to draw (no language, no person): then a bare page.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const i18n = root ? i18nFor(root.locale) : null;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const answer = isRouteErrorResponse(error) && isErrorAnswer(error.data) ? error.data : null;
  if (!root || !i18n) {
    return (
      <Document locale="en">
        <main id="main" className="container error-page">
          <h1>Error {status}</h1>
          <p>
            <a href="/">Meedoen</a>
          </p>
        </main>
      </Document>
    );
  }
  return (
    <I18nextProvider i18n={i18n}>
      <Document locale={root.locale} translations={root.translations}>
        <AppShell user={root.user} locale={root.locale} demoData={root.demoData}>
          <ErrorMessage status={status} answer={answer} />
        </AppShell>
      </Document>
    </I18nextProvider>
  );
}

function isErrorAnswer(value: unknown): value is ErrorAnswer {
  return typeof value === "object" && value !== null && typeof (value as ErrorAnswer).messageKey === "string";
}

const ERROR_KEYS: Record<number, string> = { 403: "forbidden", 404: "notFound", 503: "unavailable" };

function ErrorMessage({ status, answer }: { status: number; answer: ErrorAnswer | null }) {
  const { t, i18n } = useTranslation();
  const key = ERROR_KEYS[status] ?? "server";
  // A refusal says why in its own words ("This activity does not exist"); failures keep the general text.
  const reason = answer && status < 500 && i18n.exists(answer.messageKey) ? t(answer.messageKey, answer.values) : t(`errors.${key}`);
  return (
    <div className="error-page stack">
      <h1>{t(`errors.${key}Title`)}</h1>
      <p>{reason}</p>
      <p>
        <a href="/" className="button button-secondary">
          {t("nav.home")}
        </a>
      </p>
    </div>
  );
}
