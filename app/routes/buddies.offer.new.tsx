import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OFFER_LIST_FIELDS, OfferForm, offerValues, type OfferValues } from "~/components/buddy-forms";
import { createOffer } from "~/domain/matching/offers.server";
import { requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "buddies.offerSlots");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData(), OFFER_LIST_FIELDS);
  return runAction(async () => {
    await createOffer(user.id, input);
    throw await redirectWithNotice("/buddies", { key: "buddies.notice.offered" });
  }, input);
}

export default function NewOffer() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const empty: OfferValues = {
    kind: "language",
    helpsWith: ["nl"],
    sectors: [],
    capacity: "1",
    commitment: "1h-week-3-months",
    travelKm: "10",
    onlineOk: true,
    onlineOnly: false,
  };
  return (
    <section className="narrow stack">
      <h1>{t("buddies.offerSlots")}</h1>
      <p className="lead">{t("buddies.offerIntro")}</p>
      <OfferForm
        values={offerValues(result?.values, empty)}
        errors={result?.fieldErrors ?? {}}
        formError={result?.formError}
        busy={busy}
        submitLabel={t("buddies.saveOffer")}
      />
    </section>
  );
}
