import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { startSession } from "~/domain/auth/lucia.server";
import { db } from "~/lib/db.server";
import { makePerson, publishedActivity } from "../support/factories";
import { TestClient } from "../support/http-client";
import { useServer } from "../support/server";
import { socketFor } from "../support/sockets";

const target = useServer();
const ROLES = ["anonymous", "newcomer", "volunteer", "otherOrganiser", "organiser", "admin"] as const;
type Role = (typeof ROLES)[number];

async function people() {
  const ids: Record<Exclude<Role, "anonymous">, string> = {
    newcomer: await makePerson(),
    volunteer: await makePerson(),
    otherOrganiser: await makePerson({ isOrganiser: true }),
    organiser: await makePerson({ isOrganiser: true }),
    admin: await makePerson({ isAdmin: true }),
  };
  await db().user.update({ where: { id: ids.newcomer }, data: { isNewcomer: true } });
  await db().user.update({ where: { id: ids.volunteer }, data: { isVolunteer: true } });
  return ids;
}

async function clientAs(role: Role, ids: Awaited<ReturnType<typeof people>>) {
  const client = new TestClient(target.url);
  if (role !== "anonymous") {
    const [name, value] = (await startSession(ids[role])).split(";")[0].split("=");
    client.cookies.set(name, value);
  }
  return client;
}

/** Allowed: the page or the action goes through (200, or 302 elsewhere than the sign-in page). */
function allowed(response: Response) {
  if (response.status === 200) return true;
  return response.status === 302 && !response.headers.get("location")?.startsWith("/login");
}

describe("authorization matrix", async () => {
  const ids = await people();
  const activityId = await publishedActivity(ids.organiser, { kind: "webinar", mode: "hybrid", joinUrl: "https://meet.example.org/a" });
  await publishedActivity(ids.otherOrganiser);
  for (const role of ["newcomer", "volunteer"] as const) await rsvp(ids[role], activityId);
  const target_ = await makePerson();
  const organisers: Role[] = ["otherOrganiser", "organiser", "admin"];
  const owner: Role[] = ["organiser", "admin"];
  const signedIn: Role[] = ["newcomer", "volunteer", "otherOrganiser", "organiser", "admin"];

  const cases: { what: string; method: "GET" | "POST"; path: string; body?: Record<string, string>; allow: Role[] }[] = [
    { what: "profile page", method: "GET", path: "/profile", allow: signedIn },
    { what: "account export", method: "GET", path: "/account/export", allow: signedIn },
    { what: "new activity page", method: "GET", path: "/organise/activities/new", allow: organisers },
    { what: "manage activity", method: "GET", path: `/organise/activities/${activityId}`, allow: owner },
    { what: "duplicate activity", method: "POST", path: `/organise/activities/${activityId}`, body: { intent: "duplicate" }, allow: owner },
    { what: "message people going", method: "POST", path: `/organise/activities/${activityId}`, body: { intent: "message", message: "Hi" }, allow: owner },
    { what: "door list", method: "GET", path: `/organise/activities/${activityId}/door`, allow: owner },
    { what: "add walk-in", method: "POST", path: `/organise/activities/${activityId}/door`, body: { intent: "walk-in", walkInName: "X" }, allow: owner },
    { what: "attendance report", method: "GET", path: `/organise/activities/${activityId}/report`, allow: owner },
    { what: "attendance export", method: "GET", path: `/organise/activities/${activityId}/attendance/csv`, allow: owner },
    { what: "theme report", method: "GET", path: "/organise/reports", allow: organisers },
    { what: "matching dashboard", method: "GET", path: "/organise/matching", allow: organisers },
    { what: "run matching", method: "POST", path: "/organise/matching", body: { intent: "run", municipalityCode: "GM0088" }, allow: organisers },
    { what: "people and roles", method: "GET", path: "/admin/people", allow: ["admin"] },
    { what: "grant organiser", method: "POST", path: "/admin/people", body: { userId: target_, organiser: "grant" }, allow: ["admin"] },
    { what: "live room", method: "GET", path: `/activities/${activityId}/live`, allow: signedIn },
    { what: "open live room", method: "POST", path: `/activities/${activityId}/live`, body: { intent: "open" }, allow: owner },
  ];

  it.each(cases)("$method $what", async ({ method, path, body, allow }) => {
    for (const role of ROLES) {
      const client = await clientAs(role, ids);
      const response = method === "GET" ? await client.get(path) : await client.post(path, body ?? {});
      const ok = allowed(response);
      expect(ok, `${role} ${method} ${path} → ${response.status} ${response.headers.get("location") ?? ""}`).toBe(allow.includes(role));
      if (role === "anonymous") expect(response.headers.get("location") ?? "").toMatch(/^\/login/);
    }
  });

  it("the live room's own page refuses people who are not going, without showing the room", async () => {
    const client = await clientAs("otherOrganiser", ids);
    const html = await (await client.get(`/activities/${activityId}/live`)).text();
    expect(html).not.toContain('id="ask-body"');
  });

  it.each(["live:open", "live:moderate", "live:mute", "live:hide-message"])("socket %s is for the room's organiser only", async (event) => {
    const question = await db().question.create({ data: { id: `q-${event}`, activityId, userId: ids.newcomer, body: "?" } });
    const message = await db().liveMessage.create({ data: { id: `m-${event}`, activityId, userId: ids.newcomer, body: "!" } });
    const payload = {
      "live:open": { activityId },
      "live:moderate": { questionId: question.id, action: "hide" },
      "live:mute": { activityId, userId: ids.volunteer },
      "live:hide-message": { messageId: message.id },
    }[event];
    for (const role of ["newcomer", "volunteer", "otherOrganiser", "organiser", "admin"] as const) {
      const socket = await socketFor(target.url, ids[role]);
      try {
        const answer = await socket.emitWithAck(event, payload);
        expect(answer.ok, `${role} ${event}: ${JSON.stringify(answer.error)}`).toBe(owner.includes(role));
        if (!answer.ok) expect(answer.error.code).toBe("not_allowed");
      } finally {
        socket.close();
      }
    }
  });
});
