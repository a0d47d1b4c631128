import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { publishToUser } from "~/lib/live-events.server";
import { hit, RULES } from "~/lib/rate-limit.server";
import { parseInput } from "~/lib/validation.server";
import { DomainError, NotAllowed, NotFound } from "../errors";
import { policy } from "../policy/rules";
import { deliver, recordNotifications } from "../notifications/notifications.server";
import { loadPerson, personInRoom, questionWithPerson, type PersonInRoom, type QuestionFacts, type RoomActivity } from "./room-facts.server";
import { publishToRoom } from "./room-events.server";
import { sharedView } from "./room-view.server";
import { castVote } from "./votes.server";
import { LiveMessageInput, MessageRef, MuteInput, QuestionInput, QuestionModeration, QuestionRef } from "./schemas.server";

const refuse = (key: string) => new DomainError("conflict", key);
/** People may stay in the room a little after the planned end, for the last questions. */
const LATE_MINUTES = 60;
const HISTORY = 50;

type Access = {
  activity: RoomActivity;
  mayModerate: boolean;
  muted: boolean;
  /** The person's own display name, for what they post. */
  displayName: string;
};

/** Who may be in the room: people going, and the room's moderators (see the policy). */
function admit(person: PersonInRoom | null, now: Date): Access {
  const activity = person?.activity;
  if (!person || !activity || activity.status === "draft") throw NotFound("activities.errors.notFound");
  const mayModerate = policy.canModerateRoom(person.actor, activity);
  if (activity.mode === "in-person") throw refuse("live.errors.notOnline");
  if (activity.status === "cancelled") throw refuse("activities.errors.cancelled");
  if (now.getTime() > activity.endsAt.getTime() + LATE_MINUTES * 60_000) throw refuse("live.errors.ended");
  if (!policy.canEnterLiveRoom(person.actor, activity, person.rsvp)) throw NotAllowed("live.errors.notGoing");
  return { activity, mayModerate, muted: person.muted, displayName: person.displayName };
}

/** Who may be in the room, read in one statement (room-facts.server.ts). */
export async function roomAccess(userId: string, activityId: string, now = new Date()): Promise<Access> {
  return admit(await loadPerson(userId, activityId), now);
}

async function requireRoomOrganiser(userId: string, activityId: string) {
  const access = await roomAccess(userId, activityId);
  if (!access.mayModerate) throw NotAllowed("live.errors.organiserOnly");
  return access;
}

/** Speaking (chat, questions) needs the room and not being muted in it. */
function requireVoice(access: Access) {
  if (access.muted) throw NotAllowed("live.errors.muted");
  return access;
}

/**
 * What someone entering the room sees: recent chat, the questions, and who asked (when allowed).
 * The person's own parts (their votes, muted, may moderate) are one statement; the rest is the
 * room's shared view for their audience (room-view.server.ts), the same object for everyone.
 */
export async function roomSnapshot(userId: string, activityId: string, now = new Date()) {
  const found = await personInRoom(userId, activityId);
  const { activity, mayModerate, muted, displayName } = admit(found?.person ?? null, now);
  const shared = await sharedView(activityId, mayModerate, () => readRoomView(activityId, mayModerate));
  const voted = found!.votedFor;
  return {
    activityId,
    mayModerate,
    opened: activity.liveOpenedAt !== null,
    streamUrl: activity.joinUrl,
    muted,
    messages: shared.messages,
    questions: shared.questions.map(({ view, askerId }) => ({
      ...view,
      // The audience's view leaves anonymous names out; the asker still sees their own.
      name: view.name ?? (askerId === userId ? displayName : null),
      voted: voted.has(view.id),
    })),
  };
}
export type RoomSnapshot = Awaited<ReturnType<typeof roomSnapshot>>;

/** The room as its audience (or its moderators, who also see what is hidden and who asked) sees it. */
async function readRoomView(activityId: string, moderator: boolean) {
  const [messages, questions] = await Promise.all([
    db().liveMessage.findMany({
      where: { activityId, ...(moderator ? {} : { hiddenAt: null }) },
      orderBy: { createdAt: "desc" },
      take: HISTORY,
    }),
    db().question.findMany({ where: { activityId, ...(moderator ? {} : { hiddenAt: null }) }, orderBy: [{ createdAt: "asc" }], take: 500 }),
  ]);
  const names = await displayNames([...messages.map((m) => m.userId), ...questions.map((q) => q.userId)]);
  // Shared by every joiner of the next second: frozen, so that nobody changes it for the others.
  return Object.freeze({
    messages: Object.freeze(messages.reverse().map((message) => Object.freeze(messageView(message, names)))),
    questions: questions.map((question) => ({ view: questionView(question, names, moderator), askerId: question.userId })),
  });
}

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

type QuestionRow = Omit<QuestionFacts, "activityId">;

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

/** Two statements: the person in the room (with their name and mute), and the message. */
export async function postMessage(userId: string, raw: unknown) {
  const { activityId, body } = parseInput(LiveMessageInput, raw);
  const { displayName } = requireVoice(await roomAccess(userId, activityId));
  await hit(RULES.liveChatPerPerson, userId);
  const row = await db().liveMessage.create({ data: { id: randomUUID(), activityId, userId, body } });
  const message = messageView(row, new Map([[userId, displayName]]));
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
  const { activity, displayName } = requireVoice(await roomAccess(userId, activityId));
  await hit(RULES.questionsPerPerson, userId);
  const row = await db().question.create({ data: { id: randomUUID(), activityId, userId, body, anonymous } });
  const names = new Map([[userId, displayName]]);
  broadcastQuestion(row, names, activity.organiserId);
  return questionView(row, names, false, userId);
}

/**
 * One vote per person per question, in two statements: the question with the person in its room,
 * and the vote with its count (votes.server.ts). The unique (question, person) row refuses a second.
 */
export async function vote(userId: string, raw: unknown) {
  const { questionId } = parseInput(QuestionRef, raw);
  const found = await questionWithPerson(userId, questionId);
  if (!found || found.question.hiddenAt) throw NotFound("live.errors.notFound");
  const { activity } = admit(found.person, new Date());
  const votes = await castVote(questionId, userId);
  if (votes === null) throw refuse("live.errors.alreadyVoted");
  broadcastQuestion({ ...found.question, voteCount: votes }, new Map([[found.question.userId, found.askerName]]), activity.organiserId);
  return { questionId, votes };
}

export async function moderateQuestion(userId: string, raw: unknown) {
  const { questionId, action } = parseInput(QuestionModeration, raw);
  const question = await db().question.findUnique({ where: { id: questionId } });
  if (!question) throw NotFound("live.errors.notFound");
  const { activity } = await requireRoomOrganiser(userId, question.activityId);
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
  broadcastQuestion(updated, await displayNames([updated.userId]), activity.organiserId);
  return { questionId, action };
}

/** The audience gets the view without anonymous names; the organiser gets it with them. */
function broadcastQuestion(row: QuestionRow & { activityId: string }, names: Map<string, string>, organiserId: string) {
  publishToRoom(row.activityId, "live:question", questionView(row, names, false));
  if (row.anonymous) publishToUser(organiserId, "live:question", questionView(row, names, true));
}
