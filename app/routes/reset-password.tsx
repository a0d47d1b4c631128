import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SubmitButton, TextField } from "~/components/form";
import { resetLinkHolder, resetPassword } from "~/domain/auth/password-reset.server";
import { startSession } from "~/domain/auth/lucia.server";
import { runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "auth.reset.title");

/** The address holds a secret: no cache may keep the page, and no link on it may pass the address to another site (with "no-referrer" browsers would send the form with Origin: null, which the Origin check refuses). */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" });

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, valid: (await resetLinkHolder(token)) !== null };
}

export async function action({ request }: ActionFunctionArgs) {
  const input = formToObject(await request.formData());
  return runAction(async () => {
    const { userId } = await resetPassword(input);
    throw await redirectWithNotice("/", { key: "auth.reset.done" }, { headers: { "Set-Cookie": await startSession(userId) } });
  });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { token, valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (!valid) {
    return (
      <section className="narrow stack">
        <h1>{t("auth.reset.title")}</h1>
        <p className="alert alert-error" role="alert">
          {t("auth.reset.invalid")}
        </p>
        <p>
          <Link to="/forgot-password" className="button">
            {t("auth.reset.again")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("auth.reset.title")}</h1>
      <Form method="post" className="stack" noValidate>
        <FormAlert error={result?.formError} />
        <input type="hidden" name="token" value={token} />
        <TextField
          name="newPassword"
          type="password"
          label={t("auth.reset.newPassword")}
          hint={t("auth.passwordHint")}
          autoComplete="new-password"
          required
          error={result?.fieldErrors.newPassword}
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={t("auth.reset.confirmPassword")}
          autoComplete="new-password"
          required
          error={result?.fieldErrors.confirmPassword}
        />
        <SubmitButton busy={busy}>{t("auth.reset.submit")}</SubmitButton>
      </Form>
      {result?.formError ? (
        <p>
          <Link to="/forgot-password">{t("auth.reset.again")}</Link>
        </p>
      ) : null}
    </section>
  );
}
