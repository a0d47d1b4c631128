import { Prisma } from "~/generated/prisma/client";
import { rawRows } from "~/lib/db.server";
import { asBool, asDate, type RawRow as Row } from "~/lib/raw-rows.server";
import { ROLE_FLAGS, type Actor, type RsvpFacts } from "../policy/rules";

/**
 * Everything the room's rules need about one person in one room, read in one statement: the
 * activity, the person (as the rules see them, and their name), their RSVP and whether they are
 * muted. A webinar's join storm and chat are this statement per person (decision 033), where they
 * were one Prisma query per fact; the decisions themselves stay in the policy (room.server.ts).
 */
export type RoomActivity = {
  id: string;
  organiserId: string;
  startsAt: Date;
  endsAt: Date;
  liveOpenedAt: Date | null;
  joinUrl: string | null;
  mode: string;
  status: string;
};
export type PersonInRoom = { activity: RoomActivity; actor: Actor | null; displayName: string; rsvp: RsvpFacts; muted: boolean };

const roleColumns = Prisma.raw(ROLE_FLAGS.map((flag) => `me."${flag}" AS "${flag}"`).join(", "));

/** The columns of a person in a room, aliased; `a` is the activity, `me`, `r` and `m` are joined by personJoins. */
export const personColumns = Prisma.sql`a."id" AS "activityId", a."organiserId", a."startsAt", a."endsAt", a."liveOpenedAt", a."joinUrl", a."mode", a."status",
  me."id" AS "actorId", me."displayName" AS "myName", ${roleColumns}, r."status" AS "rsvpStatus", m."userId" AS "mutedUserId"`;

export const personJoins = (userId: string) => Prisma.sql`LEFT JOIN "User" me ON me."id" = ${userId}
  LEFT JOIN "Rsvp" r ON r."activityId" = a."id" AND r."userId" = ${userId}
  LEFT JOIN "LiveMute" m ON m."activityId" = a."id" AND m."userId" = ${userId}`;

/** The person in the room from a row selected with personColumns. */
export function personFrom(row: Row): PersonInRoom {
  const actor = row.actorId ? ({ id: String(row.actorId), ...Object.fromEntries(ROLE_FLAGS.map((flag) => [flag, asBool(row[flag])])) } as Actor) : null;
  return {
    activity: {
      id: String(row.activityId),
      organiserId: String(row.organiserId),
      startsAt: asDate(row.startsAt)!,
      endsAt: asDate(row.endsAt)!,
      liveOpenedAt: asDate(row.liveOpenedAt),
      joinUrl: (row.joinUrl as string | null) ?? null,
      mode: String(row.mode),
      status: String(row.status),
    },
    actor,
    displayName: (row.myName as string | null) ?? "",
    rsvp: row.rsvpStatus ? { status: String(row.rsvpStatus) } : null,
    muted: Boolean(row.mutedUserId),
  };
}

/** The person in the room, in one statement; null when there is no such activity. */
export async function loadPerson(userId: string, activityId: string): Promise<PersonInRoom | null> {
  const rows = await rawRows(Prisma.sql`SELECT ${personColumns} FROM "Activity" a ${personJoins(userId)} WHERE a."id" = ${activityId}`);
  return rows.length === 0 ? null : personFrom(rows[0]);
}

/**
 * The person in the room and, in the same statement, the questions of this room they voted for:
 * one row per vote (at least one row, with a null question when they voted for none).
 */
export async function personInRoom(userId: string, activityId: string): Promise<{ person: PersonInRoom; votedFor: Set<string> } | null> {
  const rows = await rawRows(Prisma.sql`SELECT ${personColumns}, mv."questionId" AS "votedFor"
    FROM "Activity" a ${personJoins(userId)}
    LEFT JOIN (SELECT v."questionId" FROM "QuestionVote" v JOIN "Question" q ON q."id" = v."questionId" WHERE v."userId" = ${userId} AND q."activityId" = ${activityId}) mv ON 1 = 1
    WHERE a."id" = ${activityId}`);
  if (rows.length === 0) return null;
  return { person: personFrom(rows[0]), votedFor: new Set(rows.flatMap((row) => (row.votedFor ? [String(row.votedFor)] : []))) };
}

export type QuestionFacts = {
  id: string;
  activityId: string;
  userId: string;
  body: string;
  anonymous: boolean;
  voteCount: number;
  answeredAt: Date | null;
  pinnedAt: Date | null;
  hiddenAt: Date | null;
  createdAt: Date;
};

/** A question, who asked it (their name), and the person acting in its room, in one statement. */
export async function questionWithPerson(
  userId: string,
  questionId: string,
): Promise<{ question: QuestionFacts; askerName: string; person: PersonInRoom } | null> {
  const rows = await rawRows(Prisma.sql`SELECT ${personColumns}, q."id" AS "questionId", q."userId" AS "askerId", q."body", q."anonymous",
      q."voteCount", q."answeredAt", q."pinnedAt", q."hiddenAt", q."createdAt", asker."displayName" AS "askerName"
    FROM "Question" q JOIN "Activity" a ON a."id" = q."activityId" ${personJoins(userId)}
    LEFT JOIN "User" asker ON asker."id" = q."userId"
    WHERE q."id" = ${questionId}`);
  const row = rows[0];
  if (!row) return null;
  return {
    question: {
      id: String(row.questionId),
      activityId: String(row.activityId),
      userId: String(row.askerId),
      body: String(row.body),
      anonymous: asBool(row.anonymous),
      voteCount: Number(row.voteCount),
      answeredAt: asDate(row.answeredAt),
      pinnedAt: asDate(row.pinnedAt),
      hiddenAt: asDate(row.hiddenAt),
      createdAt: asDate(row.createdAt)!,
    },
    askerName: (row.askerName as string | null) ?? "",
    person: personFrom(row),
  };
}
