import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { secureCookies } from "./config.server";
import { installationSecret } from "./installation-secret.server";

/**
 * "Saved", "Anna is in", "3 of 4 matched": what an action tells the person on the page it sends
 * them to. It travels in a signed cookie that is read once, not in the address, so that a name
 * never lands in the URL, the history or a log line, and a reload or a bookmark does not repeat it.
 */
export type Notice = { key: string; values?: Record<string, string | number> };

const NOTICE = "notice";

async function storage() {
  const secret = await installationSecret("notice-cookie-secret");
  return createCookieSessionStorage<Record<string, never>, { [NOTICE]: Notice }>({
    cookie: {
      name: "__notice",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secureCookies(),
      secrets: [secret.toString("base64url")],
      // A notice not shown within a minute (the person closed the tab) is not worth showing later.
      maxAge: 60,
    },
  });
}

/** A redirect that shows `notice` on the page it leads to; `init.headers` may add e.g. a session cookie. */
export async function redirectWithNotice(to: string, notice: Notice, init: { headers?: HeadersInit } = {}) {
  const { getSession, commitSession } = await storage();
  const session = await getSession();
  session.flash(NOTICE, notice);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await commitSession(session));
  return redirect(to, { headers });
}

/** The notice waiting for this request, if any, and the Set-Cookie that clears it. */
export async function takeNotice(request: Request): Promise<{ notice: Notice | null; setCookie: string | null }> {
  const cookieHeader = request.headers.get("Cookie");
  if (!cookieHeader?.includes("__notice=")) return { notice: null, setCookie: null };
  const { getSession, destroySession } = await storage();
  const session = await getSession(cookieHeader);
  const notice = session.get(NOTICE);
  // Read once: the cookie goes, whatever it held (a forged or stale one is simply dropped).
  return { notice: isNotice(notice) ? notice : null, setCookie: await destroySession(session) };
}

function isNotice(value: unknown): value is Notice {
  return typeof value === "object" && value !== null && typeof (value as Notice).key === "string";
}
