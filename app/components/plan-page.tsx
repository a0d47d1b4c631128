import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/domain/errors";
import { OBSTACLES, obstacleLabel, PLAN_LIMITS } from "~/domain/plan/obstacles";
import type { PlanView } from "~/domain/plan/plan.server";
import type { PlanSuggestion } from "~/domain/plan/suggestions.server";
import { formatDate, formatTime } from "~/lib/format";
import { THEMES } from "~/lib/reference/activities";
import { useLocale } from "~/lib/use-locale";
import { ConfirmActions } from "./confirm";
import { FieldMessage, FormAlert, SubmitButton } from "./form";

/** What the last form sent and what was wrong with it, to show beside that form only. */
export type PlanFormResult =
  { values: Record<string, unknown>; fieldErrors: FieldErrors; formError: { key: string; values?: Record<string, string | number> } | null } | undefined;

const LIMITS = PLAN_LIMITS;
/** Someone's words inside a translated sentence keep their own direction (FSI … PDI). */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** The result if it belongs to this form (same intent and, for a domain, the same domain). */
function resultFor(result: PlanFormResult, intent: string, domain?: string) {
  if (!result || result.values.intent !== intent) return undefined;
  if (domain && result.values.domain !== domain) return undefined;
  return result;
}
const sent = (result: PlanFormResult, name: string) => (typeof result?.values[name] === "string" ? (result.values[name] as string) : undefined);

function TextArea({
  name,
  label,
  hint,
  result,
  defaultValue,
  max,
  rows = 3,
  id,
}: {
  name: string;
  label: string;
  hint?: string;
  result?: PlanFormResult;
  defaultValue: string;
  max: number;
  rows?: number;
  id: string;
}) {
  const error = result?.fieldErrors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        dir="auto"
        id={id}
        name={name}
        rows={rows}
        maxLength={max}
        defaultValue={sent(result, name) ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

function Input({
  name,
  label,
  result,
  id,
  type = "text",
  max,
  required,
}: {
  name: string;
  label: string;
  result?: PlanFormResult;
  id: string;
  type?: string;
  max?: number;
  required?: boolean;
}) {
  const error = result?.fieldErrors[name];
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        dir="auto"
        id={id}
        name={name}
        type={type}
        maxLength={max}
        required={required}
        defaultValue={sent(result, name) ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}

function IntentForm({ intent, children, className = "stack" }: { intent: string; children: ReactNode; className?: string }) {
  return (
    <Form method="post" className={className} replace preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}

/** The first step of a destructive action is a link; this is its second step, or the link. */
function Destructive({ intent, id, label, confirmLabel }: { intent: string; id: string; label: string; confirmLabel: string }) {
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation();
  if (params.get("confirm") === intent && params.get("item") === id) {
    return (
      <IntentForm intent={intent} className="confirm-inline">
        <input type="hidden" name="id" value={id} />
        <p>{t("plan.confirmQuestion")}</p>
        <ConfirmActions intent={intent} label={confirmLabel} busy={busy} cancelTo="?" />
      </IntentForm>
    );
  }
  return (
    <Link className="link-button danger-link" to={`?confirm=${intent}&item=${encodeURIComponent(id)}`} preventScrollReset>
      {label}
    </Link>
  );
}

export function PerspectiveSection({ plan, result, canEdit }: { plan: Pick<PlanView, "perspective"> | null; result: PlanFormResult; canEdit: boolean }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const mine = resultFor(result, "perspective");
  return (
    <section className="card stack" aria-labelledby="plan-perspective">
      <h2 id="plan-perspective">{t("plan.perspective.title")}</h2>
      {plan?.perspective ? (
        <p className="plan-text" dir="auto">
          {plan.perspective}
        </p>
      ) : (
        <p className="muted">{t("plan.perspective.empty")}</p>
      )}
      {canEdit ? (
        <IntentForm intent="perspective">
          <FormAlert error={mine?.formError} />
          <TextArea
            id="perspective"
            name="perspective"
            label={t("plan.perspective.label")}
            hint={t("plan.limitHint", { count: LIMITS.perspective })}
            result={mine}
            defaultValue={plan?.perspective ?? ""}
            max={LIMITS.perspective}
            rows={4}
          />
          <SubmitButton busy={busy}>{t("plan.save")}</SubmitButton>
        </IntentForm>
      ) : null}
    </section>
  );
}

function DomainForm({ domain, entry, result }: { domain: string; entry?: PlanView["domains"][number]; result: PlanFormResult }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const mine = resultFor(result, "domain", domain);
  const chosen = mine ? (Array.isArray(mine.values.obstacles) ? (mine.values.obstacles as string[]) : []) : (entry?.obstacles ?? []);
  const obstacles = OBSTACLES[domain as keyof typeof OBSTACLES];
  return (
    <IntentForm intent="domain">
      <input type="hidden" name="domain" value={domain} />
      <FormAlert error={mine?.formError} />
      <TextArea
        id={`situation-${domain}`}
        name="situation"
        label={t("plan.domain.situation")}
        result={mine}
        defaultValue={entry?.situation ?? ""}
        max={LIMITS.situation}
      />
      <fieldset className={`field${mine?.fieldErrors.obstacles ? " has-error" : ""}`}>
        <legend>{t("plan.domain.obstacles")}</legend>
        <div className="stack-tight">
          {obstacles.map((obstacle) => (
            <label className="check" key={obstacle}>
              <input type="checkbox" name="obstacles" value={obstacle} defaultChecked={chosen.includes(obstacle)} />
              <span>{t(obstacleLabel(domain, obstacle))}</span>
            </label>
          ))}
        </div>
        <FieldMessage id={`obstacles-${domain}-error`} error={mine?.fieldErrors.obstacles} />
      </fieldset>
      <TextArea
        id={`note-${domain}`}
        name="obstacleNote"
        label={t("plan.domain.obstacleNote")}
        result={mine}
        defaultValue={entry?.obstacleNote ?? ""}
        max={LIMITS.obstacleNote}
        rows={2}
      />
      <TextArea id={`goals-${domain}`} name="goals" label={t("plan.domain.goals")} result={mine} defaultValue={entry?.goals ?? ""} max={LIMITS.goals} />
      <SubmitButton busy={busy}>{t("plan.save")}</SubmitButton>
    </IntentForm>
  );
}

function DomainSummary({ entry }: { entry: PlanView["domains"][number] }) {
  const { t } = useTranslation();
  return (
    <dl className="plan-facts">
      {entry.situation ? (
        <>
          <dt>{t("plan.domain.situation")}</dt>
          <dd className="plan-text" dir="auto">
            {entry.situation}
          </dd>
        </>
      ) : null}
      {entry.obstacles.length > 0 || entry.obstacleNote ? (
        <>
          <dt>{t("plan.domain.obstacles")}</dt>
          <dd>
            <ul>
              {entry.obstacles.map((obstacle) => (
                <li key={obstacle}>{t(obstacleLabel(entry.domain, obstacle))}</li>
              ))}
              {entry.obstacleNote ? (
                <li className="plan-text" dir="auto">
                  {entry.obstacleNote}
                </li>
              ) : null}
            </ul>
          </dd>
        </>
      ) : null}
      {entry.goals ? (
        <>
          <dt>{t("plan.domain.goals")}</dt>
          <dd className="plan-text" dir="auto">
            {entry.goals}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function DomainsSection({ plan, result }: { plan: PlanView; result: PlanFormResult }) {
  const { t } = useTranslation();
  const filled = new Map(plan.domains.map((entry) => [entry.domain, entry]));
  const open = resultFor(result, "domain") ? String(result?.values.domain) : null;
  return (
    <section className="card stack" aria-labelledby="plan-domains">
      <h2 id="plan-domains">{t("plan.domain.title")}</h2>
      <p className="muted">{plan.domains.length === 0 ? t("plan.domain.empty") : t("plan.domain.intro")}</p>
      {plan.domains.map((entry) => (
        <article key={entry.domain} className="plan-domain">
          <h3>{t(`activities.theme.${entry.domain}`)}</h3>
          <DomainSummary entry={entry} />
        </article>
      ))}
      {plan.canEdit ? (
        <div className="stack-tight">
          <h3>{t("plan.domain.edit")}</h3>
          {THEMES.map((domain) => (
            <details key={domain} className="plan-details" open={open === domain}>
              <summary>
                {t(`activities.theme.${domain}`)}
                {filled.has(domain) ? <span className="badge">{t("plan.domain.filled")}</span> : null}
              </summary>
              <DomainForm domain={domain} entry={filled.get(domain)} result={result} />
            </details>
          ))}
        </div>
      ) : null}
    </section>
  );
}

function SuggestionsSection({ suggestions }: { suggestions: PlanSuggestion[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  if (suggestions.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="plan-suggestions">
      <h2 id="plan-suggestions">{t("plan.suggest.title")}</h2>
      {suggestions.map((suggestion) => {
        const [domain, obstacle] = suggestion.obstacle.split(":");
        return (
          <article key={suggestion.obstacle} className="stack-tight">
            <h3>{t(obstacleLabel(domain, obstacle))}</h3>
            <p>{t(`plan.suggest.${suggestion.activityKind}`)}</p>
            {suggestion.activities.length > 0 ? (
              <ul>
                {suggestion.activities.map((activity) => (
                  <li key={activity.id}>
                    <a href={`/activities/${activity.id}`}>
                      <bdi>{activity.title}</bdi>
                    </a>{" "}
                    <span className="muted">
                      {formatDate(activity.startsAt, locale, { weekday: "short", day: "numeric", month: "short", timeZone: activity.timeZone })},{" "}
                      {formatTime(activity.startsAt, locale, activity.timeZone)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("plan.suggest.noneUpcoming")}</p>
            )}
            <a href={`/activities?kind=${suggestion.activityKind}`}>{t(`plan.suggest.all.${suggestion.activityKind}`)}</a>
            {suggestion.buddy ? (
              suggestion.buddy.alreadyAsked ? (
                <p className="muted">{t(`plan.suggest.buddyAsked.${suggestion.buddy.kind}`)}</p>
              ) : suggestion.buddy.fields ? (
                <Form method="post" action="/buddies/request/new">
                  {Object.entries(suggestion.buddy.fields).map(([name, value]) => (
                    <input key={name} type="hidden" name={name} value={value} />
                  ))}
                  <input type="hidden" name="note" value={t(obstacleLabel(domain, obstacle))} />
                  <SubmitButton busy={busy} className="button button-secondary">
                    {t(`plan.suggest.askBuddy.${suggestion.buddy.kind}`)}
                  </SubmitButton>
                </Form>
              ) : (
                <a className="button button-secondary" href="/buddies/request/new">
                  {t(`plan.suggest.askBuddy.${suggestion.buddy.kind}`)}
                </a>
              )
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

function BreakthroughsSection({ plan, result }: { plan: PlanView; result: PlanFormResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const mine = resultFor(result, "breakthrough");
  return (
    <section className="card stack" aria-labelledby="plan-breakthroughs">
      <h2 id="plan-breakthroughs">{t("plan.breakthrough.title")}</h2>
      {plan.breakthroughs.length === 0 ? <p className="muted">{t("plan.breakthrough.empty")}</p> : null}
      <ul className="plan-list">
        {plan.breakthroughs.map((b) => (
          <li key={b.id}>
            <p className="plan-text" dir="auto">
              <strong>{b.text}</strong>
            </p>
            <p className="muted">
              {formatDate(`${b.happenedOn}T12:00:00Z`, locale)}
              {b.helpedBy ? <> · {t("plan.breakthrough.helpedByShown", { name: isolate(b.helpedBy) })}</> : null}
              {b.domain ? <> · {t(`activities.theme.${b.domain}`)}</> : null}
            </p>
            {plan.canEdit ? <Destructive intent="remove-breakthrough" id={b.id} label={t("plan.remove")} confirmLabel={t("plan.confirmRemove")} /> : null}
          </li>
        ))}
      </ul>
      {plan.canEdit ? (
        <IntentForm intent="breakthrough">
          <h3>{t("plan.breakthrough.add")}</h3>
          <FormAlert error={mine?.formError} />
          <TextArea
            id="breakthrough-text"
            name="text"
            label={t("plan.breakthrough.text")}
            hint={t("plan.breakthrough.hint")}
            result={mine}
            defaultValue=""
            max={LIMITS.breakthrough}
            rows={2}
          />
          <Input id="breakthrough-date" name="happenedOn" type="date" label={t("plan.breakthrough.date")} result={mine} required />
          <Input id="breakthrough-helped" name="helpedBy" label={t("plan.breakthrough.helpedBy")} result={mine} max={LIMITS.helpedBy} />
          <div className="field">
            <label htmlFor="breakthrough-domain">{t("plan.breakthrough.domain")}</label>
            <select id="breakthrough-domain" name="domain" defaultValue={sent(mine, "domain") ?? ""}>
              <option value="">{t("plan.breakthrough.noDomain")}</option>
              {THEMES.map((domain) => (
                <option key={domain} value={domain}>
                  {t(`activities.theme.${domain}`)}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton busy={busy}>{t("plan.breakthrough.save")}</SubmitButton>
        </IntentForm>
      ) : null}
    </section>
  );
}

function StepsSection({ plan, result }: { plan: PlanView; result: PlanFormResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const mine = resultFor(result, "step");
  return (
    <section className="card stack" aria-labelledby="plan-steps">
      <h2 id="plan-steps">{t("plan.step.title")}</h2>
      {plan.steps.length === 0 ? <p className="muted">{t("plan.step.empty")}</p> : null}
      <ul className="plan-list">
        {plan.steps.map((step) => (
          <li key={step.id} className={step.done ? "is-done" : undefined}>
            <p className="plan-text" dir="auto">
              {step.done ? <span className="visually-hidden">{t("plan.step.doneLabel")}: </span> : null}
              {step.text}
            </p>
            <p className="muted">
              {step.owner ? t("plan.step.ownerShown", { name: isolate(step.owner) }) : null}
              {step.owner && step.dueOn ? " · " : null}
              {step.dueOn ? t("plan.step.dueShown", { date: formatDate(`${step.dueOn}T12:00:00Z`, locale) }) : null}
            </p>
            {plan.canEdit ? (
              <div className="inline-actions">
                <IntentForm intent="step-done" className="inline-form">
                  <input type="hidden" name="id" value={step.id} />
                  <button type="submit" className="button button-small button-secondary" disabled={busy}>
                    {step.done ? t("plan.step.undo") : t("plan.step.markDone")}
                  </button>
                </IntentForm>
                <Destructive intent="remove-step" id={step.id} label={t("plan.remove")} confirmLabel={t("plan.confirmRemove")} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {plan.canEdit ? (
        <IntentForm intent="step">
          <h3>{t("plan.step.add")}</h3>
          <FormAlert error={mine?.formError} />
          <Input id="step-text" name="text" label={t("plan.step.text")} result={mine} max={LIMITS.step} required />
          <Input id="step-owner" name="owner" label={t("plan.step.owner")} result={mine} max={LIMITS.owner} />
          <Input id="step-due" name="dueOn" type="date" label={t("plan.step.due")} result={mine} />
          <SubmitButton busy={busy}>{t("plan.step.save")}</SubmitButton>
        </IntentForm>
      ) : null}
    </section>
  );
}

function SharingSection({ plan, result }: { plan: PlanView; result: PlanFormResult }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const mine = resultFor(result, "share");
  const choosable = plan.candidates.filter((candidate) => !plan.supporters.some((s) => s.userId === candidate.id && s.canEdit));
  return (
    <section className="card stack" aria-labelledby="plan-sharing">
      <h2 id="plan-sharing">{t("plan.share.title")}</h2>
      <p className="muted">{plan.supporters.length === 0 ? t("plan.share.private") : t("plan.share.intro")}</p>
      <ul className="plan-list">
        {plan.supporters.map((s) => (
          <li key={s.userId}>
            <p>
              <bdi>{s.displayName}</bdi> · {s.canEdit ? t("plan.share.canEdit") : t("plan.share.canView")}
            </p>
            <Destructive intent="revoke" id={s.userId} label={t("plan.share.revoke")} confirmLabel={t("plan.share.confirmRevoke", { name: s.displayName })} />
          </li>
        ))}
      </ul>
      {choosable.length > 0 ? (
        <IntentForm intent="share">
          <h3>{t("plan.share.add")}</h3>
          <FormAlert error={mine?.formError} />
          <div className={`field${mine?.fieldErrors.userId ? " has-error" : ""}`}>
            <label htmlFor="share-person">{t("plan.share.person")}</label>
            <select
              id="share-person"
              name="userId"
              defaultValue={sent(mine, "userId") ?? ""}
              required
              aria-describedby={mine?.fieldErrors.userId ? "share-person-error" : undefined}
            >
              <option value="">{t("plan.share.choose")}</option>
              {choosable.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.displayName} ({candidate.buddy ? t("plan.share.yourBuddy") : t("plan.share.organiser")})
                </option>
              ))}
            </select>
            <FieldMessage id="share-person-error" error={mine?.fieldErrors.userId} />
          </div>
          <fieldset className="field">
            <legend>{t("plan.share.access")}</legend>
            <label className="check">
              <input type="radio" name="access" value="view" defaultChecked={sent(mine, "access") !== "edit"} />
              <span>{t("plan.share.canView")}</span>
            </label>
            <label className="check">
              <input type="radio" name="access" value="edit" defaultChecked={sent(mine, "access") === "edit"} />
              <span>{t("plan.share.canEdit")}</span>
            </label>
          </fieldset>
          <SubmitButton busy={busy}>{t("plan.share.submit")}</SubmitButton>
        </IntentForm>
      ) : (
        <p className="muted">{t("plan.share.noCandidates")}</p>
      )}
    </section>
  );
}

function HistorySection({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (plan.history.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="plan-history">
      <h2 id="plan-history">{t("plan.history.title")}</h2>
      <ol className="plan-history">
        {plan.history.map((change) => (
          <li key={change.id}>
            <p>
              <strong>
                {change.by === "owner" ? (
                  t("plan.history.byYou")
                ) : change.by === "meedoen" ? (
                  "Meedoen"
                ) : change.by ? (
                  <bdi>{change.by}</bdi>
                ) : (
                  t("plan.history.bySomeone")
                )}
              </strong>{" "}
              <span className="muted">{formatDate(change.at, locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" })}</span>
            </p>
            <p>
              {t(`plan.history.kind.${change.kind}`, { name: isolate(change.detail) })}
              {!["share", "revoke", "lapsed"].includes(change.kind) && change.detail ? (
                <>
                  {": "}
                  {change.kind === "domain" ? t(`activities.theme.${change.detail}`) : <bdi className="plan-text">{change.detail}</bdi>}
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function DeleteSection() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="card stack" aria-labelledby="plan-delete">
      <h2 id="plan-delete">{t("plan.delete.title")}</h2>
      {params.get("confirm") === "delete-plan" ? (
        <IntentForm intent="delete-plan">
          <p>{t("plan.delete.warning")}</p>
          <ConfirmActions intent="delete-plan" label={t("plan.delete.confirm")} busy={busy} cancelTo="?" />
        </IntentForm>
      ) : (
        <p>
          <Link to="?confirm=delete-plan" className="button button-secondary" preventScrollReset>
            {t("plan.delete.start")}
          </Link>
        </p>
      )}
    </section>
  );
}

/** A plan as its owner or a supporter sees it; what they may not do is not shown (the server refuses it too). */
export function PlanBody({ plan, suggestions, result }: { plan: PlanView; suggestions: PlanSuggestion[]; result: PlanFormResult }) {
  return (
    <>
      <PerspectiveSection plan={plan} result={result} canEdit={plan.canEdit} />
      <DomainsSection plan={plan} result={result} />
      <SuggestionsSection suggestions={suggestions} />
      <BreakthroughsSection plan={plan} result={result} />
      <StepsSection plan={plan} result={result} />
      {plan.isOwner ? (
        <>
          <SharingSection plan={plan} result={result} />
          <HistorySection plan={plan} />
          <DeleteSection />
        </>
      ) : null}
    </>
  );
}
