import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { signIn } from "~/domain/auth/accounts.server";
import { endSession, startSession } from "~/domain/auth/lucia.server";
import { FormAlert, SubmitButton, TextField } from "~/components/form";
import { retryAfterHeaders, runAction, safeRedirectPath } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "auth.signInTitle");
export const headers = retryAfterHeaders;

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.auth.user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const input = formToObject(form);
  return runAction(
    async () => {
      const { userId } = await signIn(input, context.clientAddress);
      // A new session id at every sign-in: a session fixed before sign-in is worth nothing after it.
      if (context.auth.session) await endSession(context.auth.session.id);
      throw redirect(safeRedirectPath(form.get("redirectTo")), { headers: { "Set-Cookie": await startSession(userId) } });
    },
    { email: input.email },
  );
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow">
      <h1>{t("auth.signInTitle")}</h1>
      <Form method="post" className="stack" noValidate>
        <FormAlert error={result?.formError} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="email"
          required
          defaultValue={result?.values.email as string | undefined}
          error={result?.fieldErrors.email}
        />
        <TextField name="password" type="password" label={t("auth.password")} autoComplete="current-password" required error={result?.fieldErrors.password} />
        <SubmitButton busy={busy}>{t("auth.signIn")}</SubmitButton>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.forgotLink")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to="/register">{t("auth.registerLink")}</Link>
      </p>
    </section>
  );
}
