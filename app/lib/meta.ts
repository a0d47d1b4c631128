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

/** What a link preview shows (WhatsApp, Telegram, Signal, Mastodon…): built by the page's loader, absolute addresses only. */
export type SharePreview = {
  url: string;
  title: string;
  description: string;
  image: string;
  imageAlt: string;
  /** The language the title and description are in. */
  locale: string;
  alternateLocales: string[];
};

/** Open Graph wants language_TERRITORY; the territory is where people read it (Arabic: Facebook's ar_AR). */
const OG_LOCALES: Record<string, string> = { en: "en_GB", nl: "nl_NL", uk: "uk_UA", ar: "ar_AR" };
const ogLocale = (locale: string) => OG_LOCALES[locale] ?? locale;

/** Open Graph and Twitter card tags, with the 1200×630 preview image (`app/lib/preview-image.server.ts`). */
export function previewMeta(preview: SharePreview | null) {
  if (!preview) return [];
  return [
    { name: "description", content: preview.description },
    { property: "og:site_name", content: "Meedoen" },
    { property: "og:type", content: "website" },
    { property: "og:url", content: preview.url },
    { property: "og:title", content: preview.title },
    { property: "og:description", content: preview.description },
    { property: "og:locale", content: ogLocale(preview.locale) },
    ...preview.alternateLocales.map((locale) => ({ property: "og:locale:alternate", content: ogLocale(locale) })),
    { property: "og:image", content: preview.image },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: preview.imageAlt },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: preview.title },
    { name: "twitter:description", content: preview.description },
    { name: "twitter:image", content: preview.image },
    { name: "twitter:image:alt", content: preview.imageAlt },
  ];
}
