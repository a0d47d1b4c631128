import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { publishToUser } from "~/lib/live-events.server";
import { hit, RULES } from "~/lib/rate-limit.server";
import { parseInput } from "~/lib/validation.server";
import { DomainError, NotAllowed, NotFound } from "../errors";
import { loadActor } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { deliver, recordNotifications } from "../notifications/notifications.server";
import { publishToRoom } from "./room-events.server";
import { LiveMessageInput, MessageRef, MuteInput, QuestionInput, QuestionModeration, QuestionRef } from "./schemas.server";

const refuse = (key: string) => new DomainError("conflict", key);
/** People may stay in the room a little after the planned end, for the last questions. */
const LATE_MINUTES = 60;
const HISTORY = 50;

type Access = {
  activity: { id: string; organiserId: string; startsAt: Date; endsAt: Date; liveOpenedAt: Date | null; joinUrl: string | null; mode: string; status: string };
  mayModerate: boolean;
};

/** Who may be in the room: people going, and the room's moderators (see the policy). */
export async function roomAccess(userId: string, activityId: string, now = new Date()): Promise<Access> {
  const [activity, actor, rsvp] = await Promise.all([
    db().activity.findUnique({
      where: { id: activityId },
      select: { id: true, organiserId: true, startsAt: true, endsAt: true, liveOpenedAt: true, joinUrl: true, mode: true, status: true },
    }),
    loadActor(userId),
    db().rsvp.findUnique({ where: { activityId_userId: { activityId, userId } }, select: { status: true } }),
  ]);
  if (!activity || activity.status === "draft") throw NotFound("activities.errors.notFound");
  const mayModerate = policy.canModerateRoom(actor, activity);
  if (activity.mode === "in-person") throw refuse("live.errors.notOnline");
  if (activity.status === "cancelled") throw refuse("activities.errors.cancelled");
  if (now.getTime() > activity.endsAt.getTime() + LATE_MINUTES * 60_000) throw refuse("live.errors.ended");
  if (!policy.canEnterLiveRoom(actor, activity, rsvp)) throw NotAllowed("live.errors.notGoing");
  return { activity, mayModerate };
}

async function requireRoomOrganiser(userId: string, activityId: string) {
  const access = await roomAccess(userId, activityId);
  if (!access.mayModerate) throw NotAllowed("live.errors.organiserOnly");
  return access;
}

/** What someone entering the room sees: recent chat, the questions, and who asked (when allowed). */
export async function roomSnapshot(userId: string, activityId: string) {
  const { activity, mayModerate } = await roomAccess(userId, activityId);
  const [messages, questions, myVotes, muted] = await Promise.all([
    db().liveMessage.findMany({
      where: { activityId, ...(mayModerate ? {} : { hiddenAt: null }) },
      orderBy: { createdAt: "desc" },
      take: HISTORY,
    }),
    db().question.findMany({ where: { activityId, ...(mayModerate ? {} : { hiddenAt: null }) }, orderBy: [{ createdAt: "asc" }], take: 500 }),
    db().questionVote.findMany({ where: { userId, question: { activityId } }, select: { questionId: true } }),
    db().liveMute.findUnique({ where: { activityId_userId: { activityId, userId } } }),
  ]);
  const names = await displayNames([...messages.map((m) => m.userId), ...questions.map((q) => q.userId)]);
  const voted = new Set(myVotes.map((vote) => vote.questionId));
  return {
    activityId,
    mayModerate,
    opened: activity.liveOpenedAt !== null,
    streamUrl: activity.joinUrl,
    muted: Boolean(muted),
    messages: messages.reverse().map((message) => messageView(message, names)),
    questions: questions.map((question) => ({ ...questionView(question, names, mayModerate, userId), voted: voted.has(question.id) })),
  };
}
export type RoomSnapshot = Awaited<ReturnType<typeof roomSnapshot>>;

async function displayNames(ids: string[]) {
  const users = await db().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
  return new Map(users.map((user) => [user.id, user.displayName]));
}

function messageView(message: { id: string; userId: string; body: string; createdAt: Date; hiddenAt: Date | null }, names: Map<string, string>) {
  return {
    id: message.id,
    userId: message.userId,
    name: names.get(message.userId) ?? "",
    body: message.body,
    createdAt: message.createdAt.toISOString(),
    hidden: message.hiddenAt !== null,
  };
}

type QuestionRow = {
  id: string;
  userId: string;
  body: string;
  anonymous: boolean;
  voteCount: number;
  answeredAt: Date | null;
  pinnedAt: Date | null;
  hiddenAt: Date | null;
  createdAt: Date;
};

/** An anonymous question hides its author from the audience, never from the organiser. */
function questionView(question: QuestionRow, names: Map<string, string>, forOrganiser: boolean, viewerId?: string) {
  const showName = !question.anonymous || forOrganiser || question.userId === viewerId;
  return {
    id: question.id,
    body: question.body,
    name: showName ? (names.get(question.userId) ?? "") : null,
    anonymous: question.anonymous,
    votes: question.voteCount,
    answered: question.answeredAt !== null,
    pinned: question.pinnedAt !== null,
    hidden: question.hiddenAt !== null,
    createdAt: question.createdAt.toISOString(),
  };
}
export type QuestionView = ReturnType<typeof questionView> & { voted?: boolean };

/** The organiser opens the room: everyone going is told, live when they are online. */
export async function openRoom(userId: string, activityId: string, now = new Date()) {
  const { activity } = await requireRoomOrganiser(userId, activityId);
  if (activity.liveOpenedAt) return;
  const going = await db().rsvp.findMany({ where: { activityId, status: "going" }, select: { userId: true } });
  const rows = await db().$transaction(async (tx) => {
    await tx.activity.update({ where: { id: activityId }, data: { liveOpenedAt: now } });
    return recordNotifications(
      tx,
      going.map((rsvp) => ({ userId: rsvp.userId, kind: "live-opened" as const, activityId })),
    );
  });
  deliver(rows);
  publishToRoom(activityId, "live:opened", { activityId });
}

export async function postMessage(userId: string, raw: unknown) {
  const { activityId, body } = parseInput(LiveMessageInput, raw);
  await roomAccess(userId, activityId);
  if (await db().liveMute.findUnique({ where: { activityId_userId: { activityId, userId } } })) throw NotAllowed("live.errors.muted");
  await hit(RULES.liveChatPerPerson, userId);
  const row = await db().liveMessage.create({ data: { id: randomUUID(), activityId, userId, body } });
  const message = messageView(row, await displayNames([userId]));
  publishToRoom(activityId, "live:message", message);
  return message;
}

export async function hideMessage(userId: string, raw: unknown) {
  const { messageId } = parseInput(MessageRef, raw);
  const message = await db().liveMessage.findUnique({ where: { id: messageId } });
  if (!message) throw NotFound("live.errors.notFound");
  await requireRoomOrganiser(userId, message.activityId);
  await db().liveMessage.update({ where: { id: messageId }, data: { hiddenAt: new Date(), hiddenBy: userId } });
  publishToRoom(message.activityId, "live:message-hidden", { messageId });
  return { messageId };
}

export async function mutePerson(userId: string, raw: unknown) {
  const input = parseInput(MuteInput, raw);
  await requireRoomOrganiser(userId, input.activityId);
  if (input.userId === userId) throw refuse("live.errors.muteSelf");
  await db().liveMute.upsert({
    where: { activityId_userId: { activityId: input.activityId, userId: input.userId } },
    create: { activityId: input.activityId, userId: input.userId, mutedBy: userId },
    update: {},
  });
  publishToUser(input.userId, "live:muted", { activityId: input.activityId });
  return { muted: input.userId };
}

export async function askQuestion(userId: string, raw: unknown) {
  const { activityId, body, anonymous } = parseInput(QuestionInput, raw);
  await roomAccess(userId, activityId);
  if (await db().liveMute.findUnique({ where: { activityId_userId: { activityId, userId } } })) throw NotAllowed("live.errors.muted");
  await hit(RULES.questionsPerPerson, userId);
  const row = await db().question.create({ data: { id: randomUUID(), activityId, userId, body, anonymous } });
  await broadcastQuestion(row);
  return questionView(row, await displayNames([userId]), false, userId);
}

/** One vote per person per question; the count is kept in the row, in the same transaction. */
export async function vote(userId: string, raw: unknown) {
  const { questionId } = parseInput(QuestionRef, raw);
  const question = await db().question.findUnique({ where: { id: questionId } });
  if (!question || question.hiddenAt) throw NotFound("live.errors.notFound");
  await roomAccess(userId, question.activityId);
  try {
    const updated = await db().$transaction(
      async (tx) => {
        await tx.questionVote.create({ data: { questionId, userId } });
        return tx.question.update({ where: { id: questionId }, data: { voteCount: { increment: 1 } } });
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
    await broadcastQuestion(updated);
    return { questionId, votes: updated.voteCount };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw refuse("live.errors.alreadyVoted");
    throw error;
  }
}

export async function moderateQuestion(userId: string, raw: unknown) {
  const { questionId, action } = parseInput(QuestionModeration, raw);
  const question = await db().question.findUnique({ where: { id: questionId } });
  if (!question) throw NotFound("live.errors.notFound");
  await requireRoomOrganiser(userId, question.activityId);
  const now = new Date();
  const data =
    action === "answer"
      ? { answeredAt: now }
      : action === "pin"
        ? { pinnedAt: now }
        : action === "unpin"
          ? { pinnedAt: null }
          : action === "hide"
            ? { hiddenAt: now }
            : { answeredAt: null, hiddenAt: null };
  const updated = await db().question.update({ where: { id: questionId }, data });
  await broadcastQuestion(updated);
  return { questionId, action };
}

/** The audience gets the view without anonymous names; the organiser gets it with them. */
async function broadcastQuestion(row: QuestionRow & { activityId: string }) {
  const names = await displayNames([row.userId]);
  publishToRoom(row.activityId, "live:question", questionView(row, names, false));
  if (row.anonymous) {
    const activity = await db().activity.findUnique({ where: { id: row.activityId }, select: { organiserId: true } });
    if (activity) publishToUser(activity.organiserId, "live:question", questionView(row, names, true));
  }
}
