import { createHash } from "node:crypto";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { Prisma } from "~/generated/prisma/client";
import { rawRows, type Db } from "~/lib/db.server";
import { asBool, asDate } from "~/lib/raw-rows.server";
import { ROLE_FLAGS } from "../policy/rules";

/** Which role flags a session carries is the policy's list (rules.ts), read and copied here as it stands. */
const roleColumns = Prisma.raw(ROLE_FLAGS.map((flag) => `u."${flag}"`).join(", "));
const rolesOf = (row: object) =>
  Object.fromEntries(ROLE_FLAGS.map((flag) => [flag, asBool((row as Record<string, unknown>)[flag])])) as Record<RoleFlag, boolean>;
type RoleFlag = (typeof ROLE_FLAGS)[number];

/**
 * What the Session.id column holds for a session token (the value in the cookie): its SHA-256,
 * so that a copy of the table cannot be turned into cookies. Lucia's tokens carry 200 random bits,
 * so a plain hash (no salt, no slow hash) is enough.
 */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Lucia's published Prisma adapter peers on Prisma ≤ 5, so this is the few lines it needs. Lucia
 * hands every method the token as the session id; the adapter stores and looks up its hash, and
 * gives Lucia the token back, so refreshed cookies carry the same token (decisions/017).
 */
export class PrismaSessionAdapter implements Adapter {
  constructor(private readonly db: () => Db) {}

  /** One statement (a join), not Prisma's include, which is two queries in a transaction: every socket handshake runs this, hence rawRows. */
  async getSessionAndUser(token: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [row] = await rawRows(
      Prisma.sql`SELECT s."userId", s."expiresAt", u."email", u."displayName", u."locale", ${roleColumns}, u."updatedAt", u."avatarKey", u."avatarSize"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${hashSessionToken(token)}`,
      this.db(),
    );
    if (!row) return [null, null];
    const user = {
      email: String(row.email),
      displayName: String(row.displayName),
      locale: String(row.locale),
      ...rolesOf(row),
      updatedAt: asDate(row.updatedAt)!,
      avatarKey: row.avatarKey == null ? null : String(row.avatarKey),
      avatarSize: row.avatarSize == null ? null : Number(row.avatarSize),
    };
    return [
      { id: token, userId: String(row.userId), expiresAt: asDate(row.expiresAt)!, attributes: {} },
      { id: String(row.userId), attributes: userAttributes(user) },
    ];
  }

  /** The ids here are hashes (the tokens are not kept): good for listing, not for invalidateSession. */
  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db().session.findMany({ where: { userId } });
    return rows.map((row) => ({ id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db().session.create({ data: { id: hashSessionToken(session.id), userId: session.userId, expiresAt: session.expiresAt } });
  }

  async updateSessionExpiration(token: string, expiresAt: Date): Promise<void> {
    await this.db().session.updateMany({ where: { id: hashSessionToken(token) }, data: { expiresAt } });
  }

  async deleteSession(token: string): Promise<void> {
    await this.db().session.deleteMany({ where: { id: hashSessionToken(token) } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db().session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db().session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}

type UserRow = { email: string; displayName: string; locale: string; updatedAt: Date; avatarKey: string | null; avatarSize: number | null } & Record<
  RoleFlag,
  boolean
>;

export function userAttributes(user: UserRow) {
  return {
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    ...rolesOf(user),
    // Changes with every saved profile: what a page may remember about the person is keyed on it.
    updatedAt: user.updatedAt,
    // The header shows the person's avatar (decision 048) on every page: read with the session, no extra query.
    avatarKey: user.avatarKey,
    avatarSize: user.avatarSize,
  };
}
