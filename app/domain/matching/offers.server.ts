import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { parseInput } from "~/lib/validation.server";
import { NotFound, ValidationFailed } from "../errors";
import { allow, requireActor } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { OfferInput, RequestInput } from "./schemas.server";

const OPEN_MATCH = ["proposed", "active"];

export async function createOffer(volunteerId: string, raw: unknown) {
  await requireActor(volunteerId, policy.canOfferBuddy, "buddies.errors.notVolunteer");
  const input = parseInput(OfferInput, raw);
  const id = randomUUID();
  await db().buddyOffer.create({
    data: { id, volunteerId, ...input, helpsWith: JSON.stringify(input.helpsWith), sectors: JSON.stringify(input.sectors) },
  });
  return { id };
}

async function ownOffer(volunteerId: string, offerId: string) {
  const offer = await db().buddyOffer.findUnique({ where: { id: offerId } });
  if (!offer) throw NotFound("buddies.errors.notFound");
  allow(policy.canOwnOffer({ id: volunteerId }, offer));
  return offer;
}

export async function updateOffer(volunteerId: string, offerId: string, raw: unknown) {
  await ownOffer(volunteerId, offerId);
  const input = parseInput(OfferInput, raw);
  await db().buddyOffer.update({
    where: { id: offerId },
    data: { ...input, helpsWith: JSON.stringify(input.helpsWith), sectors: JSON.stringify(input.sectors) },
  });
}

export async function setOfferPaused(volunteerId: string, offerId: string, paused: boolean) {
  await ownOffer(volunteerId, offerId);
  await db().buddyOffer.update({ where: { id: offerId }, data: { status: paused ? "paused" : "active" } });
}

export async function createRequest(newcomerId: string, raw: unknown) {
  await requireActor(newcomerId, policy.canRequestBuddy, "buddies.errors.notNewcomer");
  const input = parseInput(RequestInput, raw);
  const id = randomUUID();
  await db().buddyRequest.create({ data: { id, newcomerId, ...input, goals: JSON.stringify(input.goals) } });
  return { id };
}

async function ownRequest(newcomerId: string, requestId: string) {
  const request = await db().buddyRequest.findUnique({ where: { id: requestId } });
  if (!request) throw NotFound("buddies.errors.notFound");
  allow(policy.canOwnRequest({ id: newcomerId }, request));
  return request;
}

export async function updateRequest(newcomerId: string, requestId: string, raw: unknown) {
  const request = await ownRequest(newcomerId, requestId);
  if (request.status === "withdrawn") throw NotFound("buddies.errors.notFound");
  const input = parseInput(RequestInput, raw);
  await db().buddyRequest.update({ where: { id: requestId }, data: { ...input, goals: JSON.stringify(input.goals) } });
}

/** Withdrawing also retracts any proposal still waiting for answers. */
export async function withdrawRequest(newcomerId: string, requestId: string) {
  await ownRequest(newcomerId, requestId);
  await db().$transaction([
    db().buddyRequest.update({ where: { id: requestId }, data: { status: "withdrawn" } }),
    db().buddyMatch.updateMany({ where: { requestId, status: "proposed" }, data: { status: "declined", declinedBy: newcomerId } }),
  ]);
}

/** Free slots of an offer: capacity minus proposals awaiting answers and active matches. */
export async function freeSlots(offerId: string) {
  const offer = await db().buddyOffer.findUniqueOrThrow({ where: { id: offerId }, select: { capacity: true } });
  const taken = await db().buddyMatch.count({ where: { offerId, status: { in: OPEN_MATCH } } });
  return Math.max(0, offer.capacity - taken);
}

export async function verifyVolunteer(actorId: string, volunteerId: string, checkedOn: string) {
  await requireActor(actorId, policy.canCoordinateBuddies);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(checkedOn) ? new Date(`${checkedOn}T12:00:00Z`) : null;
  const latest = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10); // "today" anywhere in Europe
  if (!date || Number.isNaN(date.getTime()) || checkedOn > latest) {
    throw ValidationFailed({ checkedOn: { key: "buddies.errors.vogDate" } });
  }
  const updated = await db().user.updateMany({ where: { id: volunteerId, isVolunteer: true }, data: { vogCheckedAt: date, vogCheckedBy: actorId } });
  if (updated.count === 0) throw NotFound("buddies.errors.notVolunteerTarget");
}
