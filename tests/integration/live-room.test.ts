import { describe, expect, it } from "vitest";
import { closeFinishedSessions, GRACE_MS } from "~/domain/attendance/sessions.server";
import { db } from "~/lib/db.server";
import { makePerson } from "../support/factories";
import { webinarNow } from "../support/live-factories";
import { useServer } from "../support/server";
import { nextEvent, useSockets } from "../support/sockets";

const target = useServer();
const client = useSockets(target).as;

describe("live room", () => {
  it("lets in only people going and the organiser, and not after the end", async () => {
    const { organiser, activityId, attendees } = await webinarNow(1);
    const outsider = await makePerson();
    const denied = await (await client(outsider)).emitWithAck("live:join", { activityId });
    expect(denied).toMatchObject({ ok: false, error: { code: "not_allowed", messageKey: "live.errors.notGoing" } });
    expect((await (await client(attendees[0])).emitWithAck("live:join", { activityId })).ok).toBe(true);
    expect((await (await client(organiser)).emitWithAck("live:join", { activityId })).data.mayModerate).toBe(true);
    await db().activity.update({ where: { id: activityId }, data: { endsAt: new Date(Date.now() - 2 * 3600_000) } });
    const late = await (await client(attendees[0])).emitWithAck("live:join", { activityId });
    expect(late).toMatchObject({ ok: false, error: { messageKey: "live.errors.ended" } });
    const malformed = await (await client(attendees[0])).emitWithAck("live:join", { activityId: 42, extra: true });
    expect(malformed.error.code).toBe("validation");
  });

  it("records presence server-side and continues the same session after a short drop", async () => {
    const { activityId, attendees } = await webinarNow(1);
    const person = attendees[0];
    const first = await client(person);
    expect((await first.emitWithAck("live:join", { activityId })).ok).toBe(true);
    first.close();
    await expect.poll(async () => (await db().attendanceSession.findFirst({ where: { activityId, userId: person } }))?.disconnectedAt ?? null).not.toBeNull();

    const again = await client(person);
    await again.emitWithAck("live:join", { activityId });
    const sessions = await db().attendanceSession.findMany({ where: { activityId, userId: person } });
    expect(sessions).toHaveLength(1); // resumed, not a second session
    expect(sessions[0].disconnectedAt).toBeNull();

    again.close();
    await expect.poll(async () => (await db().attendanceSession.findFirstOrThrow({ where: { activityId, userId: person } })).disconnectedAt).not.toBeNull();
    await closeFinishedSessions(new Date(Date.now() + GRACE_MS + 1000));
    const closed = await db().attendanceSession.findFirstOrThrow({ where: { activityId, userId: person } });
    expect(closed.leftAt).toEqual(closed.disconnectedAt); // ends at the drop, not at the sweep

    const later = await client(person);
    await later.emitWithAck("live:join", { activityId });
    expect(await db().attendanceSession.count({ where: { activityId, userId: person } })).toBe(2);
  });

  it("closes sessions whose server stopped beating at their last heartbeat", async () => {
    const { activityId, attendees } = await webinarNow(1);
    await (await client(attendees[0])).emitWithAck("live:join", { activityId });
    const session = await db().attendanceSession.findFirstOrThrow({ where: { activityId } });
    const lastBeat = new Date(Date.now() - 5 * 60_000);
    await db().attendanceSession.update({ where: { id: session.id }, data: { lastSeenAt: lastBeat } });
    await closeFinishedSessions();
    expect((await db().attendanceSession.findUniqueOrThrow({ where: { id: session.id } })).leftAt).toEqual(lastBeat);
  });

  it("counts exactly 100 votes from 100 people voting at once, and refuses a second vote", async () => {
    const { activityId, attendees } = await webinarNow(100);
    const asker = await client(attendees[0]);
    await asker.emitWithAck("live:join", { activityId });
    const asked = await asker.emitWithAck("live:ask", { activityId, body: "Хто може допомогти з резюме?", anonymous: true });
    expect(asked.ok).toBe(true);
    const sockets = await Promise.all(attendees.map((userId) => client(userId)));
    await Promise.all(sockets.map((socket) => socket.emitWithAck("live:join", { activityId })));
    const answers = await Promise.all(sockets.map((socket) => socket.emitWithAck("live:vote", { questionId: asked.data.id })));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(100);
    const question = await db().question.findUniqueOrThrow({ where: { id: asked.data.id } });
    expect(question.voteCount).toBe(100);
    expect(await db().questionVote.count({ where: { questionId: question.id } })).toBe(100);
    const twice = await sockets[5].emitWithAck("live:vote", { questionId: asked.data.id });
    expect(twice).toMatchObject({ ok: false, error: { messageKey: "live.errors.alreadyVoted" } });
    expect((await db().question.findUniqueOrThrow({ where: { id: asked.data.id } })).voteCount).toBe(100);
  });

  it("keeps anonymous askers hidden from the audience but not from the organiser", async () => {
    const { organiser, activityId, attendees } = await webinarNow(2);
    const [asker, listener] = await Promise.all(attendees.map((id) => client(id)));
    const host = await client(organiser);
    for (const socket of [asker, listener, host]) await socket.emitWithAck("live:join", { activityId });
    const heard = nextEvent<{ name: string | null }>(listener, "live:question");
    await asker.emitWithAck("live:ask", { activityId, body: "Anonymous?", anonymous: true });
    expect((await heard).name).toBeNull();
    const snapshot = await host.emitWithAck("live:join", { activityId });
    expect(snapshot.data.questions[0].name).toBe("Person 1");
  });

  it("lets only the organiser moderate, and mutes a person for the session", async () => {
    const { organiser, activityId, attendees } = await webinarNow(2);
    const [speaker, listener] = await Promise.all(attendees.map((id) => client(id)));
    const host = await client(organiser);
    for (const socket of [speaker, listener, host]) await socket.emitWithAck("live:join", { activityId });
    const said = await speaker.emitWithAck("live:message", { activityId, body: "<img src=x onerror=alert(1)> https://spam.example" });
    expect(said.data.body).toBe("<img src=x onerror=alert(1)> https://spam.example"); // stored and sent as text
    expect((await listener.emitWithAck("live:hide-message", { messageId: said.data.id })).error.code).toBe("not_allowed");
    const hidden = nextEvent<{ messageId: string }>(listener, "live:message-hidden");
    expect((await host.emitWithAck("live:hide-message", { messageId: said.data.id })).ok).toBe(true);
    expect((await hidden).messageId).toBe(said.data.id);
    const asked = await speaker.emitWithAck("live:ask", { activityId, body: "Question", anonymous: false });
    expect((await listener.emitWithAck("live:moderate", { questionId: asked.data.id, action: "answer" })).error.code).toBe("not_allowed");
    expect((await host.emitWithAck("live:moderate", { questionId: asked.data.id, action: "answer" })).ok).toBe(true);
    expect((await db().question.findUniqueOrThrow({ where: { id: asked.data.id } })).answeredAt).not.toBeNull();
    expect((await host.emitWithAck("live:mute", { activityId, userId: attendees[0] })).ok).toBe(true);
    expect((await speaker.emitWithAck("live:message", { activityId, body: "still here" })).error.messageKey).toBe("live.errors.muted");
    expect(await db().liveMessage.count({ where: { activityId } })).toBe(1);
  });

  it("refuses floods and oversized messages with typed errors", async () => {
    const { activityId, attendees } = await webinarNow(1);
    const socket = await client(attendees[0]);
    await socket.emitWithAck("live:join", { activityId });
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await socket.emitWithAck("live:message", { activityId, body: `message ${i}` }));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results[6].error.code).toBe("rate_limited");
    const big = await socket.emitWithAck("live:ask", { activityId, body: "x".repeat(10_000) });
    expect(big.error.code).toBe("validation");
    expect(await db().liveMessage.count({ where: { activityId } })).toBe(5);
  });
});
