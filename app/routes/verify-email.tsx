import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, SubmitButton } from "~/components/form";
import { emailVerified, resendVerification, verifyEmail } from "~/domain/auth/email-verification.server";
import { originOf } from "~/lib/calendar-response.server";
import { requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "auth.verify.title");

/** As the reset page: the address holds a secret (decision 034 on why not "no-referrer"). */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" });

/**
 * Following the mailed link confirms the address at once. A mail program's link scanner that
 * opens it first confirms it too, which is right: the scanner works for the inbox the mail reached.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const signedIn = context.auth.user !== null;
  if (token !== null) return { outcome: await verifyEmail(token), signedIn };
  const { user } = requireUser(context, request);
  return { outcome: (await emailVerified(user.id)) ? ("already" as const) : ("open" as const), signedIn };
}

/** "Send the link again", from the account page or from a page about a link that no longer works. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  return runAction(async () => {
    const outcome = await resendVerification(user.id, originOf(request));
    throw await redirectWithNotice("/account", { key: outcome === "sent" ? "auth.verify.sent" : "auth.verify.already" });
  });
}

export default function VerifyEmail() {
  const { t } = useTranslation();
  const { outcome, signedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const message = {
    confirmed: { text: t("auth.verify.confirmed"), className: "alert alert-success", role: "status" },
    already: { text: t("auth.verify.already"), className: "alert alert-success", role: "status" },
    invalid: { text: t("auth.verify.invalid"), className: "alert alert-error", role: "alert" },
    open: { text: t("auth.verify.open"), className: "alert alert-info", role: "status" },
  }[outcome];
  return (
    <section className="narrow stack">
      <h1>{t("auth.verify.title")}</h1>
      <FormAlert error={result?.formError} />
      <p className={message.className} role={message.role}>
        {message.text}
      </p>
      {(outcome === "invalid" || outcome === "open") && signedIn ? (
        <Form method="post" action="/verify-email">
          <SubmitButton busy={busy}>{t("auth.verify.resend")}</SubmitButton>
        </Form>
      ) : null}
      {outcome === "invalid" && !signedIn ? <p>{t("auth.verify.signInToResend")}</p> : null}
      <p>
        <Link to={signedIn ? "/account" : "/login"}>{signedIn ? t("auth.verify.toAccount") : t("auth.signIn")}</Link>
      </p>
    </section>
  );
}
