import type { LoaderFunctionArgs } from "@remix-run/node";
import { orHttpError, requireUser } from "~/lib/http.server";
import { readOutboxMail } from "~/lib/mail/outbox-view.server";

/**
 * A mail's HTML as its recipient's mail program shows it, for the frame on the outbox page. It is
 * someone else's words put into our origin, so it runs sandboxed: no scripts, no requests, no forms;
 * only its inline styles, and only inside our own page.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const mail = await orHttpError(readOutboxMail(user.id, params.id!));
  return new Response(mail.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
