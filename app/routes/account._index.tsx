import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SubmitButton, TextField } from "~/components/form";
import { changePassword } from "~/domain/auth/accounts.server";
import { emailVerified } from "~/domain/auth/email-verification.server";
import { startSession } from "~/domain/auth/lucia.server";
import { getMailChoices, saveMailChoices } from "~/domain/people/mail-preferences.server";
import { getProfile } from "~/domain/people/profile.server";
import { MailChoices } from "~/components/mail-choices";
import { formatDate } from "~/lib/format";
import { requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const [profile, verified, mailChoices] = await Promise.all([getProfile(user.id), emailVerified(user.id), getMailChoices(user.id)]);
  return { email: profile.email, verified, createdAt: profile.createdAt.toISOString(), locale: context.locale, mailChoices };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData());
  return runAction(async () => {
    if (input.intent === "mail") {
      await saveMailChoices(user.id, input);
      throw await redirectWithNotice("/account", { key: "mailPrefs.saved" });
    }
    await changePassword(user.id, input);
    // Every old session is gone; this device continues on a fresh one.
    throw await redirectWithNotice("/account", { key: "account.passwordChanged" }, { headers: { "Set-Cookie": await startSession(user.id) } });
  });
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { email, verified, createdAt, locale, mailChoices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") !== "mail";
  const savingMail = navigation.state === "submitting" && navigation.formData?.get("intent") === "mail";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="stack">
      <h1>{t("account.title")}</h1>
      <dl className="facts card">
        <dt>{t("auth.email")}</dt>
        <dd>
          {email} <span className={verified ? "badge" : "badge badge-warning"}>{verified ? t("auth.verify.badgeConfirmed") : t("auth.verify.badgeOpen")}</span>
          {verified ? null : (
            <Form method="post" action="/verify-email" className="inline-form">
              <button type="submit" className="button button-secondary button-small">
                {t("auth.verify.resend")}
              </button>
            </Form>
          )}
        </dd>
        <dt>{t("account.memberSince")}</dt>
        <dd>
          <time dateTime={createdAt}>{formatDate(createdAt, locale)}</time>
        </dd>
      </dl>

      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("account.changePassword")}</h2>
        <Form method="post" className="stack" noValidate>
          <FormAlert error={result?.formError} />
          <TextField
            name="currentPassword"
            type="password"
            label={t("account.currentPassword")}
            autoComplete="current-password"
            required
            error={errors.currentPassword}
          />
          <TextField
            name="newPassword"
            type="password"
            label={t("account.newPassword")}
            hint={t("auth.passwordHint")}
            autoComplete="new-password"
            required
            error={errors.newPassword}
          />
          <TextField
            name="confirmPassword"
            type="password"
            label={t("account.confirmPassword")}
            autoComplete="new-password"
            required
            error={errors.confirmPassword}
          />
          <SubmitButton busy={busy}>{t("account.changePassword")}</SubmitButton>
        </Form>
      </section>

      <MailChoices choices={mailChoices} busy={savingMail} />

      <section className="card" aria-labelledby="data-heading">
        <h2 id="data-heading">{t("account.yourData")}</h2>
        <p>{t("account.exportIntro")}</p>
        <p>
          <a className="button button-secondary" href="/account/export" download>
            {t("account.export")}
          </a>
        </p>
        <p>{t("account.deleteIntro")}</p>
        <p>
          <Link className="button button-danger" to="/account/delete">
            {t("account.delete")}
          </Link>
        </p>
      </section>
    </section>
  );
}
