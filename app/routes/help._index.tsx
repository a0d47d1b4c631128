import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField } from "~/components/choice";
import { FieldMessage, FormAlert, SubmitButton } from "~/components/form";
import { ArticleList, StatusBadge } from "~/components/help";
import { similarArticles } from "~/domain/help/articles.server";
import { askQuestion, myQuestions } from "~/domain/help/questions.server";
import { formatDate } from "~/lib/format";
import { requireUser, runAction } from "~/lib/http.server";
import { LOCALE_NAMES } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";
import { HELP_LANGUAGES, QUESTION_MAX } from "~/lib/reference/help";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "help.title");

/** Questions are personal: never in a shared cache, also when the answer carries a Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return { "Cache-Control": "private, no-store", ...(retryAfter ? { "Retry-After": retryAfter } : {}) };
};

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.auth.user;
  return { signedIn: Boolean(user), questions: user ? await myQuestions(user.id) : [], locale: context.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData());
  if (input.intent === "similar") {
    return data({ ok: true as const, similar: await similarArticles(String(input.body ?? ""), context.locale), values: input });
  }
  return runAction(async () => {
    const { id } = await askQuestion(user.id, input);
    throw await redirectWithNotice(`/help/${id}`, { key: "help.notice.asked" });
  }, input);
}

export default function HelpPage() {
  const { t } = useTranslation();
  const { signedIn, questions, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = (result?.values ?? {}) as Record<string, string | undefined>;
  const errors = result && "fieldErrors" in result ? result.fieldErrors : {};
  // With JavaScript the earlier answers follow the typing (after a pause); without it, the second button asks.
  const fetcher = useFetcher<typeof action>();
  const [draft, setDraft] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    if (draft.trim().length < 12) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => fetcher.submit({ intent: "similar", body: draft }, { method: "post", action: "/help?index" }), 500);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fetcher.submit is stable; only the text matters
  }, [draft]);
  const typed = fetcher.data && "similar" in fetcher.data ? fetcher.data.similar : null;
  const similar = result && "similar" in result ? result.similar : typed && typed.length > 0 ? typed : null;
  return (
    <section className="stack">
      <div className="title-row">
        <h1>{t("help.title")}</h1>
        <Link to="/help/answers" className="button button-secondary button-small">
          {t("help.answers.title")}
        </Link>
      </div>
      <p className="lead">{t("help.intro")}</p>
      {!signedIn ? (
        <div className="card empty-state">
          <p>{t("help.signInToAsk")}</p>
          <a className="button" href="/login?redirectTo=%2Fhelp">
            {t("nav.signIn")}
          </a>
        </div>
      ) : (
        <>
          <Form method="post" className="card stack" noValidate>
            <h2>{t("help.ask.title")}</h2>
            <FormAlert error={result && "formError" in result ? result.formError : null} />
            <div className={`field${errors.body ? " has-error" : ""}`}>
              <label htmlFor="help-body">{t("help.ask.body")}</label>
              <p className="hint" id="help-body-hint">
                {t("help.ask.bodyHint", { count: QUESTION_MAX })}
              </p>
              <textarea
                id="help-body"
                name="body"
                rows={6}
                maxLength={QUESTION_MAX}
                defaultValue={values.body ?? ""}
                onChange={(event) => setDraft(event.currentTarget.value)}
                aria-invalid={errors.body ? true : undefined}
                aria-describedby={errors.body ? "help-body-hint help-body-error" : "help-body-hint"}
                required
              />
              <FieldMessage id="help-body-error" error={errors.body} />
            </div>
            <div className={`field${errors.language ? " has-error" : ""}`}>
              <label htmlFor="help-language">{t("help.ask.language")}</label>
              <select
                id="help-language"
                name="language"
                defaultValue={values.language ?? locale}
                aria-describedby={errors.language ? "help-language-error" : undefined}
              >
                {HELP_LANGUAGES.map((language) => (
                  <option key={language} value={language} lang={language}>
                    {LOCALE_NAMES[language]}
                  </option>
                ))}
              </select>
              <FieldMessage id="help-language-error" error={errors.language} />
            </div>
            <div className="field">
              <CheckboxField
                name="anonymous"
                label={t("help.ask.anonymous")}
                defaultChecked={values.anonymous === "on"}
                aria-describedby="help-anonymous-hint"
              />
              <p className="hint" id="help-anonymous-hint">
                {t("help.ask.anonymousHint")}
              </p>
            </div>
            <div className="field">
              <CheckboxField
                name="publishConsent"
                label={t("help.ask.consent")}
                defaultChecked={values.publishConsent === "on"}
                aria-describedby="help-consent-hint"
              />
              <p className="hint" id="help-consent-hint">
                {t("help.ask.consentHint")}
              </p>
            </div>
            <div className="form-actions">
              <SubmitButton busy={busy}>{t("help.ask.submit")}</SubmitButton>
              <button type="submit" name="intent" value="similar" className="button button-secondary" formNoValidate disabled={busy}>
                {t("help.ask.lookFirst")}
              </button>
            </div>
          </Form>
          {similar ? (
            <section className="stack" aria-labelledby="help-similar" aria-live="polite">
              <h2 id="help-similar">{t("help.ask.similarTitle")}</h2>
              {similar.length === 0 ? <p className="empty-state card">{t("help.ask.similarNone")}</p> : <ArticleList articles={similar} />}
            </section>
          ) : null}
          <section className="stack" aria-labelledby="help-mine">
            <h2 id="help-mine">{t("help.mine.title")}</h2>
            {questions.length === 0 ? (
              <p className="empty-state card">{t("help.mine.none")}</p>
            ) : (
              <ul className="people-list">
                {questions.map((question) => (
                  <li key={question.id} className="card">
                    <p>
                      <Link to={`/help/${question.id}`} lang={question.language}>
                        {question.body.length > 120 ? `${question.body.slice(0, 119)}…` : question.body}
                      </Link>
                    </p>
                    <p className="muted">
                      <StatusBadge status={question.status} />{" "}
                      <time dateTime={question.createdAt}>{formatDate(question.createdAt, locale, { dateStyle: "medium" })}</time>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
