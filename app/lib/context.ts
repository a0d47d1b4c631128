import type { Auth } from "~/domain/auth/lucia.server";
import type { Locale } from "./locales";

/** What the Express layer resolves once per request and hands to every loader and action. */
export type RequestContext = {
  auth: Auth;
  locale: Locale;
  cspNonce: string;
  /** The stylesheet's text, written into the head of every page (server/http/app-styles.ts). */
  appStyles: string;
  clientAddress: string;
  /** Demo accounts (with their published password) exist in this database: every page says so. */
  demoData: boolean;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}

declare module "@remix-run/node" {
  // Types loader and action data for single fetch (turbo-stream), matching remix.config.js.
  interface Future {
    v3_singleFetch: true;
  }
}
