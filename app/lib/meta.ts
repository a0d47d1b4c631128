import type { MetaArgs } from "@remix-run/react";
import { i18nFor } from "./i18n";
import type { RootData } from "~/root";

/** Page titles in the reader's language, from the resources the root loader already sent. */
export function pageTitle(args: Pick<MetaArgs, "matches">, key: string) {
  const root = args.matches.find((match) => match.id === "root")?.data as RootData | undefined;
  const title = root ? i18nFor(root.locale, root.resources).t(key) : key;
  return [{ title: `${title} · Meedoen` }];
}
