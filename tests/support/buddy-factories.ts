import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { makePerson } from "./factories";

type Side = { displayName: string; locale: string };
type MatchState = "proposed" | "proposed-volunteer-accepted" | "active" | "ended";

/**
 * A newcomer and a volunteer with a sent proposal in the given state, straight into the
 * database: the matching run and the answers have their own tests (integration/matching).
 */
export async function buddyPair(options: { state?: MatchState; newcomer?: Partial<Side>; volunteer?: Partial<Side>; now?: Date } = {}) {
  const state = options.state ?? "active";
  const now = options.now ?? new Date();
  const newcomerId = await makePerson({ municipalityCode: "GM0363" });
  const volunteerId = await makePerson({ municipalityCode: "GM0363" });
  await db().user.update({ where: { id: newcomerId }, data: { isNewcomer: true, displayName: "Olena", locale: "uk", ...options.newcomer } });
  await db().user.update({
    where: { id: volunteerId },
    data: { isVolunteer: true, displayName: "Sanne", locale: "nl", vogCheckedAt: now, ...options.volunteer },
  });
  const offerId = randomUUID();
  const requestId = randomUUID();
  await db().buddyOffer.create({
    data: { id: offerId, volunteerId, kind: "language", helpsWith: JSON.stringify(["nl"]), capacity: 1, commitment: "1h-week-3-months" },
  });
  const accepted = state !== "proposed";
  const activated = state === "active" || state === "ended";
  await db().buddyRequest.create({
    data: { id: requestId, newcomerId, kind: "language", targetLanguage: "nl", targetLevel: "A2", status: activated ? "matched" : "proposed" },
  });
  const explanation = {
    sharedInterests: [],
    distanceKm: 2.5,
    online: false,
    sharedSlots: ["2-evening"],
    commonLanguages: ["en"],
    practise: "nl",
    sector: null,
    waitingDays: 3,
  };
  const matchId = randomUUID();
  await db().buddyMatch.create({
    data: {
      id: matchId,
      requestId,
      offerId,
      newcomerId,
      volunteerId,
      kind: "language",
      score: 60,
      explanation: JSON.stringify(explanation),
      status: state === "ended" ? "ended" : activated ? "active" : "proposed",
      proposedAt: now,
      sentAt: now,
      expiresAt: activated ? null : new Date(now.getTime() + 7 * 86_400_000),
      volunteerAcceptedAt: accepted ? now : null,
      newcomerAcceptedAt: activated ? now : null,
      activatedAt: activated ? now : null,
      ...(state === "ended" ? { endedAt: now, endedBy: volunteerId, endReason: "goal-reached" } : {}),
    },
  });
  return { matchId, newcomerId, volunteerId, offerId, requestId };
}
