import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, TextField } from "~/components/form";
import { getActivity } from "~/domain/activities/queries.server";
import { placeOf } from "~/domain/activities/whereabouts";
import { selfCheckIn, ticketFor } from "~/domain/attendance/checkin.server";
import { orHttpError, orRefusal, requireUser, retryAfterHeaders, runAction } from "~/lib/http.server";
import { formatTimeRange } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLocale } from "~/lib/use-locale";
import { BackLink } from "~/components/back-link";

export const meta: MetaFunction = (args) => pageTitle(args, "checkin.myTicket");
export const headers = retryAfterHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const activity = await orHttpError(getActivity(params.id!, { viewer: user, locale: context.locale }));
  const { value: ticket } = await orRefusal(ticketFor(user.id, params.id!));
  const body = {
    // Which date this ticket is for, and where: a weekly café has a ticket per date, and the door is somewhere.
    activity: {
      id: activity.id,
      title: activity.title,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      timeZone: activity.timeZone,
      place: placeOf(activity, true), // getActivity already left out a venue this person may not see
    },
    ticket: ticket && { image: `data:image/svg+xml;base64,${Buffer.from(ticket.svg).toString("base64")}`, checkedIn: ticket.checkedIn, token: ticket.token },
  };
  // Without a seat the page explains why there is no ticket; the status says it to everything else.
  return data(body, { status: ticket ? 200 : 403 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const form = await request.formData();
  return runAction(async () => {
    await selfCheckIn(user.id, params.id!, form.get("code"));
    throw redirect(`/activities/${params.id}/ticket`);
  });
}

export default function Ticket() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { activity, ticket } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow stack">
      <BackLink to={`/activities/${activity.id}`}>{activity.title}</BackLink>
      <h1>{t("checkin.myTicket")}</h1>
      <p className="ticket-when">
        <time dateTime={activity.startsAt}>{formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone, locale)}</time>
        {activity.place ? (
          <>
            {" · "}
            <bdi>{activity.place}</bdi>
          </>
        ) : null}
      </p>
      {!ticket ? (
        <p className="empty-state card">{t("checkin.errors.noTicket")}</p>
      ) : ticket.checkedIn ? (
        <div className="alert alert-success" role="status">
          {t("checkin.youAreIn")}
        </div>
      ) : (
        <>
          <p>{t("checkin.showQr")}</p>
          <img className="qr" src={ticket.image} alt={t("checkin.qrAlt")} width={240} height={240} />
          <Form method="post" className="card stack">
            <FormAlert error={result?.formError ?? Object.values(result?.fieldErrors ?? {})[0]} />
            <TextField
              name="code"
              label={t("checkin.codeLabel")}
              hint={t("checkin.codeHint")}
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={10}
              dir="ltr"
            />
            <button type="submit" className="button" disabled={busy}>
              {t("checkin.checkMeIn")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
