import { db } from "~/lib/db.server";
import { avatarOf } from "~/lib/images/avatar.server";
import { NotFound } from "../errors";
import { actorSelect, allow, requireActor } from "../policy/guards.server";
import { policy, type Actor } from "../policy/rules";
import type { UnmatchedCounts } from "./engine/unmatched";

const DAY = 86_400_000;

/** What each side may see of the other before both accept: no e-mail, no contact, no surname rules enforced by omission. */
const publicPerson = {
  id: true,
  displayName: true,
  municipality: { select: { name: true } },
  languages: { select: { language: true, level: true } },
  interests: { select: { interest: true } },
  avatarKey: true,
  avatarSize: true,
} as const;

type PublicPersonRow = {
  id: string;
  displayName: string;
  municipality: { name: string } | null;
  languages: { language: string; level: string }[];
  interests: { interest: string }[];
  avatarKey: string | null;
  avatarSize: number | null;
};

function toPublic(person: PublicPersonRow) {
  return {
    displayName: person.displayName,
    municipality: person.municipality?.name ?? null,
    languages: person.languages,
    interests: person.interests.map((row) => row.interest),
    // Shown where the name is (decision 048): each side sees the other's picture, as they see the name.
    avatar: avatarOf(person),
  };
}

function matchView(
  match: {
    id: string;
    kind: string;
    status: string;
    score: number;
    explanation: string;
    sentAt: Date | null;
    expiresAt: Date | null;
    newcomerAcceptedAt: Date | null;
    volunteerAcceptedAt: Date | null;
    activatedAt: Date | null;
    endedAt: Date | null;
    endReason: string | null;
    newcomerId: string;
    volunteerId: string;
  },
  viewer: Pick<Actor, "id">,
  other: PublicPersonRow & { email?: string },
) {
  const iAmNewcomer = match.newcomerId === viewer.id;
  return {
    id: match.id,
    kind: match.kind,
    status: match.status,
    role: iAmNewcomer ? ("newcomer" as const) : ("volunteer" as const),
    explanation: JSON.parse(match.explanation) as Record<string, unknown>,
    expiresAt: match.expiresAt?.toISOString() ?? null,
    iAccepted: Boolean(iAmNewcomer ? match.newcomerAcceptedAt : match.volunteerAcceptedAt),
    otherAccepted: Boolean(iAmNewcomer ? match.volunteerAcceptedAt : match.newcomerAcceptedAt),
    activatedAt: match.activatedAt?.toISOString() ?? null,
    endedAt: match.endedAt?.toISOString() ?? null,
    endReason: match.endReason,
    other: toPublic(other),
    contact: policy.canSeeContact(viewer, match) && other.email ? { email: other.email } : null,
  };
}
export type MatchView = ReturnType<typeof matchView>;

export async function buddyOverview(userId: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { ...actorSelect, vogCheckedAt: true } });
  const [requests, offers, matches] = await Promise.all([
    db().buddyRequest.findMany({ where: { newcomerId: userId, status: { not: "withdrawn" } }, orderBy: { createdAt: "desc" } }),
    db().buddyOffer.findMany({
      where: { volunteerId: userId },
      orderBy: { createdAt: "desc" },
      include: { matches: { where: { status: { in: ["proposed", "active"] } }, select: { id: true } } },
    }),
    db().buddyMatch.findMany({
      where: { OR: [{ newcomerId: userId }, { volunteerId: userId }], sentAt: { not: null }, status: { in: ["proposed", "active", "ended"] } },
      orderBy: { proposedAt: "desc" },
      take: 50,
    }),
  ]);
  const others = await db().user.findMany({
    where: { id: { in: matches.map((m) => (m.newcomerId === userId ? m.volunteerId : m.newcomerId)) } },
    select: { ...publicPerson, email: true },
  });
  const byId = new Map(others.map((person) => [person.id, person]));
  const views = matches.flatMap((match) => {
    const other = byId.get(match.newcomerId === userId ? match.volunteerId : match.newcomerId);
    return other ? [matchView(match, user, other)] : [];
  });
  const now = Date.now();
  return {
    mayRequest: policy.canRequestBuddy(user),
    mayOffer: policy.canOfferBuddy(user),
    verifiedOn: user.vogCheckedAt?.toISOString() ?? null,
    requests: requests.map((request) => ({
      id: request.id,
      kind: request.kind,
      status: request.status,
      targetLanguage: request.targetLanguage,
      targetLevel: request.targetLevel,
      targetSector: request.targetSector,
      waitingDays: Math.floor((now - request.createdAt.getTime()) / DAY),
    })),
    offers: offers.map((offer) => ({
      id: offer.id,
      kind: offer.kind,
      status: offer.status,
      capacity: offer.capacity,
      taken: offer.matches.length,
      helpsWith: JSON.parse(offer.helpsWith) as string[],
      sectors: JSON.parse(offer.sectors) as string[],
    })),
    proposals: views.filter((view) => view.status === "proposed"),
    active: views.filter((view) => view.status === "active"),
    ended: views.filter((view) => view.status === "ended"),
  };
}

export async function matchForViewer(userId: string, matchId: string) {
  const match = await db().buddyMatch.findUnique({ where: { id: matchId } });
  if (!match || !match.sentAt) throw NotFound("buddies.errors.notFound");
  allow(policy.isMatchParty({ id: userId }, match), "buddies.errors.notYourMatch");
  const other = await db().user.findUniqueOrThrow({
    where: { id: match.newcomerId === userId ? match.volunteerId : match.newcomerId },
    select: { ...publicPerson, email: true },
  });
  const checkIns = await db().matchCheckIn.findMany({ where: { matchId, userId }, select: { stage: true } });
  const fourWeeksDue = match.activatedAt !== null && Date.now() - match.activatedAt.getTime() >= 28 * DAY;
  return {
    ...matchView(match, { id: userId }, other),
    checkInsDone: checkIns.map((row) => row.stage),
    fourWeeksDue,
  };
}

export async function requestForEdit(userId: string, requestId: string) {
  const request = await db().buddyRequest.findUnique({ where: { id: requestId } });
  if (!request || !policy.canOwnRequest({ id: userId }, request) || request.status === "withdrawn") throw NotFound("buddies.errors.notFound");
  return { ...request, goals: JSON.parse(request.goals) as string[] };
}

export async function offerForEdit(userId: string, offerId: string) {
  const offer = await db().buddyOffer.findUnique({ where: { id: offerId } });
  if (!offer || !policy.canOwnOffer({ id: userId }, offer)) throw NotFound("buddies.errors.notFound");
  return { ...offer, helpsWith: JSON.parse(offer.helpsWith) as string[], sectors: JSON.parse(offer.sectors) as string[] };
}

/** The organiser's picture: proposals to review, who waits how long, where volunteers are missing, outcomes. */
export async function matchingDashboard(actorId: string, now = new Date()) {
  await requireActor(actorId, policy.canCoordinateBuddies);
  const [pending, waiting, offers, taken, active, ended, checkIns, unverified, reports, lastRun] = await Promise.all([
    db().buddyMatch.findMany({ where: { status: "proposed", sentAt: null }, orderBy: { score: "desc" }, take: 200 }),
    db().buddyRequest.findMany({
      where: { status: "open" },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: {
        id: true,
        kind: true,
        targetLanguage: true,
        targetSector: true,
        createdAt: true,
        newcomer: { select: { displayName: true, municipality: { select: { code: true, name: true } } } },
      },
    }),
    db().buddyOffer.findMany({
      where: { status: "active" },
      select: { id: true, kind: true, capacity: true, volunteer: { select: { vogCheckedAt: true, municipality: { select: { code: true, name: true } } } } },
    }),
    db().buddyMatch.groupBy({ by: ["offerId"], where: { status: { in: ["proposed", "active"] } }, _count: { _all: true } }),
    db().buddyMatch.findMany({ where: { status: "active" }, select: { activatedAt: true, request: { select: { createdAt: true } } } }),
    db().buddyMatch.groupBy({ by: ["endReason"], where: { status: "ended" }, _count: { _all: true } }),
    db().matchCheckIn.aggregate({ _avg: { rating: true }, _count: { _all: true } }),
    db().user.findMany({ where: { isVolunteer: true, vogCheckedAt: null, buddyOffers: { some: {} } }, select: { id: true, displayName: true }, take: 100 }),
    db().personReport.count({ where: { handledAt: null } }),
    db().matchRun.findFirst({ orderBy: { createdAt: "desc" } }),
  ]);
  const names = new Map(
    (await db().user.findMany({ where: { id: { in: pending.flatMap((m) => [m.newcomerId, m.volunteerId]) } }, select: { id: true, displayName: true } })).map(
      (u) => [u.id, u.displayName],
    ),
  );
  const takenBy = new Map(taken.map((row) => [row.offerId, row._count._all]));
  const areas = new Map<string, { name: string; kind: string; waiting: number; freeSlots: number }>();
  const area = (code: string | undefined, name: string | undefined, kind: string) => {
    const key = `${code ?? "online"}|${kind}`;
    if (!areas.has(key)) areas.set(key, { name: name ?? "", kind, waiting: 0, freeSlots: 0 });
    return areas.get(key)!;
  };
  for (const request of waiting) area(request.newcomer.municipality?.code, request.newcomer.municipality?.name, request.kind).waiting += 1;
  for (const offer of offers) {
    if (!offer.volunteer.vogCheckedAt) continue;
    area(offer.volunteer.municipality?.code, offer.volunteer.municipality?.name, offer.kind).freeSlots += Math.max(
      0,
      offer.capacity - (takenBy.get(offer.id) ?? 0),
    );
  }
  const waits = active.filter((m) => m.activatedAt).map((m) => (m.activatedAt!.getTime() - m.request.createdAt.getTime()) / DAY);
  return {
    pending: pending.map((match) => ({
      id: match.id,
      kind: match.kind,
      score: match.score,
      newcomer: names.get(match.newcomerId) ?? "",
      volunteer: names.get(match.volunteerId) ?? "",
      explanation: JSON.parse(match.explanation) as Record<string, unknown>,
    })),
    waiting: waiting.map((request) => ({
      id: request.id,
      kind: request.kind,
      target: request.targetLanguage ?? request.targetSector,
      name: request.newcomer.displayName,
      municipality: request.newcomer.municipality?.name ?? null,
      waitingDays: Math.floor((now.getTime() - request.createdAt.getTime()) / DAY),
    })),
    capacity: [...areas.values()].sort((a, b) => b.waiting - b.freeSlots - (a.waiting - a.freeSlots)),
    outcomes: {
      active: active.length,
      averageWaitDays: waits.length ? Math.round((waits.reduce((a, b) => a + b, 0) / waits.length) * 10) / 10 : null,
      endedByReason: ended.map((row) => ({ reason: row.endReason ?? "other", count: row._count._all })),
      checkInAverage: checkIns._avg.rating === null ? null : Math.round(checkIns._avg.rating * 10) / 10,
      checkIns: checkIns._count._all,
      openReports: reports,
    },
    unverified,
    lastRun: lastRun && {
      matched: lastRun.matched,
      requests: lastRun.requests,
      runtimeMs: lastRun.runtimeMs,
      at: lastRun.createdAt.toISOString(),
      unmatched: JSON.parse(lastRun.unmatched) as UnmatchedCounts,
    },
  };
}
