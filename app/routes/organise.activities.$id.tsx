import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ActivityForm, valuesFromSubmission } from "~/components/activity-form";
import { PersonName } from "~/components/avatar";
import { ConfirmActions, ScopeChoice } from "~/components/confirm";
import { FieldMessage, FormAlert } from "~/components/form";
import { cancelActivity, duplicateActivity, messageGoing, publishActivity, updateActivity } from "~/domain/activities/activities.server";
import { getActivity, getManageView } from "~/domain/activities/queries.server";
import { approveRsvp } from "~/domain/activities/rsvp.server";
import { groupsOrganisedBy } from "~/domain/groups/groups.server";
import { listMunicipalities } from "~/domain/people/profile.server";
import { ACTIVITY_LIST_FIELDS } from "~/lib/activity-form-fields";
import { formatTimeRange } from "~/lib/format";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import type { AvatarView } from "~/lib/images/avatar.server";
import { formToObject } from "~/lib/validation.server";
import { BackLink } from "~/components/back-link";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.activity.title} · Meedoen` : "Meedoen" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const [activity, { values, attendees }, municipalities, groups] = await orHttpError(
    Promise.all([
      getActivity(params.id!, { viewer: user, locale: context.locale }),
      getManageView(user.id, params.id!),
      listMunicipalities(),
      groupsOrganisedBy(user.id),
    ]),
  );
  return { activity, values, attendees, municipalities, groups, locale: context.locale };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const id = params.id!;
  const input = formToObject(await request.formData(), ACTIVITY_LIST_FIELDS);
  const scope = input.scope === "future" ? "future" : "one";
  const done = async (notice: string) => {
    throw await redirectWithNotice(`/organise/activities/${id}`, { key: `organise.done.${notice}` });
  };
  return runAction(async () => {
    switch (input.intent) {
      case "publish":
        await publishActivity(user.id, id, scope);
        return done("published");
      case "cancel":
        await cancelActivity(user.id, id, scope);
        return done("cancelled");
      case "duplicate": {
        const copy = await duplicateActivity(user.id, id);
        throw await redirectWithNotice(`/organise/activities/${copy.id}`, { key: "organise.done.duplicated" });
      }
      case "approve":
        await approveRsvp(user.id, id, String(input.userId ?? ""));
        return done("approved");
      case "message":
        await messageGoing(user.id, id, input.message);
        return done("messaged");
      default:
        await updateActivity(user.id, id, input, scope);
        return done("saved");
    }
  }, input);
}

export default function ManageActivity() {
  const { t } = useTranslation();
  const { activity, values, attendees, municipalities, groups, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const sentIntent = result?.values.intent;
  const { hash } = useLocation();
  useEffect(() => {
    if (hash === "#message") document.getElementById("field-message")?.focus({ preventScroll: true });
  }, [hash]);
  const formResult = sentIntent === "message" || sentIntent === "cancel" || sentIntent === "approve" ? undefined : result;
  return (
    <section className="stack">
      <BackLink to="/organise">{t("areas.organise.title")}</BackLink>
      <h1 lang={activity.contentLocale} dir="auto">
        {activity.title}
      </h1>
      <p className="muted">
        {t(`activities.status.${activity.status}`)} · {formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone, locale)}
        {activity.seriesId ? ` · ${t("organise.inSeries")}` : ""}
      </p>
      {result && !formResult ? <FormAlert error={result.formError} /> : null}

      <div className="form-actions">
        <Link to={`/activities/${activity.id}`} className="button button-secondary button-small">
          {t("organise.view")}
        </Link>
        {activity.mode !== "online" ? (
          <Link to={`/organise/activities/${activity.id}/door`} className="button button-secondary button-small">
            {t("checkin.doorTitle")}
          </Link>
        ) : null}
        {activity.mode !== "in-person" ? (
          <Link to={`/activities/${activity.id}/live`} className="button button-secondary button-small">
            {t("live.title")}
          </Link>
        ) : null}
        <Link to={`/organise/activities/${activity.id}/cover`} className="button button-secondary button-small">
          {activity.cover ? t("pictures.changeCover") : t("pictures.addCover")}
        </Link>
        <Link to={`/organise/activities/${activity.id}/report`} className="button button-secondary button-small">
          {t("reports.title")}
        </Link>
        {activity.status === "draft" ? (
          <Form method="post">
            <input type="hidden" name="scope" value="future" />
            <button type="submit" name="intent" value="publish" className="button button-small" disabled={busy}>
              {activity.seriesId ? t("organise.publishSeries") : t("organise.publish")}
            </button>
          </Form>
        ) : null}
        <Form method="post">
          <button type="submit" name="intent" value="duplicate" className="button button-secondary button-small" disabled={busy}>
            {t("organise.duplicate")}
          </button>
        </Form>
        {activity.status !== "cancelled" ? (
          <Link to="?confirm=cancel" className="button button-danger button-small">
            {t("organise.cancel")}
          </Link>
        ) : null}
      </div>

      {params.get("confirm") === "cancel" && activity.status !== "cancelled" ? (
        <Form method="post" className="card alert-warning stack">
          <h2>{t("organise.cancelTitle")}</h2>
          <p>{t("organise.cancelWarning", { count: attendees.going.length + attendees.waitlisted.length + attendees.pending.length })}</p>
          {activity.seriesId ? (
            <fieldset className="field">
              <ScopeChoice />
            </fieldset>
          ) : null}
          <ConfirmActions intent="cancel" label={t("organise.confirmCancel")} cancelLabel={t("organise.keep")} busy={busy} />
        </Form>
      ) : null}

      <section className="card stack" aria-labelledby="people-heading">
        <h2 id="people-heading">{t("organise.people")}</h2>
        <AttendeeList title={t("organise.going", { count: attendees.going.length })} people={attendees.going} />
        <AttendeeList title={t("organise.waitlisted", { count: attendees.waitlisted.length })} people={attendees.waitlisted} numbered />
        {attendees.pending.length > 0 ? (
          <div>
            <h3>{t("organise.pending", { count: attendees.pending.length })}</h3>
            <ul className="people-list">
              {attendees.pending.map((person) => (
                <li key={person.userId} className="person-row">
                  <PersonName name={person.displayName} avatar={person.avatar} />
                  <Form method="post">
                    <input type="hidden" name="userId" value={person.userId} />
                    <button type="submit" name="intent" value="approve" className="button button-small" disabled={busy}>
                      {t("organise.approve")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {/* The desk's "Message attendees" lands here (#message): the form from its label, the box focused. */}
        <Form method="post" className="stack" id="message">
          <div className={`field${sentIntent === "message" && result?.fieldErrors.message ? " has-error" : ""}`}>
            <label htmlFor="field-message">{t("organise.message")}</label>
            <p className="hint" id="field-message-hint">
              {t("organise.messageHint")}
            </p>
            <textarea id="field-message" name="message" rows={3} maxLength={1000} aria-describedby="field-message-hint" />
            <FieldMessage id="field-message-error" error={sentIntent === "message" ? result?.fieldErrors.message : undefined} />
          </div>
          <button type="submit" name="intent" value="message" className="button button-secondary" disabled={busy || attendees.going.length === 0}>
            {t("organise.send")}
          </button>
        </Form>
      </section>

      {activity.status !== "cancelled" ? (
        <section aria-labelledby="edit-heading" className="stack">
          <h2 id="edit-heading">{t("organise.edit")}</h2>
          <ActivityForm
            key={values.date + values.startTime}
            values={formResult ? valuesFromSubmission(formResult.values) : values}
            errors={formResult?.fieldErrors ?? {}}
            formError={formResult?.formError}
            municipalities={municipalities}
            groups={groups}
            locale={locale}
            mode="edit"
            inSeries={Boolean(values.seriesId)}
            busy={busy}
          />
        </section>
      ) : null}
    </section>
  );
}

function AttendeeList({
  title,
  people,
  numbered,
}: {
  title: string;
  people: { userId: string; displayName: string; avatar: AvatarView | null }[];
  numbered?: boolean;
}) {
  const List = numbered ? "ol" : "ul";
  return (
    <div>
      <h3>{title}</h3>
      {people.length > 0 ? (
        <List className="member-list">
          {people.map((person) => (
            <li key={person.userId}>
              <PersonName name={person.displayName} avatar={person.avatar} />
            </li>
          ))}
        </List>
      ) : null}
    </div>
  );
}
