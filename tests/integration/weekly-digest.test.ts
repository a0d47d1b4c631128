/**
 * The weekly digest (decisions/039): once per person and week, only for people who asked for it,
 * in their language, listing the week's new upcoming activities in their groups or that fit their
 * profile, with each date in the activity's own zone; nothing when nothing is new; and once across
 * two runs at the same moment (two instances), on SQLite and PostgreSQL alike.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createActivity, publishActivity } from "~/domain/activities/activities.server";
import { sendDueDigests } from "~/domain/activities/digest.server";
import { digestWeek } from "~/domain/activities/digest";
import { saveMailChoices } from "~/domain/people/mail-preferences.server";
import { db } from "~/lib/db.server";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";

const DAY = 24 * 3600_000;
const digestsTo = (userId: string) => db().outboxMail.findMany({ where: { userId, kind: "weekly-digest" } });

type World = Awaited<ReturnType<typeof buildWorld>>;
let world: World;

async function profile(userId: string, fields: { languages?: [string, string][]; interests?: string[]; municipalityCode?: string }) {
  await db().user.update({ where: { id: userId }, data: { municipalityCode: fields.municipalityCode ?? null } });
  if (fields.languages) await db().userLanguage.createMany({ data: fields.languages.map(([language, level]) => ({ userId, language, level })) });
  if (fields.interests) await db().userInterest.createMany({ data: fields.interests.map((interest) => ({ userId, interest })) });
}

async function buildWorld() {
  const organiser = await personIn("nl", { isOrganiser: true });
  const group = await db().group.create({ data: { id: randomUUID(), slug: `fietsers-${randomUUID().slice(0, 6)}`, name: "Fietsers", description: "—" } });
  const activity = (title: string, fields: Record<string, unknown> = {}) =>
    publishedActivity(organiser.id, { titles: [title], date: localDate(4), startTime: "19:00", endTime: "21:00", ...fields });

  // In the group Olena follows, in Dutch only and elsewhere: hers because of the group.
  const inGroup = await activity("Fietstocht langs de Vecht", { spokenLanguages: ["nl"], municipalityCode: "GM0014" });
  await db().activity.update({ where: { id: inGroup }, data: { groupId: group.id } });
  // Spoken in Ukrainian, held in Kyiv's zone: 19:00 there, and so in the mail.
  const ukrainian = await activity("Розмовний клуб", { spokenLanguages: ["uk"], timeZone: "Europe/Kyiv", municipalityCode: "GM0772" });
  // Nobody's: another language, another place, no shared interest.
  const unrelated = await activity("Atelier de peinture", { spokenLanguages: ["fr"], municipalityCode: "GM0080" });
  // Fits everyone, but published ten days ago: not new.
  const old = await activity("Розмовний клуб (старий)", { spokenLanguages: ["uk", "nl"] });
  const tenDaysAgo = new Date(Date.now() - 10 * DAY);
  await db().activity.update({ where: { id: old }, data: { createdAt: tenDaysAgo, publishedAt: tenDaysAgo } });
  // A draft begun three weeks ago and published today: new to everyone now.
  const { id: lateDraft } = await createActivity(
    organiser.id,
    activityForm({ titles: ["Кава й розмова"], spokenLanguages: ["uk"], date: localDate(6), startTime: "10:00", endTime: "11:00" }),
    { publish: false },
  );
  await db().activity.update({ where: { id: lateDraft }, data: { createdAt: new Date(Date.now() - 21 * DAY) } });
  await publishActivity(organiser.id, lateDraft, "one");

  const olena = await personIn("uk");
  await profile(olena.id, { languages: [["uk", "native"]], municipalityCode: "GM0363" });
  await db().groupMember.create({ data: { groupId: group.id, userId: olena.id } });
  await saveMailChoices(olena.id, { digest: "on" });

  const sanne = await personIn("nl");
  await profile(sanne.id, { languages: [["nl", "native"]], municipalityCode: "GM0014" });
  await saveMailChoices(sanne.id, { digest: "on", reminders: "on" });

  // Fits, but never asked for the digest (it is off by default).
  const silent = await personIn("uk");
  await profile(silent.id, { languages: [["uk", "native"]] });
  // Asked for it, but nothing new fits them.
  const nothingNew = await personIn("ar");
  await profile(nothingNew.id, { languages: [["ar", "native"]], municipalityCode: "GM0153" });
  await saveMailChoices(nothingNew.id, { digest: "on" });

  return { groupId: group.id, inGroup, ukrainian, unrelated, old, lateDraft, olena, sanne, silent, nothingNew };
}

beforeAll(async () => {
  world = await buildWorld();
}, 60_000);

describe("the weekly digest", () => {
  it("goes once per person and week, even from two runs at the same moment", async () => {
    const now = new Date();
    const [first, second] = await Promise.all([sendDueDigests(now), sendDueDigests(now)]);
    expect(first.mailed + second.mailed).toBe(2); // Olena and Sanne
    expect(await digestsTo(world.olena.id)).toHaveLength(1);
    expect(await digestsTo(world.sanne.id)).toHaveLength(1);
    const week = digestWeek(now);
    expect(await db().digestRun.count({ where: { week } })).toBe(3); // with the one that had nothing new
    // Later the same week: nothing more.
    expect((await sendDueDigests(new Date(now.getTime() + 3600_000))).mailed).toBe(0);
    expect(await digestsTo(world.olena.id)).toHaveLength(1);
  });

  it("lists the new activities that fit, in the person's language, with the time in the activity's zone", async () => {
    const [mail] = await digestsTo(world.olena.id);
    expect(mail.locale).toBe("uk");
    expect(mail.subject).toBe("Нове на Meedoen цього тижня");
    expect(mail.text).toContain("Fietstocht langs de Vecht"); // a group she follows
    expect(mail.text).toContain("Розмовний клуб");
    expect(mail.text).not.toContain("Atelier de peinture");
    expect(mail.text).not.toContain("(старий)");
    expect(mail.text).toMatch(new RegExp(`/activities/${world.lateDraft}\\b`)); // new when published, not when begun
    expect(mail.text).toMatch(new RegExp(`/activities/${world.inGroup}\\b`));
    expect(mail.text).toMatch(new RegExp(`/activities/${world.ukrainian}\\b`));
    // Followed groups come first.
    expect(mail.text.indexOf("Fietstocht")).toBeLessThan(mail.text.indexOf("Розмовний клуб"));
    const kyivLine = mail.text.split("\n").find((line, index, lines) => lines[index - 1]?.includes("Розмовний клуб"))!;
    expect(kyivLine).toContain("19:00");
    expect(JSON.parse(mail.headers)).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(mail.html).toContain(`/activities/${world.ukrainian}`);

    const [dutch] = await digestsTo(world.sanne.id);
    expect(dutch.subject).toBe("Nieuw op Meedoen deze week");
    expect(dutch.text).toContain("Fietstocht langs de Vecht"); // Dutch, and in her municipality
    expect(dutch.text).not.toContain("Розмовний клуб");
  });

  it("goes only to people who asked for it, and not when nothing new fits", async () => {
    expect(await digestsTo(world.silent.id)).toEqual([]);
    expect(await digestsTo(world.nothingNew.id)).toEqual([]);
    expect(await db().digestRun.findMany({ where: { userId: world.nothingNew.id }, select: { items: true } })).toEqual([{ items: 0 }]);
    expect(await db().digestRun.count({ where: { userId: world.silent.id } })).toBe(0);
  });

  it("sends nothing the next week when nothing was published since, and stops when the person turns it off", async () => {
    const nextWeek = new Date(Date.now() + 7 * DAY);
    const result = await sendDueDigests(nextWeek);
    expect(result.week).not.toBe(digestWeek(new Date()));
    expect(result.mailed).toBe(0);
    expect(await digestsTo(world.olena.id)).toHaveLength(1);

    // A week later something new that fits both, in Olena's group, in Sanne's language and place.
    await saveMailChoices(world.sanne.id, { reminders: "on" }); // Sanne turns the digest off
    const weekAfter = new Date(Date.now() + 14 * DAY);
    const organiser = await personIn("nl", { isOrganiser: true });
    const fresh = await publishedActivity(organiser.id, {
      titles: ["Nieuwe fietstocht"],
      spokenLanguages: ["nl"],
      municipalityCode: "GM0014",
      date: localDate(20),
    });
    await db().activity.update({ where: { id: fresh }, data: { groupId: world.groupId, publishedAt: new Date(weekAfter.getTime() - DAY) } });
    expect((await sendDueDigests(weekAfter)).mailed).toBe(1);
    const olenas = await digestsTo(world.olena.id);
    expect(olenas).toHaveLength(2);
    expect(olenas.some((mail) => mail.text.includes("Nieuwe fietstocht"))).toBe(true);
    expect(await digestsTo(world.sanne.id)).toHaveLength(1); // only the first week's
  });
});
