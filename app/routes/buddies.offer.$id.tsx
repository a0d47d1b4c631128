import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OFFER_LIST_FIELDS, OfferForm, offerValues } from "~/components/buddy-forms";
import { setOfferPaused, updateOffer } from "~/domain/matching/offers.server";
import { offerForEdit } from "~/domain/matching/views.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "buddies.editOffer");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const offer = await orHttpError(offerForEdit(user.id, params.id!));
  return { offer };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData(), OFFER_LIST_FIELDS);
  return runAction(async () => {
    if (input.intent === "pause" || input.intent === "resume") {
      await setOfferPaused(user.id, params.id!, input.intent === "pause");
      throw await redirectWithNotice("/buddies", { key: `buddies.notice.${input.intent === "pause" ? "paused" : "resumed"}` });
    }
    await updateOffer(user.id, params.id!, input);
    throw await redirectWithNotice("/buddies", { key: "buddies.notice.saved" });
  }, input);
}

export default function EditOffer() {
  const { t } = useTranslation();
  const { offer } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const saved = {
    kind: offer.kind,
    helpsWith: offer.helpsWith,
    sectors: offer.sectors,
    capacity: String(offer.capacity),
    commitment: offer.commitment,
    travelKm: String(offer.travelKm),
    onlineOk: offer.onlineOk,
    onlineOnly: offer.onlineOnly,
  };
  return (
    <section className="narrow stack">
      <h1>{t("buddies.editOffer")}</h1>
      <Form method="post" className="card person-row">
        <span>{offer.status === "paused" ? t("buddies.pausedHint") : t("buddies.activeHint")}</span>
        <button
          type="submit"
          name="intent"
          value={offer.status === "paused" ? "resume" : "pause"}
          className="button button-secondary button-small"
          disabled={busy}
        >
          {offer.status === "paused" ? t("buddies.resume") : t("buddies.pause")}
        </button>
      </Form>
      <OfferForm
        values={offerValues(result?.values, saved)}
        errors={result?.fieldErrors ?? {}}
        formError={result?.formError}
        busy={busy}
        submitLabel={t("buddies.save")}
      />
    </section>
  );
}
