import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { AppShell } from "./components/app-shell";
import { useNonce } from "./components/nonce";
import { i18nFor } from "./lib/i18n";
import { direction, type Locale } from "./lib/locales";
import { unreadCount } from "./domain/notifications/notifications.server";
import { toActor } from "./domain/policy/rules";
import { resources } from "./locales/index.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles/app.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Meedoen" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const { user } = context.auth;
  return {
    locale: context.locale,
    demoData: context.demoData,
    // Only the reader's language travels to the browser.
    resources: resources[context.locale],
    user: user
      ? { ...toActor(user), displayName: user.displayName, unread: await unreadCount(user.id) }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

function Document({ locale, children }: { locale: Locale; children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b5d4b" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale, resources: bundle, user, demoData } = useLoaderData<typeof loader>();
  const i18n = useMemo(() => i18nFor(locale, bundle), [locale, bundle]);
  return (
    <I18nextProvider i18n={i18n}>
      <Document locale={locale}>
        <AppShell user={user} locale={locale} demoData={demoData}>
          <Outlet />
        </AppShell>
      </Document>
    </I18nextProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof loader>("root");
  const locale = root?.locale ?? "en";
  const i18n = useMemo(() => (root ? i18nFor(root.locale, root.resources) : null), [root]);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const body = (
    <Document locale={locale}>
      <main id="main" className="container error-page">
        <ErrorMessage status={status} />
      </main>
    </Document>
  );
  return i18n ? <I18nextProvider i18n={i18n}>{body}</I18nextProvider> : body;
}

function ErrorMessage({ status }: { status: number }) {
  const { t, ready } = useTranslation();
  const key = status === 404 ? "notFound" : status === 403 ? "forbidden" : "server";
  if (!ready || !t(`errors.${key}Title`)) return <h1>Error {status}</h1>;
  return (
    <>
      <h1>{t(`errors.${key}Title`)}</h1>
      <p>{t(`errors.${key}`)}</p>
      <p>
        <a href="/">{t("nav.home")}</a>
      </p>
    </>
  );
}
