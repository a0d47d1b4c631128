import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { FormAlert, SubmitButton, TextField } from "~/components/form";
import { helpdeskVolunteers, setHelpdeskVolunteer } from "~/domain/help/questions.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "help.volunteers.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  return { volunteers: await orHttpError(helpdeskVolunteers(user.id)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData());
  return runAction(async () => {
    await setHelpdeskVolunteer(user.id, input);
    throw await redirectWithNotice("/organise/help/volunteers", { key: input.grant === "revoke" ? "help.notice.revoked" : "help.notice.granted" });
  }, input);
}

export default function HelpdeskVolunteers() {
  const { t } = useTranslation();
  const { volunteers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="stack narrow">
      <BackLink to="/organise/help">{t("help.triage.title")}</BackLink>
      <h1>{t("help.volunteers.title")}</h1>
      <p className="lead">{t("help.volunteers.intro")}</p>
      <Form method="post" className="card stack" noValidate>
        <FormAlert error={result?.formError} />
        <TextField
          name="email"
          type="email"
          label={t("help.volunteers.email")}
          defaultValue={String(result?.values?.email ?? "")}
          error={result?.fieldErrors?.email}
          autoComplete="off"
        />
        <input type="hidden" name="grant" value="grant" />
        <SubmitButton busy={busy}>{t("help.volunteers.grant")}</SubmitButton>
      </Form>
      {volunteers.length === 0 ? (
        <div className="empty-state card">{t("help.volunteers.none")}</div>
      ) : (
        <ul className="people-list">
          {volunteers.map((person) => (
            <li key={person.id} className="card person-row">
              <div>
                <strong>{person.displayName}</strong>
                <div className="muted">{person.email}</div>
              </div>
              <Form method="post">
                <input type="hidden" name="email" value={person.email} />
                <button type="submit" name="grant" value="revoke" className="button button-small button-secondary" disabled={busy}>
                  {t("help.volunteers.revoke")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
