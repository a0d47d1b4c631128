import { useTranslation } from "react-i18next";
import { formatNumber } from "~/lib/format";
import type { Locale } from "~/lib/locales";

/** Reason → number of requests, from the last matching run (matching/engine/unmatched.ts). */
type Counts = Partial<Record<string, number>>;

/** Tells the organiser what stood in the way of the requests a run left over, biggest first. */
export function UnmatchedReasons({ counts, locale }: { counts: Counts; locale: Locale }) {
  const { t } = useTranslation();
  const rows = Object.entries(counts)
    .filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0)
    .sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return null;
  return (
    <table className="data-table unmatched-reasons">
      <caption>{t("matching.unmatched.title")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("matching.unmatched.count")}</th>
          <th scope="col">{t("matching.unmatched.reason")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([reason, count]) => (
          <tr key={reason}>
            <td className="number">{formatNumber(count, locale)}</td>
            <td>{t(`matching.unmatched.${reason}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
