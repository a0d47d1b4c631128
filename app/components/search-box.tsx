import { Form, useNavigate } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Combobox, type ComboOption } from "./combobox";

type Suggestion = { title: string; href: string };

/**
 * The search box: a GET form, so a search is an address and works without JavaScript. With it,
 * what the search finds for the words typed so far (typos and other scripts included) is listed
 * under the field a moment after typing stops (components/combobox.tsx, decision 050); choosing
 * one opens that activity or group, Enter without choosing searches.
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
  const navigate = useNavigate();
  // One search box per page: fixed ids (React's useId gives ":R…:", which is no valid HTML id start).
  const id = "search";
  const field = useRef<HTMLInputElement>(null);
  // What the person typed since the page showed `value`; null until they type (no suggestions for the search just made).
  const [typed, setTyped] = useState<string | null>(null);
  useEffect(() => setTyped(null), [value]);
  const [suggestions, setSuggestions] = useState<ComboOption[]>([]);
  const latest = useRef(0);
  useEffect(() => {
    const ask = ++latest.current;
    if (!suggestUrl || typed === null || typed.trim().length < 2) return setSuggestions([]);
    const timer = setTimeout(() => {
      fetch(`${suggestUrl}?q=${encodeURIComponent(typed)}`, { headers: { accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { suggestions: [] }))
        .then((body: { suggestions: Suggestion[] }) => {
          if (ask === latest.current) setSuggestions(body.suggestions.map((found) => ({ value: found.href, label: found.title })));
        })
        .catch(() => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [typed, suggestUrl]);
  const inputProps = {
    type: "search",
    name: "q",
    defaultValue: value,
    maxLength: 200,
    placeholder: t("search.placeholder"),
    enterKeyHint: "search",
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setTyped(event.currentTarget.value),
  } as const;
  return (
    <Form method="get" action={action} role="search" className="search-box" aria-label={label}>
      {Object.entries(keep).map(([name, kept]) => (
        <input key={name} type="hidden" name={name} value={kept} />
      ))}
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {label}
      </label>
      {suggestUrl ? (
        <Combobox
          id={`${id}-q`}
          inputRef={field}
          options={suggestions}
          listLabel={t("search.suggestions")}
          countText={(count) => t("search.suggestionCount", { count })}
          onChoose={(option) => {
            if (field.current) field.current.value = option.label;
            navigate(option.value);
          }}
          {...inputProps}
        />
      ) : (
        <input id={`${id}-q`} autoComplete="off" {...inputProps} />
      )}
      <button type="submit" className="button">
        {t("search.submit")}
      </button>
    </Form>
  );
}
