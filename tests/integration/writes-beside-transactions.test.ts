/**
 * A query that is not part of a transaction must not end up inside one that another request has
 * open. On SQLite the driver adapter has one connection; before decision 022 only interactive
 * transactions took its lock, so a plain write that arrived meanwhile ran inside the open
 * transaction, was confirmed, and was undone when that transaction rolled back.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { cancelRsvp, rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { makePeople, makePerson, publishedActivity } from "../support/factories";

const person = () => ({ id: randomUUID(), email: `w-${randomUUID()}@example.nl`, passwordHash: "x", displayName: "Beside" });

describe("writes beside a transaction", () => {
  it("keeps a plain insert that arrives while another transaction is open and then rolls back", async () => {
    const inside = person();
    const beside = person();
    let write: Promise<unknown> | undefined;
    const transaction = db()
      .$transaction(async (tx) => {
        await tx.user.create({ data: inside });
        write = db().user.create({ data: beside });
        // Give the plain insert every chance to run (and be confirmed) while this transaction is open.
        await Promise.race([write, sleep(100)]);
        throw new Error("refused after all");
      })
      .catch((error: Error) => error);

    expect(await transaction).toMatchObject({ message: "refused after all" });
    await write;
    expect(await db().user.findUnique({ where: { id: inside.id } })).toBeNull();
    expect(await db().user.findUnique({ where: { id: beside.id } })).not.toBeNull();
  });

  it("deletes 40 people who cancel their sign-up while refused sign-ups wait for the same activity", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser, { capacity: "100" });
    const leaving = await makePeople(40);
    const staying = await makePeople(40);
    for (const userId of [...leaving, ...staying]) await rsvp(userId, activityId);

    // Each person's cancellation is queued just ahead of a refused sign-up, so that the deletion
    // which follows it arrives while that refused transaction holds the lock.
    const leaves = async (id: string) => {
      await cancelRsvp(id, activityId);
      await db().user.delete({ where: { id } });
    };
    const outcomes = await Promise.allSettled(
      leaving.flatMap((id, i) => [
        leaves(id),
        // Everyone staying has signed up already: this transaction is refused and rolls back.
        rsvp(staying[i], activityId),
      ]),
    );

    const [left, refused] = [outcomes.filter((_, i) => i % 2 === 0), outcomes.filter((_, i) => i % 2 === 1)];
    expect(left.every((o) => o.status === "fulfilled")).toBe(true);
    expect(refused.every((o) => o.status === "rejected" && (o.reason as { messageKey?: string }).messageKey === "activities.errors.alreadyRsvped")).toBe(true);
    const survivors = await db().user.count({ where: { id: { in: leaving } } });
    expect(survivors, `${survivors} of ${leaving.length} deletions undone`).toBe(0);
    expect(await db().rsvp.count({ where: { activityId } })).toBe(staying.length);
    expect((await db().activity.findUniqueOrThrow({ where: { id: activityId } })).goingCount).toBe(staying.length);
  });

  // SQLite only: PostgreSQL has no deferred foreign keys here (Prisma's constraints are not DEFERRABLE).
  it.runIf(process.env.MEEDOEN_TEST_DB !== "postgres")("answers the next query after a transaction whose COMMIT failed", async () => {
    const commit = db()
      .$transaction(async (tx) => {
        // A deferred foreign key is checked at COMMIT, which then fails and leaves the transaction open.
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.$executeRawUnsafe(`INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ('orphan', 'nobody', 0)`);
      })
      .catch((error: Error) => error);
    expect(await commit).toBeInstanceOf(Error);

    const next = await Promise.race([db().session.count(), sleep(5_000).then(() => "still waiting")]);
    expect(next).toBe(0);
    expect(await db().$transaction(async (tx) => tx.session.count())).toBe(0);
  });
});
