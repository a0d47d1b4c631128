import { useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode, type RefObject } from "react";

import { useHydrated } from "~/lib/use-hydrated";

export type ComboOption = { value: string; label: string; hint?: string };
const keyOf = (option: ComboOption) => `${option.value}\n${option.label}`;

/**
 * A text field with a list of choices under it, as the ARIA combobox pattern describes (decision
 * 050): the browser's own <datalist> filters its options by the typed text, so it hid exactly the
 * suggestions search makes for a typo or a title in another script, and a native <select> jumps by
 * the first letters of a label, so "gravenhage" found Groningen. Here the caller decides what is
 * listed; arrows move through it, Enter takes the active choice (or, with none active, does what
 * Enter does in the field: submit the form), Escape closes the list, a tap chooses.
 */
export function Combobox({
  id,
  options,
  onChoose,
  listLabel,
  countText,
  inputRef,
  renderOption,
  ...input
}: {
  id: string;
  /** The choices for what is typed now; an empty list closes the popup. */
  options: ComboOption[];
  onChoose: (option: ComboOption) => void;
  listLabel: string;
  /** Read out when the list changes ("5 suggestions"). */
  countText: (count: number) => string;
  inputRef?: RefObject<HTMLInputElement>;
  renderOption?: (option: ComboOption) => ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "role" | "list">) {
  // Until the scripts run it is a plain field: no popup could open, so it does not claim one. The
  // same <input> stays through hydration, so what was typed before is kept.
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  // The active option by its key (two names may share a value: Den Haag and 's-Gravenhage). When the
  // list changes without it, nothing is active, so Enter submits what was typed.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = activeKey === null ? -1 : options.findIndex((option) => keyOf(option) === activeKey);
  const listId = `${id}-listbox`;
  const shown = open && options.length > 0;

  const choose = (option: ComboOption) => {
    setOpen(false);
    setActiveKey(null);
    onChoose(option);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    input.onKeyDown?.(event);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setOpen(true);
      const next = !shown || active < 0 ? (step === 1 ? 0 : options.length - 1) : (active + step + options.length) % options.length;
      setActiveKey(keyOf(options[next]!));
    } else if (event.key === "Enter" && shown && active >= 0) {
      event.preventDefault();
      choose(options[active]!);
    } else if (event.key === "Escape" && shown) {
      // The first Escape closes the list; the next one is the field's own (a search field clears).
      event.preventDefault();
      setOpen(false);
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  if (!hydrated) {
    return (
      <div className="combobox">
        <input {...input} ref={inputRef} id={id} autoComplete="off" />
      </div>
    );
  }
  return (
    <div className="combobox">
      <input
        {...input}
        ref={inputRef}
        id={id}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        onKeyDown={onKeyDown}
        onChange={(event) => {
          input.onChange?.(event);
          setOpen(true);
        }}
        onBlur={(event) => {
          input.onBlur?.(event);
          setOpen(false);
        }}
      />
      <ul id={listId} role="listbox" aria-label={listLabel} className="combobox-list" hidden={!shown}>
        {options.map((option, index) => (
          // The keyboard works in the field (arrows, Enter, aria-activedescendant), so the option only needs the tap.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={keyOf(option)}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            data-value={option.value}
            className={index === active ? "active" : undefined}
            // Keeps the focus in the field, so the field's blur does not close the list before the click lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {renderOption ? renderOption(option) : option.label}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {shown ? countText(options.length) : ""}
      </p>
    </div>
  );
}
