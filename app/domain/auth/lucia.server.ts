import { Lucia, TimeSpan, type Session, type User } from "lucia";
import { parse as parseCookies } from "cookie";
import { publishAccessChange } from "~/lib/access-events.server";
import { secureCookies } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { PrismaSessionAdapter, userAttributes } from "./session-adapter.server";

export const SESSION_COOKIE = "meedoen_session";

function createLucia() {
  return new Lucia(new PrismaSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: SESSION_COOKIE,
      attributes: {
        sameSite: "lax",
        secure: secureCookies(),
      },
    },
    getUserAttributes: userAttributes,
  });
}

let instance: ReturnType<typeof createLucia> | undefined;

export function lucia() {
  instance ??= createLucia();
  return instance;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: ReturnType<typeof userAttributes>;
  }
}

export type AuthUser = User;
export type Auth = { user: User; session: Session } | { user: null; session: null };

export type AuthResult = Auth & {
  /** Set-Cookie values to send back: a refreshed session, or a blank one for a dead cookie. */
  setCookies: string[];
};

/** Resolves the signed-in person from a Cookie header; shared by HTTP and the Socket.IO handshake. */
export async function authenticate(cookieHeader: string | undefined | null): Promise<AuthResult> {
  const sessionId = parseCookies(cookieHeader ?? "")[SESSION_COOKIE];
  if (!sessionId || sessionId.length > 100) return { user: null, session: null, setCookies: [] };
  const { user, session } = await lucia().validateSession(sessionId);
  if (!session) return { user: null, session: null, setCookies: [lucia().createBlankSessionCookie().serialize()] };
  const setCookies = session.fresh ? [lucia().createSessionCookie(session.id).serialize()] : [];
  return { user, session, setCookies };
}

export async function startSession(userId: string): Promise<string> {
  const session = await lucia().createSession(userId, {});
  return lucia().createSessionCookie(session.id).serialize();
}

export async function endSession(sessionId: string): Promise<string> {
  await lucia().invalidateSession(sessionId);
  publishAccessChange({ kind: "session-ended", sessionId });
  return lucia().createBlankSessionCookie().serialize();
}

/** Ends every session of the person, on every device, sockets included. */
export async function endAllSessions(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
  publishAccessChange({ kind: "all-sessions-ended", userId });
}
