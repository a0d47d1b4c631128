import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "~/domain/errors";

export function useFieldError(error: FieldError | undefined) {
  const { t } = useTranslation();
  return error ? t(error.key, error.values) : undefined;
}

export function FieldMessage({ id, error }: { id: string; error?: FieldError }) {
  const message = useFieldError(error);
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  error?: FieldError;
};

export function TextField({ name, label, hint, error, id, type = "text", ...input }: TextFieldProps) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      <input id={fieldId} name={name} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
      <FieldMessage id={`${fieldId}-error`} error={error} />
    </div>
  );
}

export function FormAlert({ error }: { error?: { key: string; values?: Record<string, string | number> } | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {t(error.key, error.values)}
    </div>
  );
}

export function SubmitButton({ children, busy, className }: { children: ReactNode; busy: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={className ?? "button"} disabled={busy} aria-busy={busy || undefined}>
      {busy ? t("common.saving") : children}
    </button>
  );
}
