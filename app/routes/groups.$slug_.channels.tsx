import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldMessage, FormAlert, SubmitButton, TextField } from "~/components/form";
import { addWebhook, connectTelegram, listChannels, removeChannel, retryDelivery, sendTest } from "~/domain/channels/channels.server";
import type { FieldErrors } from "~/domain/errors";
import { formatDate } from "~/lib/format";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "channels.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const { group, channels } = await orHttpError(listChannels(user.id, params.slug!));
  return { group, channels, locale: context.locale };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData());
  const slug = params.slug!;
  const here = `/groups/${slug}/channels`;
  // The bot token is never sent back to the page, not even to refill the form.
  const { token: _token, ...typed } = input;
  return runAction(async () => {
    switch (input.intent) {
      case "telegram":
        await connectTelegram(user.id, slug, input, context.locale);
        throw await redirectWithNotice(here, { key: "channels.notices.telegramConnected" });
      case "webhook": {
        const { id, secret } = await addWebhook(user.id, slug, input);
        // Shown once, on this answer only: only a sealed copy is kept.
        return { ok: true as const, created: { id, secret } };
      }
      case "remove":
        await removeChannel(user.id, slug, input);
        throw await redirectWithNotice(here, { key: "channels.notices.removed" });
      case "test":
        await sendTest(user.id, slug, input, context.locale);
        throw await redirectWithNotice(here, { key: "channels.notices.testQueued" });
      case "retry":
        await retryDelivery(user.id, slug, input);
        throw await redirectWithNotice(here, { key: "channels.notices.retried" });
      default:
        await listChannels(user.id, slug); // the same refusal as the page for people who may not
        return { ok: false as const, formError: { key: "validation.invalidChoice" }, fieldErrors: {} as FieldErrors, values: typed };
    }
  }, typed);
}

type Delivery = Awaited<ReturnType<typeof loader>>["channels"][number]["deliveries"][number];

function DeliveryLog({ deliveries, locale, busy }: { deliveries: Delivery[]; locale: Awaited<ReturnType<typeof loader>>["locale"]; busy: boolean }) {
  const { t } = useTranslation();
  if (deliveries.length === 0) return <p className="empty-state">{t("channels.log.empty")}</p>;
  return (
    <ol className="delivery-log">
      {deliveries.map((row) => (
        <li key={row.id}>
          <p>
            <span className={`badge${row.status === "failed" ? " badge-danger" : row.status === "sent" ? " badge-strong" : ""}`}>
              {t(`channels.log.statuses.${row.status}`)}
            </span>{" "}
            {t(`channels.events.${row.event.replace(".", "_")}`)} ·{" "}
            {formatDate(row.sentAt ?? row.createdAt, locale, { dateStyle: "short", timeStyle: "short" })}
            {row.lastStatus !== null ? (
              <>
                {" "}
                · <bdi dir="ltr">{t("channels.log.http", { status: row.lastStatus })}</bdi>
              </>
            ) : null}{" "}
            · {t("channels.log.attempts", { count: row.attempts })}
          </p>
          {row.lastError ? (
            <p className="muted log-error" dir="ltr">
              {row.lastError}
            </p>
          ) : null}
          {row.status === "failed" ? (
            <Form method="post">
              <input type="hidden" name="deliveryId" value={row.id} />
              <button type="submit" name="intent" value="retry" className="link-button" disabled={busy}>
                {t("channels.log.retry")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export default function GroupChannels() {
  const { t } = useTranslation();
  const { group, channels, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = result && !result.ok ? result : null;
  const errors = failed?.fieldErrors ?? {};
  const typed = (failed?.values ?? {}) as Record<string, string | undefined>;
  const formErrorFor = (intent: string) => (typed.intent === intent ? failed?.formError : null);
  const otherError = typed.intent === "telegram" || typed.intent === "webhook" ? null : failed?.formError;
  const created = result && result.ok ? result.created : null;
  return (
    <section className="stack">
      <p>
        <Link to={`/groups/${group.slug}`}>{t("channels.back", { group: group.name })}</Link>
      </p>
      <h1>{t("channels.title")}</h1>
      <p>{t("channels.intro")}</p>
      {created ? (
        <div className="alert alert-success stack">
          <p>{t("channels.webhook.created")}</p>
          <p>
            <code dir="ltr" className="secret">
              {created.secret}
            </code>
          </p>
          <p>{t("channels.webhook.secretOnce")}</p>
        </div>
      ) : null}
      <FormAlert error={otherError} />

      <section aria-labelledby="channels-list" className="stack">
        <h2 id="channels-list">{t("channels.connected", { count: channels.length })}</h2>
        {channels.length === 0 ? (
          <p className="empty-state card">{t("channels.empty")}</p>
        ) : (
          <ul className="stack channel-list">
            {channels.map((channel) => (
              <li key={channel.id} className="card stack">
                <h3>
                  {t(`channels.kinds.${channel.kind}`)} ·{" "}
                  <span dir="ltr">{channel.kind === "telegram" ? `${channel.target} (${channel.label})` : channel.target}</span>
                </h3>
                <p className="muted">{t("channels.since", { date: formatDate(channel.createdAt, locale, { dateStyle: "medium" }) })}</p>
                <Form method="post">
                  <input type="hidden" name="channelId" value={channel.id} />
                  <button type="submit" name="intent" value="test" className="button button-secondary" disabled={busy}>
                    {t("channels.sendTest")}
                  </button>
                </Form>
                <h4>{t("channels.log.title")}</h4>
                <DeliveryLog deliveries={channel.deliveries} locale={locale} busy={busy} />
                <Form method="post" className="stack">
                  <input type="hidden" name="channelId" value={channel.id} />
                  <div className={`field${errors[`confirm-${channel.id}`] ? " has-error" : ""}`}>
                    <label className="check">
                      <input
                        type="checkbox"
                        name="confirm"
                        aria-invalid={errors[`confirm-${channel.id}`] ? true : undefined}
                        aria-describedby={errors[`confirm-${channel.id}`] ? `confirm-${channel.id}-error` : undefined}
                      />
                      <span>{t("channels.confirmRemove")}</span>
                    </label>
                    <FieldMessage id={`confirm-${channel.id}-error`} error={errors[`confirm-${channel.id}`]} />
                  </div>
                  <div>
                    <button type="submit" name="intent" value="remove" className="button button-danger" disabled={busy}>
                      {t("channels.remove")}
                    </button>
                  </div>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="telegram-heading" className="card stack">
        <h2 id="telegram-heading">{t("channels.telegram.title")}</h2>
        <p>{t("channels.telegram.intro")}</p>
        <Form method="post" className="stack" noValidate>
          <FormAlert error={formErrorFor("telegram")} />
          <TextField
            name="token"
            label={t("channels.telegram.token")}
            hint={t("channels.telegram.tokenHint")}
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            maxLength={200}
            required
            error={errors.token}
          />
          <TextField
            name="chatId"
            label={t("channels.telegram.chatId")}
            hint={t("channels.telegram.chatIdHint")}
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            maxLength={100}
            required
            defaultValue={typed.chatId}
            error={errors.chatId}
          />
          <input type="hidden" name="intent" value="telegram" />
          <SubmitButton busy={busy}>{t("channels.telegram.connect")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="webhook-heading" className="card stack">
        <h2 id="webhook-heading">{t("channels.webhook.title")}</h2>
        <p>{t("channels.webhook.intro")}</p>
        <Form method="post" className="stack" noValidate>
          <FormAlert error={formErrorFor("webhook")} />
          <TextField
            name="url"
            type="url"
            label={t("channels.webhook.url")}
            hint={t("channels.webhook.urlHint")}
            dir="ltr"
            maxLength={2000}
            required
            defaultValue={typed.url}
            error={errors.url}
          />
          <input type="hidden" name="intent" value="webhook" />
          <SubmitButton busy={busy}>{t("channels.webhook.add")}</SubmitButton>
        </Form>
      </section>
    </section>
  );
}
