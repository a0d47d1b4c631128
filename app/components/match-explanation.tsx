import { useTranslation } from "react-i18next";
import { formatList } from "~/lib/format";
import { useLocale } from "~/lib/use-locale";

type Explanation = {
  sharedInterests?: string[];
  distanceKm?: number | null;
  online?: boolean;
  sharedSlots?: string[];
  commonLanguages?: string[];
  practise?: string | null;
  sector?: string | null;
  waitingDays?: number;
};

/** Why this pair was proposed, criterion by criterion, in the reader's language. */
export function MatchExplanation({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = (items: string[]) => formatList(items, locale);
  const slot = (value: string) => {
    const [day, part] = value.split("-");
    return `${t(`reference:weekday.${day}`)} (${t(`reference:dayPart.${part}`)})`;
  };
  const lines: string[] = [];
  if (explanation.practise) lines.push(t("buddies.explain.practise", { language: t(`reference:language.${explanation.practise}`) }));
  if (explanation.sector) lines.push(t("buddies.explain.sector", { sector: t(`reference:sector.${explanation.sector}`) }));
  if (explanation.sharedInterests?.length) {
    lines.push(t("buddies.explain.interests", { interests: list(explanation.sharedInterests.map((key) => t(`reference:interest.${key}`))) }));
  }
  if (explanation.online) lines.push(t("buddies.explain.online"));
  else if (typeof explanation.distanceKm === "number" && explanation.distanceKm < 1) lines.push(t("buddies.explain.sameTown"));
  else if (typeof explanation.distanceKm === "number")
    lines.push(t("buddies.explain.distance", { count: Math.round(explanation.distanceKm), km: Math.round(explanation.distanceKm) }));
  if (explanation.sharedSlots?.length) lines.push(t("buddies.explain.slots", { slots: list(explanation.sharedSlots.slice(0, 3).map(slot)) }));
  if (explanation.commonLanguages?.length) {
    lines.push(t("buddies.explain.languages", { languages: list(explanation.commonLanguages.map((code) => t(`reference:language.${code}`))) }));
  }
  return (
    <ul className="explanation">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
