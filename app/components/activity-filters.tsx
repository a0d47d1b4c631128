import { Form, useNavigate } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import { withoutEmptyParams } from "~/lib/clean-query";
import { useTranslation } from "react-i18next";
import { ACTIVITY_KINDS, THEMES } from "~/lib/reference/activities";
import { INTERESTS } from "~/lib/reference/interests";
import { LANGUAGES } from "~/lib/reference/languages";
import { choiceLabel, municipalityChoices } from "~/lib/municipality-order";
import { useLocale } from "~/lib/use-locale";
import { PlaceField } from "./place-field";

type Filters = Record<string, string | undefined>;
type Municipality = { code: string; name: string };
type Option = { value: string; label: string };
type TFunction = ReturnType<typeof useTranslation>["t"];

/**
 * The filters' fixed choices, translated and sorted once per language: the list page is the most
 * visited page, and these hundred labels and their sorting do not change between requests.
 */
const fixedChoices = new Map<string, { kinds: Option[]; languages: Option[]; themes: Option[]; interests: Option[] }>();
function choicesIn(locale: string, t: TFunction) {
  let choices = fixedChoices.get(locale);
  if (!choices) {
    const collator = new Intl.Collator(locale);
    const sorted = (options: Option[]) => options.sort((a, b) => collator.compare(a.label, b.label));
    choices = {
      kinds: ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kind.${k}`) })),
      languages: sorted(LANGUAGES.map((l) => ({ value: l, label: t(`reference:language.${l}`) }))),
      themes: sorted(THEMES.map((k) => ({ value: k, label: t(`activities.theme.${k}`) }))),
      interests: sorted(INTERESTS.map((k) => ({ value: k, label: t(`reference:interest.${k}`) }))),
    };
    fixedChoices.set(locale, choices);
  }
  return choices;
}

/** The municipalities in Dutch order with their aliases ("Den Haag ('s-Gravenhage)"), once per language. */
const placeCache = new Map<string, Option[]>();
function placeChoices(municipalities: Municipality[], locale: string) {
  const key = `${locale}:${municipalities.length}`;
  let options = placeCache.get(key);
  if (!options) {
    options = municipalityChoices(municipalities, locale).map((choice) => ({ value: choice.code, label: choiceLabel(choice) }));
    placeCache.set(key, options);
  }
  return options;
}

/** A GET form: every filter is in the URL, so results can be shared and work without JavaScript. */
export function ActivityFilters({
  filters,
  municipalities,
  view,
  distance,
}: {
  filters: Filters;
  municipalities: Municipality[];
  view: string;
  /** The distance from the place (search-parts.tsx), next to the place. */
  distance?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nativeSelect = (name: string, options: Option[]) => (
    <select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ""}>
      <option value="">{t("activities.filters.any")}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
  const select = (name: string, label: string, options: Option[]) => (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      {nativeSelect(name, options)}
    </div>
  );
  // The place can be typed once the scripts run (components/place-field.tsx): 's-Gravenhage by "den haag".
  const places = [{ value: "online", label: t("activities.mode.online") }, ...placeChoices(municipalities, locale)];
  const placeField = (
    <div className="field">
      <label htmlFor="filter-place">{t("activities.filters.place")}</label>
      <PlaceField id="filter-place" name="place" choices={[{ value: "", label: t("activities.filters.any") }, ...places]} defaultValue={filters.place ?? ""}>
        {nativeSelect("place", places)}
      </PlaceField>
    </div>
  );
  const choices = choicesIn(locale, t);
  const navigate = useNavigate();
  // "Any" is an empty field: the address leaves it out (without JavaScript the loader redirects).
  const submitClean = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate({ search: withoutEmptyParams(new FormData(event.currentTarget)) });
    // The panel folds away and the count of results comes into view: on a phone they were 1,500 px below.
    const panel = event.currentTarget.closest("details");
    if (panel) panel.open = false;
    document.getElementById("results-count")?.scrollIntoView({ block: "start" });
  };
  return (
    <Form method="get" className="filters card" aria-label={t("activities.filters.title")} onSubmit={submitClean}>
      <input type="hidden" name="view" value={view} />
      {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
      <div className="filter-grid">
        {select("kind", t("activities.filters.kind"), choices.kinds)}
        {select("language", t("activities.filters.language"), choices.languages)}
        {placeField}
        {distance}
        {select("theme", t("activities.filters.theme"), choices.themes)}
        {select("interest", t("activities.filters.interest"), choices.interests)}
        <div className="field">
          <label htmlFor="filter-from">{t("activities.filters.from")}</label>
          <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">{t("activities.filters.to")}</label>
          <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} />
        </div>
      </div>
      <div className="filter-checks">
        {(["evening", "weekend", "childcare"] as const).map((name) => (
          <label className="check" key={name}>
            <input type="checkbox" name={name} value="1" defaultChecked={filters[name] === "1"} />
            <span>{t(`activities.filters.${name}`)}</span>
          </label>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {t("activities.filters.apply")}
        </button>
        <a href={`?view=${view}`} className="button button-secondary">
          {t("activities.filters.clear")}
        </a>
      </div>
    </Form>
  );
}
