import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/table-scroll";
import { CheckboxField } from "~/components/choice";
import { FormAlert } from "~/components/form";
import { MatchExplanation } from "~/components/match-explanation";
import { MunicipalitySelect } from "~/components/municipality-select";
import { UnmatchedReasons } from "~/components/unmatched-reasons";
import { discardProposal, runMatching, sendProposals } from "~/domain/matching/matches.server";
import { verifyVolunteer } from "~/domain/matching/offers.server";
import { matchingDashboard } from "~/domain/matching/views.server";
import { listMunicipalities } from "~/domain/people/profile.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { formatList } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLocale } from "~/lib/use-locale";
import { formToObject } from "~/lib/validation.server";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "matching.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const [dashboard, municipalities] = await orHttpError(Promise.all([matchingDashboard(user.id), listMunicipalities()]));
  return { dashboard, municipalities };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData(), ["matchIds"]);
  return runAction(async () => {
    switch (input.intent) {
      case "run": {
        const run = await runMatching(user.id, { municipalityCode: (input.municipalityCode as string) || null, autoSend: input.autoSend === "on" });
        throw await redirectWithNotice("/organise/matching", { key: "matching.ran", values: { matched: run.matched, count: run.requests } });
      }
      case "send":
        await sendProposals(user.id, input.matchIds as string[]);
        throw await redirectWithNotice("/organise/matching", { key: "matching.done.sent" });
      case "discard":
        await discardProposal(user.id, String(input.matchId ?? ""));
        throw await redirectWithNotice("/organise/matching", { key: "matching.done.discarded" });
      case "verify":
        await verifyVolunteer(user.id, String(input.volunteerId ?? ""), String(input.checkedOn ?? ""));
        throw await redirectWithNotice("/organise/matching", { key: "matching.done.verified" });
      default:
        throw redirect("/organise/matching");
    }
  });
}

export default function MatchingPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { dashboard, municipalities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const today = new Date().toISOString().slice(0, 10);
  const { outcomes } = dashboard;
  return (
    <section className="stack">
      <h1>{t("matching.title")}</h1>
      <FormAlert error={result?.formError ?? Object.values(result?.fieldErrors ?? {})[0]} />

      <Form method="post" className="card stack">
        <h2>{t("matching.run")}</h2>
        <MunicipalitySelect municipalities={municipalities} defaultValue="" />
        <p className="hint">{t("matching.allAreas")}</p>
        <CheckboxField name="autoSend" label={t("matching.autoSend")} />
        <button type="submit" name="intent" value="run" className="button" disabled={busy}>
          {t("matching.runButton")}
        </button>
        {dashboard.lastRun ? (
          <>
            <p className="hint">
              {t("matching.lastRun", { matched: dashboard.lastRun.matched, count: dashboard.lastRun.requests, ms: dashboard.lastRun.runtimeMs })}
            </p>
            <UnmatchedReasons counts={dashboard.lastRun.unmatched} locale={locale} />
          </>
        ) : null}
      </Form>

      <section className="card stack" aria-labelledby="review-heading">
        <h2 id="review-heading">{t("matching.review", { count: dashboard.pending.length })}</h2>
        {dashboard.pending.length === 0 ? (
          <p className="muted">{t("matching.nothingToReview")}</p>
        ) : (
          <>
            <Form method="post" id="send-form">
              <button type="submit" name="intent" value="send" className="button" disabled={busy}>
                {t("matching.sendSelected")}
              </button>
            </Form>
            <ul className="people-list">
              {dashboard.pending.map((proposal) => (
                <li key={proposal.id} className="card stack">
                  <label className="check">
                    <input type="checkbox" name="matchIds" value={proposal.id} form="send-form" defaultChecked />
                    <span dir="auto">
                      <strong>{proposal.newcomer}</strong> ↔ <strong>{proposal.volunteer}</strong> · {t(`buddies.kind.${proposal.kind}`)} ·{" "}
                      {t("matching.score", { score: proposal.score })}
                    </span>
                  </label>
                  <MatchExplanation explanation={proposal.explanation} />
                  <Form method="post">
                    <input type="hidden" name="matchId" value={proposal.id} />
                    <button type="submit" name="intent" value="discard" className="link-button">
                      {t("matching.discard")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card stack" aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t("matching.outcomes")}</h2>
        <dl className="facts">
          <dt>{t("matching.activeMatches")}</dt>
          <dd>{outcomes.active}</dd>
          <dt>{t("matching.averageWait")}</dt>
          <dd>{outcomes.averageWaitDays === null ? "—" : t("matching.days", { count: outcomes.averageWaitDays })}</dd>
          <dt>{t("matching.checkIns")}</dt>
          <dd>{outcomes.checkInAverage === null ? "—" : `${outcomes.checkInAverage} / 5 (${outcomes.checkIns})`}</dd>
          <dt>{t("matching.openReports")}</dt>
          <dd>{outcomes.openReports}</dd>
          <dt>{t("matching.endedByReason")}</dt>
          <dd>
            {outcomes.endedByReason.length === 0
              ? "—"
              : formatList(
                  outcomes.endedByReason.map((row) => `${t(`buddies.reasons.${row.reason}`, { defaultValue: row.reason })}: ${row.count}`),
                  locale,
                  "unit",
                )}
          </dd>
        </dl>
      </section>

      <section className="card stack" aria-labelledby="capacity-heading">
        <h2 id="capacity-heading">{t("matching.capacity")}</h2>
        <TableScroll labelledBy="capacity-heading">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("profile.municipality")}</th>
                <th scope="col">{t("buddies.form.kind")}</th>
                <th scope="col">{t("matching.waiting")}</th>
                <th scope="col">{t("matching.freeSlots")}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.capacity.map((row) => (
                <tr key={`${row.name}-${row.kind}`} className={row.waiting > row.freeSlots ? "short" : undefined}>
                  <td>{row.name || t("activities.mode.online")}</td>
                  <td>{t(`buddies.kind.${row.kind}`)}</td>
                  <td>{row.waiting}</td>
                  <td>{row.freeSlots}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className="card stack" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t("matching.waitingList", { count: dashboard.waiting.length })}</h2>
        <TableScroll labelledBy="waiting-heading">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("profile.displayName")}</th>
                <th scope="col">{t("buddies.form.kind")}</th>
                <th scope="col">{t("profile.municipality")}</th>
                <th scope="col">{t("matching.waitingFor")}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.waiting.map((row) => (
                <tr key={row.id}>
                  <td dir="auto">{row.name}</td>
                  <td>{t(`buddies.kind.${row.kind}`)}</td>
                  <td>{row.municipality ?? "—"}</td>
                  <td>{t("matching.days", { count: row.waitingDays })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className="card stack" aria-labelledby="verify-heading">
        <h2 id="verify-heading">{t("matching.verify")}</h2>
        <p className="hint">{t("matching.verifyHint")}</p>
        {dashboard.unverified.length === 0 ? (
          <p className="muted">{t("matching.allVerified")}</p>
        ) : (
          <ul className="people-list">
            {dashboard.unverified.map((volunteer) => (
              <li key={volunteer.id}>
                <Form method="post" className="person-row">
                  <span dir="auto">{volunteer.displayName}</span>
                  <input type="hidden" name="volunteerId" value={volunteer.id} />
                  <label className="visually-hidden" htmlFor={`vog-${volunteer.id}`}>
                    {t("matching.checkedOn")}
                  </label>
                  <input id={`vog-${volunteer.id}`} type="date" name="checkedOn" defaultValue={today} max={today} />
                  <button type="submit" name="intent" value="verify" className="button button-small" disabled={busy}>
                    {t("matching.markVerified")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
