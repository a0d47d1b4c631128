/**
 * Erasing a person (GDPR art. 17). What they wrote, and every row that says who they are, is
 * deleted; what other people's figures rest on is kept under a stand-in id that leads nowhere.
 * docs/decisions/013-what-deletion-keeps.md lists every kind of record and why it goes or stays.
 */
import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { fillFreeSeats, lockActivity, type Tx } from "../activities/seats.server";
import { deliver, recordNotifications, type PendingNotification } from "../notifications/notifications.server";
import { catalogueShrank } from "../activities/selection-memo.server";
import { PERSON_CHANGES } from "../plan/plan.server";
import { forgetIfUnused } from "../activities/cover.server";
import { forgetAvatarIfUnused } from "./avatar.server";

// A prolific organiser's deletion touches many rows; it must not be cut off half-way by a timeout.
const TRANSACTION = { maxWait: 15_000, timeout: 60_000 } as const;

/** A fresh id for "someone who no longer has an account"; the prefix says so to anyone reading the rows. */
export const standIn = () => `deleted:${randomUUID()}`;

/** All or nothing: one transaction, so a failure at any step leaves the account and everything else as it was. */
export async function erasePerson(userId: string, now = new Date()): Promise<void> {
  const { notices, pictures } = await db().$transaction(async (tx) => {
    // Read in the transaction, before the rows that name the pictures go.
    const pictures = await picturesThatMayGo(tx, userId);
    const toTell = [
      ...(await giveSeatsBack(tx, userId, now)),
      ...(await removeOrganisedActivities(tx, userId, now)),
      ...(await removeBuddyMatches(tx, userId)),
    ];
    await removeLiveRoomWords(tx, userId);
    await anonymiseAttendance(tx, userId, now);
    await removeSafetyRecords(tx, userId);
    await removeHelpdeskQuestions(tx, userId);
    await anonymiseActionsOnOthers(tx, userId);
    await leaveGroups(tx, userId);
    await leavePlans(tx, userId);
    // Cascades to sessions, profile facts, remaining sign-ups, memberships, the person's notifications, mails, mail choices and digest runs.
    await tx.user.delete({ where: { id: userId } });
    return { notices: await recordNotifications(tx, toTell), pictures };
  }, TRANSACTION);
  catalogueShrank(); // their activities are gone; no lists remembered with them
  deliver(notices);
  await forgetPictures(pictures);
}

type Pictures = { avatar: { avatarKey: string | null; avatarSize: number | null } | null; covers: { coverKey: string | null; coverWidth: number | null }[] };

/**
 * The avatar, and the covers of the person's activities and of the groups they are in: the
 * activities go with them, and so does a group nobody else is in (leaveGroups); forgetIfUnused
 * keeps what is still shown.
 */
async function picturesThatMayGo(tx: Tx, userId: string): Promise<Pictures> {
  const withCover = { coverKey: { not: null } } as const;
  const select = { coverKey: true, coverWidth: true } as const;
  const [avatar, activities, groups] = await Promise.all([
    tx.user.findUnique({ where: { id: userId }, select: { avatarKey: true, avatarSize: true } }),
    tx.activity.findMany({ where: { organiserId: userId, ...withCover }, select }),
    tx.group.findMany({ where: { members: { some: { userId } }, ...withCover }, select }),
  ]);
  return { avatar, covers: [...new Map([...activities, ...groups].map((cover) => [cover.coverKey, cover])).values()] };
}

/**
 * The files go once the rows are gone (files cannot be rolled back), and on a best-effort basis:
 * the account is already deleted, so a store that fails (S3 down) must not turn that into an
 * error page, nor stop the caller from ending the person's sockets. What is left is reachable only
 * by its unguessable name; the log line says how many, without saying whose.
 */
async function forgetPictures({ avatar, covers }: Pictures) {
  const removals = await Promise.allSettled([
    ...(avatar ? [forgetAvatarIfUnused(avatar.avatarKey, avatar.avatarSize)] : []),
    ...covers.map((cover) => forgetIfUnused(cover.coverKey, cover.coverWidth)),
  ]);
  const failed = removals.filter((removal) => removal.status === "rejected").length;
  if (failed > 0) console.warn(JSON.stringify({ level: "warn", msg: "pictures of a deleted account left in the store", failed }));
}

/** Seats at upcoming activities go back and the waitlist moves up, as when the person cancels. */
async function giveSeatsBack(tx: Tx, userId: string, now: Date): Promise<PendingNotification[]> {
  const seats = await tx.rsvp.findMany({
    where: { userId, status: "going", activity: { startsAt: { gt: now }, organiserId: { not: userId } } },
    select: { activityId: true },
  });
  const promoted: PendingNotification[] = [];
  for (const { activityId } of seats) {
    await lockActivity(tx, activityId);
    // Read again under the lock: the seat may have changed since the list was taken.
    const seat = await tx.rsvp.delete({ where: { activityId_userId: { activityId, userId } } });
    if (seat.status !== "going") continue;
    await tx.activity.update({ where: { id: activityId }, data: { goingCount: { decrement: 1 } } });
    promoted.push(...(await fillFreeSeats(tx, activityId)));
  }
  return promoted;
}

/**
 * An organiser's activities are their own words (titles, descriptions, venue notes) and go with
 * them, past ones included. People signed up for an upcoming one are told it is cancelled.
 */
async function removeOrganisedActivities(tx: Tx, userId: string, now: Date): Promise<PendingNotification[]> {
  const activities = await tx.activity.findMany({ where: { organiserId: userId }, select: { id: true, status: true, startsAt: true } });
  const ids = activities.map((activity) => activity.id);
  const upcoming = activities.filter((activity) => activity.status === "published" && activity.startsAt > now).map((activity) => activity.id);
  const signedUp = await tx.rsvp.findMany({
    where: { activityId: { in: upcoming }, status: { in: ["going", "waitlisted", "pending"] }, userId: { not: userId } },
    select: { userId: true },
  });
  // Notices about these activities would link to nothing, and an organiser's message is their words.
  await tx.notification.deleteMany({ where: { activityId: { in: ids } } });
  // Mutes have no foreign key to their activity, so they do not cascade with it.
  await tx.liveMute.deleteMany({ where: { activityId: { in: ids } } });
  await tx.activity.deleteMany({ where: { organiserId: userId } });
  await tx.activitySeries.deleteMany({ where: { organiserId: userId } });
  // One notice per person, without a link: the activity no longer exists.
  return [...new Set(signedUp.map((rsvp) => rsvp.userId))].map((id) => ({ userId: id, kind: "activity-cancelled" }));
}

/**
 * A match is a conversation between two people and is deleted whole, with both sides' messages and
 * check-ins (they are about the person). The other side is told if the match was still open, and a
 * newcomer whose volunteer left goes back in the queue.
 */
async function removeBuddyMatches(tx: Tx, userId: string): Promise<PendingNotification[]> {
  const matches = await tx.buddyMatch.findMany({
    where: { OR: [{ newcomerId: userId }, { volunteerId: userId }] },
    select: { id: true, status: true, sentAt: true, requestId: true, newcomerId: true, volunteerId: true },
  });
  const open = matches.filter((match) => match.status === "proposed" || match.status === "active");
  await tx.buddyRequest.updateMany({
    where: { id: { in: open.filter((match) => match.volunteerId === userId).map((match) => match.requestId) }, status: { in: ["proposed", "matched"] } },
    data: { status: "open" },
  });
  await tx.buddyMatch.deleteMany({ where: { id: { in: matches.map((match) => match.id) } } });
  await tx.buddyOffer.deleteMany({ where: { volunteerId: userId } });
  await tx.buddyRequest.deleteMany({ where: { newcomerId: userId } });
  // A proposal still under an organiser's review was never shown to the other side.
  return open
    .filter((match) => match.sentAt !== null)
    .map((match) => ({ userId: match.newcomerId === userId ? match.volunteerId : match.newcomerId, kind: "buddy-ended" }));
}

/** What the person said in live rooms goes; a question they voted on keeps its count, as the room saw it. */
async function removeLiveRoomWords(tx: Tx, userId: string) {
  await tx.liveMessage.deleteMany({ where: { userId } });
  await tx.question.deleteMany({ where: { userId } }); // other people's votes on them cascade
  await tx.questionVote.deleteMany({ where: { userId } });
  await tx.liveMute.deleteMany({ where: { userId } });
}

/**
 * Presence stays in the organisers' figures under a fresh stand-in per activity: within one
 * activity the person's sessions and check-in still count as one attendee; across activities
 * nothing links them.
 */
async function anonymiseAttendance(tx: Tx, userId: string, now: Date) {
  // A session still open would otherwise stay open for ever: nobody can rejoin as the stand-in.
  const open = await tx.attendanceSession.findMany({ where: { userId, leftAt: null }, select: { id: true, disconnectedAt: true } });
  for (const session of open) {
    await tx.attendanceSession.update({
      where: { id: session.id },
      data: { leftAt: session.disconnectedAt ?? now, disconnectedAt: session.disconnectedAt ?? now },
    });
  }
  const [sessions, checkIns] = await Promise.all([
    tx.attendanceSession.findMany({ where: { userId }, select: { activityId: true }, distinct: ["activityId"] }),
    tx.checkIn.findMany({ where: { userId }, select: { activityId: true } }),
  ]);
  for (const activityId of new Set([...sessions, ...checkIns].map((row) => row.activityId))) {
    const id = standIn();
    await tx.attendanceSession.updateMany({ where: { activityId, userId }, data: { userId: id } });
    await tx.checkIn.updateMany({ where: { activityId, userId }, data: { userId: id } });
  }
}

/**
 * Blocks only ever concerned matching with this person. Reports about them go too: kept, they would
 * still be data about them, and without their identity they protect nobody. A report they made about
 * someone else stays, for the safety of the people that person meets, without saying who made it.
 */
async function removeSafetyRecords(tx: Tx, userId: string) {
  await tx.personBlock.deleteMany({ where: { OR: [{ blockerId: userId }, { blockedId: userId }] } });
  await tx.personReport.deleteMany({ where: { reportedId: userId } });
  const made = await tx.personReport.findMany({ where: { reporterId: userId }, select: { id: true } });
  for (const report of made) {
    // Its match was the person's and has been deleted; one stand-in per report, so reports are not linked.
    await tx.personReport.update({ where: { id: report.id }, data: { reporterId: standIn(), matchId: null } });
  }
}

/** Where the person acted on someone else's record, as organiser or admin, the record stays and the actor becomes a stand-in. */
async function anonymiseActionsOnOthers(tx: Tx, userId: string) {
  await tx.liveMessage.updateMany({ where: { hiddenBy: userId }, data: { hiddenBy: standIn() } });
  await tx.liveMute.updateMany({ where: { mutedBy: userId }, data: { mutedBy: standIn() } });
  await tx.checkIn.updateMany({ where: { checkedInBy: userId }, data: { checkedInBy: standIn() } });
  await tx.buddyMatch.updateMany({ where: { endedBy: userId }, data: { endedBy: standIn() } });
  await tx.buddyMatch.updateMany({ where: { declinedBy: userId }, data: { declinedBy: standIn() } });
  await tx.matchRun.updateMany({ where: { actorId: userId }, data: { actorId: standIn() } });
  await tx.user.updateMany({ where: { vogCheckedBy: userId }, data: { vogCheckedBy: standIn() } });
}

/**
 * Helpdesk questions are the person's words and go whole, with the conversation, referrals and the
 * knowledge-base pairs published from them (decision 041). Answers the person gave under others'
 * questions stay, as the asker's record, under a stand-in; so do pairs they published.
 */
async function removeHelpdeskQuestions(tx: Tx, userId: string) {
  const asked = await tx.helpQuestion.findMany({ where: { askerId: userId }, select: { id: true } });
  await tx.helpArticle.deleteMany({ where: { questionId: { in: asked.map((question) => question.id) } } });
  await tx.helpQuestion.deleteMany({ where: { askerId: userId } }); // messages, themes and referrals cascade
  await tx.helpMessage.updateMany({ where: { authorId: userId }, data: { authorId: standIn() } });
  await tx.helpReferral.updateMany({ where: { createdById: userId }, data: { createdById: standIn() } });
  await tx.helpArticle.updateMany({ where: { publishedById: userId }, data: { publishedById: standIn() } });
  await tx.helpQuestion.updateMany({ where: { assigneeId: userId }, data: { assigneeId: null } });
}

/**
 * Memberships go with the account. A group nobody else is in goes too; a group others are in
 * stays theirs, even without an organiser (an admin can appoint one).
 */
async function leaveGroups(tx: Tx, userId: string) {
  const memberships = await tx.groupMember.findMany({ where: { userId }, select: { groupId: true } });
  await tx.groupMember.deleteMany({ where: { userId } });
  await tx.group.deleteMany({ where: { id: { in: memberships.map((m) => m.groupId) }, members: { none: {} } } });
}

/**
 * The person's own plan goes with the account (it cascades, history included), and so do their
 * supporter rows. In plans of others the words they added stay the owner's; the history keeps
 * that a change was made, without saying by whom or with whom a plan was shared.
 */
async function leavePlans(tx: Tx, userId: string) {
  // Notices that their plan was shared would lead nowhere once it is gone.
  const own = await tx.perspectivePlan.findUnique({ where: { ownerId: userId }, select: { id: true } });
  if (own) await tx.notification.deleteMany({ where: { kind: "plan-shared", data: { contains: own.id } } });
  await tx.planChange.updateMany({ where: { actorId: userId }, data: { actorId: null } });
  await tx.planChange.updateMany({ where: { kind: { in: PERSON_CHANGES }, detail: { startsWith: userId } }, data: { detail: "" } });
}
