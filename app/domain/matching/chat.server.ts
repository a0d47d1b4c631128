import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { publishToUser } from "~/lib/live-events.server";
import { hit, RULES } from "~/lib/rate-limit.server";
import { parseInput } from "~/lib/validation.server";
import { DomainError, NotFound } from "../errors";
import { allow } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { MessageInput } from "./schemas.server";

/** Only the two people of an active match talk in its chat. */
async function activeMatchOf(userId: string, matchId: string) {
  const match = await db().buddyMatch.findUnique({ where: { id: matchId }, select: { id: true, status: true, newcomerId: true, volunteerId: true } });
  if (!match) throw NotFound("buddies.errors.notFound");
  allow(policy.isMatchParty({ id: userId }, match), "buddies.errors.notYourMatch");
  return match;
}

export type ChatMessage = { id: string; matchId: string; senderId: string; body: string; createdAt: string };

export async function sendMessage(userId: string, raw: unknown): Promise<ChatMessage> {
  const { matchId, body } = parseInput(MessageInput, raw);
  const match = await activeMatchOf(userId, matchId);
  if (match.status !== "active") throw new DomainError("conflict", "buddies.errors.chatClosed");
  await hit(RULES.chatPerPerson, userId);
  const row = await db().matchMessage.create({ data: { id: randomUUID(), matchId, senderId: userId, body } });
  await markRead(userId, matchId);
  const message = { id: row.id, matchId, senderId: userId, body: row.body, createdAt: row.createdAt.toISOString() };
  for (const person of [match.newcomerId, match.volunteerId]) publishToUser(person, "match:message", message);
  return message;
}

/** The latest messages, oldest first, for the chat window and for late joiners. */
export async function listMessages(userId: string, matchId: string, limit = 100): Promise<ChatMessage[]> {
  const match = await activeMatchOf(userId, matchId);
  if (match.status !== "active" && match.status !== "ended") throw new DomainError("conflict", "buddies.errors.chatClosed");
  const [rows] = await Promise.all([
    db().matchMessage.findMany({ where: { matchId }, orderBy: { createdAt: "desc" }, take: Math.min(limit, 200) }),
    markRead(userId, matchId),
  ]);
  return rows.reverse().map((row) => ({ id: row.id, matchId, senderId: row.senderId, body: row.body, createdAt: row.createdAt.toISOString() }));
}

/**
 * The read marker: whoever opens the chat (or writes in it) has seen it up to now. One column per
 * side; the update that does not name the reader's side changes no row.
 */
async function markRead(userId: string, matchId: string, now = new Date()) {
  await Promise.all([
    db().buddyMatch.updateMany({ where: { id: matchId, newcomerId: userId }, data: { newcomerReadAt: now } }),
    db().buddyMatch.updateMany({ where: { id: matchId, volunteerId: userId }, data: { volunteerReadAt: now } }),
  ]);
}
