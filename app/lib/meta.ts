import type { MetaArgs } from "@remix-run/react";
import { i18nFor } from "./i18n";
import type { RootData } from "~/root";

/** Page titles in the reader's language, from the translations loaded for the page (root loader, entry.client). */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: string) {
  const root = args.matches.find((match) => match.id === "root")?.data as RootData | undefined;
  const title = root ? i18nFor(root.locale).t(key) : key;
  return [{ title: `${title} · Meedoen` }];
}
