import { describe, expect, it } from "vitest";
import { presentCount, recordJoin, recordLeave } from "~/domain/attendance/sessions.server";
import { askQuestion, mutePerson, postMessage, vote } from "~/domain/live/room.server";
import { db, statementsDuring } from "~/lib/db.server";
import { webinarNow } from "../support/live-factories";

/**
 * The statement budgets of the two things a big webinar does most (decision 033): what they
 * cost in a storm is this count times the number of people, so it is held here rather than only
 * seen as a trend in the benchmark.
 */
describe("live room statement budgets", () => {
  it("posts a chat message in at most two statements, and still refuses muted people", async () => {
    const { organiser, activityId, attendees } = await webinarNow(2);
    await postMessage(attendees[0], { activityId, body: "warm-up" }); // first use builds limiters and clients
    const { result, statements } = await statementsDuring(() => postMessage(attendees[0], { activityId, body: "Hallo allemaal" }));
    expect(result).toMatchObject({ body: "Hallo allemaal", name: "Person 1", hidden: false });
    expect(statements).toBeLessThanOrEqual(2);
    expect(await db().liveMessage.count({ where: { activityId } })).toBe(2);

    await mutePerson(organiser, { activityId, userId: attendees[1] });
    await expect(postMessage(attendees[1], { activityId, body: "muted?" })).rejects.toMatchObject({ messageKey: "live.errors.muted" });
  });

  it("counts a vote in at most two statements, exactly once per person", async () => {
    const { activityId, attendees } = await webinarNow(3);
    const asked = await askQuestion(attendees[0], { activityId, body: "Wie helpt met mijn cv?", anonymous: false });
    await vote(attendees[2], { questionId: asked.id }); // warm-up
    const { result, statements } = await statementsDuring(() => vote(attendees[1], { questionId: asked.id }));
    expect(result).toEqual({ questionId: asked.id, votes: 2 });
    expect(statements).toBeLessThanOrEqual(2);
    const again = await statementsDuring(() => vote(attendees[1], { questionId: asked.id }).catch((error: unknown) => error));
    expect(again.result).toMatchObject({ messageKey: "live.errors.alreadyVoted" });
    expect(again.statements).toBeLessThanOrEqual(2);
    expect((await db().question.findUniqueOrThrow({ where: { id: asked.id } })).voteCount).toBe(2);
    expect(await db().questionVote.count({ where: { questionId: asked.id } })).toBe(2);
  });

  it("gives simultaneous votes the counts 1 to n, each once", async () => {
    const { activityId, attendees } = await webinarNow(30);
    const asked = await askQuestion(attendees[0], { activityId, body: "Simultaneous?", anonymous: true });
    const answers = await Promise.all(attendees.map((userId) => vote(userId, { questionId: asked.id })));
    expect(answers.map((answer) => answer.votes).sort((a, b) => a - b)).toEqual(attendees.map((_, i) => i + 1));
    expect((await db().question.findUniqueOrThrow({ where: { id: asked.id } })).voteCount).toBe(30);
  });

  it("records simultaneous joins together: one look-up and one insert, one session per person", async () => {
    const { activityId, attendees } = await webinarNow(50);
    const { result, statements } = await statementsDuring(() => Promise.all([...attendees, attendees[0]].map((userId) => recordJoin(activityId, userId))));
    expect(statements).toBe(2);
    expect(result.at(-1)).toEqual({ sessionId: result[0].sessionId, resumed: true }); // a second tab continues the first
    expect(await db().attendanceSession.count({ where: { activityId } })).toBe(50);
    const again = await recordJoin(activityId, attendees[1]);
    expect(again).toEqual({ sessionId: result[1].sessionId, resumed: true });
    expect(await presentCount(activityId)).toBe(50);
    await recordLeave(activityId, attendees[2]);
    expect(await presentCount(activityId)).toBe(49);
  });
});
