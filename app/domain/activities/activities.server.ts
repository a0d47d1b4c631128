import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { parseInput } from "~/lib/validation.server";
import { NotFound, ValidationFailed } from "../errors";
import { deliver, recordNotifications, type PendingNotification } from "../notifications/notifications.server";
import { requireManageActivity, requirePublishIn } from "../policy/guards.server";
import { expandSeries, isValidTimeZone, RecurrenceError, rescheduleDates, utcToZonedParts, zonedDateTimeToUtc, type ZonedStart } from "./recurrence";
import { fillFreeSeats, type Tx } from "./seats.server";
import { ActivityInput } from "./schemas.server";
import { localFacts } from "./local-facts";
import { publishAccessChange } from "~/lib/access-events.server";
import { publicOrigin } from "~/lib/config.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { prepareSignUpMail } from "./signup-mail.server";
import { announceToChannels } from "../channels/announce.server";
import { changesOf, type Whereabouts } from "./whereabouts";

export type EditScope = "one" | "future";
const TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;

/** Turns a recurrence problem into a form error on the field it belongs to. */
function asFieldError(error: unknown, field: string): never {
  if (error instanceof RecurrenceError) throw ValidationFailed({ [field]: { key: error.key, values: error.values } });
  throw error;
}

function occurrenceTimes(input: ActivityInput) {
  if (!isValidTimeZone(input.timeZone)) throw ValidationFailed({ timeZone: { key: "activities.errors.unknownTimeZone" } });
  const [startH, startM] = input.startTime.split(":").map(Number);
  const [endH, endM] = input.endTime.split(":").map(Number);
  const durationMinutes = endH * 60 + endM - (startH * 60 + startM);
  if (durationMinutes <= 0) throw ValidationFailed({ endTime: { key: "activities.errors.endBeforeStart" } });
  if (input.repeat === "none") {
    try {
      const startsAt = zonedDateTimeToUtc(input.date, input.startTime, input.timeZone);
      return [{ startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) }];
    } catch (error) {
      asFieldError(error, "date");
    }
  }
  try {
    return expandSeries({
      firstDate: input.date,
      startTime: input.startTime,
      durationMinutes,
      timeZone: input.timeZone,
      intervalWeeks: Number(input.repeat),
      until: input.repeatUntil ?? undefined,
    });
  } catch (error) {
    asFieldError(error, "repeatUntil");
  }
}

async function checkReferences(input: ActivityInput) {
  if (input.municipalityCode) {
    const known = await db().municipality.findUnique({ where: { code: input.municipalityCode }, select: { code: true } });
    if (!known) throw ValidationFailed({ municipalityCode: { key: "profile.unknownMunicipality" } });
  }
  if (input.groupId) {
    const group = await db().group.findUnique({ where: { id: input.groupId }, select: { id: true } });
    if (!group) throw ValidationFailed({ groupId: { key: "activities.errors.unknownGroup" } });
  }
}

/** Fields shared by create and edit; times are set per occurrence. */
function activityFields(input: ActivityInput) {
  return {
    kind: input.kind,
    timeZone: input.timeZone,
    mode: input.mode,
    venue: input.mode === "online" ? null : input.venue,
    addressForGoingOnly: input.mode !== "online" && input.addressForGoingOnly,
    municipalityCode: input.mode === "online" ? null : input.municipalityCode,
    accessibilityNotes: input.accessibilityNotes,
    joinUrl: input.mode === "in-person" ? null : input.joinUrl,
    capacity: input.capacity,
    childcare: input.childcare,
    costCents: Math.round(input.costEuros * 100),
    practisedLanguage: input.kind === "language-cafe" ? input.practisedLanguage : null,
    practisedLevel: input.kind === "language-cafe" ? input.practisedLevel : null,
    requiresApproval: input.requiresApproval,
    rsvpCutoffMinutes: input.rsvpCutoffHours === null ? null : input.rsvpCutoffHours * 60,
    reminderHours: input.reminderHours,
    groupId: input.groupId,
    defaultLocale: input.contents[0].locale,
  };
}

function relatedRows(input: ActivityInput) {
  return {
    contents: { create: input.contents },
    spokenLanguages: { create: input.spokenLanguages.map((language) => ({ language })) },
    themes: { create: input.themes.map((theme) => ({ theme })) },
    interests: { create: input.interests.map((interest) => ({ interest })) },
  };
}

export async function createActivity(actorId: string, raw: unknown, options: { publish: boolean }) {
  const input = parseInput(ActivityInput, raw);
  await requirePublishIn(actorId, input.groupId);
  await checkReferences(input);
  const times = occurrenceTimes(input);
  const seriesId = times.length > 1 || input.repeat !== "none" ? randomUUID() : null;
  const ids = times.map(() => randomUUID());
  await db().$transaction(async (tx) => {
    if (seriesId) {
      await tx.activitySeries.create({
        data: { id: seriesId, organiserId: actorId, timeZone: input.timeZone, intervalWeeks: Number(input.repeat), startTime: input.startTime },
      });
    }
    for (const [index, { startsAt, endsAt }] of times.entries()) {
      await tx.activity.create({
        data: {
          id: ids[index],
          ...activityFields(input),
          status: options.publish ? "published" : "draft",
          publishedAt: options.publish ? new Date() : null,
          organiserId: actorId,
          seriesId,
          startsAt,
          endsAt,
          ...localFacts(startsAt, input.timeZone),
          ...relatedRows(input),
        },
      });
    }
    await announceToChannels(tx, "activity.published", ids);
  }, TRANSACTION);
  return { id: ids[0], count: ids.length, seriesId };
}

/** The occurrences an edit or a cancellation applies to: this one, or this and later ones. */
async function targets(activity: { id: string; seriesId: string | null; startsAt: Date }, scope: EditScope) {
  if (scope === "one" || !activity.seriesId) return [activity.id];
  const rows = await db().activity.findMany({
    where: { seriesId: activity.seriesId, startsAt: { gte: activity.startsAt }, status: { not: "cancelled" } },
    select: { id: true },
    orderBy: { startsAt: "asc" },
  });
  return rows.map((row) => row.id);
}

/** Where the edited dates go (`rescheduleDates`); a time that one of them skips is the start time's error. */
function newStarts(edited: ZonedStart, input: ActivityInput, dates: ZonedStart[]) {
  try {
    return rescheduleDates(edited, { date: input.date, time: input.startTime, timeZone: input.timeZone }, dates);
  } catch (error) {
    asFieldError(error, "startTime");
  }
}

export async function updateActivity(actorId: string, activityId: string, raw: unknown, scope: EditScope) {
  const { activity } = await requireManageActivity(actorId, activityId);
  if (activity.status === "cancelled") throw ValidationFailed({ form: { key: "activities.errors.cancelled" } });
  const input = parseInput(ActivityInput, { ...(raw as object), repeat: "none" });
  // Moving an activity into a group is publishing in that group.
  if (input.groupId !== activity.groupId) await requirePublishIn(actorId, input.groupId);
  await checkReferences(input);
  const [edited] = occurrenceTimes(input);
  const ids = await targets(activity, scope);
  const rows = await db().activity.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      goingCount: true,
      mode: true,
      venue: true,
      municipalityCode: true,
      joinUrl: true,
    },
  });
  if (input.capacity !== null && rows.some((row) => row.goingCount > input.capacity!)) {
    const most = Math.max(...rows.map((row) => row.goingCount));
    throw ValidationFailed({ capacity: { key: "activities.errors.capacityBelowGoing", values: { count: most } } });
  }
  const duration = edited.endsAt.getTime() - edited.startsAt.getTime();
  const starts = newStarts(
    rows.find((row) => row.id === activityId)!,
    input,
    rows,
  );
  const promoted = await db().$transaction(async (tx) => {
    const notices = [];
    if (scope === "future" && activity.seriesId) {
      // The series' rule is that of its later dates, which now follow the new zone and time.
      await tx.activitySeries.update({ where: { id: activity.seriesId }, data: { timeZone: input.timeZone, startTime: input.startTime } });
    }
    for (const [index, row] of rows.entries()) {
      const startsAt = starts[index];
      const fields = { ...activityFields(input), startsAt, endsAt: new Date(startsAt.getTime() + duration) };
      await tx.activity.update({ where: { id: row.id }, data: { ...fields, ...localFacts(startsAt, input.timeZone) } });
      notices.push(...(await changeNotices(tx, row, fields)));
      // The cover's descriptions (decision 043) stay with the languages that are kept.
      const alts = new Map(
        (await tx.activityContent.findMany({ where: { activityId: row.id }, select: { locale: true, coverAlt: true } })).map((c) => [c.locale, c.coverAlt]),
      );
      await Promise.all([
        tx.activityContent.deleteMany({ where: { activityId: row.id } }),
        tx.activitySpokenLanguage.deleteMany({ where: { activityId: row.id } }),
        tx.activityTheme.deleteMany({ where: { activityId: row.id } }),
        tx.activityInterest.deleteMany({ where: { activityId: row.id } }),
      ]);
      await tx.activityContent.createMany({
        data: input.contents.map((content) => ({ activityId: row.id, ...content, coverAlt: alts.get(content.locale) ?? null })),
      });
      await tx.activitySpokenLanguage.createMany({ data: input.spokenLanguages.map((language) => ({ activityId: row.id, language })) });
      await tx.activityTheme.createMany({ data: input.themes.map((theme) => ({ activityId: row.id, theme })) });
      await tx.activityInterest.createMany({ data: input.interests.map((interest) => ({ activityId: row.id, interest })) });
      notices.push(...(await fillFreeSeats(tx, row.id)));
    }
    await announceToChannels(tx, "activity.changed", ids, rows);
    return recordNotifications(tx, notices);
  }, TRANSACTION);
  deliver(promoted);
  return { updated: ids.length };
}

/** Tells everyone going, waiting or asking when a published date's time, place or link changed (with a mail: notice-mail.server.ts). */
async function changeNotices(tx: Tx, before: Whereabouts & { id: string; status: string }, after: Whereabouts): Promise<PendingNotification[]> {
  const changes = changesOf(before, after);
  if (before.status !== "published" || changes.length === 0) return [];
  const signedUp = await tx.rsvp.findMany({ where: { activityId: before.id, status: { in: ["going", "waitlisted", "pending"] } }, select: { userId: true } });
  return signedUp.map(({ userId }) => ({ userId, kind: "activity-changed" as const, activityId: before.id, data: { changes: changes.join(",") } }));
}

export async function publishActivity(actorId: string, activityId: string, scope: EditScope) {
  const { activity } = await requireManageActivity(actorId, activityId);
  if (activity.status === "cancelled") throw ValidationFailed({ form: { key: "activities.errors.cancelled" } });
  // A draft made while the person held the right goes public only while they (still) hold it.
  await requirePublishIn(actorId, activity.groupId);
  const ids = await targets(activity, scope);
  await db().$transaction(async (tx) => {
    const drafts = (await tx.activity.findMany({ where: { id: { in: ids }, status: "draft" }, select: { id: true } })).map((row) => row.id);
    await tx.activity.updateMany({ where: { id: { in: drafts }, status: "draft" }, data: { status: "published", publishedAt: new Date() } });
    await announceToChannels(tx, "activity.published", drafts);
  }, TRANSACTION);
}

/** Cancels and tells everyone who was going, waiting or awaiting approval. */
export async function cancelActivity(actorId: string, activityId: string, scope: EditScope) {
  const { activity } = await requireManageActivity(actorId, activityId);
  if (activity.status === "cancelled") throw ValidationFailed({ form: { key: "activities.errors.alreadyCancelled" } });
  const ids = await targets(activity, scope);
  const rows = await db().$transaction(async (tx) => {
    await announceToChannels(tx, "activity.cancelled", ids);
    await tx.activity.updateMany({ where: { id: { in: ids } }, data: { status: "cancelled", cancelledAt: new Date() } });
    const affected = await tx.rsvp.findMany({
      where: { activityId: { in: ids }, status: { in: ["going", "waitlisted", "pending"] } },
      select: { userId: true, activityId: true },
    });
    for (const { userId, activityId: cancelledId } of affected) {
      const mail = (await prepareSignUpMail(userId, cancelledId, publicOrigin(), tx))("called-off", 0);
      if (mail) await enqueueMail(tx, mail);
    }
    return recordNotifications(
      tx,
      affected.map((rsvp) => ({ userId: rsvp.userId, kind: "activity-cancelled" as const, activityId: rsvp.activityId })),
    );
  }, TRANSACTION);
  deliver(rows);
  for (const id of ids) publishAccessChange({ kind: "room-closed", activityId: id });
  return { cancelled: ids.length, notified: rows.length };
}

/** A new draft with the same details one week later, outside any series. */
export async function duplicateActivity(actorId: string, activityId: string) {
  const { activity } = await requireManageActivity(actorId, activityId);
  // The copy is the actor's own new activity, in the same group.
  await requirePublishIn(actorId, activity.groupId);
  const source = await db().activity.findUniqueOrThrow({
    where: { id: activityId },
    include: { contents: true, spokenLanguages: true, themes: true, interests: true },
  });
  const id = randomUUID();
  const week = 7 * 24 * 3600_000;
  const { contents, spokenLanguages, themes, interests, id: _id, createdAt: _c, updatedAt: _u, publishedAt: _p, cancelledAt: _x, ...fields } = source;
  const startsAt = zonedDateTimeToUtc(
    utcToZonedParts(new Date(source.startsAt.getTime() + week), source.timeZone).date,
    utcToZonedParts(source.startsAt, source.timeZone).time,
    source.timeZone,
  );
  await db().activity.create({
    data: {
      ...fields,
      id,
      organiserId: actorId,
      status: "draft",
      seriesId: null,
      goingCount: 0,
      rsvpSequence: 0,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (source.endsAt.getTime() - source.startsAt.getTime())),
      ...localFacts(startsAt, source.timeZone),
      contents: { create: contents.map(({ activityId: _a, ...content }) => content) },
      spokenLanguages: { create: spokenLanguages.map(({ language }) => ({ language })) },
      themes: { create: themes.map(({ theme }) => ({ theme })) },
      interests: { create: interests.map(({ interest }) => ({ interest })) },
    },
  });
  return { id };
}

export async function messageGoing(actorId: string, activityId: string, raw: unknown) {
  await requireManageActivity(actorId, activityId);
  const text = typeof raw === "string" ? raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim() : "";
  if (!text) throw ValidationFailed({ message: { key: "validation.required" } });
  if (text.length > 1000) throw ValidationFailed({ message: { key: "validation.tooLong", values: { count: 1000 } } });
  const going = await db().rsvp.findMany({ where: { activityId, status: "going" }, select: { userId: true } });
  const rows = await db().$transaction((tx) =>
    recordNotifications(
      tx as unknown as Tx,
      going.map((rsvp) => ({ userId: rsvp.userId, kind: "organiser-message" as const, activityId, data: { message: text } })),
    ),
  );
  deliver(rows);
  return { sent: rows.length };
}

export async function requireActivity(activityId: string) {
  const activity = await db().activity.findUnique({ where: { id: activityId }, select: { id: true } });
  if (!activity) throw NotFound("activities.errors.notFound");
  return activity;
}
