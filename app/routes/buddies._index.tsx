import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AreaIntro } from "~/components/area-intro";
import { FormAlert } from "~/components/form";
import { MatchExplanation } from "~/components/match-explanation";
import { respond } from "~/domain/matching/matches.server";
import { buddyOverview, type MatchView } from "~/domain/matching/views.server";
import { formatDate, formatList } from "~/lib/format";
import { requireUser, runAction } from "~/lib/http.server";
import type { Locale } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.buddies.title");

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.auth.user;
  return { overview: user ? await buddyOverview(user.id) : null, locale: context.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const form = await request.formData();
  const answer = form.get("answer") === "accept" ? "accept" : "decline";
  return runAction(async () => {
    const outcome = await respond(user.id, String(form.get("matchId") ?? ""), answer);
    throw await redirectWithNotice("/buddies", { key: `buddies.notice.${outcome}` });
  });
}

export default function Buddies() {
  const { t } = useTranslation();
  const { overview, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!overview) return <AreaIntro area="buddies" signedIn={false} />;
  return (
    <section className="stack">
      <h1>{t("areas.buddies.title")}</h1>
      <p className="lead">{t("areas.buddies.intro")}</p>
      <FormAlert error={result?.formError} />

      {overview.proposals.length > 0 ? (
        <section className="stack" aria-labelledby="proposals-heading">
          <h2 id="proposals-heading">{t("buddies.proposals")}</h2>
          <ul className="activity-list">
            {overview.proposals.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} locale={locale} />
            ))}
          </ul>
        </section>
      ) : null}

      {overview.active.length > 0 ? (
        <section className="stack" aria-labelledby="active-heading">
          <h2 id="active-heading">{t("buddies.activeTitle")}</h2>
          <ul className="people-list">
            {overview.active.map((match) => (
              <li key={match.id} className="card person-row">
                <span>
                  <strong dir="auto">{match.other.displayName}</strong> · {t(`buddies.kind.${match.kind}`)}
                </span>
                <Link to={`/buddies/match/${match.id}`} className="button button-small">
                  {t("buddies.openChat")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {overview.mayRequest ? (
        <section className="card stack" aria-labelledby="requests-heading">
          <div className="title-row">
            <h2 id="requests-heading">{t("buddies.myRequests")}</h2>
            <Link to="/buddies/request/new" className="button button-small">
              {t("buddies.askForBuddy")}
            </Link>
          </div>
          {overview.requests.length === 0 ? (
            <p className="muted">{t("buddies.noRequests")}</p>
          ) : (
            <ul className="people-list">
              {overview.requests.map((request) => (
                <li key={request.id} className="person-row">
                  <span>
                    {t(`buddies.kind.${request.kind}`)} ·{" "}
                    {request.targetLanguage ? t(`reference:language.${request.targetLanguage}`) : t(`reference:sector.${request.targetSector}`)} ·{" "}
                    {t(`buddies.requestStatus.${request.status}`)} · {t("buddies.waitingDays", { count: request.waitingDays })}
                  </span>
                  <Link to={`/buddies/request/${request.id}`}>{t("buddies.edit")}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {overview.mayOffer ? (
        <section className="card stack" aria-labelledby="offers-heading">
          <div className="title-row">
            <h2 id="offers-heading">{t("buddies.myOffers")}</h2>
            <Link to="/buddies/offer/new" className="button button-small">
              {t("buddies.offerSlots")}
            </Link>
          </div>
          <p className={overview.verifiedOn ? "muted" : "alert alert-info"}>
            {overview.verifiedOn ? t("buddies.verifiedOn", { date: formatDate(overview.verifiedOn, locale) }) : t("buddies.notVerified")}
          </p>
          {overview.offers.length === 0 ? (
            <p className="muted">{t("buddies.noOffers")}</p>
          ) : (
            <ul className="people-list">
              {overview.offers.map((offer) => (
                <li key={offer.id} className="person-row">
                  <span>
                    {t(`buddies.kind.${offer.kind}`)} · {t("buddies.slotsTaken", { taken: offer.taken, capacity: offer.capacity })}
                    {offer.status === "paused" ? ` · ${t("buddies.paused")}` : ""}
                  </span>
                  <Link to={`/buddies/offer/${offer.id}`}>{t("buddies.edit")}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {!overview.mayRequest && !overview.mayOffer ? (
        <div className="empty-state card">
          <p>{t("buddies.chooseRole")}</p>
          <Link to="/profile" className="button button-secondary">
            {t("areas.completeProfile")}
          </Link>
        </div>
      ) : null}
    </section>
  );
}

function ProposalCard({ proposal, locale }: { proposal: MatchView; locale: Locale }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <li className="card stack">
      <h3 dir="auto">
        {t(proposal.role === "newcomer" ? "buddies.proposalForNewcomer" : "buddies.proposalForVolunteer", {
          name: proposal.other.displayName,
          kind: t(`buddies.kind.${proposal.kind}`),
        })}
      </h3>
      <p className="muted">
        {[
          proposal.other.municipality,
          formatList(
            proposal.other.languages.map((l) => t(`reference:language.${l.language}`)),
            locale,
          ),
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <MatchExplanation explanation={proposal.explanation} />
      {proposal.iAccepted ? (
        <p className="rsvp-status">{t("buddies.waitingForOther")}</p>
      ) : (
        <Form method="post" className="form-actions">
          <input type="hidden" name="matchId" value={proposal.id} />
          <button type="submit" name="answer" value="accept" className="button" disabled={busy}>
            {t("buddies.accept")}
          </button>
          <button type="submit" name="answer" value="decline" className="button button-secondary" disabled={busy}>
            {t("buddies.decline")}
          </button>
        </Form>
      )}
      {proposal.expiresAt ? <p className="hint">{t("buddies.answerBefore", { date: formatDate(proposal.expiresAt, locale) })}</p> : null}
    </li>
  );
}
