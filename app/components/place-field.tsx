import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { placesMatching } from "~/lib/municipality-order";
import { useHydrated } from "~/lib/use-hydrated";
import { Combobox, type ComboOption } from "./combobox";

type Props = {
  /** The id of the native <select> (its label points at it), kept by the field that replaces it. */
  id: string;
  name: string;
  /** Every choice in list order, the empty one ("Any", "Choose…") first. */
  choices: ComboOption[];
  defaultValue: string;
  describedBy?: string;
  invalid?: boolean;
  /** The native <select>: what the server sends, and what works without JavaScript. */
  children: ReactNode;
};

/**
 * A municipality choice that can be typed (decision 050): without JavaScript, and until the page's
 * scripts run, the native <select> the server rendered; then a combobox over the same choices
 * that finds "'s-Gravenhage" by "den haag" or "gravenhage" (placesMatching), sending the code in a
 * hidden field of the same name. What the person chose in the <select> before that is kept.
 */
export function PlaceField({ children, ...props }: Props) {
  return useHydrated() ? <PlaceCombobox {...props} /> : <>{children}</>;
}

function PlaceCombobox({ id, name, choices, defaultValue, describedBy, invalid }: Omit<Props, "children">) {
  const { t } = useTranslation();
  const labelOf = (value: string) => (value ? (choices.find((choice) => choice.value === value)?.label ?? "") : "");
  // Read while the server's <select> is still on the page: a choice made before the scripts ran stays.
  const [value, setValue] = useState(
    () => (typeof document === "undefined" ? null : document.querySelector<HTMLSelectElement>(`select#${id}`)?.value) ?? defaultValue,
  );
  const [text, setText] = useState(() => labelOf(value));
  const chosenLabel = labelOf(value);
  // The field still showing the choice lists everything (the arrow keys open it); typing narrows it.
  const options = useMemo(() => (text === chosenLabel ? choices : placesMatching(choices, text)), [text, chosenLabel, choices]);
  const choose = (option: ComboOption) => {
    setValue(option.value);
    setText(option.value ? option.label : "");
  };
  // Leaving the field with a half-typed name: an exact match, or matches that are all one municipality, are taken; else the last choice comes back.
  const settle = () => {
    if (!text.trim()) return choose({ value: "", label: "" });
    if (text === chosenLabel) return;
    const found = options.filter((choice) => choice.value); // what the list shows for this text
    const pick =
      found.find((choice) => choice.label.toLocaleLowerCase() === text.trim().toLocaleLowerCase()) ??
      (new Set(found.map((choice) => choice.value)).size === 1 ? found[0] : undefined);
    if (pick) choose(pick);
    else setText(chosenLabel);
  };
  return (
    <>
      <Combobox
        id={id}
        type="text"
        value={text}
        placeholder={choices[0]?.label}
        options={options}
        onChoose={choose}
        onChange={(event) => setText(event.currentTarget.value)}
        onBlur={settle}
        listLabel={t("search.placeChoices")}
        countText={(count) => t("search.placeCount", { count })}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        renderOption={(option) => (
          <>
            {option.label}
            {option.hint ? <span className="combobox-hint"> · {option.hint}</span> : null}
          </>
        )}
      />
      <input type="hidden" name={name} value={value} />
    </>
  );
}
