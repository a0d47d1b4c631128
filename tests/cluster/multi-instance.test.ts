import { randomBytes } from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/domain/auth/lucia.server";
import { rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { makePeople, makePerson, publishedActivity } from "../support/factories";
import { REDIS_URL } from "../support/services";
import { TestClient } from "../support/http-client";
import { startServerProcess, type StartedServer } from "../load/support";

/**
 * Three real server processes on one PostgreSQL database and one Redis, as behind a load
 * balancer. Clients are spread over them; one is killed in the middle of a webinar.
 */
const env = () => ({ DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL, REDIS_PREFIX: `test-${randomBytes(4).toString("hex")}:`, LOG_LEVEL: "error" });
let servers: StartedServer[] = [];
const open: Socket[] = [];

beforeAll(async () => {
  const shared = env();
  servers = await Promise.all([0, 1, 2].map(() => startServerProcess(shared)));
});
afterAll(async () => {
  for (const socket of open) socket.close();
  await Promise.all(servers.map((server) => server.stop()));
});

async function cookieFor(userId: string) {
  return (await startSession(userId)).split(";")[0];
}

async function socketTo(server: StartedServer, userId: string) {
  const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie: await cookieFor(userId) }, reconnection: false, forceNew: true });
  open.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

async function webinarNow(people: number) {
  const organiser = await makePerson({ isOrganiser: true });
  const activityId = await publishedActivity(organiser, {
    kind: "webinar",
    mode: "online",
    joinUrl: "https://meet.example.org/c",
    venue: "",
    municipalityCode: "",
  });
  const attendees = await makePeople(people);
  for (const userId of attendees) await rsvp(userId, activityId);
  await db().activity.update({ where: { id: activityId }, data: { startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3600_000) } });
  return { organiser, activityId, attendees };
}

describe("several instances on PostgreSQL and Redis", () => {
  it("agree on chat, questions, votes and presence, and carry on when one instance dies", async () => {
    const { activityId, attendees } = await webinarNow(30);
    const sockets = await Promise.all(attendees.map((userId, index) => socketTo(servers[index % 3], userId)));
    const received = sockets.map(() => [] as string[]);
    sockets.forEach((socket, index) => socket.on("live:message", (message: { body: string }) => received[index].push(message.body)));
    const joins = await Promise.all(sockets.map((socket) => socket.emitWithAck("live:join", { activityId })));
    expect(joins.every((answer) => answer.ok)).toBe(true);

    // Presence is read from shared state: every instance announces the same number to its clients.
    const announced = sockets.slice(0, 3).map(() => ({ count: 0 }));
    sockets.slice(0, 3).forEach((socket, index) => socket.on("live:count", ({ count }: { count: number }) => (announced[index].count = count)));
    await sockets[3].emitWithAck("live:leave", { activityId });
    await sockets[3].emitWithAck("live:join", { activityId });
    await expect.poll(() => announced.map((entry) => entry.count), { timeout: 10_000 }).toEqual([30, 30, 30]);

    await sockets[0].emitWithAck("live:message", { activityId, body: "Hallo iedereen" });
    await expect.poll(() => received.filter((bodies) => bodies.includes("Hallo iedereen")).length, { timeout: 10_000 }).toBe(30);

    const asked = await sockets[1].emitWithAck("live:ask", { activityId, body: "Waar vind ik vacatures?", anonymous: false });
    const votes = await Promise.all(sockets.map((socket) => socket.emitWithAck("live:vote", { questionId: asked.data.id })));
    expect(votes.filter((answer) => answer.ok)).toHaveLength(30);
    expect((await db().question.findUniqueOrThrow({ where: { id: asked.data.id } })).voteCount).toBe(30);

    // Instance 0 dies without warning; its people reconnect to instance 1 and carry on.
    const victims = attendees.filter((_, index) => index % 3 === 0);
    servers[0].process.kill("SIGKILL");
    await expect.poll(() => sockets.filter((socket, index) => index % 3 === 0 && !socket.connected).length, { timeout: 10_000 }).toBe(victims.length);
    const moved = await Promise.all(victims.map((userId) => socketTo(servers[1], userId)));
    const rejoined = await Promise.all(moved.map((socket) => socket.emitWithAck("live:join", { activityId })));
    expect(rejoined.every((answer) => answer.ok)).toBe(true);
    for (const userId of victims) {
      const sessions = await db().attendanceSession.findMany({ where: { activityId, userId } });
      expect(sessions).toHaveLength(1); // the same attendance session continues
      expect(sessions[0].leftAt).toBeNull();
    }
    const again = await moved[0].emitWithAck("live:vote", { questionId: asked.data.id });
    expect(again.error.messageKey).toBe("live.errors.alreadyVoted"); // no vote lost or doubled
    expect((await db().question.findUniqueOrThrow({ where: { id: asked.data.id } })).voteCount).toBe(30);
    const late = received.slice(1);
    await moved[1].emitWithAck("live:message", { activityId, body: "Weer terug" });
    await expect.poll(() => late.filter((bodies) => bodies.includes("Weer terug")).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(19);
  });

  it("never overbooks when sign-ups arrive at different instances at once", async () => {
    const alive = servers.filter((server) => server.process.exitCode === null && server.process.signalCode === null);
    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser, { capacity: "10" });
    const people = await makePeople(40);
    const responses = await Promise.all(
      people.map(async (userId, index) => {
        const client = new TestClient(alive[index % alive.length].url);
        const [name, value] = (await cookieFor(userId)).split("=");
        client.cookies.set(name, value);
        return client.post(`/activities/${activityId}`, { intent: "rsvp" });
      }),
    );
    expect(responses.every((response) => response.status === 302)).toBe(true);
    expect(await db().rsvp.count({ where: { activityId, status: "going" } })).toBe(10);
    expect(await db().rsvp.count({ where: { activityId, status: "waitlisted" } })).toBe(30);
    expect((await db().activity.findUniqueOrThrow({ where: { id: activityId } })).goingCount).toBe(10);
  });

  it("shares sign-in rate limits between instances", async () => {
    const alive = servers.filter((server) => server.process.exitCode === null && server.process.signalCode === null);
    const email = `limited-${Date.now()}@example.nl`;
    const statuses = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const client = new TestClient(alive[attempt % alive.length].url);
      statuses.push((await client.post("/login", { email, password: "wrong password" })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
