import type { InputHTMLAttributes } from "react";

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { name: string; label: string };

export function CheckboxField({ label, className, ...input }: CheckboxFieldProps) {
  return (
    <label className={className ?? "check"}>
      <input type="checkbox" {...input} />
      <span>{label}</span>
    </label>
  );
}

/** A wrapping group of toggle chips: plain checkboxes, so it works without JavaScript. */
export function ChipGroup({ name, options, selected }: { name: string; options: { value: string; label: string }[]; selected: readonly string[] }) {
  return (
    <div className="chips">
      {options.map((option) => (
        <CheckboxField
          key={option.value}
          className="chip"
          name={name}
          value={option.value}
          label={option.label}
          defaultChecked={selected.includes(option.value)}
        />
      ))}
    </div>
  );
}
