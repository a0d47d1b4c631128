import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/domain/errors";
import { COMMITMENTS, JOB_GOALS, PRACTISE_LANGUAGES } from "~/lib/reference/buddies";
import { LANGUAGE_LEVELS } from "~/lib/reference/languages";
import { SECTORS } from "~/lib/reference/sectors";
import { CheckboxField, ChipGroup } from "./choice";
import { FieldMessage, FormAlert, SubmitButton, TextField } from "./form";

type FormError = { key: string; values?: Record<string, string | number> } | null | undefined;

/** Language buddy or job buddy, each with a line saying what it means for this side. */
function KindChoice({ selected, hints }: { selected: string; hints: "kindHint" | "offerHint" }) {
  const { t } = useTranslation();
  return (
    <>
      <legend>{t("buddies.form.kind")}</legend>
      {(["language", "job"] as const).map((kind) => (
        <label key={kind} className="check">
          <input type="radio" name="kind" value={kind} defaultChecked={selected === kind} />
          <span>
            <strong>{t(`buddies.kind.${kind}`)}</strong> — {t(`buddies.${hints}.${kind}`)}
          </span>
        </label>
      ))}
    </>
  );
}

export type RequestValues = {
  kind: string;
  targetLanguage: string;
  targetLevel: string;
  targetSector: string;
  goals: string[];
  onlineOk: boolean;
  note: string;
};

export function RequestForm({
  values,
  errors,
  formError,
  busy,
  submitLabel,
}: {
  values: RequestValues;
  errors: FieldErrors;
  formError?: FormError;
  busy: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack" noValidate>
      <FormAlert error={formError} />
      <fieldset className="card">
        <KindChoice selected={values.kind} hints="kindHint" />
      </fieldset>
      <fieldset className="card">
        <legend>{t("buddies.form.languageBuddy")}</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="field-targetLanguage">{t("buddies.form.targetLanguage")}</label>
            <select id="field-targetLanguage" name="targetLanguage" defaultValue={values.targetLanguage}>
              {PRACTISE_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {t(`reference:language.${code}`)}
                </option>
              ))}
            </select>
            <FieldMessage id="field-targetLanguage-error" error={errors.targetLanguage} />
          </div>
          <div className="field">
            <label htmlFor="field-targetLevel">{t("buddies.form.targetLevel")}</label>
            <select id="field-targetLevel" name="targetLevel" defaultValue={values.targetLevel}>
              {LANGUAGE_LEVELS.filter((level) => level !== "native").map((level) => (
                <option key={level} value={level}>
                  {t(`reference:level.${level}`)}
                </option>
              ))}
            </select>
            <FieldMessage id="field-targetLevel-error" error={errors.targetLevel} />
          </div>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("buddies.form.jobBuddy")}</legend>
        <div className="field">
          <label htmlFor="field-targetSector">{t("buddies.form.targetSector")}</label>
          <select id="field-targetSector" name="targetSector" defaultValue={values.targetSector}>
            <option value="">—</option>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`reference:sector.${sector}`)}
              </option>
            ))}
          </select>
          <FieldMessage id="field-targetSector-error" error={errors.targetSector} />
        </div>
        <p className="hint">{t("buddies.form.goals")}</p>
        <ChipGroup name="goals" selected={values.goals} options={JOB_GOALS.map((goal) => ({ value: goal, label: t(`buddies.goal.${goal}`) }))} />
      </fieldset>
      <fieldset className="card">
        <legend>{t("buddies.form.more")}</legend>
        <CheckboxField name="onlineOk" label={t("buddies.form.onlineOk")} defaultChecked={values.onlineOk} />
        <div className="field">
          <label htmlFor="field-note">{t("buddies.form.note")}</label>
          <p className="hint" id="field-note-hint">
            {t("buddies.form.noteHint")}
          </p>
          <textarea id="field-note" name="note" rows={3} maxLength={1000} defaultValue={values.note} aria-describedby="field-note-hint" />
          <FieldMessage id="field-note-error" error={errors.note} />
        </div>
        <p className="hint">{t("buddies.form.profileHint")}</p>
      </fieldset>
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </Form>
  );
}

export type OfferValues = {
  kind: string;
  helpsWith: string[];
  sectors: string[];
  capacity: string;
  commitment: string;
  travelKm: string;
  onlineOk: boolean;
  onlineOnly: boolean;
};

export function OfferForm({
  values,
  errors,
  formError,
  busy,
  submitLabel,
}: {
  values: OfferValues;
  errors: FieldErrors;
  formError?: FormError;
  busy: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="stack" noValidate>
      <FormAlert error={formError} />
      <fieldset className="card">
        <KindChoice selected={values.kind} hints="offerHint" />
        <p className="hint">{t("buddies.form.helpsWith")}</p>
        <ChipGroup
          name="helpsWith"
          selected={values.helpsWith}
          options={[
            ...PRACTISE_LANGUAGES.map((code) => ({ value: code, label: t("buddies.form.practiseLanguage", { language: t(`reference:language.${code}`) }) })),
            ...JOB_GOALS.map((goal) => ({ value: goal, label: t(`buddies.goal.${goal}`) })),
          ]}
        />
        <FieldMessage id="field-helpsWith-error" error={errors.helpsWith} />
        <p className="hint">{t("buddies.form.sectors")}</p>
        <ChipGroup name="sectors" selected={values.sectors} options={SECTORS.map((sector) => ({ value: sector, label: t(`reference:sector.${sector}`) }))} />
        <FieldMessage id="field-sectors-error" error={errors.sectors} />
      </fieldset>
      <fieldset className="card">
        <legend>{t("buddies.form.howMuch")}</legend>
        <div className="field-row">
          <TextField
            name="capacity"
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            label={t("buddies.form.capacity")}
            hint={t("buddies.form.capacityHint")}
            defaultValue={values.capacity}
            error={errors.capacity}
          />
          <div className="field">
            <label htmlFor="field-commitment">{t("buddies.form.commitment")}</label>
            <select id="field-commitment" name="commitment" defaultValue={values.commitment}>
              {COMMITMENTS.map((commitment) => (
                <option key={commitment} value={commitment}>
                  {t(`buddies.commitment.${commitment}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <TextField
          name="travelKm"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          label={t("buddies.form.travelKm")}
          defaultValue={values.travelKm}
          error={errors.travelKm}
        />
        <CheckboxField name="onlineOk" label={t("buddies.form.offerOnline")} defaultChecked={values.onlineOk} />
        <CheckboxField name="onlineOnly" label={t("buddies.form.onlineOnly")} defaultChecked={values.onlineOnly} />
        <p className="hint">{t("buddies.form.profileHint")}</p>
      </fieldset>
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </Form>
  );
}

/** Fields of the offer form sent once per ticked box. */
export const OFFER_LIST_FIELDS = ["helpsWith", "sectors"];

/** What a failed submission sent, in the shape of saved values. */
export function requestValues(sent: Record<string, unknown> | undefined, fallback: RequestValues): RequestValues {
  if (!sent) return fallback;
  const text = (key: string) => (typeof sent[key] === "string" ? (sent[key] as string) : "");
  return {
    kind: text("kind"),
    targetLanguage: text("targetLanguage"),
    targetLevel: text("targetLevel"),
    targetSector: text("targetSector"),
    goals: Array.isArray(sent.goals) ? (sent.goals as string[]) : [],
    onlineOk: sent.onlineOk === "on",
    note: text("note"),
  };
}

export function offerValues(sent: Record<string, unknown> | undefined, fallback: OfferValues): OfferValues {
  if (!sent) return fallback;
  const text = (key: string) => (typeof sent[key] === "string" ? (sent[key] as string) : "");
  const list = (key: string) => (Array.isArray(sent[key]) ? (sent[key] as string[]) : []);
  return {
    kind: text("kind"),
    helpsWith: list("helpsWith"),
    sectors: list("sectors"),
    capacity: text("capacity"),
    commitment: text("commitment"),
    travelKm: text("travelKm"),
    onlineOk: sent.onlineOk === "on",
    onlineOnly: sent.onlineOnly === "on",
  };
}
