import { useTranslation } from "react-i18next";
import { searchTerms } from "~/domain/search/terms";

type Filters = Record<string, string | undefined>;
const DISTANCES = ["5", "10", "25", "50", "100"];

/** The filters a new search keeps: all but the text and the page. */
export function searchKept(filters: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => !["q", "page"].includes(entry[0]) && Boolean(entry[1])));
}

/**
 * "Within N km" of the municipality chosen as the place, else of the reader's own when signed in
 * (decision 044). One list of municipalities on the page, the place filter's: a second one for
 * "near" doubled the page's elements (≈ 690 options) and the work of hydrating them on a phone.
 */
export function DistanceField({ filters, signedIn }: { filters: Filters; signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="filter-km">{t("search.filter.km")}</label>
      <p className="hint" id="filter-km-hint">
        {signedIn ? t("search.nearby.fromPlaceOrMine") : t("search.nearby.fromPlace")}
      </p>
      <select id="filter-km" name="km" defaultValue={filters.km ?? ""} aria-describedby="filter-km-hint">
        <option value="">{t("search.nearby.exactPlace")}</option>
        {DISTANCES.map((km) => (
          <option key={km} value={km}>
            {t("search.nearby.within", { km })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What was searched for, and whether close matches stand in for words not found. */
export function SearchSummary({ q, terms, needsOrigin }: { q?: string; terms: string[]; needsOrigin: boolean }) {
  const { t } = useTranslation();
  const typed = q ? searchTerms(q) : [];
  const closeMatches = typed.length > 0 && terms.some((term) => !typed.includes(term));
  return (
    <>
      {q ? (
        <p className="search-summary">
          {t("search.resultsFor")} <bdi className="search-text">{q}</bdi>
          {/* Not the index's words themselves: they are stems ("fietsl"); the marks in the results show what matched. */}
          {closeMatches ? <span className="hint"> {t("search.closeMatches")}</span> : null}
        </p>
      ) : null}
      {needsOrigin ? (
        <p className="alert alert-warning" role="status">
          {t("search.nearby.needsOrigin")}
        </p>
      ) : null}
    </>
  );
}
