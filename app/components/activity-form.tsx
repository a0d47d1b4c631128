import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/domain/errors";
import { ACTIVITY_KINDS, ACTIVITY_MODES, CONTENT_LOCALES, PRACTISED_LEVELS, THEMES } from "~/lib/reference/activities";
import { INTERESTS } from "~/lib/reference/interests";
import { LANGUAGES } from "~/lib/reference/languages";
import type { Locale } from "~/lib/locales";
import { CheckboxField, ChipGroup } from "./choice";
import { ScopeChoice } from "./confirm";
import { FieldMessage, FormAlert, TextField } from "./form";
import { MunicipalitySelect } from "./municipality-select";

export type ActivityFormValues = {
  kind: string;
  contents: { locale: string; title: string; summary: string; description: string }[];
  date: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  mode: string;
  venue: string;
  addressForGoingOnly?: boolean;
  municipalityCode: string;
  accessibilityNotes: string;
  joinUrl: string;
  capacity: string;
  childcare: boolean;
  costEuros: string;
  spokenLanguages: string[];
  practisedLanguage: string;
  practisedLevel: string;
  themes: string[];
  interests: string[];
  requiresApproval: boolean;
  rsvpCutoffHours: string;
  reminderHours: string;
  groupId: string;
};

const ZONES = ["Europe/Amsterdam", "Europe/Kyiv", "Europe/London", "UTC"];

/** Values from a failed submission, in the same shape as saved ones. */
export function valuesFromSubmission(sent: Record<string, unknown>): ActivityFormValues {
  const list = (key: string) => (Array.isArray(sent[key]) ? (sent[key] as string[]) : []);
  const text = (key: string) => (typeof sent[key] === "string" ? (sent[key] as string) : "");
  return {
    kind: text("kind"),
    contents: list("contentLocales").map((locale, index) => ({
      locale,
      title: list("titles")[index] ?? "",
      summary: list("summaries")[index] ?? "",
      description: list("descriptions")[index] ?? "",
    })),
    date: text("date"),
    startTime: text("startTime"),
    endTime: text("endTime"),
    timeZone: text("timeZone"),
    mode: text("mode"),
    venue: text("venue"),
    addressForGoingOnly: sent.addressForGoingOnly === "on",
    municipalityCode: text("municipalityCode"),
    accessibilityNotes: text("accessibilityNotes"),
    joinUrl: text("joinUrl"),
    capacity: text("capacity"),
    childcare: sent.childcare === "on",
    costEuros: text("costEuros"),
    spokenLanguages: list("spokenLanguages"),
    practisedLanguage: text("practisedLanguage"),
    practisedLevel: text("practisedLevel"),
    themes: list("themes"),
    interests: list("interests"),
    requiresApproval: sent.requiresApproval === "on",
    rsvpCutoffHours: text("rsvpCutoffHours"),
    reminderHours: text("reminderHours"),
    groupId: text("groupId"),
  };
}

export function ActivityForm({
  values,
  errors,
  formError,
  municipalities,
  groups,
  locale,
  mode,
  inSeries,
  busy,
}: {
  values: ActivityFormValues;
  errors: FieldErrors;
  formError?: { key: string; values?: Record<string, string | number> } | null;
  municipalities: { code: string; name: string; province: string }[];
  groups: { id: string; name: string }[];
  locale: Locale;
  mode: "create" | "edit";
  inSeries: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const contentFor = (code: string) => values.contents.find((content) => content.locale === code);
  const languageOptions = [...LANGUAGES]
    .map((code) => ({ value: code, label: t(`reference:language.${code}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <Form method="post" className="stack activity-form" noValidate>
      <FormAlert error={formError} />
      {Object.keys(errors).length > 0 ? (
        <div className="alert alert-error" role="alert">
          {t("errors.validation")}
        </div>
      ) : null}
      <fieldset className="card">
        <legend>{t("organise.form.what")}</legend>
        <div className="field">
          <label htmlFor="field-kind">{t("organise.form.kind")}</label>
          <select id="field-kind" name="kind" defaultValue={values.kind || "meetup"}>
            {ACTIVITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`activities.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">{t("organise.form.contentHint")}</p>
        <FieldMessage id="field-titles-error" error={errors.titles} />
        {CONTENT_LOCALES.map((code) => {
          const content = contentFor(code);
          return (
            <details key={code} className="content-locale" open={Boolean(content?.title) || (values.contents.length === 0 && code === locale)}>
              <summary>{t("organise.form.contentIn", { language: t(`reference:language.${code}`) })}</summary>
              <input type="hidden" name="contentLocales" value={code} />
              <div lang={code} dir={code === "ar" ? "rtl" : "ltr"} className="stack">
                <TextField id={`title-${code}`} name="titles" label={t("organise.form.title")} maxLength={120} defaultValue={content?.title} />
                <TextField id={`summary-${code}`} name="summaries" label={t("organise.form.summary")} maxLength={300} defaultValue={content?.summary} />
                <div className="field">
                  <label htmlFor={`description-${code}`}>{t("organise.form.description")}</label>
                  <textarea id={`description-${code}`} name="descriptions" rows={5} maxLength={5000} defaultValue={content?.description} />
                </div>
              </div>
            </details>
          );
        })}
      </fieldset>

      <fieldset className="card">
        <legend>{t("organise.form.when")}</legend>
        <TextField name="date" type="date" label={t("organise.form.date")} required defaultValue={values.date} error={errors.date} />
        <div className="field-row">
          <TextField name="startTime" type="time" label={t("organise.form.startTime")} required defaultValue={values.startTime} error={errors.startTime} />
          <TextField name="endTime" type="time" label={t("organise.form.endTime")} required defaultValue={values.endTime} error={errors.endTime} />
        </div>
        <TextField
          name="timeZone"
          label={t("organise.form.timeZone")}
          list="time-zones"
          defaultValue={values.timeZone || "Europe/Amsterdam"}
          error={errors.timeZone}
          dir="ltr"
        />
        <datalist id="time-zones">
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {mode === "create" ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor="field-repeat">{t("organise.form.repeat")}</label>
              <select id="field-repeat" name="repeat" defaultValue="none">
                <option value="none">{t("organise.form.repeatNone")}</option>
                {[1, 2, 3, 4].map((weeks) => (
                  <option key={weeks} value={String(weeks)}>
                    {t("organise.form.repeatEvery", { count: weeks })}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              name="repeatUntil"
              type="date"
              label={t("organise.form.repeatUntil")}
              hint={t("organise.form.repeatUntilHint")}
              error={errors.repeatUntil}
            />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="card">
        <legend>{t("organise.form.where")}</legend>
        <fieldset className="field">
          <legend>{t("organise.form.mode")}</legend>
          {ACTIVITY_MODES.map((option) => (
            <label key={option} className="check">
              <input type="radio" name="mode" value={option} defaultChecked={(values.mode || "in-person") === option} />
              <span>{t(`organise.form.modes.${option}`)}</span>
            </label>
          ))}
        </fieldset>
        <TextField
          name="venue"
          label={t("organise.form.venue")}
          hint={t("organise.form.venueHint")}
          maxLength={200}
          defaultValue={values.venue}
          error={errors.venue}
        />
        <CheckboxField name="addressForGoingOnly" label={t("search.addressForGoingOnly")} defaultChecked={values.addressForGoingOnly} />
        <MunicipalitySelect municipalities={municipalities} defaultValue={values.municipalityCode} error={errors.municipalityCode} />
        <TextField
          name="joinUrl"
          type="url"
          label={t("organise.form.joinUrl")}
          hint={t("organise.form.joinUrlHint")}
          defaultValue={values.joinUrl}
          error={errors.joinUrl}
          dir="ltr"
        />
        <div className="field">
          <label htmlFor="field-accessibilityNotes">{t("organise.form.accessibility")}</label>
          <textarea id="field-accessibilityNotes" name="accessibilityNotes" rows={2} maxLength={1000} defaultValue={values.accessibilityNotes} />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t("organise.form.who")}</legend>
        <p className="hint">{t("organise.form.spokenHint")}</p>
        <ChipGroup name="spokenLanguages" selected={values.spokenLanguages} options={languageOptions} />
        <FieldMessage id="field-spokenLanguages-error" error={errors.spokenLanguages} />
        <div className="field-row">
          <div className="field">
            <label htmlFor="field-practisedLanguage">{t("organise.form.practisedLanguage")}</label>
            <select id="field-practisedLanguage" name="practisedLanguage" defaultValue={values.practisedLanguage}>
              <option value="">—</option>
              {languageOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <FieldMessage id="field-practisedLanguage-error" error={errors.practisedLanguage} />
          </div>
          <div className="field">
            <label htmlFor="field-practisedLevel">{t("organise.form.practisedLevel")}</label>
            <select id="field-practisedLevel" name="practisedLevel" defaultValue={values.practisedLevel}>
              <option value="">—</option>
              {PRACTISED_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level === "all" ? t("organise.form.allLevels") : level}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          <TextField
            name="capacity"
            type="number"
            inputMode="numeric"
            min={1}
            label={t("organise.form.capacity")}
            hint={t("organise.form.capacityHint")}
            defaultValue={values.capacity}
            error={errors.capacity}
          />
          <TextField
            name="costEuros"
            inputMode="decimal"
            label={t("organise.form.cost")}
            hint={t("organise.form.costHint")}
            defaultValue={values.costEuros}
            error={errors.costEuros}
          />
        </div>
        <CheckboxField name="childcare" label={t("organise.form.childcare")} defaultChecked={values.childcare} />
        <CheckboxField name="requiresApproval" label={t("organise.form.requiresApproval")} defaultChecked={values.requiresApproval} />
        <TextField
          name="reminderHours"
          type="number"
          inputMode="numeric"
          min={1}
          label={t("organise.form.reminder")}
          hint={t("organise.form.reminderHint")}
          defaultValue={values.reminderHours}
          error={errors.reminderHours}
        />
        <TextField
          name="rsvpCutoffHours"
          type="number"
          inputMode="numeric"
          min={0}
          label={t("organise.form.cutoff")}
          hint={t("organise.form.cutoffHint")}
          defaultValue={values.rsvpCutoffHours}
          error={errors.rsvpCutoffHours}
        />
        {groups.length > 0 ? (
          <div className="field">
            <label htmlFor="field-groupId">{t("organise.form.group")}</label>
            <select id="field-groupId" name="groupId" defaultValue={values.groupId}>
              <option value="">—</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
            <FieldMessage id="field-groupId-error" error={errors.groupId} />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="card">
        <legend>{t("organise.form.themes")}</legend>
        <p className="hint">{t("organise.form.themesHint")}</p>
        <ChipGroup name="themes" selected={values.themes} options={THEMES.map((theme) => ({ value: theme, label: t(`activities.theme.${theme}`) }))} />
        <h3 className="legend-like">{t("profile.interestsTitle")}</h3>
        <ChipGroup name="interests" selected={values.interests} options={INTERESTS.map((key) => ({ value: key, label: t(`reference:interest.${key}`) }))} />
        <FieldMessage id="field-interests-error" error={errors.interests} />
      </fieldset>

      {mode === "edit" && inSeries ? (
        <fieldset className="card">
          <legend>{t("organise.form.scope")}</legend>
          <ScopeChoice />
        </fieldset>
      ) : null}

      <div className="form-actions">
        {mode === "create" ? (
          <>
            <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
              {t("organise.form.publish")}
            </button>
            <button type="submit" name="intent" value="draft" className="button button-secondary" disabled={busy}>
              {t("organise.form.saveDraft")}
            </button>
          </>
        ) : (
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {t("organise.form.save")}
          </button>
        )}
      </div>
    </Form>
  );
}
