import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/table-scroll";
import { formatDate } from "~/lib/format";
import { orHttpError, requireUser } from "~/lib/http.server";
import { listOutbox } from "~/lib/mail/outbox-view.server";
import { LOCALE_NAMES, isLocale } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "admin.outbox.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const page = Math.max(1, Math.min(10_000, Number(new URL(request.url).searchParams.get("page")) || 1));
  return { ...(await orHttpError(listOutbox(user.id, page))), locale: context.locale };
}

export default function Outbox() {
  const { t } = useTranslation();
  const { mails, page, pageCount, locale } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1 id="outbox-heading">{t("admin.outbox.title")}</h1>
      <p>{t("admin.outbox.intro")}</p>
      {mails.length === 0 ? (
        <p className="empty-state">{t("admin.outbox.empty")}</p>
      ) : (
        <TableScroll labelledBy="outbox-heading">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("admin.outbox.when")}</th>
                <th scope="col">{t("admin.outbox.to")}</th>
                <th scope="col">{t("admin.outbox.subject")}</th>
                <th scope="col">{t("admin.outbox.language")}</th>
                <th scope="col">{t("admin.outbox.statusLabel")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td>{formatDate(mail.createdAt, locale, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td dir="ltr">{mail.toAddress}</td>
                  <td>
                    <Link to={`/admin/outbox/${mail.id}`} lang={mail.locale} dir="auto">
                      {mail.subject}
                    </Link>
                    <div className="hint">{t(`admin.outbox.kind.${mail.kind}`, { defaultValue: mail.kind })}</div>
                  </td>
                  <td>{isLocale(mail.locale) ? LOCALE_NAMES[mail.locale] : mail.locale}</td>
                  <td>
                    {t(`admin.outbox.status.${mail.status}`)}
                    {mail.attempts > 0 && mail.status !== "sent" ? <div className="hint">{t("admin.outbox.attempts", { count: mail.attempts })}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("common.pagination")} className="pagination">
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("common.previous")}</Link> : null}
          <span>{t("common.pageOf", { page, pageCount })}</span>
          {page < pageCount ? <Link to={`?page=${page + 1}`}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
