import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Avatar } from "~/components/avatar";
import { ConfirmActions } from "~/components/confirm";
import { FieldMessage, FormAlert } from "~/components/form";
import { MatchChat } from "~/components/match-chat";
import { MatchExplanation } from "~/components/match-explanation";
import { listMessages, sendMessage } from "~/domain/matching/chat.server";
import { checkIn, endMatch, reportPerson, respond } from "~/domain/matching/matches.server";
import { matchForViewer } from "~/domain/matching/views.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { formatList } from "~/lib/format";
import { END_REASONS } from "~/lib/reference/buddies";
import { pageTitle } from "~/lib/meta";
import { formToObject } from "~/lib/validation.server";
import { BackLink } from "~/components/back-link";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.buddies.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const match = await orHttpError(matchForViewer(user.id, params.id!));
  const messages = match.status === "active" || match.status === "ended" ? await listMessages(user.id, match.id) : [];
  // The server's clock travels with the page, so that "yesterday" reads the same after hydration.
  return { match, messages, viewerId: user.id, locale: context.locale, now: new Date().toISOString() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData());
  const id = params.id!;
  const back = async (notice: string) => {
    throw await redirectWithNotice(`/buddies/match/${id}`, { key: `buddies.notice.${notice}` });
  };
  return runAction(async () => {
    switch (input.intent) {
      case "accept":
      case "decline": {
        const outcome = await respond(user.id, id, input.intent);
        if (outcome === "decline") throw await redirectWithNotice("/buddies", { key: "buddies.notice.decline" });
        // The page itself says "waiting for the other person"; the notice only confirms the yes.
        return back(outcome === "accept" ? "accepted" : outcome);
      }
      case "message":
        await sendMessage(user.id, { matchId: id, body: input.body });
        return back("sent");
      case "end":
        await endMatch(user.id, id, input);
        return back("ended");
      case "check-in":
        await checkIn(user.id, id, input);
        return back("checked-in");
      case "report":
        await reportPerson(user.id, id, input);
        throw await redirectWithNotice("/buddies", { key: "buddies.notice.reported" });
      default:
        throw redirect(`/buddies/match/${id}`);
    }
  }, input);
}

export default function MatchPage() {
  const { t } = useTranslation();
  const { match, messages, viewerId, locale, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const confirm = params.get("confirm");
  const errors = result?.fieldErrors ?? {};
  const checkInStage = match.status === "ended" ? "end" : match.fourWeeksDue ? "four-weeks" : null;
  return (
    <section className="stack">
      <BackLink to="/buddies">{t("areas.buddies.title")}</BackLink>
      <h1 dir="auto">
        {t(`buddies.kind.${match.kind}`)}: {match.other.displayName}
      </h1>
      <FormAlert error={result?.formError} />

      <section className="card stack">
        <p className="person-name">
          <Avatar name={match.other.displayName} avatar={match.other.avatar} size={48} eager />
          <bdi>{match.other.displayName}</bdi>
        </p>
        <p className="muted">
          {[
            match.other.municipality,
            formatList(
              match.other.languages.map((l) => t(`reference:language.${l.language}`)),
              locale,
            ),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <MatchExplanation explanation={match.explanation} />
        {match.contact ? (
          <p>
            {t("buddies.contact")}: <a href={`mailto:${match.contact.email}`}>{match.contact.email}</a>
          </p>
        ) : match.status === "proposed" ? (
          <p className="hint">{t("buddies.contactAfterBoth")}</p>
        ) : null}
      </section>

      {match.status === "proposed" ? (
        match.iAccepted ? (
          <p className="rsvp-status">{t("buddies.waitingForOther")}</p>
        ) : (
          <Form method="post" className="form-actions">
            <button type="submit" name="intent" value="accept" className="button" disabled={busy}>
              {t("buddies.accept")}
            </button>
            <button type="submit" name="intent" value="decline" className="button button-secondary" disabled={busy}>
              {t("buddies.decline")}
            </button>
          </Form>
        )
      ) : null}

      {match.status === "active" || match.status === "ended" ? (
        <MatchChat
          matchId={match.id}
          viewerId={viewerId}
          otherName={match.other.displayName}
          otherAvatar={match.other.avatar}
          initial={messages}
          closed={match.status !== "active"}
          now={now}
        />
      ) : null}

      {checkInStage && !match.checkInsDone.includes(checkInStage) ? (
        <Form method="post" className="card stack">
          <h2>{t(`buddies.checkIn.${checkInStage}`)}</h2>
          <input type="hidden" name="stage" value={checkInStage} />
          <fieldset className="field">
            <legend>{t("buddies.checkIn.rating")}</legend>
            <div className="rating">
              {[1, 2, 3, 4, 5].map((value) => (
                <label key={value} className="check">
                  <input type="radio" name="rating" value={value} required />
                  <span>{t(`buddies.checkIn.scale.${value}`)}</span>
                </label>
              ))}
            </div>
            <FieldMessage id="field-rating-error" error={errors.rating} />
          </fieldset>
          <div className="field">
            <label htmlFor="field-note">{t("buddies.checkIn.note")}</label>
            <textarea id="field-note" name="note" rows={2} maxLength={1000} />
          </div>
          <button type="submit" name="intent" value="check-in" className="button" disabled={busy}>
            {t("buddies.checkIn.send")}
          </button>
        </Form>
      ) : null}

      {match.status === "active" ? (
        confirm === "end" ? (
          <Form method="post" className="card stack alert-warning">
            <h2>{t("buddies.endTitle")}</h2>
            <div className="field">
              <label htmlFor="field-reason">{t("buddies.endReason")}</label>
              <select id="field-reason" name="reason" defaultValue="goal-reached">
                {END_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`buddies.reasons.${reason}`)}
                  </option>
                ))}
              </select>
            </div>
            <ConfirmActions intent="end" label={t("buddies.endYes")} busy={busy} />
          </Form>
        ) : (
          <p>
            <Link to="?confirm=end">{t("buddies.end")}</Link>
          </p>
        )
      ) : null}

      {confirm === "report" ? (
        <Form method="post" className="card stack alert-warning">
          <h2>{t("buddies.reportTitle")}</h2>
          <p>{t("buddies.reportIntro")}</p>
          <div className={`field${errors.reason ? " has-error" : ""}`}>
            <label htmlFor="field-report">{t("buddies.reportReason")}</label>
            <textarea id="field-report" name="reason" rows={3} maxLength={2000} required />
            <FieldMessage id="field-reason-error" error={errors.reason} />
          </div>
          <ConfirmActions intent="report" label={t("buddies.reportYes")} busy={busy} />
        </Form>
      ) : (
        <p>
          <Link to="?confirm=report" className="muted">
            {t("buddies.report")}
          </Link>
        </p>
      )}
    </section>
  );
}
