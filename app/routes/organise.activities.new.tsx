import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityForm, valuesFromSubmission, type ActivityFormValues } from "~/components/activity-form";
import { createActivity } from "~/domain/activities/activities.server";
import { groupsOrganisedBy } from "~/domain/groups/groups.server";
import { listMunicipalities } from "~/domain/people/profile.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { ACTIVITY_LIST_FIELDS } from "~/lib/activity-form-fields";
import { requireActor } from "~/domain/policy/guards.server";
import { policy } from "~/domain/policy/rules";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "organise.new");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  await orHttpError(requireActor(user.id, policy.canCreateActivity));
  const [municipalities, groups] = await Promise.all([listMunicipalities(), groupsOrganisedBy(user.id)]);
  return { municipalities, groups, locale: context.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData(), ACTIVITY_LIST_FIELDS);
  return runAction(async () => {
    const created = await createActivity(user.id, input, { publish: input.intent === "publish" });
    throw await redirectWithNotice(`/organise/activities/${created.id}`, { key: "organise.done.created", values: { count: created.count } });
  }, input);
}

const EMPTY: ActivityFormValues = {
  kind: "meetup",
  contents: [],
  date: "",
  startTime: "19:00",
  endTime: "21:00",
  timeZone: "Europe/Amsterdam",
  mode: "in-person",
  venue: "",
  municipalityCode: "",
  accessibilityNotes: "",
  joinUrl: "",
  capacity: "",
  childcare: false,
  costEuros: "",
  spokenLanguages: [],
  practisedLanguage: "",
  practisedLevel: "",
  themes: [],
  interests: [],
  requiresApproval: false,
  rsvpCutoffHours: "",
  reminderHours: "24",
  groupId: "",
};

export default function NewActivity() {
  const { t } = useTranslation();
  const { municipalities, groups, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="stack">
      <h1>{t("organise.new")}</h1>
      <ActivityForm
        values={result ? valuesFromSubmission(result.values) : EMPTY}
        errors={result?.fieldErrors ?? {}}
        formError={result?.formError}
        municipalities={municipalities}
        groups={groups}
        locale={locale}
        mode="create"
        inSeries={false}
        busy={busy}
      />
    </section>
  );
}
