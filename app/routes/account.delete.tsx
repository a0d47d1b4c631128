import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField } from "~/components/choice";
import { FieldMessage, FormAlert, SubmitButton, TextField } from "~/components/form";
import { deleteAccount } from "~/domain/auth/accounts.server";
import { lucia } from "~/domain/auth/lucia.server";
import { requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "account.deleteTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData());
  return runAction(async () => {
    await deleteAccount(user.id, input);
    throw await redirectWithNotice("/", { key: "account.deleted" }, { headers: { "Set-Cookie": lucia().createBlankSessionCookie().serialize() } });
  });
}

export default function DeleteAccountPage() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="narrow stack">
      <h1>{t("account.deleteTitle")}</h1>
      <div className="alert alert-warning">
        <p>{t("account.deleteWarning")}</p>
      </div>
      <Form method="post" className="stack" noValidate>
        <FormAlert error={result?.formError} />
        <TextField name="password" type="password" label={t("account.deletePassword")} autoComplete="current-password" required error={errors.password} />
        <div className={`field${errors.confirm ? " has-error" : ""}`}>
          <CheckboxField name="confirm" label={t("account.deleteConfirm")} required aria-describedby="field-confirm-error" />
          <FieldMessage id="field-confirm-error" error={errors.confirm ? { key: "account.deleteConfirmRequired" } : undefined} />
        </div>
        <div className="form-actions">
          <SubmitButton busy={busy} className="button button-danger">
            {t("account.deleteForever")}
          </SubmitButton>
          <Link to="/account" className="button button-secondary">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
