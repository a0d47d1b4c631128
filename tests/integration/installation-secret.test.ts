/**
 * The QR signing key is read from the database on first use. A read that fails (the database
 * restarting as the first ticket is asked for) must not be remembered: before this test, the
 * rejected promise was cached for the life of the process and every QR ticket failed until a restart.
 */
import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { ticketFor } from "~/domain/attendance/checkin.server";
import { readOrCreateSecret } from "~/lib/installation-secret.server";
import { db } from "~/lib/db.server";
import { makePerson, publishedActivity } from "../support/factories";

/** Takes the settings table away and back: the same failure a dropped connection gives the query. */
const setSettingsReadable = (readable: boolean) =>
  db().$executeRawUnsafe(readable ? 'ALTER TABLE "Setting_away" RENAME TO "Setting"' : 'ALTER TABLE "Setting" RENAME TO "Setting_away"');

describe("the installation's signing key", () => {
  it("is read again after a failed read, so QR tickets work once the database is back", async () => {
    const person = await makePerson();
    const activityId = await publishedActivity(await makePerson({ isOrganiser: true }));
    await rsvp(person, activityId);

    await setSettingsReadable(false);
    try {
      await expect(ticketFor(person, activityId)).rejects.toThrow();
    } finally {
      await setSettingsReadable(true);
    }

    const ticket = await ticketFor(person, activityId);
    expect(ticket.token).toMatch(new RegExp(`^${person}\\.[\\w-]{22}$`));
    // The key it signed with is the one kept for every instance, not a stray in-memory one.
    const stored = await db().setting.findUniqueOrThrow({ where: { key: "qr-signing-key" } });
    expect(stored.value.length).toBeGreaterThan(40);
  });
});

describe("instances making the secret at the same time", () => {
  it("all read the one that was made first, none fails", async () => {
    // Before: Prisma's upsert read, found nothing, and inserted; every loser of the race failed
    // with P2002 (seen as 500s when three instances took their first sign-ups at once).
    const secrets = await Promise.all(Array.from({ length: 20 }, () => readOrCreateSecret("race-test")));
    expect(new Set(secrets.map((secret) => secret.toString("hex"))).size).toBe(1);
  });
});
