import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChipGroup, CheckboxField } from "~/components/choice";
import { FieldMessage, FormAlert, SubmitButton, TextField } from "~/components/form";
import { AvailabilityGrid } from "~/components/availability-grid";
import { LanguageRows } from "~/components/language-rows";
import { MunicipalitySelect } from "~/components/municipality-select";
import { getProfile, listMunicipalities, updateProfile } from "~/domain/people/profile.server";
import { requireUser, runAction } from "~/lib/http.server";
import { LOCALE_NAMES, LOCALES } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { INTERESTS } from "~/lib/reference/interests";
import { SECTORS } from "~/lib/reference/sectors";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";
import { rolesOf } from "~/domain/policy/rules";
import { AvatarSection } from "~/components/avatar-form";
import { ownAvatar } from "~/domain/people/avatar.server";

/** Fields the profile form sends once per ticked box or language row. */
const PROFILE_LIST_FIELDS = ["languages", "levels", "interests", "sectors", "availability"];

export const meta: MetaFunction = (args) => pageTitle(args, "profile.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const [profile, municipalities, avatar] = await Promise.all([getProfile(user.id), listMunicipalities(), ownAvatar(user.id)]);
  return { profile, municipalities, avatar };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData(), PROFILE_LIST_FIELDS);
  return runAction(async () => {
    await updateProfile(user.id, input);
    throw await redirectWithNotice("/profile", { key: "profile.saved" });
  }, input);
}

type Submitted = {
  displayName?: string;
  locale?: string;
  isNewcomer?: string;
  isVolunteer?: string;
  municipalityCode?: string;
  languages?: string[];
  levels?: string[];
  interests?: string[];
  sectors?: string[];
  availability?: string[];
};

export default function ProfilePage() {
  const { t } = useTranslation();
  const { profile, municipalities, avatar } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  // After a failed save without JavaScript, show what the person sent rather than the old profile.
  const sent = result?.values as Submitted | undefined;
  const values = {
    displayName: sent ? sent.displayName : profile.displayName,
    locale: sent?.locale ?? profile.locale,
    isNewcomer: sent ? sent.isNewcomer === "on" : profile.isNewcomer,
    isVolunteer: sent ? sent.isVolunteer === "on" : profile.isVolunteer,
    municipalityCode: sent ? sent.municipalityCode : profile.municipality?.code,
    languages: sent ? (sent.languages ?? []).map((language, index) => ({ language, level: sent.levels?.[index] ?? "" })) : profile.languages,
    interests: sent?.interests ?? profile.interests,
    sectors: sent?.sectors ?? profile.sectors,
    availability: sent?.availability ?? profile.availability,
  };

  return (
    <section className="stack">
      <h1>{t("profile.title")}</h1>
      {/* Keyed on the saved version: after a save, fields show what the server stored. */}
      <Form method="post" className="stack profile-form" noValidate key={new Date(profile.updatedAt).getTime()}>
        <FormAlert error={result?.formError} />
        {Object.keys(errors).length > 0 ? (
          <div className="alert alert-error" role="alert">
            {t("errors.validation")}
          </div>
        ) : null}

        <fieldset className="card">
          <legend>{t("profile.aboutYou")}</legend>
          <TextField
            name="displayName"
            label={t("profile.displayName")}
            hint={t("profile.displayNameHint")}
            defaultValue={values.displayName}
            maxLength={60}
            required
            error={errors.displayName}
          />
          <div className="field">
            <label htmlFor="field-locale">{t("profile.locale")}</label>
            <select id="field-locale" name="locale" defaultValue={values.locale}>
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </select>
            <FieldMessage id="field-locale-error" error={errors.locale} />
          </div>
          <fieldset className="field">
            <legend>{t("profile.roles")}</legend>
            <CheckboxField name="isNewcomer" label={t("profile.roleNewcomer")} defaultChecked={values.isNewcomer} />
            <CheckboxField name="isVolunteer" label={t("profile.roleVolunteer")} defaultChecked={values.isVolunteer} />
            {rolesOf(profile).organiser ? <p className="hint">{t("profile.organiserNote")}</p> : null}
          </fieldset>
        </fieldset>

        <fieldset className="card">
          <legend>{t("profile.whereTitle")}</legend>
          <MunicipalitySelect municipalities={municipalities} defaultValue={values.municipalityCode ?? ""} error={errors.municipalityCode} />
        </fieldset>

        <fieldset className="card" aria-describedby="languages-hint">
          <legend>{t("profile.languagesTitle")}</legend>
          <p className="hint" id="languages-hint">
            {t("profile.languagesHint")}
          </p>
          <LanguageRows rows={values.languages} />
          <FieldMessage id="field-languages-error" error={errors.languages ?? errors.levels} />
        </fieldset>

        <fieldset className="card">
          <legend>{t("profile.interestsTitle")}</legend>
          <p className="hint">{t("profile.interestsHint")}</p>
          <ChipGroup name="interests" selected={values.interests} options={INTERESTS.map((key) => ({ value: key, label: t(`reference:interest.${key}`) }))} />
          <FieldMessage id="field-interests-error" error={errors.interests} />
        </fieldset>

        <fieldset className="card">
          <legend>{t("profile.availabilityTitle")}</legend>
          <p className="hint">{t("profile.availabilityHint")}</p>
          <AvailabilityGrid selected={values.availability} />
          <FieldMessage id="field-availability-error" error={errors.availability} />
        </fieldset>

        <fieldset className="card">
          <legend>{t("profile.sectorsTitle")}</legend>
          <p className="hint">{t("profile.sectorsHint")}</p>
          <ChipGroup name="sectors" selected={values.sectors} options={SECTORS.map((key) => ({ value: key, label: t(`reference:sector.${key}`) }))} />
          <FieldMessage id="field-sectors-error" error={errors.sectors} />
        </fieldset>

        <div className="form-actions">
          <SubmitButton busy={busy}>{t("profile.save")}</SubmitButton>
        </div>
      </Form>
      {/* Its own form (a picture is sent as multipart to /profile/avatar), so outside the profile's; last, as it is optional. */}
      <AvatarSection name={profile.displayName} avatar={avatar} result={undefined} cancelTo="/profile#avatar" />
    </section>
  );
}
