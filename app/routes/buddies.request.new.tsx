import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestForm, requestValues, type RequestValues } from "~/components/buddy-forms";
import { createRequest } from "~/domain/matching/offers.server";
import { requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "buddies.askForBuddy");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData(), ["goals"]);
  return runAction(async () => {
    await createRequest(user.id, input);
    throw await redirectWithNotice("/buddies", { key: "buddies.notice.requested" });
  }, input);
}

export default function NewRequest() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const empty: RequestValues = { kind: "language", targetLanguage: "nl", targetLevel: "A2", targetSector: "", goals: [], onlineOk: true, note: "" };
  return (
    <section className="narrow stack">
      <h1>{t("buddies.askForBuddy")}</h1>
      <p className="lead">{t("buddies.askIntro")}</p>
      <RequestForm
        values={requestValues(result?.values, empty)}
        errors={result?.fieldErrors ?? {}}
        formError={result?.formError}
        busy={busy}
        submitLabel={t("buddies.sendRequest")}
      />
    </section>
  );
}
