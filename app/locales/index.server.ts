import type { Resources } from "~/lib/i18n";
import type { Locale } from "~/lib/locales";
import arCommon from "./ar/common.json";
import arReference from "./ar/reference.json";
import enCommon from "./en/common.json";
import enReference from "./en/reference.json";
import nlCommon from "./nl/common.json";
import nlReference from "./nl/reference.json";
import ukCommon from "./uk/common.json";
import ukReference from "./uk/reference.json";

export const resources: Record<Locale, Resources> = {
  en: { common: enCommon, reference: enReference },
  nl: { common: nlCommon, reference: nlReference },
  uk: { common: ukCommon, reference: ukReference },
  ar: { common: arCommon, reference: arReference },
};
