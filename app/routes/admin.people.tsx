import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changeOrganiserRole, listPeopleForAdmin } from "~/domain/people/roles.server";
import { rolesOf } from "~/domain/policy/rules";
import { formatNumber } from "~/lib/format";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "admin.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  // "Make organiser" first asks (?confirm=<id>, a plain link, so it works without JavaScript too).
  const confirm = url.searchParams.get("confirm");
  return { ...(await orHttpError(listPeopleForAdmin(user.id, query, page))), query, locale: context.locale, selfId: user.id, confirm };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const form = Object.fromEntries(await request.formData());
  return runAction(async () => {
    const changed = await changeOrganiserRole(user.id, form);
    const back = new URL(request.url);
    back.searchParams.delete("confirm");
    const to = `${back.pathname}${back.search}`;
    if (changed.granted) throw await redirectWithNotice(to, { key: "offline.granted", values: { name: changed.displayName } });
    throw redirect(to);
  });
}

export default function AdminPeople() {
  const { t } = useTranslation();
  const { people, total, page, pageCount, query, locale, confirm } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const asked = people.find((person) => person.id === confirm && !rolesOf(person).organiser);
  const here = `?${new URLSearchParams({ ...(query ? { q: query } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <section className="stack">
      <h1>{t("admin.title")}</h1>
      <Form method="get" className="search-row" role="search">
        <label htmlFor="people-search" className="visually-hidden">
          {t("admin.search")}
        </label>
        <input id="people-search" name="q" type="search" defaultValue={query} placeholder={t("admin.search")} />
        <button type="submit" className="button button-secondary">
          {t("admin.searchButton")}
        </button>
      </Form>
      {asked ? (
        <section className="card stack" aria-labelledby="grant-confirm">
          <h2 id="grant-confirm">{t("offline.grantConfirm", { name: asked.displayName })}</h2>
          <Form method="post" action={`/admin/people${here === "?" ? "" : here}`} className="form-actions">
            <input type="hidden" name="userId" value={asked.id} />
            <button type="submit" name="organiser" value="grant" className="button" disabled={busy}>
              {t("offline.grantYes")}
            </button>
            <Link to={`/admin/people${here === "?" ? "" : here}`} className="button button-secondary">
              {t("common.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}
      <p aria-live="polite">{t("admin.count", { count: total, formatted: formatNumber(total, locale) })}</p>
      {people.length === 0 ? (
        <div className="empty-state card">{t("admin.none")}</div>
      ) : (
        <ul className="people-list">
          {people.map((person) => (
            <li key={person.id} className="card person-row">
              <div>
                <strong>{person.displayName}</strong>
                <div className="muted">{person.email}</div>
                <div className="badges">
                  {person.isNewcomer ? <span className="badge">{t("roles.newcomer")}</span> : null}
                  {person.isVolunteer ? <span className="badge">{t("roles.volunteer")}</span> : null}
                  {rolesOf(person).organiser ? <span className="badge badge-strong">{t("roles.organiser")}</span> : null}
                  {rolesOf(person).admin ? <span className="badge badge-strong">{t("roles.admin")}</span> : null}
                  {rolesOf(person).helpdeskVolunteer ? <span className="badge">{t("help.volunteers.badge")}</span> : null}
                </div>
              </div>
              {rolesOf(person).organiser ? (
                <Form method="post">
                  <input type="hidden" name="userId" value={person.id} />
                  <button type="submit" name="organiser" value="revoke" className="button button-small button-secondary" disabled={busy}>
                    {t("admin.revokeOrganiser")}
                  </button>
                </Form>
              ) : (
                <Form method="get">
                  {query ? <input type="hidden" name="q" value={query} /> : null}
                  {page > 1 ? <input type="hidden" name="page" value={page} /> : null}
                  <button type="submit" name="confirm" value={person.id} className="button button-small button-secondary" disabled={busy}>
                    {t("admin.grantOrganiser")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("common.pagination")} className="pagination">
          {page > 1 ? <a href={`?q=${encodeURIComponent(query)}&page=${page - 1}`}>{t("common.previous")}</a> : null}
          <span>{t("common.pageOf", { page, pageCount })}</span>
          {page < pageCount ? <a href={`?q=${encodeURIComponent(query)}&page=${page + 1}`}>{t("common.next")}</a> : null}
        </nav>
      ) : null}
    </section>
  );
}
