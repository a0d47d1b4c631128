import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import QRCode from "qrcode";
import { db } from "~/lib/db.server";
import { hit, refund, RULES } from "~/lib/rate-limit.server";
import { installationSecret } from "~/lib/installation-secret.server";
import { DomainError, NotFound, ValidationFailed } from "../errors";
import { allow, requireManageActivity } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { attendanceOf } from "./attendance.server";

const refuse = (key: string) => new DomainError("conflict", key);
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I/L: read out loud in a noisy room

async function mac(activityId: string, userId: string) {
  return createHmac("sha256", await installationSecret("qr-signing-key"))
    .update(`${activityId}:${userId}`)
    .digest("base64url")
    .slice(0, 22);
}

/** The attendee's ticket: their id and a signature over activity and person, so it cannot be forged or reused elsewhere. */
export async function ticketFor(userId: string, activityId: string) {
  await requireTicketHolder(userId, activityId);
  const token = `${userId}.${await mac(activityId, userId)}`;
  const svg = await QRCode.toString(token, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  const checkedIn = await db().checkIn.findUnique({ where: { activityId_userId: { activityId, userId } } });
  return { token, svg, checkedIn: Boolean(checkedIn) };
}

async function checkInPerson(activityId: string, userId: string, method: string, by: string | null) {
  const rsvp = await db().rsvp.findUnique({ where: { activityId_userId: { activityId, userId } }, select: { status: true } });
  if (rsvp?.status !== "going") throw refuse("checkin.errors.notGoing");
  try {
    await db().checkIn.create({ data: { id: randomUUID(), activityId, userId, method, checkedInBy: by } });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw refuse("checkin.errors.alreadyCheckedIn");
    throw error;
  }
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { displayName: true } });
}

export async function checkInFromList(actorId: string, activityId: string, userId: string) {
  await requireManageActivity(actorId, activityId);
  return checkInPerson(activityId, userId, "list", actorId);
}

/** Verifies the scanned token server-side; a token for another activity or a changed one is refused. */
export async function checkInByQr(actorId: string, activityId: string, token: unknown) {
  await requireManageActivity(actorId, activityId);
  const [userId, signature] = typeof token === "string" && token.length < 200 ? token.trim().split(".") : [];
  if (!userId || !signature) throw ValidationFailed({ token: { key: "checkin.errors.badCode" } });
  const expected = Buffer.from(await mac(activityId, userId));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw ValidationFailed({ token: { key: "checkin.errors.badCode" } });
  return checkInPerson(activityId, userId, "qr", actorId);
}

async function requireTicketHolder(userId: string, activityId: string) {
  const rsvp = await db().rsvp.findUnique({ where: { activityId_userId: { activityId, userId } }, select: { status: true } });
  allow(policy.canHoldTicket({ id: userId }, rsvp), "checkin.errors.noTicket");
}

/** The organiser reads the code out; people going check themselves in while the activity runs. */
export async function selfCheckIn(userId: string, activityId: string, code: unknown, now = new Date()) {
  await requireTicketHolder(userId, activityId);
  const activity = await db().activity.findUnique({ where: { id: activityId }, select: { checkInCode: true, startsAt: true, endsAt: true } });
  if (!activity) throw NotFound("activities.errors.notFound");
  const open = now.getTime() >= activity.startsAt.getTime() - 30 * 60_000 && now <= activity.endsAt;
  if (!open || !activity.checkInCode) throw refuse("checkin.errors.notOpen");
  // Five characters from 31 are guessable without a limit: every try counts, a right one is given
  // back, and once the limit is passed even the right code waits (so guessing learns nothing).
  const guesser = `${userId}:${activityId}`;
  await hit(RULES.checkInCodeGuesses, guesser, "checkin.errors.tooManyCodes");
  if (typeof code !== "string" || code.trim().toUpperCase() !== activity.checkInCode) throw ValidationFailed({ code: { key: "checkin.errors.badCode" } });
  await refund(RULES.checkInCodeGuesses, guesser);
  return checkInPerson(activityId, userId, "code", null);
}

export async function checkInCode(actorId: string, activityId: string) {
  await requireManageActivity(actorId, activityId);
  const activity = await db().activity.findUniqueOrThrow({ where: { id: activityId }, select: { checkInCode: true } });
  if (activity.checkInCode) return activity.checkInCode;
  const code = Array.from(randomBytes(5), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join("");
  await db().activity.update({ where: { id: activityId }, data: { checkInCode: code } });
  return code;
}

export async function addWalkIn(actorId: string, activityId: string, name: unknown) {
  await requireManageActivity(actorId, activityId);
  const clean = typeof name === "string" ? name.replace(/[\u0000-\u001F\u007F]/g, "").trim() : "";
  if (!clean) throw ValidationFailed({ walkInName: { key: "validation.required" } });
  if (clean.length > 60) throw ValidationFailed({ walkInName: { key: "validation.tooLong", values: { count: 60 } } });
  await db().checkIn.create({ data: { id: randomUUID(), activityId, walkInName: clean, method: "walk-in", checkedInBy: actorId } });
}

export async function undoCheckIn(actorId: string, activityId: string, checkInId: string) {
  await requireManageActivity(actorId, activityId);
  const removed = await db().checkIn.deleteMany({ where: { id: checkInId, activityId } });
  if (removed.count === 0) throw NotFound("checkin.errors.notFound");
}

/**
 * The door list: people going, and people checked in who have since given up their place (so
 * that the organiser sees who they are and can undo), searchable by name, with whether they are in;
 * walk-ins apart. The figures are the report's (`countAttendance`), counted from check-ins only.
 */
export async function doorList(actorId: string, activityId: string, search: string) {
  await requireManageActivity(actorId, activityId);
  const needle = search.trim().toLocaleLowerCase().slice(0, 60);
  const { people: rows, figures } = (await attendanceOf([activityId], new Date(), { online: false })).get(activityId)!;
  const ids = rows.flatMap((row) => (row.userId ? [row.userId] : []));
  const names = new Map(
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((user) => [user.id, user.displayName]),
  );
  const people = rows
    // A deleted person's stand-in has no name to show or search; the figures still count them.
    .filter((row) => row.userId && names.has(row.userId) && (row.signUp === "going" || row.checkInId))
    .map((row) => ({ userId: row.userId!, name: names.get(row.userId!)!, checkInId: row.checkInId }))
    .filter((person) => !needle || person.name.toLocaleLowerCase().includes(needle))
    .sort((a, b) => Number(Boolean(a.checkInId)) - Number(Boolean(b.checkInId)) || a.name.localeCompare(b.name));
  const walkIns = rows.filter((row) => row.counted === "walk-in").map((row) => ({ checkInId: row.checkInId!, name: row.walkInName! }));
  const { present, going, presentGoing, walkIns: walkInCount, presentDeleted, presentWithoutPlace } = figures;
  return { people, walkIns, figures: { present, going, presentGoing, walkIns: walkInCount, presentDeleted, presentWithoutPlace } };
}
