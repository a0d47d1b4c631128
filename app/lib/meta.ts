import type { MetaArgs } from "@remix-run/react";
import { i18nFor } from "./i18n";
import type { RootData } from "~/root";

/** Page titles in the reader's language, from the translations loaded for the page (root loader, entry.client). */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: string) {
  return [{ title: `${translated(args, key)} · Meedoen` }];
}

function translated(args: Pick<MetaArgs, "matches">, key: string) {
  const root = args.matches.find((match) => match.id === "root")?.data as RootData | undefined;
  return root ? i18nFor(root.locale).t(key) : key;
}

/** `<link rel="alternate">` to a page's Atom feed, in the reader's language, so feed readers find it. */
export function feedLink(args: Pick<MetaArgs, "matches">, path: string) {
  const root = args.matches.find((match) => match.id === "root")?.data as RootData | undefined;
  const href = root ? `${path}?lang=${root.locale}` : path;
  return { tagName: "link", rel: "alternate", type: "application/atom+xml", title: translated(args, "feeds.link"), href };
}
