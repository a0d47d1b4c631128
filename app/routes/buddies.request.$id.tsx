import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestForm, requestValues } from "~/components/buddy-forms";
import { ConfirmActions } from "~/components/confirm";
import { updateRequest, withdrawRequest } from "~/domain/matching/offers.server";
import { requestForEdit } from "~/domain/matching/views.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "buddies.editRequest");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const found = await orHttpError(requestForEdit(user.id, params.id!));
  return { request: found };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData(), ["goals"]);
  return runAction(async () => {
    if (input.intent === "withdraw") {
      await withdrawRequest(user.id, params.id!);
      throw await redirectWithNotice("/buddies", { key: "buddies.notice.withdrawn" });
    }
    await updateRequest(user.id, params.id!, input);
    throw await redirectWithNotice("/buddies", { key: "buddies.notice.saved" });
  }, input);
}

export default function EditRequest() {
  const { t } = useTranslation();
  const { request } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const saved = {
    kind: request.kind,
    targetLanguage: request.targetLanguage ?? "nl",
    targetLevel: request.targetLevel ?? "A2",
    targetSector: request.targetSector ?? "",
    goals: request.goals,
    onlineOk: request.onlineOk,
    note: request.note,
  };
  return (
    <section className="narrow stack">
      <h1>{t("buddies.editRequest")}</h1>
      <RequestForm
        values={requestValues(result?.values, saved)}
        errors={result?.fieldErrors ?? {}}
        formError={result?.formError}
        busy={busy}
        submitLabel={t("buddies.save")}
      />
      <section className="card stack">
        <h2>{t("buddies.withdraw")}</h2>
        {params.get("confirm") === "withdraw" ? (
          <Form method="post" className="stack">
            <p>{t("buddies.withdrawConfirm")}</p>
            <ConfirmActions intent="withdraw" label={t("buddies.withdrawYes")} busy={busy} />
          </Form>
        ) : (
          <Link to="?confirm=withdraw" className="button button-secondary">
            {t("buddies.withdraw")}
          </Link>
        )}
      </section>
    </section>
  );
}
