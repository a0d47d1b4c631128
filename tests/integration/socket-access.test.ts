/**
 * Finding 4 of the trust review: a socket must not outlive the session or the right it was
 * opened with. Real server, real sessions, real Socket.IO clients.
 */
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { register } from "~/domain/auth/accounts.server";
import { db } from "~/lib/db.server";
import { localDate, makePerson, publishedActivity } from "../support/factories";
import { uniqueEmail } from "../support/http-client";
import { useServer } from "../support/server";
import { nextEvent, useSockets } from "../support/sockets";
import { clientFor } from "../support/signed-in";

const target = useServer();
const PASSWORD = "lang-genoeg-wachtwoord-9";
const sockets = useSockets(target);

/** One signed-in "tab": an HTTP client and a socket on the same session cookie. */
async function tab(userId: string) {
  const client = await clientFor(target.url, userId);
  return { client, socket: await sockets.withCookie(client.cookieHeader()) };
}

function disconnected(socket: Socket, withinMs = 1000) {
  return new Promise<string>((resolve, reject) => {
    if (!socket.connected) return resolve("already");
    const timer = setTimeout(() => reject(new Error(`still connected after ${withinMs} ms`)), withinMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

async function stillWorks(socket: Socket) {
  const answer = await socket.timeout(1000).emitWithAck("session:whoami", {});
  return answer.ok === true;
}

async function account() {
  const email = uniqueEmail("socket");
  const { userId } = await register(
    { email, password: PASSWORD, displayName: "Tetiana", locale: "uk", isNewcomer: "on" },
    `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  );
  return userId;
}

describe("sockets follow the session", () => {
  it("signing out in one tab disconnects that tab's socket within a second, not the other device's", async () => {
    const userId = await makePerson();
    const phone = await tab(userId);
    const laptop = await tab(userId);
    const gone = disconnected(phone.socket);
    expect((await phone.client.post("/logout", {})).status).toBe(302);
    expect(await gone).toBe("io server disconnect");
    expect(await stillWorks(laptop.socket)).toBe(true);
  });

  it("a password change ends every socket of the person", async () => {
    const userId = await account();
    const here = await tab(userId);
    const elsewhere = await tab(userId);
    const both = Promise.all([disconnected(here.socket), disconnected(elsewhere.socket)]);
    const changed = await here.client.post("/account", {
      currentPassword: PASSWORD,
      newPassword: "een-nieuw-wachtwoord-10",
      confirmPassword: "een-nieuw-wachtwoord-10",
    });
    expect(changed.status).toBe(302);
    await both;
  });

  it("deleting the account ends every socket of the person", async () => {
    const userId = await account();
    const here = await tab(userId);
    const gone = disconnected(here.socket);
    const deleted = await here.client.post("/account/delete", { password: PASSWORD, confirm: "on" });
    expect(deleted.status).toBe(302);
    await gone;
  });

  it("a session that expired or was removed is disconnected by the periodic check", async () => {
    const userId = await makePerson();
    const { socket } = await tab(userId);
    const other = await tab(userId);
    const someoneElse = await tab(await makePerson());
    await db().session.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const gone = Promise.all([disconnected(socket), disconnected(other.socket)]);
    await target.server.checkSockets();
    await gone;
    // A session that is still valid keeps its socket.
    expect(await stillWorks(someoneElse.socket)).toBe(true);
  });

  it("refuses a new connection without a live session", async () => {
    const error = (await sockets.withCookie(`meedoen_session=${randomUUID()}`).then(
      () => null,
      (refusal: unknown) => refusal,
    )) as (Error & { data?: { code?: string } }) | null;
    expect(error?.data?.code).toBe("unauthenticated");
  });
});

describe("live rooms follow the right to be in them", () => {
  it("someone who cancels their sign-up stops receiving the room and is told", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser, {
      kind: "webinar",
      mode: "online",
      joinUrl: "https://meet.example.org/w",
      venue: "",
      municipalityCode: "",
      date: localDate(1),
    });
    const leaving = await makePerson();
    const staying = await makePerson();
    for (const person of [leaving, staying]) await rsvp(person, activityId);
    // It is on now (sign-ups close at the start, so the clock moves after them).
    await db().activity.update({
      where: { id: activityId },
      data: { startsAt: new Date(Date.now() - 5 * 60_000), endsAt: new Date(Date.now() + 90 * 60_000) },
    });
    const leaver = await tab(leaving);
    const stayer = await tab(staying);
    for (const socket of [leaver.socket, stayer.socket]) expect((await socket.emitWithAck("live:join", { activityId })).ok).toBe(true);

    const removed = nextEvent<{ activityId: string }>(leaver.socket, "live:removed", 1000);
    const cancelled = await leaver.client.post(`/activities/${activityId}`, { intent: "cancel" });
    expect(cancelled.status).toBe(302);
    expect((await removed).activityId).toBe(activityId);

    const seen: string[] = [];
    leaver.socket.on("live:message", (message: { body: string }) => seen.push(message.body));
    const delivered = nextEvent<{ body: string }>(stayer.socket, "live:message");
    expect((await stayer.socket.emitWithAck("live:message", { activityId, body: "Na de annulering" })).ok).toBe(true);
    expect((await delivered).body).toBe("Na de annulering");
    await new Promise((resolve) => setTimeout(resolve, 300)); // the same broadcast would have reached both by now
    expect(seen).toEqual([]);
    // The person's attendance ends with their removal.
    expect(await db().attendanceSession.count({ where: { activityId, userId: leaving, leftAt: null } })).toBe(0);
  });
});
