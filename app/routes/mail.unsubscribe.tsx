import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/form";
import { isDomainError } from "~/domain/errors";
import { readUnsubscribeLink, applyUnsubscribeLink } from "~/domain/people/mail-preferences.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "mailPrefs.unsubscribe.title");

/**
 * The address holds a secret: no cache may keep the page and no link on it may pass the address
 * on. `no-referrer` makes browsers send the page's form with `Origin: null`; this path alone is
 * exempt from the Origin check (server/http/origin-guard.ts), because the token is its only key.
 */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

const tokenOf = (request: Request) => new URL(request.url).searchParams.get("token") ?? "";

/** A link that cannot be read (forged, altered, cut short, for an account that is gone): a 400 with a translated page; nothing changes. */
const isBadLink = (error: unknown) => isDomainError(error) && error.status === 400;

/** Shows what the link would stop, or that it has stopped it. A GET never changes anything: link scanners fetch links in mails. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  try {
    const link = await readUnsubscribeLink(token);
    return data({ valid: true as const, token, choice: link.choice, enabled: link.enabled });
  } catch (error) {
    if (isBadLink(error)) return data({ valid: false as const }, { status: 400 });
    throw error;
  }
}

/**
 * RFC 8058's one-click POST (`List-Unsubscribe=One-Click`, from a mail program, with no cookie and
 * no Origin) and the page's own button turn the link's one choice off; `intent=undo` turns it back on.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = typeof form.get("token") === "string" ? String(form.get("token")) : tokenOf(request);
  const undo = form.get("intent") === "undo";
  if (!undo && form.get("List-Unsubscribe") !== "One-Click") return data({ done: null, invalid: true }, { status: 400 });
  try {
    const result = await applyUnsubscribeLink(token, undo);
    return data({ done: result.enabled ? ("resubscribed" as const) : ("unsubscribed" as const), invalid: false });
  } catch (error) {
    if (isBadLink(error)) return data({ done: null, invalid: true }, { status: 400 });
    throw error;
  }
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const settings = (
    <p>
      <Link to="/account#mail-heading">{t("mailPrefs.unsubscribe.settings")}</Link>
    </p>
  );
  if (!page.valid || result?.invalid) {
    return (
      <section className="narrow stack">
        <h1>{t("mailPrefs.unsubscribe.invalidTitle")}</h1>
        <p className="alert alert-error" role="alert">
          {t("mailPrefs.unsubscribe.invalid")}
        </p>
        {settings}
      </section>
    );
  }
  const choice = t(`mailPrefs.choices.${page.choice}.label`);
  return (
    <section className="narrow stack">
      <h1>{t("mailPrefs.unsubscribe.title")}</h1>
      {page.enabled ? (
        <>
          {result?.done === "resubscribed" ? (
            <p className="alert alert-success" role="status">
              {t("mailPrefs.unsubscribe.undone", { choice })}
            </p>
          ) : null}
          <p>{t("mailPrefs.unsubscribe.confirm", { choice })}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="token" value={page.token} />
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <SubmitButton busy={busy}>{t("mailPrefs.unsubscribe.button")}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p className="alert alert-success" role="status">
            {t("mailPrefs.unsubscribe.done", { choice })}
          </p>
          <Form method="post" className="stack">
            <input type="hidden" name="token" value={page.token} />
            <input type="hidden" name="intent" value="undo" />
            <SubmitButton busy={busy} className="button button-secondary">
              {t("mailPrefs.unsubscribe.undo")}
            </SubmitButton>
          </Form>
        </>
      )}
      {settings}
    </section>
  );
}
