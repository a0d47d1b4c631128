import { useTranslation } from "react-i18next";
import { searchTerms } from "~/domain/search/terms";

type Filters = Record<string, string | undefined>;
const DISTANCES = ["5", "10", "25", "50", "100"];

/** The filters a new search keeps: all but the text and the page. */
export function searchKept(filters: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => !["q", "page"].includes(entry[0]) && Boolean(entry[1])));
}

/** "Within N km of" a municipality: the reader's own when signed in and none is chosen (decision 044). */
export function NearbyFields({ filters, municipalities, signedIn }: { filters: Filters; municipalities: { code: string; name: string }[]; signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="filter-grid nearby-fields">
      <legend>{t("search.nearby.legend")}</legend>
      <div className="field">
        <label htmlFor="filter-km">{t("search.filter.km")}</label>
        <select id="filter-km" name="km" defaultValue={filters.km ?? ""}>
          <option value="">{t("search.nearby.anyDistance")}</option>
          {DISTANCES.map((km) => (
            <option key={km} value={km}>
              {t("search.nearby.within", { km })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-near">{t("search.filter.near")}</label>
        <select id="filter-near" name="near" defaultValue={filters.near ?? ""}>
          <option value="">{signedIn ? t("search.nearby.myMunicipality") : t("search.nearby.choose")}</option>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
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
          {closeMatches ? <span className="hint"> {t("search.closeMatches", { words: terms.filter((term) => !typed.includes(term)).join(", ") })}</span> : null}
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
