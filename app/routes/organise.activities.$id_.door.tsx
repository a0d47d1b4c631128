import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form";
import { addWalkIn, checkInByQr, checkInCode, checkInFromList, doorList, undoCheckIn } from "~/domain/attendance/checkin.server";
import { getActivity } from "~/domain/activities/queries.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { BackLink } from "~/components/back-link";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "checkin.doorTitle");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const search = new URL(request.url).searchParams.get("q") ?? "";
  const [list, code, activity] = await orHttpError(
    Promise.all([doorList(user.id, params.id!, search), checkInCode(user.id, params.id!), getActivity(params.id!, { viewer: user, locale: context.locale })]),
  );
  return { ...list, code, search, title: activity.title, activityId: params.id! };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const id = params.id!;
  const back = `/organise/activities/${id}/door${form.q ? `?q=${encodeURIComponent(form.q)}` : ""}`;
  return runAction(async () => {
    if (form.intent === "undo") await undoCheckIn(user.id, id, form.checkInId ?? "");
    else if (form.intent === "walk-in") await addWalkIn(user.id, id, form.walkInName);
    else if (form.intent === "qr") {
      const person = await checkInByQr(user.id, id, form.token);
      throw await redirectWithNotice(back, { key: "checkin.welcome", values: { name: person.displayName } });
    } else await checkInFromList(user.id, id, form.userId ?? "");
    throw redirect(back);
  });
}

export default function Door() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="stack door">
      <BackLink to={`/organise/activities/${data.activityId}`}>{t("organise.edit")}</BackLink>
      <h1 dir="auto">{data.title}</h1>
      <div className="door-count" aria-live="polite">
        <p className="lead">{t("reports.presentCount", { count: data.figures.present })}</p>
        <ul className="member-list">
          <li>{t("reports.ofGoing", { count: data.figures.going, arrived: data.figures.presentGoing })}</li>
          <li>{t("reports.walkInCount", { count: data.figures.walkIns })}</li>
          {data.figures.presentDeleted > 0 ? <li>{t("reports.deletedCount", { count: data.figures.presentDeleted })}</li> : null}
          {data.figures.presentWithoutPlace > 0 ? <li>{t("reports.withoutPlaceCount", { count: data.figures.presentWithoutPlace })}</li> : null}
        </ul>
      </div>
      <FormAlert error={result?.formError ?? Object.values(result?.fieldErrors ?? {})[0]} />

      <div className="card stack">
        <p>{t("checkin.codeIntro")}</p>
        <p className="big-code">
          {/* Read letter by letter by a screen reader; aria-label on a <p> would be ignored. */}
          <span aria-hidden="true">{data.code}</span>
          <span className="visually-hidden">{data.code.split("").join(" ")}</span>
        </p>
      </div>

      <Form method="post" className="card stack">
        <label htmlFor="qr-token">{t("checkin.scanLabel")}</label>
        <p className="hint">{t("checkin.scanHint")}</p>
        <input id="qr-token" type="text" name="token" autoComplete="off" autoCapitalize="off" spellCheck={false} dir="ltr" />
        <button type="submit" name="intent" value="qr" className="button" disabled={busy}>
          {t("checkin.checkIn")}
        </button>
      </Form>

      <Form method="get" role="search" className="search-row">
        <label htmlFor="door-search" className="visually-hidden">
          {t("checkin.search")}
        </label>
        <input id="door-search" type="search" name="q" defaultValue={data.search} placeholder={t("checkin.search")} />
        <button type="submit" className="button button-secondary">
          {t("admin.searchButton")}
        </button>
      </Form>

      {data.people.length === 0 ? (
        <p className="empty-state card">{t(data.search ? "admin.none" : "checkin.nobodyGoing")}</p>
      ) : (
        <ul className="people-list door-list">
          {data.people.map((person) => (
            <li key={person.userId} className={`card person-row${person.checkInId ? " checked" : ""}`}>
              <span dir="auto">
                {person.checkInId ? "✓ " : ""}
                {person.name}
              </span>
              <Form method="post">
                <input type="hidden" name="q" value={data.search} />
                {person.checkInId ? (
                  <>
                    <input type="hidden" name="checkInId" value={person.checkInId} />
                    <button type="submit" name="intent" value="undo" className="button button-small button-secondary" disabled={busy}>
                      {t("checkin.undo")}
                    </button>
                  </>
                ) : (
                  <>
                    <input type="hidden" name="userId" value={person.userId} />
                    <button type="submit" name="intent" value="list" className="button button-small" disabled={busy}>
                      {t("checkin.checkIn")}
                    </button>
                  </>
                )}
              </Form>
            </li>
          ))}
        </ul>
      )}

      <Form method="post" className="card stack">
        <label htmlFor="walk-in">{t("checkin.walkIn")}</label>
        <input id="walk-in" type="text" name="walkInName" maxLength={60} dir="auto" />
        <button type="submit" name="intent" value="walk-in" className="button button-secondary" disabled={busy}>
          {t("checkin.addWalkIn")}
        </button>
        {data.walkIns.length > 0 ? (
          <ul className="member-list">
            {data.walkIns.map((walkIn) => (
              <li key={walkIn.checkInId} dir="auto">
                {walkIn.name}
              </li>
            ))}
          </ul>
        ) : null}
      </Form>
    </section>
  );
}
