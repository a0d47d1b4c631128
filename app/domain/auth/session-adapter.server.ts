import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Db } from "~/lib/db.server";

/** Lucia's published Prisma adapter peers on Prisma ≤ 5, so this is the few lines it needs. */
export class PrismaSessionAdapter implements Adapter {
  constructor(private readonly db: () => Db) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db().session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!row) return [null, null];
    const { user, ...session } = row;
    return [
      { id: session.id, userId: session.userId, expiresAt: session.expiresAt, attributes: {} },
      { id: user.id, attributes: userAttributes(user) },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db().session.findMany({ where: { userId } });
    return rows.map((row) => ({ id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db().session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db().session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db().session.deleteMany({ where: { id: sessionId } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db().session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db().session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}

type UserRow = {
  email: string;
  displayName: string;
  locale: string;
  isNewcomer: boolean;
  isVolunteer: boolean;
  isOrganiser: boolean;
  isAdmin: boolean;
};

export function userAttributes(user: UserRow) {
  return {
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    isNewcomer: user.isNewcomer,
    isVolunteer: user.isVolunteer,
    isOrganiser: user.isOrganiser,
    isAdmin: user.isAdmin,
  };
}
