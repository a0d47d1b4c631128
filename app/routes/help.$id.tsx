import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { FieldMessage, FormAlert, SubmitButton } from "~/components/form";
import { Conversation, ReferralText, StatusBadge } from "~/components/help";
import { acceptBuddyReferral, questionView, replyAsAsker, setClosed, setPublishConsent } from "~/domain/help/questions.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "help.question.title");

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return { "Cache-Control": "private, no-store", ...(retryAfter ? { "Retry-After": retryAfter } : {}) };
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  return { question: await orHttpError(questionView(user.id, params.id!)), locale: context.locale };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const id = params.id!;
  const input = formToObject(await request.formData());
  return runAction(async () => {
    switch (input.intent) {
      case "consent":
        await setPublishConsent(user.id, id, input.consent === "on");
        throw await redirectWithNotice(`/help/${id}`, { key: input.consent === "on" ? "help.notice.consentGiven" : "help.notice.consentWithdrawn" });
      case "close":
        await setClosed(user.id, id, true);
        throw await redirectWithNotice(`/help/${id}`, { key: "help.notice.closed" });
      case "accept-buddy":
        await acceptBuddyReferral(user.id, id, String(input.referralId ?? ""));
        throw await redirectWithNotice("/buddies", { key: "help.notice.buddyRequested" });
      default:
        await replyAsAsker(user.id, id, input);
        throw await redirectWithNotice(`/help/${id}`, { key: "help.notice.replied" });
    }
  }, input);
}

export default function HelpQuestionPage() {
  const { t } = useTranslation();
  const { question, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="stack narrow">
      <BackLink to="/help">{t("help.title")}</BackLink>
      <h1>{t("help.question.title")}</h1>
      <p>
        <StatusBadge status={question.status} />
      </p>
      <Conversation
        textLang={question.language}
        body={question.body}
        createdAt={question.createdAt}
        askerLabel={t("help.you")}
        messages={question.messages}
        locale={locale}
      />
      {question.messages.every((message) => message.fromAsker) ? <p className="empty-state card">{t("help.question.waiting")}</p> : null}
      {question.referrals.length > 0 ? (
        <section className="card stack" aria-labelledby="help-referrals">
          <h2 id="help-referrals">{t("help.question.referrals")}</h2>
          <ul className="people-list">
            {question.referrals.map((referral) => (
              <li key={referral.id}>
                <ReferralText kind={referral.kind} target={referral.target} />
                {referral.kind === "buddy" && question.isAsker ? (
                  referral.buddyRequestId ? (
                    <p className="muted">{t("help.question.buddyRequested")}</p>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="referralId" value={referral.id} />
                      <button type="submit" name="intent" value="accept-buddy" className="button button-small" disabled={busy}>
                        {t("help.question.acceptBuddy")}
                      </button>
                    </Form>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" className="card stack" noValidate key={question.messages.length}>
        <FormAlert error={result?.formError} />
        <div className={`field${errors.body ? " has-error" : ""}`}>
          <label htmlFor="reply-body">{t("help.question.reply")}</label>
          <textarea
            id="reply-body"
            name="body"
            rows={4}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? "reply-body-error" : undefined}
          />
          <FieldMessage id="reply-body-error" error={errors.body} />
        </div>
        <div className="form-actions">
          <SubmitButton busy={busy}>{t("help.question.send")}</SubmitButton>
          {question.status !== "closed" ? (
            <button type="submit" name="intent" value="close" className="button button-secondary" formNoValidate disabled={busy}>
              {t("help.question.close")}
            </button>
          ) : null}
        </div>
      </Form>
      <Form method="post" className="card stack">
        <input type="hidden" name="intent" value="consent" />
        <p>{question.publishConsent ? t("help.question.consentOn") : t("help.question.consentOff")}</p>
        <button type="submit" name="consent" value={question.publishConsent ? "off" : "on"} className="button button-secondary button-small" disabled={busy}>
          {question.publishConsent ? t("help.question.withdrawConsent") : t("help.question.giveConsent")}
        </button>
        {question.article ? (
          <p className="muted">
            {t("help.question.published")} <Link to="/help/answers">{t("help.answers.title")}</Link>
          </p>
        ) : null}
      </Form>
    </section>
  );
}
