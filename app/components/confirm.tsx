import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The second step of a destructive action: the dangerous button and a way back. The first step is
 * a link to `?confirm=…`, so the confirmation works without JavaScript.
 */
export function ConfirmActions({
  intent,
  label,
  busy,
  cancelTo = "?",
  cancelLabel,
}: {
  intent: string;
  label: ReactNode;
  busy: boolean;
  cancelTo?: string;
  cancelLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" name="intent" value={intent} className="button button-danger" disabled={busy}>
        {label}
      </button>
      <Link to={cancelTo} className="button button-secondary">
        {cancelLabel ?? t("common.cancel")}
      </Link>
    </div>
  );
}

/** "This date only" or "this and later dates", for series. */
export function ScopeChoice() {
  const { t } = useTranslation();
  return (
    <>
      <label className="check">
        <input type="radio" name="scope" value="one" defaultChecked />
        <span>{t("organise.form.scopeOne")}</span>
      </label>
      <label className="check">
        <input type="radio" name="scope" value="future" />
        <span>{t("organise.form.scopeFuture")}</span>
      </label>
    </>
  );
}
