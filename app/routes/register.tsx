import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { register } from "~/domain/auth/accounts.server";
import { startSession } from "~/domain/auth/lucia.server";
import { CheckboxField } from "~/components/choice";
import { FieldMessage, FormAlert, SubmitButton, TextField } from "~/components/form";
import { retryAfterHeaders, runAction } from "~/lib/http.server";
import { LOCALE_NAMES, LOCALES } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";
import { originOf } from "~/lib/calendar-response.server";

export const meta: MetaFunction = (args) => pageTitle(args, "auth.registerTitle");
export const headers = retryAfterHeaders;

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.auth.user) throw redirect("/profile");
  return { locale: context.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const input = formToObject(form);
  const { password: _password, ...values } = input;
  return runAction(async () => {
    const { userId } = await register(input, context.clientAddress, originOf(request));
    const welcome = { key: "profile.welcome", values: { name: String(input.displayName ?? "").trim() } };
    throw await redirectWithNotice("/profile", welcome, { headers: { "Set-Cookie": await startSession(userId) } });
  }, values);
}

export default function Register() {
  const { t } = useTranslation();
  const { locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  const typed = (result?.values ?? {}) as Record<string, string | undefined>;
  return (
    <section className="narrow">
      <h1>{t("auth.registerTitle")}</h1>
      <p className="lead">{t("auth.registerIntro")}</p>
      <Form method="post" className="stack" noValidate>
        <FormAlert error={result?.formError} />
        <TextField
          name="displayName"
          label={t("profile.displayName")}
          hint={t("profile.displayNameHint")}
          autoComplete="nickname"
          maxLength={60}
          required
          defaultValue={typed.displayName}
          error={errors.displayName}
        />
        <TextField name="email" type="email" label={t("auth.email")} autoComplete="email" required defaultValue={typed.email} error={errors.email} />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          autoComplete="new-password"
          minLength={10}
          required
          error={errors.password}
        />
        <div className="field">
          <label htmlFor="field-locale">{t("profile.locale")}</label>
          <select id="field-locale" name="locale" defaultValue={typed.locale ?? locale}>
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
          <CheckboxField name="isNewcomer" label={t("profile.roleNewcomer")} defaultChecked={result ? typed.isNewcomer === "on" : true} />
          <CheckboxField name="isVolunteer" label={t("profile.roleVolunteer")} defaultChecked={typed.isVolunteer === "on"} />
        </fieldset>
        <SubmitButton busy={busy}>{t("auth.register")}</SubmitButton>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to="/login">{t("auth.signInLink")}</Link>
      </p>
    </section>
  );
}
