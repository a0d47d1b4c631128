import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { ChipGroup } from "~/components/choice";
import { FieldMessage, FormAlert, SubmitButton } from "~/components/form";
import { Conversation, ReferralText, StatusBadge, useThemeName } from "~/components/help";
import { answer, assign, publish, questionView, refer, referralOptions, setClosed, setThemes, suggestionsFor, unpublish } from "~/domain/help/questions.server";
import { formatDate } from "~/lib/format";
import { orHttpError, requireUser, retryAfterHeaders, runAction } from "~/lib/http.server";
import { LOCALE_NAMES } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";
import { HELP_LANGUAGES, HELP_THEMES, REFERRAL_ORGANISATIONS } from "~/lib/reference/help";
import { SECTORS } from "~/lib/reference/sectors";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "help.triage.questionTitle");
export const headers = retryAfterHeaders;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  // The suggestions need the triage right: checked first, so nobody else learns anything about the question.
  const suggestions = await orHttpError(suggestionsFor(user.id, params.id!));
  const [question, options] = await Promise.all([orHttpError(questionView(user.id, params.id!)), orHttpError(referralOptions(user.id, context.locale))]);
  return { question, suggestions, options, locale: context.locale };
}

const NOTICE: Record<string, string> = {
  assign: "help.notice.assigned",
  unassign: "help.notice.unassigned",
  label: "help.notice.labelled",
  "add-theme": "help.notice.labelled",
  answer: "help.notice.answered",
  refer: "help.notice.referred",
  close: "help.notice.closed",
  reopen: "help.notice.reopened",
  publish: "help.notice.published",
  unpublish: "help.notice.unpublished",
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const id = params.id!;
  const input = formToObject(await request.formData(), ["themes"]);
  const intent = String(input.intent ?? "");
  return runAction(async () => {
    switch (intent) {
      case "assign":
      case "unassign":
        await assign(user.id, id, intent === "assign");
        break;
      case "label":
        await setThemes(user.id, id, input);
        break;
      case "add-theme": {
        // A suggestion applied with a click: added to the labels already chosen.
        const current = (await questionView(user.id, id)).themes;
        await setThemes(user.id, id, { themes: [...current, String(input.theme ?? "")] });
        break;
      }
      case "answer":
        await answer(user.id, id, input);
        break;
      case "refer":
        await refer(user.id, id, { kind: input.kind, target: input[`target-${String(input.kind)}`] });
        break;
      case "close":
      case "reopen":
        await setClosed(user.id, id, intent === "close");
        break;
      case "publish": {
        const written = HELP_LANGUAGES.filter((lng) => String(input[`question-${lng}`] ?? "").trim() || String(input[`answer-${lng}`] ?? "").trim());
        await publish(user.id, id, {
          locales: written,
          questions: written.map((lng) => input[`question-${lng}`]),
          answers: written.map((lng) => input[`answer-${lng}`]),
        });
        break;
      }
      case "unpublish":
        await unpublish(user.id, id);
        break;
      default:
        throw new Response("Unknown intent", { status: 400 });
    }
    throw await redirectWithNotice(`/organise/help/${id}`, { key: NOTICE[intent] });
  }, input);
}

export default function TriageQuestion() {
  const { t } = useTranslation();
  const themeName = useThemeName();
  const { question, suggestions, options, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  const values = (result?.values ?? {}) as Record<string, string | undefined>;
  const published = new Map((question.article?.texts ?? []).map((text) => [text.locale, text]));
  const askerLabel = question.askerName ?? t("help.anonymousAsker");
  return (
    <section className="stack">
      <BackLink to="/organise/help">{t("help.triage.title")}</BackLink>
      <h1>{t("help.triage.questionTitle")}</h1>
      <p className="muted">
        <StatusBadge status={question.status} /> {LOCALE_NAMES[question.language as keyof typeof LOCALE_NAMES]} · <bdi>{askerLabel}</bdi>
        {question.anonymous ? ` · ${t("help.triage.askedAnonymously")}` : ""}
        {question.assignee ? ` · ${t("help.triage.assignedTo", { name: question.assignee })}` : ""}
      </p>
      <FormAlert error={result?.formError} />
      {Object.keys(errors).length > 0 && !errors.body ? <FieldMessage id="triage-error" error={Object.values(errors)[0]} /> : null}
      <div>
        <Conversation
          textLang={question.language}
          body={question.body}
          createdAt={question.createdAt}
          askerLabel={askerLabel}
          messages={question.messages}
          locale={locale}
        />
      </div>

      <Form method="post" className="form-actions">
        <button
          type="submit"
          name="intent"
          value={question.assignedToMe ? "unassign" : "assign"}
          className="button button-secondary button-small"
          disabled={busy}
        >
          {question.assignedToMe ? t("help.triage.unassign") : t("help.triage.assign")}
        </button>
        <button
          type="submit"
          name="intent"
          value={question.status === "closed" ? "reopen" : "close"}
          className="button button-secondary button-small"
          disabled={busy}
        >
          {question.status === "closed" ? t("help.triage.reopen") : t("help.triage.close")}
        </button>
      </Form>

      <section className="card stack" aria-labelledby="triage-themes">
        <h2 id="triage-themes">{t("help.triage.themes")}</h2>
        <div>
          <p>{t("help.triage.suggested")}</p>
          <ul className="people-list">
            {suggestions.map((suggestion) => (
              <li key={suggestion.theme} className="suggestion">
                <Form method="post" className="form-actions">
                  <input type="hidden" name="theme" value={suggestion.theme} />
                  <button
                    type="submit"
                    name="intent"
                    value="add-theme"
                    className="button button-small button-secondary"
                    disabled={busy || question.themes.includes(suggestion.theme)}
                  >
                    {t("help.triage.useSuggestion", { theme: themeName(suggestion.theme) })}
                  </button>
                  <span className="muted">
                    {suggestion.matched.length > 0 ? t("help.triage.because", { stems: suggestion.matched.join(", ") }) : t("help.triage.noStems")}
                  </span>
                </Form>
              </li>
            ))}
          </ul>
        </div>
        {/* Keyed by the labels, so that a suggestion applied with JavaScript shows in the boxes (they are uncontrolled). */}
        <Form method="post" className="stack" key={question.themes.join(",")}>
          <fieldset>
            <legend>{t("help.triage.chooseThemes")}</legend>
            <ChipGroup name="themes" selected={question.themes} options={HELP_THEMES.map((theme) => ({ value: theme, label: themeName(theme) }))} />
          </fieldset>
          <FieldMessage id="themes-error" error={errors.themes} />
          <SubmitButton busy={busy} className="button button-secondary">
            {t("help.triage.saveThemes")}
          </SubmitButton>
          <input type="hidden" name="intent" value="label" />
        </Form>
      </section>

      {/* Keyed by the conversation's length: after an answer is sent, the box is empty again. */}
      <Form method="post" className="card stack" noValidate key={question.messages.length}>
        <h2>{t("help.triage.answer")}</h2>
        <div className={`field${errors.body ? " has-error" : ""}`}>
          <label htmlFor="answer-body">{t("help.triage.answerLabel", { language: LOCALE_NAMES[question.language as keyof typeof LOCALE_NAMES] })}</label>
          <textarea
            id="answer-body"
            name="body"
            rows={6}
            lang={question.language}
            dir="auto"
            defaultValue={values.intent === "answer" ? (values.body ?? "") : ""}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? "answer-body-error" : undefined}
          />
          <FieldMessage id="answer-body-error" error={errors.body} />
        </div>
        <input type="hidden" name="intent" value="answer" />
        <SubmitButton busy={busy}>{t("help.triage.sendAnswer")}</SubmitButton>
      </Form>

      <section className="card stack" aria-labelledby="triage-refer">
        <h2 id="triage-refer">{t("help.triage.refer")}</h2>
        {question.referrals.length > 0 ? (
          <ul>
            {question.referrals.map((referral) => (
              <li key={referral.id}>
                <ReferralText kind={referral.kind} target={referral.target} />
                {referral.buddyRequestId ? ` · ${t("help.question.buddyRequested")}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        <ReferForm kind="organisation" label={t("help.triage.referOrganisation")} busy={busy}>
          {REFERRAL_ORGANISATIONS.map((organisation) => (
            <option key={organisation.key} value={organisation.key}>
              {t(`help.organisations.${organisation.key}.name`)}
            </option>
          ))}
        </ReferForm>
        {options.activities.length > 0 ? (
          <ReferForm kind="activity" label={t("help.triage.referActivity")} busy={busy}>
            {options.activities.map((activity) => (
              <option key={activity.id} value={activity.id}>
                {/* First-strong isolates: an option cannot hold <bdi>, and a Latin title beside an Arabic date reorders. */}
                {`\u2068${activity.title}\u2069 · \u2068${formatDate(activity.startsAt, locale, { dateStyle: "medium" })}\u2069`}
              </option>
            ))}
          </ReferForm>
        ) : null}
        {options.groups.length > 0 ? (
          <ReferForm kind="group" label={t("help.triage.referGroup")} busy={busy}>
            {options.groups.map((group) => (
              <option key={group.slug} value={group.slug}>
                {group.name}
              </option>
            ))}
          </ReferForm>
        ) : null}
        <ReferForm kind="buddy" label={t("help.triage.referBuddy")} busy={busy} hint={t("help.triage.referBuddyHint")}>
          <option value="language">{t("help.referral.languageBuddy")}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={`job:${sector}`}>
              {t("help.referral.jobBuddy", { sector: t(`reference:sector.${sector}`) })}
            </option>
          ))}
        </ReferForm>
      </section>

      <section className="card stack" aria-labelledby="triage-publish">
        <h2 id="triage-publish">{t("help.triage.publish")}</h2>
        {!question.publishConsent ? (
          <p className="muted">{t("help.triage.noConsent")}</p>
        ) : question.messages.every((message) => message.fromAsker) ? (
          <p className="muted">{t("help.triage.answerFirst")}</p>
        ) : (
          <Form method="post" className="stack" noValidate>
            <p className="hint">{t("help.triage.publishHint")}</p>
            {HELP_LANGUAGES.map((lng) => (
              <fieldset key={lng} lang={lng} dir={lng === "ar" ? "rtl" : "ltr"}>
                <legend>{LOCALE_NAMES[lng]}</legend>
                <div className="field">
                  <label htmlFor={`question-${lng}`}>{t("help.triage.publishedQuestion")}</label>
                  <textarea id={`question-${lng}`} name={`question-${lng}`} rows={2} defaultValue={published.get(lng)?.question ?? ""} />
                </div>
                <div className="field">
                  <label htmlFor={`answer-${lng}`}>{t("help.triage.publishedAnswer")}</label>
                  <textarea id={`answer-${lng}`} name={`answer-${lng}`} rows={4} defaultValue={published.get(lng)?.answer ?? ""} />
                </div>
              </fieldset>
            ))}
            <div className="form-actions">
              <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
                {t("help.triage.publishButton")}
              </button>
              {question.article ? (
                <button type="submit" name="intent" value="unpublish" className="button button-secondary" disabled={busy}>
                  {t("help.triage.unpublish")}
                </button>
              ) : null}
            </div>
          </Form>
        )}
      </section>
    </section>
  );
}

function ReferForm({ kind, label, hint, busy, children }: { kind: string; label: string; hint?: string; busy: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="field">
      <input type="hidden" name="intent" value="refer" />
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={`refer-${kind}`}>{label}</label>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="search-row">
        <select id={`refer-${kind}`} name={`target-${kind}`}>
          {children}
        </select>
        <button type="submit" className="button button-small button-secondary" disabled={busy}>
          {t("help.triage.referButton")}
        </button>
      </div>
    </Form>
  );
}
