/**
 * Findings 1–3 of the trust review: people doing what their role does not allow, through the
 * same HTTP entry points a browser uses. Each asserts the refusal and that nothing changed.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { activityForm, makePerson } from "../support/factories";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";

const target = useServer();

function formOf(fields: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]));
}

describe("publishing needs the organiser right", () => {
  it("finding 1: a newcomer cannot open a group, nor publish into a group they organise without the organiser right", async () => {
    const newcomer = await makePerson();
    const client = await clientFor(target.url, newcomer);
    const groupsBefore = await db().group.count();
    const created = await client.post("/groups/new", { name: "Mijn eigen groep", description: "Test" });
    expect(created.status).toBe(403);
    expect(await db().group.count()).toBe(groupsBefore);

    // A group from before the rule, where the newcomer holds the group's organiser role.
    const groupId = randomUUID();
    await db().group.create({
      data: {
        id: groupId,
        slug: `g-${groupId.slice(0, 8)}`,
        name: "Oude groep",
        description: "",
        members: { create: { userId: newcomer, role: "organiser" } },
      },
    });
    const published = await client.post("/organise/activities/new", formOf({ ...activityForm(), groupId, intent: "publish" }));
    expect(published.status).toBe(403);
    expect(await db().activity.count({ where: { organiserId: newcomer } })).toBe(0);
    expect((await client.get("/organise/activities/new")).status).toBe(403);
  });

  it("finding 2: an organiser cannot publish into a group they do not organise", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const other = await makePerson({ isOrganiser: true });
    const groupId = randomUUID();
    await db().group.create({
      data: {
        id: groupId,
        slug: `g-${groupId.slice(0, 8)}`,
        name: "Andermans groep",
        description: "",
        members: { create: { userId: other, role: "organiser" } },
      },
    });
    const client = await clientFor(target.url, organiser);
    const published = await client.post("/organise/activities/new", formOf({ ...activityForm(), groupId, intent: "publish" }));
    expect(published.status).toBe(403);
    expect(await db().activity.count({ where: { organiserId: organiser } })).toBe(0);

    // A plain member is not an organiser of the group either.
    await db().groupMember.create({ data: { groupId, userId: organiser } });
    expect((await client.post("/organise/activities/new", formOf({ ...activityForm(), groupId, intent: "publish" }))).status).toBe(403);
    // Without a group, the organiser right is enough.
    const own = await client.post("/organise/activities/new", formOf({ ...activityForm(), intent: "publish" }));
    expect(own.status).toBe(302);
    expect(await db().activity.count({ where: { organiserId: organiser, groupId: null, status: "published" } })).toBe(1);
  });
});

describe("ending a buddy match", () => {
  async function activeMatch(coordinator: string) {
    const newcomer = await makePerson();
    const volunteer = await makePerson();
    const offerId = randomUUID();
    const requestId = randomUUID();
    const runId = randomUUID();
    await db().buddyOffer.create({
      data: {
        id: offerId,
        volunteerId: volunteer,
        kind: "language",
        helpsWith: '["nl"]',
        sectors: "[]",
        capacity: 1,
        commitment: "1h-week-3-months",
        travelKm: 10,
        onlineOk: true,
      },
    });
    await db().buddyRequest.create({ data: { id: requestId, newcomerId: newcomer, kind: "language", targetLanguage: "nl", goals: "[]", status: "matched" } });
    await db().matchRun.create({ data: { id: runId, actorId: coordinator, autoSend: true, requests: 1, offers: 1, matched: 1, totalScore: 1, runtimeMs: 1 } });
    const matchId = randomUUID();
    const now = new Date();
    await db().buddyMatch.create({
      data: {
        id: matchId,
        runId,
        requestId,
        offerId,
        newcomerId: newcomer,
        volunteerId: volunteer,
        kind: "language",
        score: 1,
        explanation: "{}",
        status: "active",
        proposedAt: now,
        sentAt: now,
        newcomerAcceptedAt: now,
        volunteerAcceptedAt: now,
        activatedAt: now,
      },
    });
    return { matchId, newcomer, volunteer };
  }

  it("finding 3: an organiser who has nothing to do with the pair cannot end it, and nobody is told", async () => {
    const coordinator = await makePerson({ isOrganiser: true });
    const stranger = await makePerson({ isOrganiser: true });
    const { matchId, newcomer, volunteer } = await activeMatch(coordinator);
    const response = await (await clientFor(target.url, stranger)).post(`/buddies/match/${matchId}`, { intent: "end", reason: "other" });
    expect(response.status).toBe(403);
    expect((await db().buddyMatch.findUniqueOrThrow({ where: { id: matchId } })).status).toBe("active");
    expect(await db().notification.count({ where: { userId: { in: [newcomer, volunteer] }, kind: "buddy-ended" } })).toBe(0);

    // The organiser who made the match may end it (after a report, say); both people are told.
    const ended = await (await clientFor(target.url, coordinator)).post(`/buddies/match/${matchId}`, { intent: "end", reason: "other" });
    expect(ended.status).toBe(302);
    expect((await db().buddyMatch.findUniqueOrThrow({ where: { id: matchId } })).status).toBe("ended");
    expect(await db().notification.count({ where: { userId: { in: [newcomer, volunteer] }, kind: "buddy-ended" } })).toBe(2);
  });
});
