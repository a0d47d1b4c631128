import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type Suggestion = { id: string; title: string };

/**
 * The search box: a GET form, so a search is an address and works without JavaScript. With it,
 * titles that match what is typed are offered as the browser's own suggestion list (a datalist,
 * which screen readers and keyboards already know), read from `suggestUrl` a moment after typing stops.
 */
export function SearchBox({
  value,
  label,
  suggestUrl,
  keep,
  action,
}: {
  value: string;
  /** The page the search shows its results on. */
  action: string;
  label: string;
  suggestUrl?: string;
  /** Other parameters the search keeps (the filters chosen). */
  keep: Record<string, string>;
}) {
  const { t } = useTranslation();
  // One search box per page: fixed ids (React's useId gives ":R…:", which is no valid HTML id start).
  const id = "search";
  const [typed, setTyped] = useState(value);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const latest = useRef(0);
  useEffect(() => {
    if (!suggestUrl || typed.trim().length < 2 || typed === value) return;
    const ask = ++latest.current;
    const timer = setTimeout(() => {
      fetch(`${suggestUrl}?q=${encodeURIComponent(typed)}`, { headers: { accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { suggestions: [] }))
        .then((body: { suggestions: Suggestion[] }) => ask === latest.current && setSuggestions(body.suggestions))
        .catch(() => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [typed, value, suggestUrl]);
  return (
    <Form method="get" action={action} role="search" className="search-box" aria-label={label}>
      {Object.entries(keep).map(([name, kept]) => (
        <input key={name} type="hidden" name={name} value={kept} />
      ))}
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {label}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        name="q"
        defaultValue={value}
        maxLength={200}
        placeholder={t("search.placeholder")}
        list={suggestUrl ? `${id}-suggestions` : undefined}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(event) => setTyped(event.currentTarget.value)}
      />
      {suggestUrl ? (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((suggestion) => (
            <option key={suggestion.id} value={suggestion.title} />
          ))}
        </datalist>
      ) : null}
      <button type="submit" className="button">
        {t("search.submit")}
      </button>
    </Form>
  );
}
