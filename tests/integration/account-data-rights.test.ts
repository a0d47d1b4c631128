import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ActivityFigures } from "~/domain/attendance/aggregate";
import { activityReport } from "~/domain/attendance/reports.server";
import { deleteAccount } from "~/domain/auth/accounts.server";
import { freeSlots } from "~/domain/matching/offers.server";
import { exportMyData } from "~/domain/people/export.server";
import { MyDataExport } from "~/domain/people/export-format";
import { db } from "~/lib/db.server";
import { imagesDir } from "~/lib/images/storage.server";
import { changes, findText, refuseUserDeletes, snapshot } from "../support/database-contents";
import { PASSWORD, personWithEverything, type PersonWithEverything } from "../support/person-with-everything";
import { fieldPaths, recordListSizes } from "../support/schema-paths";

const needles = (person: PersonWithEverything["me"]) => [person.id, person.email, person.displayName];

/** What other people keep seeing after the person has gone (decision 013). */
async function aggregates(world: PersonWithEverything) {
  const { activities, others, questions, matches, groups } = world;
  const [pastMeetup, webinar, question, waiting] = await Promise.all([
    activityReport(others.organiser.id, activities.pastMeetup),
    activityReport(others.organiser.id, activities.webinar),
    db().question.findUniqueOrThrow({ where: { id: questions.theirs } }),
    db().rsvp.findFirstOrThrow({ where: { activityId: activities.upcomingMeetup, userId: others.waiting.id } }),
  ]);
  return {
    pastMeetup: pastMeetup.figures,
    webinar: webinar.figures,
    webinarMinutes: webinar.people.map((p) => p.minutes).sort(),
    votesShown: question.voteCount,
    waitingStatus: waiting.status,
    buddyVolunteerFreeSlots: await freeSlots((await db().buddyOffer.findFirstOrThrow({ where: { volunteerId: others.buddyVolunteer.id } })).id),
    strangersMatch: await db().buddyMatch.findUniqueOrThrow({ where: { id: matches.strangers.id }, select: { status: true, endReason: true } }),
    volunteerVerified: (await db().user.findUniqueOrThrow({ where: { id: others.buddyVolunteer.id } })).vogCheckedAt !== null,
    runGroupMembers: await db().groupMember.count({ where: { groupId: groups.runGroup.id } }),
    reportsAboutBuddy: await db().personReport.count({ where: { reportedId: others.buddyNewcomer.id } }),
    // The answer the person gave stays in the other asker's conversation.
    answersUnderTheirHelpQuestion: await db().helpMessage.count({ where: { questionId: world.help.theirs, fromAsker: false } }),
  };
}

/** The person's sign-up goes with the account; their attendance stays, under "account since deleted". */
const movedToDeleted = (figures: ActivityFigures) => ({
  signUps: figures.signUps - 1,
  going: figures.going - 1,
  presentGoing: figures.presentGoing - 1,
  presentDeleted: figures.presentDeleted + 1,
});

describe("exporting one's data (GDPR art. 15 and 20)", () => {
  it("holds every kind of record about the person, in the documented shape, and of others only what the person may see", async () => {
    const world = await personWithEverything("GM0772", "GM0153");
    const exported = await exportMyData(world.me.id);

    const parsed = MyDataExport.safeParse(exported);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const empty = Object.entries(recordListSizes(MyDataExport, exported)).filter(([, size]) => size === 0);
    expect(empty).toEqual([]); // every list of records the format defines has the person's entries in it
    expect(exported.live.questions.map((q) => q.anonymous).sort()).toEqual([false, true]);
    expect(exported.helpdesk.questions.map((q) => q.anonymous).sort()).toEqual([false, true]);
    expect(exported.helpdesk.questions.find((q) => q.id === world.help.mine)).toMatchObject({
      themes: ["language-communication", "work"],
      messages: [{ fromMe: false }, { fromMe: true, body: "Дякую, спробую!" }],
      referrals: [{ kind: "organisation", target: "idw" }],
      published: [{ locale: "uk", question: "Як знайти роботу в IT?" }],
    });
    expect(exported.helpdesk.answersGiven).toEqual([{ questionId: world.help.theirs, createdAt: expect.any(String) }]);
    expect(exported.account).toMatchObject({ id: world.me.id, email: world.me.email, calendarFeed: true, volunteerCheckedOn: expect.any(String) });
    // The avatar: every stored size (64, 128 and the 200 px square of a photo 200 px high) in both formats.
    const { avatarKey } = await db().user.findUniqueOrThrow({ where: { id: world.me.id }, select: { avatarKey: true } });
    expect(exported.profile.avatar).toEqual(
      ["64", "128", "200"]
        .flatMap((side) => [`/images/${avatarKey}-${side}.avif`])
        .concat(["64", "128", "200"].map((side) => `/images/${avatarKey}-${side}.webp`)),
    );

    const text = JSON.stringify(exported);
    const secrets = [
      ...(await db().session.findMany({ where: { userId: world.me.id } })).map((session) => session.id),
      (await db().user.findUniqueOrThrow({ where: { id: world.me.id } })).calendarToken!,
      "argon2",
    ];
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);

    // A buddy's name is theirs to show; their e-mail only while the match is active; nobody else appears.
    const { buddyNewcomer, buddyVolunteer, ...everyoneElse } = world.others;
    expect(text).toContain(buddyVolunteer.email); // active match: contact shared
    expect(text).not.toContain(buddyNewcomer.email); // that match ended after a report
    expect(text).toContain(buddyNewcomer.name);
    const leaked = [buddyNewcomer.id, buddyVolunteer.id, ...Object.values(everyoneElse).flatMap((person) => [person.id, person.email, person.name])];
    expect(leaked.filter((value) => text.includes(value))).toEqual([]);
  });

  it("is described field by field in docs/export-format.md, no more and no less", () => {
    const documented = [...readFileSync(new URL("../../docs/export-format.md", import.meta.url), "utf8").matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    const defined = fieldPaths(MyDataExport);
    expect(documented.filter((path) => !defined.includes(path))).toEqual([]);
    expect(defined.filter((path) => !documented.includes(path))).toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
  });
});

describe("deleting an account (GDPR art. 17)", () => {
  it("leaves no row that holds the person's id, e-mail or name, and keeps the anonymous aggregates others rely on", async () => {
    const world = await personWithEverything("GM0935", "GM0014");
    expect((await findText(needles(world.me))).traces.length).toBeGreaterThan(0); // the scan does find them while they exist
    const before = await aggregates(world);
    const published = await db().helpArticle.findUniqueOrThrow({ where: { questionId: world.help.mine } });
    const { avatarKey } = await db().user.findUniqueOrThrow({ where: { id: world.me.id }, select: { avatarKey: true } });
    const avatarFiles = ["64", "128", "200"]
      .flatMap((side) => [`${avatarKey}-${side}.avif`, `${avatarKey}-${side}.webp`])
      .map((name) => join(imagesDir(), name));
    expect(avatarFiles.filter((file) => !existsSync(file))).toEqual([]);

    await deleteAccount(world.me.id, { password: PASSWORD, confirm: "on" });

    const scan = await findText(needles(world.me));
    expect(scan.traces).toEqual([]);
    expect(scan.tables.length).toBeGreaterThanOrEqual(30);
    // The avatar's files left the store with the account.
    expect(avatarFiles.filter((file) => existsSync(file))).toEqual([]);

    const after = await aggregates(world);
    expect(after).toEqual({
      ...before,
      // Sign-ups are rows of the account itself; present, minutes and no-shows keep the person anonymously,
      // now counted as "came, account since deleted" instead of among the people going (decision 021).
      pastMeetup: { ...before.pastMeetup, ...movedToDeleted(before.pastMeetup) },
      webinar: { ...before.webinar, ...movedToDeleted(before.webinar) },
      waitingStatus: "going", // the freed seat went to the waitlist
      buddyVolunteerFreeSlots: before.buddyVolunteerFreeSlots + 1, // their active match with the person ended
      runGroupMembers: before.runGroupMembers - 1,
    });
    expect(before.waitingStatus).toBe("waitlisted");
    expect(after.votesShown).toBe(1);
    // The person's helpdesk questions, their conversation and the pair published from them are gone.
    expect(await db().helpQuestion.count({ where: { id: world.help.mine } })).toBe(0);
    expect(await db().helpArticleText.count({ where: { articleId: published.id } })).toBe(0);
    expect(await db().questionVote.count({ where: { questionId: world.questions.theirs } })).toBe(0);
  });

  it("tells the people affected, and removes the person's activities, groups of their own and buddy matches", async () => {
    const world = await personWithEverything("GM0363", "GM0080");
    const { others, activities, groups, matches } = world;
    await deleteAccount(world.me.id, { password: PASSWORD, confirm: "on" });

    const kinds = async (userId: string) =>
      (await db().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((n) => [n.kind, n.activityId]);
    expect(await kinds(others.rider.id)).toEqual([["activity-cancelled", null]]); // the organiser's message went with the activity
    expect(await kinds(others.waiting.id)).toContainEqual(["waitlist-promoted", activities.upcomingMeetup]);
    expect((await kinds(others.buddyVolunteer.id)).at(-1)).toEqual(["buddy-ended", null]);
    expect(await db().buddyRequest.count({ where: { newcomerId: others.buddyNewcomer.id } })).toBe(1);

    expect(await db().activity.count({ where: { id: { in: [activities.series.id, activities.myPastActivity] } } })).toBe(0);
    expect(await db().activitySeries.count({ where: { id: activities.series.seriesId! } })).toBe(0);
    expect(await db().group.count({ where: { id: groups.aloneGroup.id } })).toBe(0);
    expect(await db().group.count({ where: { id: { in: [groups.runGroup.id, groups.joinedGroup.id] } } })).toBe(2);
    expect(await db().buddyMatch.count({ where: { id: { in: [matches.asNewcomer.id, matches.asVolunteer.id] } } })).toBe(0);
    expect(await db().matchMessage.count({ where: { matchId: { in: [matches.asNewcomer.id, matches.asVolunteer.id] } } })).toBe(0);

    // The person's report about someone else stays for that person's safety, without saying who made it.
    const kept = await db().personReport.findFirstOrThrow({ where: { reportedId: others.buddyNewcomer.id } });
    expect(kept).toMatchObject({ reason: "Was onbeleefd tegen mij", matchId: null, reporterId: expect.stringMatching(/^deleted:/) });
  });

  it("is all or nothing: a failure at the last step leaves every table as it was", async () => {
    const world = await personWithEverything("GM0599", "GM0344");
    const before = await snapshot();
    const allow = await refuseUserDeletes();
    try {
      await expect(deleteAccount(world.me.id, { password: PASSWORD, confirm: "on" })).rejects.toThrow();
    } finally {
      await allow();
    }
    expect(changes(before, await snapshot())).toEqual([]);
    await deleteAccount(world.me.id, { password: PASSWORD, confirm: "on" });
    expect((await findText(needles(world.me))).traces).toEqual([]);
  });
});
