import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SubmitButton, TextField } from "~/components/form";
import { requestPasswordReset } from "~/domain/auth/password-reset.server";
import { originOf } from "~/lib/calendar-response.server";
import { retryAfterHeaders, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "auth.forgot.title");
export const headers = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const input = formToObject(await request.formData());
  return runAction(
    async () => {
      // Links in mails use PUBLIC_ORIGIN, never a Host header an attacker could choose (see README).
      await requestPasswordReset(input, { clientAddress: context.clientAddress, origin: originOf(request) });
      // The same words whether or not the address has an account.
      throw await redirectWithNotice("/forgot-password", { key: "auth.forgot.sent" });
    },
    { email: input.email },
  );
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow">
      <h1>{t("auth.forgot.title")}</h1>
      <p>{t("auth.forgot.intro")}</p>
      <Form method="post" className="stack" noValidate>
        <FormAlert error={result?.formError} />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="email"
          required
          defaultValue={result?.values.email as string | undefined}
          error={result?.fieldErrors.email}
        />
        <SubmitButton busy={busy}>{t("auth.forgot.submit")}</SubmitButton>
      </Form>
      <p>
        <Link to="/login">{t("auth.signInLink")}</Link>
      </p>
    </section>
  );
}
