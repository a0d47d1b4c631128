/**
 * Perspective plans over HTTP (issue 13 part 2, decisions/042): private by default, shared only
 * with chosen supporters (view or edit), revocation effective on the next request, every change
 * recorded with who made it, plain text with limits, suggestions from discovery and matching, and
 * organisers' insights that never show a count from 1 to 4.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { endMatch } from "~/domain/matching/matches.server";
import { changePlan, planView } from "~/domain/plan/plan.server";
import { db } from "~/lib/db.server";
import { buddyPair } from "../support/buddy-factories";
import { makePerson, personIn, publishedActivity } from "../support/factories";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";

const target = useServer();

type Ids = { owner: string; buddy: string; otherNewcomer: string; volunteer: string; organiser: string; admin: string; chosenOrganiser: string };
let ids: Ids;
let planId: string;
const SECRET = "Over een jaar werk ik als fysiotherapeut in Zaandam";

async function newcomer(fields: Parameters<typeof personIn>[1] = {}) {
  return (await personIn("uk", { isNewcomer: true, ...fields })).id;
}

const as = (userId: string) => clientFor(target.url, userId);
const planOf = (ownerId: string) => db().perspectivePlan.findUniqueOrThrow({ where: { ownerId } });

beforeAll(async () => {
  const pair = await buddyPair({ state: "active" });
  ids = {
    owner: pair.newcomerId,
    buddy: pair.volunteerId,
    otherNewcomer: await newcomer(),
    volunteer: (await personIn("nl", { isVolunteer: true })).id,
    organiser: (await personIn("nl", { isOrganiser: true })).id,
    admin: (await personIn("en", { isAdmin: true })).id,
    chosenOrganiser: (await personIn("nl", { isOrganiser: true, displayName: "Organiser Orla" })).id,
  };
  const owner = await as(ids.owner);
  const saved = await owner.post("/plan", { intent: "perspective", perspective: SECRET });
  expect(saved.status).toBe(302);
  planId = (await planOf(ids.owner)).id;
});

describe("a perspective plan is private by default", () => {
  it("is the owner's at /plan, never cached, and refused to everyone else, who see nothing of it", async () => {
    const mine = await (await as(ids.owner)).get("/plan");
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    expect(await mine.text()).toContain(SECRET);

    for (const role of ["buddy", "otherNewcomer", "volunteer", "organiser", "admin", "chosenOrganiser"] as const) {
      const client = await as(ids[role]);
      const page = await client.get(`/plan/${planId}`);
      expect(page.status, role).toBe(403);
      expect(await page.text(), role).not.toContain(SECRET);
      const edit = await client.post(`/plan/${planId}`, { intent: "breakthrough", text: `Door ${role}`, happenedOn: "2026-03-01" });
      expect(edit.status, role).toBe(403);
      // Their own /plan does not list it either.
      expect(await (await client.get("/plan")).text(), role).not.toContain(SECRET);
    }
    expect(await db().planBreakthrough.count({ where: { planId } })).toBe(0);
    const signedOut = await fetch(new URL(`/plan/${planId}`, target.url), { redirect: "manual" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/login/);
  });

  it("cannot be shared with someone who is neither the owner's active buddy nor an organiser", async () => {
    const owner = await as(ids.owner);
    for (const userId of [ids.otherNewcomer, ids.volunteer, ids.owner]) {
      const refused = await owner.post("/plan", { intent: "share", userId, access: "edit" });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('id="share-person-error"');
    }
    expect(await db().planSupporter.count({ where: { planId } })).toBe(0);
  });

  it("an empty plan leads to a first step", async () => {
    const fresh = await newcomer();
    const page = await (await as(fresh)).get("/plan");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('name="perspective"');
    expect(await db().perspectivePlan.count({ where: { ownerId: fresh } })).toBe(0); // made on the first change, not on a visit
  });
});

describe("sharing with supporters", () => {
  it("gives view or edit rights, records who changed what, and a revocation refuses the very next request", async () => {
    const owner = await as(ids.owner);
    const buddy = await as(ids.buddy);
    expect((await owner.post("/plan", { intent: "share", userId: ids.buddy, access: "view" })).status).toBe(302);

    const viewed = await buddy.get(`/plan/${planId}`);
    expect(viewed.status).toBe(200);
    const html = await viewed.text();
    expect(html).toContain(SECRET);
    expect(html).not.toContain('name="intent" value="breakthrough"'); // no edit forms for a reader
    expect((await buddy.post(`/plan/${planId}`, { intent: "breakthrough", text: "Een taalmaatje", happenedOn: "2026-03-01" })).status).toBe(403);
    expect((await buddy.post(`/plan/${planId}`, { intent: "perspective", perspective: "Anders" })).status).toBe(403);
    expect((await planOf(ids.owner)).perspective).toBe(SECRET);

    expect((await owner.post("/plan", { intent: "share", userId: ids.buddy, access: "edit" })).status).toBe(302);
    // The new supporter was told once (notice and mail, in their language, naming nobody); a change of rights is not news.
    const notices = await db().notification.findMany({ where: { userId: ids.buddy, kind: "plan-shared" } });
    expect(notices.map((n) => JSON.parse(n.data))).toEqual([{ planId }]);
    const mails = await db().outboxMail.findMany({ where: { userId: ids.buddy, kind: "plan-shared" } });
    expect(mails).toHaveLength(1);
    expect(mails[0].locale).toBe("nl");
    expect(mails[0].text).toContain(`/plan/${planId}`);
    expect(mails[0].text).not.toContain("Olena");
    const added = await buddy.post(`/plan/${planId}`, {
      intent: "breakthrough",
      text: "Fysiotherapie gevonden",
      happenedOn: "2026-03-01",
      helpedBy: "Sanne",
      domain: "health-social-care",
    });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(`/plan/${planId}`);
    expect(await db().planBreakthrough.count({ where: { planId, text: "Fysiotherapie gevonden" } })).toBe(1);
    // A supporter with edit rights still cannot share, revoke or delete: those are the owner's.
    for (const intent of ["share", "revoke", "delete-plan"]) {
      expect((await buddy.post(`/plan/${planId}`, { intent, userId: ids.chosenOrganiser, id: ids.buddy, access: "view" })).status, intent).toBe(403);
    }

    const view = await planView(ids.owner, planId);
    expect(view.history.map((change) => [change.kind, change.by])).toEqual([
      ["breakthrough", "Sanne"],
      ["share", "owner"],
      ["share", "owner"],
      ["perspective", "owner"],
    ]);
    const page = await (await owner.get("/plan")).text();
    expect(page).toContain("Sanne");

    // Revoked: the next request is refused, read and write.
    expect((await owner.post("/plan", { intent: "revoke", id: ids.buddy })).status).toBe(302);
    const after = await buddy.get(`/plan/${planId}`);
    expect(after.status).toBe(403);
    expect(await after.text()).not.toContain(SECRET);
    expect((await buddy.post(`/plan/${planId}`, { intent: "step", text: "Nog één", owner: "Sanne" })).status).toBe(403);
    expect(await db().planStep.count({ where: { planId } })).toBe(0);
    expect((await planView(ids.owner, planId)).history[0]).toMatchObject({ kind: "revoke", detail: "Sanne", by: "owner" });
  });

  it("a named organiser chosen by the owner sees the plan; other organisers and admins still do not", async () => {
    const owner = await as(ids.owner);
    expect((await owner.post("/plan", { intent: "share", userId: ids.chosenOrganiser, access: "view" })).status).toBe(302);
    expect((await (await as(ids.chosenOrganiser)).get(`/plan/${planId}`)).status).toBe(200);
    expect((await (await as(ids.organiser)).get(`/plan/${planId}`)).status).toBe(403);
    expect((await (await as(ids.admin)).get(`/plan/${planId}`)).status).toBe(403);
    const shared = await (await as(ids.chosenOrganiser)).get("/plan");
    expect(await shared.text()).toContain(`/plan/${planId}`);
    await changePlan(ids.owner, planId, "revoke", { id: ids.chosenOrganiser });
  });
});

describe("a buddy's access lasts as long as the match", () => {
  it("ends when the match ends, at once and in the history; a buddy who is also an organiser keeps it", async () => {
    const pair = await buddyPair({ state: "active", volunteer: { displayName: "Bram" } });
    const plan = await changePlan(pair.newcomerId, null, "perspective", { perspective: "Een eigen huis" });
    await changePlan(pair.newcomerId, plan, "share", { userId: pair.volunteerId, access: "edit" });
    const buddy = await as(pair.volunteerId);
    expect((await buddy.get(`/plan/${plan}`)).status).toBe(200);
    await endMatch(pair.volunteerId, pair.matchId, { reason: "moved" });
    expect((await buddy.get(`/plan/${plan}`)).status).toBe(403);
    expect((await planView(pair.newcomerId, plan!)).history[0]).toMatchObject({ kind: "lapsed", detail: "Bram", by: "meedoen" });

    const other = await buddyPair({ state: "active" });
    await db().user.update({ where: { id: other.volunteerId }, data: { isOrganiser: true } });
    const theirs = await changePlan(other.newcomerId, null, "perspective", { perspective: "Werk" });
    await changePlan(other.newcomerId, theirs, "share", { userId: other.volunteerId, access: "view" });
    await endMatch(other.newcomerId, other.matchId, { reason: "moved" });
    expect((await (await as(other.volunteerId)).get(`/plan/${theirs}`)).status).toBe(200);
  });
});

describe("plan texts are plain text with limits", () => {
  it("stores HTML as the characters typed and shows it as text", async () => {
    const person = await newcomer();
    const client = await as(person);
    const html = "<script>alert(1)</script><b>vet</b>";
    expect((await client.post("/plan", { intent: "perspective", perspective: html })).status).toBe(302);
    expect((await planOf(person)).perspective).toBe(html);
    const page = await (await client.get("/plan")).text();
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).not.toContain("<b>vet</b>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;");
  });

  it("refuses oversized texts with the error beside the field in the person's language, and stores nothing", async () => {
    const person = await newcomer();
    const client = await as(person);
    await client.post("/plan", { intent: "perspective", perspective: "Begin" });
    const tooLong = await client.post("/plan", { intent: "perspective", perspective: "x".repeat(2001) });
    expect(tooLong.status).toBe(400);
    const page = await tooLong.text();
    expect(page).toContain('id="perspective-error"');
    expect(page).toContain("не більше 2000"); // Ukrainian, the person's language
    expect((await planOf(person)).perspective).toBe("Begin");

    const huge = await client.post("/plan", { intent: "breakthrough", text: "y".repeat(50_000), happenedOn: "2026-01-01" });
    expect(huge.status).toBe(400);
    const noDate = await client.post("/plan", { intent: "breakthrough", text: "Iets", happenedOn: "" });
    expect(noDate.status).toBe(400);
    const badObstacle = await client.post("/plan", { intent: "domain", domain: "work", obstacles: ["no-practice"] }); // belongs to language
    expect(badObstacle.status).toBe(400);
    const plan = await planOf(person);
    expect(await db().planBreakthrough.count({ where: { planId: plan.id } })).toBe(0);
    expect(await db().planDomain.count({ where: { planId: plan.id } })).toBe(0);
  });

  it("limits how many edits one person makes in a short time", async () => {
    const person = await newcomer();
    const client = await as(person);
    let status = 302;
    let tries = 0;
    while (status === 302 && tries < 80) {
      status = (await client.post("/plan", { intent: "step", text: `Stap ${tries}` })).status;
      tries += 1;
    }
    expect(status).toBe(429);
    expect(tries).toBe(61);
    expect(await db().planStep.count({ where: { plan: { ownerId: person } } })).toBe(60);
  });

  it("asks before removing, and removes only after the confirmation", async () => {
    const person = await newcomer();
    const client = await as(person);
    await client.post("/plan", { intent: "step", text: "Bellen met de gemeente" });
    const step = await db().planStep.findFirstOrThrow({ where: { plan: { ownerId: person } } });
    const first = await (await client.get("/plan")).text();
    expect(first).toContain(`?confirm=remove-step&amp;item=${step.id}`);
    const confirm = await (await client.get(`/plan?confirm=remove-step&item=${step.id}`)).text();
    expect(confirm).toContain('value="remove-step"');
    expect((await client.post("/plan", { intent: "remove-step", id: step.id })).status).toBe(302);
    expect(await db().planStep.count({ where: { id: step.id } })).toBe(0);
    // An id from another plan is not found here.
    const other = await db().planBreakthrough.findFirstOrThrow({ where: { planId } });
    expect((await client.post("/plan", { intent: "remove-breakthrough", id: other.id })).status).toBe(404);
    expect(await db().planBreakthrough.count({ where: { id: other.id } })).toBe(1);

    expect(await (await client.get("/plan?confirm=delete-plan")).text()).toContain('value="delete-plan"');
    expect((await client.post("/plan", { intent: "delete-plan" })).status).toBe(302);
    expect(await db().perspectivePlan.count({ where: { ownerId: person } })).toBe(0);
    expect(await db().planChange.count({ where: { plan: { ownerId: person } } })).toBe(0);
  });
});

describe("the plan links to the platform", () => {
  it("suggests upcoming language cafés and a one-click language-buddy request for 'no language practice'", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const cafe = await publishedActivity(organiser, { kind: "language-cafe", practisedLanguage: "nl", titles: ["Taalcafé De Pijp"] });
    const person = await newcomer();
    const client = await as(person);
    await client.post("/plan", { intent: "domain", domain: "language-communication", obstacles: ["no-practice"], situation: "Ik spreek weinig" });
    const page = await (await client.get("/plan")).text();
    expect(page).toContain(`/activities/${cafe}`);
    expect(page).toContain('action="/buddies/request/new"');

    const asked = await client.post("/buddies/request/new", {
      kind: "language",
      targetLanguage: "nl",
      targetLevel: "A2",
      onlineOk: "on",
      note: "Geen taal om te oefenen",
    });
    expect(asked.status).toBe(302);
    expect(await db().buddyRequest.count({ where: { newcomerId: person, kind: "language" } })).toBe(1);
    const after = await (await client.get("/plan")).text();
    expect(after).not.toContain('action="/buddies/request/new"'); // already asked
  });

  it("suggests network conversations and a job buddy for 'looking for work that fits my skills'", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const talk = await publishedActivity(organiser, { kind: "network-conversation", titles: ["Netwerkgesprek IT"] });
    const person = await newcomer();
    await db().userSector.create({ data: { userId: person, sector: "it" } });
    const client = await as(person);
    await client.post("/plan", { intent: "domain", domain: "work", obstacles: ["fitting-work"] });
    const page = await (await client.get("/plan")).text();
    expect(page).toContain(`/activities/${talk}`);
    expect(page).toContain('name="targetSector" value="it"');
  });
});

describe("organisers' insights", () => {
  it("are for organisers only, show no plan's words and no count from 1 to 4", async () => {
    expect((await (await as(ids.otherNewcomer)).get("/organise/insights")).status).toBe(403);
    expect((await (await as(ids.volunteer)).get("/organise/insights")).status).toBe(403);

    // Three plans with the diploma obstacle (shown as "<5"), six with the Dutch level one (shown as 6).
    for (let index = 0; index < 6; index += 1) {
      const person = await newcomer({ municipalityCode: "GM0363" });
      await changePlan(person, null, "domain", {
        domain: "work",
        obstacles: index < 3 ? ["dutch-level", "diploma"] : ["dutch-level"],
        situation: `Geheim ${index}`,
      });
    }
    const response = await (await as(ids.organiser)).get("/organise/insights");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("Geheim");
    expect(html).not.toContain(SECRET);
    const rows = [...html.matchAll(/<th scope="row">([^<]+)<\/th><td class="number"[^>]*>([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toContainEqual(["Werk dat bij me past vraagt een hoog niveau Nederlands", "6"]); // the organiser reads Dutch
    expect(rows).toContainEqual(["Mijn diploma moet eerst erkend worden", "&lt;5"]);
    const shown = rows.map(([, count]) => count);
    expect(shown.filter((count) => /^[1-4]$/.test(count))).toEqual([]);
    expect(shown).toContain("&lt;5");
    expect(shown).toContain("6");
  });
});
