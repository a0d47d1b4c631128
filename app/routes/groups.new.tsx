import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldMessage, FormAlert, SubmitButton, TextField } from "~/components/form";
import { MunicipalitySelect } from "~/components/municipality-select";
import { createGroup } from "~/domain/groups/groups.server";
import { listMunicipalities } from "~/domain/people/profile.server";
import { requireActor } from "~/domain/policy/guards.server";
import { policy } from "~/domain/policy/rules";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { INTERESTS } from "~/lib/reference/interests";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "groups.create");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  await orHttpError(requireActor(user.id, policy.canCreateGroup));
  return { municipalities: await listMunicipalities() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData());
  return runAction(async () => {
    const { slug } = await createGroup(user.id, input);
    throw redirect(`/groups/${slug}`);
  }, input);
}

export default function NewGroup() {
  const { t } = useTranslation();
  const { municipalities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  const typed = (result?.values ?? {}) as Record<string, string | undefined>;
  return (
    <section className="narrow stack">
      <h1>{t("groups.create")}</h1>
      <Form method="post" className="stack" noValidate>
        <FormAlert error={result?.formError} />
        <TextField name="name" label={t("groups.name")} maxLength={80} required defaultValue={typed.name} error={errors.name} />
        <div className={`field${errors.description ? " has-error" : ""}`}>
          <label htmlFor="field-description">{t("groups.description")}</label>
          <textarea id="field-description" name="description" rows={5} maxLength={2000} required defaultValue={typed.description} />
          <FieldMessage id="field-description-error" error={errors.description} />
        </div>
        <div className="field">
          <label htmlFor="field-interest">{t("groups.interest")}</label>
          <select id="field-interest" name="interest" defaultValue={typed.interest ?? ""}>
            <option value="">{t("activities.filters.any")}</option>
            {INTERESTS.map((key) => (
              <option key={key} value={key}>
                {t(`reference:interest.${key}`)}
              </option>
            ))}
          </select>
          <FieldMessage id="field-interest-error" error={errors.interest} />
        </div>
        <MunicipalitySelect municipalities={municipalities} defaultValue={typed.municipalityCode ?? ""} error={errors.municipalityCode} />
        <SubmitButton busy={busy}>{t("groups.create")}</SubmitButton>
      </Form>
    </section>
  );
}
