import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/form";
import { formatDate } from "~/lib/format";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { readOutboxMail, retryOutboxMail } from "~/lib/mail/outbox-view.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "admin.outbox.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  return { mail: await orHttpError(readOutboxMail(user.id, params.id!)), locale: context.locale };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  return runAction(async () => {
    await retryOutboxMail(user.id, params.id!);
    throw await redirectWithNotice(`/admin/outbox/${params.id}`, { key: "admin.outbox.retried" });
  });
}

export default function OutboxMail() {
  const { t } = useTranslation();
  const { mail, locale } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="stack">
      <p>
        <Link to="/admin/outbox">{t("admin.outbox.back")}</Link>
      </p>
      <h1 lang={mail.locale} dir="auto">
        {mail.subject}
      </h1>
      <dl className="facts">
        <dt>{t("admin.outbox.to")}</dt>
        <dd dir="ltr">{mail.toAddress}</dd>
        <dt>{t("admin.outbox.when")}</dt>
        <dd>{formatDate(mail.createdAt, locale, { dateStyle: "medium", timeStyle: "short" })}</dd>
        <dt>{t("admin.outbox.statusLabel")}</dt>
        <dd>
          {t(`admin.outbox.status.${mail.status}`)}
          {mail.attempts > 0 ? ` · ${t("admin.outbox.attempts", { count: mail.attempts })}` : ""}
        </dd>
      </dl>
      {mail.lastError ? (
        <p className="alert alert-error" role="alert" dir="ltr">
          {t("admin.outbox.error", { error: mail.lastError })}
        </p>
      ) : null}
      {mail.status === "failed" ? (
        <Form method="post">
          <SubmitButton busy={busy}>{t("admin.outbox.retry")}</SubmitButton>
        </Form>
      ) : null}
      <h2>{t("admin.outbox.html")}</h2>
      <iframe className="mail-frame" src={`/admin/outbox/${mail.id}/html`} sandbox="" title={t("admin.outbox.html")} />
      <h2>{t("admin.outbox.text")}</h2>
      <pre className="mail-text" lang={mail.locale} dir="auto">
        {mail.text}
      </pre>
    </section>
  );
}
