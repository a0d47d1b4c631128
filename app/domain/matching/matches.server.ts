import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { PROPOSAL_DAYS } from "~/lib/reference/buddies";
import { parseInput } from "~/lib/validation.server";
import { DomainError, NotFound } from "../errors";
import { allow, buddyCoordinators, loadActor, matchFacts, requireActor } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { deliver, recordNotifications } from "../notifications/notifications.server";
import { endBuddyAccess } from "../plan/plan.server";
import type { MatchInput, MatchRequest, VolunteerOffer } from "./engine";
import { runMatchJob } from "./matching-thread.server";
import { CheckInInput, EndInput, ReportInput } from "./schemas.server";

const DAY = 86_400_000;
const TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;
const refuse = (key: string) => new DomainError("conflict", key);

const requireCoordinator = (actorId: string) => requireActor(actorId, policy.canCoordinateBuddies);

type Person = {
  id: string;
  municipality: { code: string; latitude: number; longitude: number; name: string } | null;
  languages: { language: string; level: string }[];
  interests: { interest: string }[];
  availability: { weekday: number; part: string }[];
};
const personSelect = {
  id: true,
  municipality: { select: { code: true, latitude: true, longitude: true, name: true } },
  languages: { select: { language: true, level: true } },
  interests: { select: { interest: true } },
  availability: { select: { weekday: true, part: true } },
} as const;

/** Languages a person can hold a conversation in: native or B1 and up, strongest first. */
function conversational(person: Person) {
  const rank = ["native", "C2", "C1", "B2", "B1"];
  return person.languages
    .filter((entry) => rank.includes(entry.level))
    .sort((a, b) => rank.indexOf(a.level) - rank.indexOf(b.level))
    .map((entry) => entry.language);
}

const slots = (person: Person) => person.availability.map((slot) => `${slot.weekday}-${slot.part}`);
const place = (person: Person) =>
  person.municipality && {
    code: person.municipality.code,
    latitude: person.municipality.latitude,
    longitude: person.municipality.longitude,
    name: person.municipality.name,
  };

/** Loads everything the engine needs: open requests, offers with free slots, pairs to avoid. */
export async function loadMatchInput(options: { municipalityCode?: string | null; now?: Date }): Promise<MatchInput> {
  const now = options.now ?? new Date();
  const [requests, offers, taken, history, blocks] = await Promise.all([
    db().buddyRequest.findMany({
      where: { status: "open", ...(options.municipalityCode ? { newcomer: { municipalityCode: options.municipalityCode } } : {}) },
      include: { newcomer: { select: personSelect } },
      orderBy: { id: "asc" },
    }),
    db().buddyOffer.findMany({
      where: { status: "active" },
      include: { volunteer: { select: { ...personSelect, vogCheckedAt: true } } },
      orderBy: { id: "asc" },
    }),
    db().buddyMatch.groupBy({ by: ["offerId"], where: { status: { in: ["proposed", "active"] } }, _count: { _all: true } }),
    db().buddyMatch.findMany({ where: { status: { in: ["declined", "ended", "expired"] } }, select: { newcomerId: true, volunteerId: true } }),
    db().personBlock.findMany({ select: { blockerId: true, blockedId: true } }),
  ]);
  const takenBy = new Map(taken.map((row) => [row.offerId, row._count._all]));
  const matchRequests: MatchRequest[] = requests.map((request) => ({
    id: request.id,
    newcomerId: request.newcomerId,
    kind: request.kind as MatchRequest["kind"],
    targetLanguage: request.targetLanguage,
    targetLevel: request.targetLevel,
    targetSector: request.targetSector,
    goals: JSON.parse(request.goals) as string[],
    speaks: conversational(request.newcomer),
    interests: request.newcomer.interests.map((row) => row.interest),
    place: place(request.newcomer),
    onlineOk: request.onlineOk,
    availability: slots(request.newcomer),
    waitingSince: request.createdAt,
  }));
  const matchOffers: VolunteerOffer[] = offers.map((offer) => ({
    id: offer.id,
    volunteerId: offer.volunteerId,
    kind: offer.kind as VolunteerOffer["kind"],
    helpsWith: JSON.parse(offer.helpsWith) as string[],
    sectors: JSON.parse(offer.sectors) as string[],
    speaks: conversational(offer.volunteer),
    interests: offer.volunteer.interests.map((row) => row.interest),
    place: place(offer.volunteer),
    travelKm: offer.travelKm,
    onlineOk: offer.onlineOk,
    onlineOnly: offer.onlineOnly,
    availability: slots(offer.volunteer),
    capacity: Math.max(0, offer.capacity - (takenBy.get(offer.id) ?? 0)),
    verified: offer.volunteer.vogCheckedAt !== null,
    paused: false,
  }));
  const excludedPairs = [
    ...history,
    ...blocks.flatMap((block) => [
      { newcomerId: block.blockerId, volunteerId: block.blockedId },
      { newcomerId: block.blockedId, volunteerId: block.blockerId },
    ]),
  ];
  return { requests: matchRequests, offers: matchOffers, excludedPairs, now };
}

/** Runs the engine and stores its proposals; they go out now, or after an organiser's review. */
export async function runMatching(actorId: string, options: { municipalityCode?: string | null; autoSend: boolean; now?: Date }) {
  await requireCoordinator(actorId);
  const now = options.now ?? new Date();
  await expireProposals(now);
  const input = await loadMatchInput({ municipalityCode: options.municipalityCode, now });
  // Seconds of CPU for a large run: off the event loop, so the server keeps answering meanwhile.
  const { result, unmatched, runtimeMs } = await runMatchJob(input);
  const runId = randomUUID();
  const offers = new Map(input.offers.map((offer) => [offer.id, offer]));
  const requests = new Map(input.requests.map((request) => [request.id, request]));
  const rows = await db().$transaction(async (tx) => {
    await tx.matchRun.create({
      data: {
        id: runId,
        actorId,
        municipalityCode: options.municipalityCode ?? null,
        autoSend: options.autoSend,
        requests: input.requests.length,
        offers: input.offers.length,
        matched: result.matched,
        totalScore: result.totalScore,
        runtimeMs,
        unmatched: JSON.stringify(unmatched),
      },
    });
    const notices = [];
    for (const proposal of result.proposals) {
      const request = requests.get(proposal.requestId)!;
      const offer = offers.get(proposal.offerId)!;
      // Another run may have taken the request since it was loaded; skip rather than double-propose.
      const claimed = await tx.buddyRequest.updateMany({ where: { id: request.id, status: "open" }, data: { status: "proposed" } });
      if (claimed.count === 0) continue;
      const matchId = randomUUID();
      await tx.buddyMatch.create({
        data: {
          id: matchId,
          runId,
          requestId: request.id,
          offerId: offer.id,
          newcomerId: request.newcomerId,
          volunteerId: offer.volunteerId,
          kind: request.kind,
          score: proposal.score,
          explanation: JSON.stringify(proposal.explanation),
          status: "proposed",
          proposedAt: now,
          sentAt: options.autoSend ? now : null,
          expiresAt: options.autoSend ? new Date(now.getTime() + PROPOSAL_DAYS * DAY) : null,
        },
      });
      if (options.autoSend) {
        notices.push(
          { userId: request.newcomerId, kind: "buddy-proposed" as const, data: { matchId } },
          { userId: offer.volunteerId, kind: "buddy-proposed" as const, data: { matchId } },
        );
      }
    }
    return recordNotifications(tx, notices);
  }, TRANSACTION);
  deliver(rows);
  return { runId, requests: input.requests.length, offers: input.offers.length, matched: result.matched, totalScore: result.totalScore, runtimeMs, unmatched };
}

/** Sends proposals an organiser has reviewed; each side then has a week to answer. */
export async function sendProposals(actorId: string, matchIds: string[], now = new Date()) {
  await requireCoordinator(actorId);
  const pending = await db().buddyMatch.findMany({ where: { id: { in: matchIds.slice(0, 1000) }, status: "proposed", sentAt: null } });
  const rows = await db().$transaction(async (tx) => {
    await tx.buddyMatch.updateMany({
      where: { id: { in: pending.map((match) => match.id) } },
      data: { sentAt: now, expiresAt: new Date(now.getTime() + PROPOSAL_DAYS * DAY) },
    });
    return recordNotifications(
      tx,
      pending.flatMap((match) => [
        { userId: match.newcomerId, kind: "buddy-proposed" as const, data: { matchId: match.id } },
        { userId: match.volunteerId, kind: "buddy-proposed" as const, data: { matchId: match.id } },
      ]),
    );
  });
  deliver(rows);
  return { sent: pending.length };
}

/** An organiser removes a proposal before it is sent; the request waits for the next run. */
export async function discardProposal(actorId: string, matchId: string) {
  await requireCoordinator(actorId);
  const match = await db().buddyMatch.findUnique({ where: { id: matchId } });
  if (!match || match.status !== "proposed" || match.sentAt) throw NotFound("buddies.errors.notFound");
  await db().$transaction([
    db().buddyMatch.delete({ where: { id: matchId } }),
    db().buddyRequest.updateMany({ where: { id: match.requestId, status: "proposed" }, data: { status: "open" } }),
  ]);
}

/** Proposals nobody answered in time lapse; their requests go back to the queue. */
export async function expireProposals(now = new Date()) {
  const stale = await db().buddyMatch.findMany({ where: { status: "proposed", expiresAt: { lt: now } }, select: { id: true, requestId: true } });
  if (stale.length === 0) return 0;
  await db().$transaction([
    db().buddyMatch.updateMany({ where: { id: { in: stale.map((m) => m.id) }, status: "proposed" }, data: { status: "expired" } }),
    db().buddyRequest.updateMany({ where: { id: { in: stale.map((m) => m.requestId) }, status: "proposed" }, data: { status: "open" } }),
  ]);
  return stale.length;
}

/** How long before a proposal lapses the people who have not answered are reminded. */
export const EXPIRY_WARNING_MS = DAY;
/** When a pair is asked how it is going (the check-in's "four-weeks" stage). */
export const CHECK_IN_AFTER_MS = 28 * DAY;

/**
 * Tells each side that has not answered a proposal, once, a day before it lapses. Claimed with a
 * conditional update in the transaction that writes the notices and mails, so instances that
 * run this at the same moment tell each person once.
 */
export async function warnExpiringProposals(now = new Date()) {
  const soon = await db().buddyMatch.findMany({
    where: { status: "proposed", expiryWarnedAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_MS) } },
    select: { id: true, newcomerId: true, volunteerId: true, newcomerAcceptedAt: true, volunteerAcceptedAt: true, expiresAt: true },
    take: 500,
  });
  let told = 0;
  for (const match of soon) {
    const waiting = [...(match.newcomerAcceptedAt ? [] : [match.newcomerId]), ...(match.volunteerAcceptedAt ? [] : [match.volunteerId])];
    const rows = await db().$transaction(async (tx) => {
      const claimed = await tx.buddyMatch.updateMany({ where: { id: match.id, expiryWarnedAt: null, status: "proposed" }, data: { expiryWarnedAt: now } });
      if (claimed.count === 0) return [];
      const data = { matchId: match.id, expiresAt: match.expiresAt!.toISOString() };
      return recordNotifications(
        tx,
        waiting.map((userId) => ({ userId, kind: "buddy-expiry-warning" as const, data })),
      );
    });
    deliver(rows);
    told += rows.length;
  }
  return told;
}

/** Asks both buddies the four-week check-in questions, once, when four weeks have passed (claimed as above). */
export async function askCheckIns(now = new Date()) {
  const due = await db().buddyMatch.findMany({
    where: { status: "active", checkInAskedAt: null, activatedAt: { lte: new Date(now.getTime() - CHECK_IN_AFTER_MS) } },
    select: { id: true, newcomerId: true, volunteerId: true },
    take: 500,
  });
  let asked = 0;
  for (const match of due) {
    const rows = await db().$transaction(async (tx) => {
      const claimed = await tx.buddyMatch.updateMany({ where: { id: match.id, checkInAskedAt: null, status: "active" }, data: { checkInAskedAt: now } });
      if (claimed.count === 0) return [];
      return recordNotifications(
        tx,
        [match.newcomerId, match.volunteerId].map((userId) => ({ userId, kind: "buddy-check-in" as const, data: { matchId: match.id } })),
      );
    });
    deliver(rows);
    asked += rows.length;
  }
  return asked;
}

/** Which side of the match the person is on; anyone else is refused. Needs no query: the rule reads ids only. */
function side(match: { newcomerId: string; volunteerId: string }, userId: string) {
  allow(policy.isMatchParty({ id: userId }, match), "buddies.errors.notYourMatch");
  return match.newcomerId === userId ? ("newcomer" as const) : ("volunteer" as const);
}

/**
 * What an answer led to: declined, said yes and waiting for the other side, or both said yes (the
 * pair is active and sees each other's contact details). The page says which, not a guess.
 */
export type ResponseOutcome = "decline" | "accept" | "bothAccepted";

/**
 * Accept or decline. When the second side accepts, the match becomes active, which takes one of
 * the volunteer's slots: the offer row is locked so two accepts cannot both take the last one.
 */
export async function respond(userId: string, matchId: string, answer: "accept" | "decline", now = new Date()): Promise<ResponseOutcome> {
  const { rows, outcome } = await db().$transaction(async (tx) => {
    const match = await tx.buddyMatch.findUnique({ where: { id: matchId } });
    if (!match || !match.sentAt) throw NotFound("buddies.errors.notFound");
    const who = side(match, userId);
    const offer = await tx.buddyOffer.update({
      where: { id: match.offerId },
      data: { lockVersion: { increment: 1 } },
      select: { capacity: true, volunteerId: true },
    });
    const fresh = await tx.buddyMatch.findUniqueOrThrow({ where: { id: matchId } });
    if (fresh.status !== "proposed") throw refuse(fresh.status === "expired" ? "buddies.errors.expired" : "buddies.errors.notOpen");
    if (fresh.expiresAt && fresh.expiresAt < now) throw refuse("buddies.errors.expired");
    const acceptedField = who === "newcomer" ? "newcomerAcceptedAt" : "volunteerAcceptedAt";
    if (fresh[acceptedField]) throw refuse("buddies.errors.alreadyAnswered");
    if (answer === "decline") {
      await tx.buddyMatch.update({ where: { id: matchId }, data: { status: "declined", declinedBy: userId } });
      await tx.buddyRequest.update({ where: { id: match.requestId }, data: { status: "open" } });
      const other = who === "newcomer" ? match.volunteerId : match.newcomerId;
      return { rows: await recordNotifications(tx, [{ userId: other, kind: "buddy-declined" }]), outcome: "decline" as const };
    }
    const bothAccepted = who === "newcomer" ? fresh.volunteerAcceptedAt : fresh.newcomerAcceptedAt;
    if (!bothAccepted) {
      await tx.buddyMatch.update({ where: { id: matchId }, data: { [acceptedField]: now } });
      return { rows: [], outcome: "accept" as const };
    }
    const active = await tx.buddyMatch.count({ where: { offerId: match.offerId, status: "active" } });
    if (active >= offer.capacity) throw refuse("buddies.errors.volunteerFull");
    await tx.buddyMatch.update({ where: { id: matchId }, data: { [acceptedField]: now, status: "active", activatedAt: now } });
    await tx.buddyRequest.update({ where: { id: match.requestId }, data: { status: "matched" } });
    const rows = await recordNotifications(tx, [
      { userId: match.newcomerId, kind: "buddy-active", data: { matchId } },
      { userId: match.volunteerId, kind: "buddy-active", data: { matchId } },
    ]);
    return { rows, outcome: "bothAccepted" as const };
  }, TRANSACTION);
  deliver(rows);
  return outcome;
}

export async function endMatch(userId: string, matchId: string, raw: unknown, now = new Date()) {
  const { reason } = parseInput(EndInput, raw);
  const [actor, match] = await Promise.all([loadActor(userId), matchFacts(matchId)]);
  if (!match) throw NotFound("buddies.errors.notFound");
  allow(policy.canEndMatch(actor, match), "buddies.errors.notYourMatch");
  if (match.status !== "active") throw refuse("buddies.errors.notActive");
  const rows = await db().$transaction(async (tx) => {
    await tx.buddyMatch.update({ where: { id: matchId }, data: { status: "ended", endedAt: now, endedBy: userId, endReason: reason } });
    await endBuddyAccess(tx, match.newcomerId, match.volunteerId);
    const others = [match.newcomerId, match.volunteerId].filter((id) => id !== userId);
    return recordNotifications(
      tx,
      others.map((id) => ({ userId: id, kind: "buddy-ended" as const })),
    );
  });
  deliver(rows);
}

/** How is it going? After four weeks together, and once more at the end. */
export async function checkIn(userId: string, matchId: string, raw: unknown, now = new Date()) {
  const input = parseInput(CheckInInput, raw);
  const match = await db().buddyMatch.findUnique({ where: { id: matchId } });
  if (!match) throw NotFound("buddies.errors.notFound");
  side(match, userId);
  const due =
    input.stage === "four-weeks" ? match.activatedAt !== null && now.getTime() - match.activatedAt.getTime() >= CHECK_IN_AFTER_MS : match.status === "ended";
  if (!due) throw refuse("buddies.errors.checkInNotDue");
  try {
    await db().matchCheckIn.create({ data: { id: randomUUID(), matchId, userId, ...input } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw refuse("buddies.errors.alreadyCheckedIn");
    throw error;
  }
}

/** Reaches an organiser, blocks future matching between the two, and ends the match. */
export async function reportPerson(userId: string, matchId: string, raw: unknown, now = new Date()) {
  const { reason } = parseInput(ReportInput, raw);
  const match = await db().buddyMatch.findUnique({ where: { id: matchId } });
  if (!match) throw NotFound("buddies.errors.notFound");
  const who = side(match, userId);
  const other = who === "newcomer" ? match.volunteerId : match.newcomerId;
  const organisers = await buddyCoordinators();
  const rows = await db().$transaction(async (tx) => {
    await tx.personReport.create({ data: { id: randomUUID(), reporterId: userId, reportedId: other, matchId, reason } });
    await tx.personBlock.upsert({
      where: { blockerId_blockedId: { blockerId: userId, blockedId: other } },
      create: { blockerId: userId, blockedId: other },
      update: {},
    });
    if (match.status === "active" || match.status === "proposed") {
      await tx.buddyMatch.update({
        where: { id: matchId },
        data: { status: match.status === "active" ? "ended" : "declined", endedAt: now, endedBy: userId, endReason: "reported", declinedBy: userId },
      });
      if (match.status === "active") await endBuddyAccess(tx, match.newcomerId, match.volunteerId);
      if (match.status === "proposed") await tx.buddyRequest.updateMany({ where: { id: match.requestId, status: "proposed" }, data: { status: "open" } });
    }
    return recordNotifications(
      tx,
      organisers.map((organiser) => ({ userId: organiser.id, kind: "person-reported" as const })),
    );
  });
  deliver(rows);
}
