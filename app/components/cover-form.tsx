import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmActions } from "~/components/confirm";
import { FieldMessage, FormAlert } from "~/components/form";
import { ImageFileField } from "~/components/image-file-field";
import { Picture } from "~/components/picture";
import type { FieldErrors } from "~/domain/errors";
import { MAX_ALT_LENGTH } from "~/lib/images/alt-text";
import type { PictureView } from "~/lib/images/cover.server";

export type AltField = { name: string; label: string; lang?: string; value: string };
type Result =
  { formError?: { key: string; values?: Record<string, string | number> } | null; fieldErrors?: FieldErrors; values?: Record<string, unknown> } | undefined;

/**
 * The cover form of an activity or a group (decision 043): the picture, one description field per
 * language, and removal behind a confirmation. Works without JavaScript (multipart/form-data).
 */
export function CoverForm({ cover, altFields, result, of }: { cover: PictureView | null; altFields: AltField[]; result: Result; of: "activity" | "group" }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  const sent = (result?.values ?? {}) as Record<string, string | undefined>;
  return (
    <>
      {cover ? (
        <figure className="cover-preview">
          <Picture picture={cover} sizes="(min-width: 40rem) 36rem, 100vw" eager />
        </figure>
      ) : (
        <p className="hint">{t(of === "group" ? "pictures.noneGroup" : "pictures.none")}</p>
      )}
      {/* Keyed by the picture: a new one clears the picker, whose file has been sent. */}
      <Form key={cover?.src ?? "none"} method="post" encType="multipart/form-data" className="card stack" noValidate>
        <FormAlert error={result?.formError} />
        <ImageFileField label={cover ? t("pictures.replace") : t("pictures.choose")} hint={t("pictures.imageHint")} error={errors.image} />
        <fieldset className="stack">
          <legend>{t("pictures.altLegend")}</legend>
          <p className="hint">{t(of === "group" ? "pictures.altHintGroup" : "pictures.altHint")}</p>
          {altFields.map((field) => {
            const error = errors[field.name];
            return (
              <div key={field.name} className={`field${error ? " has-error" : ""}`}>
                <label htmlFor={`field-${field.name}`}>{field.label}</label>
                <textarea
                  id={`field-${field.name}`}
                  name={field.name}
                  lang={field.lang}
                  dir="auto"
                  rows={2}
                  maxLength={MAX_ALT_LENGTH}
                  required
                  defaultValue={sent[field.name] ?? field.value}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `field-${field.name}-error` : undefined}
                />
                <FieldMessage id={`field-${field.name}-error`} error={error} />
              </div>
            );
          })}
        </fieldset>
        <div className="form-actions">
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {t("pictures.save")}
          </button>
        </div>
      </Form>
      {cover && params.get("confirm") !== "remove" ? (
        <p>
          <a href="?confirm=remove" className="button button-danger button-small">
            {t("pictures.remove")}
          </a>
        </p>
      ) : null}
      {cover && params.get("confirm") === "remove" ? (
        <Form method="post" className="card alert-warning stack">
          <h2>{t("pictures.removeTitle")}</h2>
          <p>{t(of === "group" ? "pictures.removeWarningGroup" : "pictures.removeWarning")}</p>
          <ConfirmActions intent="remove" label={t("pictures.confirmRemove")} cancelLabel={t("pictures.keep")} busy={busy} />
        </Form>
      ) : null}
    </>
  );
}
