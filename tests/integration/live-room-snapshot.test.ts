import { describe, expect, it } from "vitest";
import { askQuestion, hideMessage, mutePerson, postMessage, roomSnapshot, vote } from "~/domain/live/room.server";
import { statementsDuring } from "~/lib/db.server";
import { webinarNow } from "../support/live-factories";

/**
 * A join storm shares one view of the room (chat, questions) per room and per second, and reads
 * only each person's own parts per person (decision 033).
 */
describe("live room snapshot in a join storm", () => {
  it("gives many joiners within a second one shared view, each with their own votes, mute and rights", async () => {
    const joiners = 20;
    const { organiser, activityId, attendees } = await webinarNow(joiners);
    const [voter, muted, asker] = attendees;
    const open = await postMessage(organiser, { activityId, body: "Welkom" });
    const rude = await postMessage(muted, { activityId, body: "spam" });
    await hideMessage(organiser, { messageId: rude.id });
    await mutePerson(organiser, { activityId, userId: muted });
    const question = await askQuestion(asker, { activityId, body: "Anoniem?", anonymous: true });
    await vote(voter, { questionId: question.id });

    const { result: snapshots, statements } = await statementsDuring(() =>
      Promise.all([organiser, ...attendees].map((userId) => roomSnapshot(userId, activityId))),
    );
    const [host, ...audience] = snapshots;
    const mine = (userId: (typeof attendees)[number]) => audience[attendees.indexOf(userId)];

    // One statement per person, and the two shared views (audience, moderator) once each.
    expect(statements).toBeLessThanOrEqual(joiners + 1 + 2 * 3);
    for (const snapshot of audience) expect(snapshot.messages).toBe(audience[0].messages);
    expect(audience[0].messages.map((message) => message.id)).toEqual([open.id]);
    expect(host.messages.map((message) => [message.id, message.hidden])).toEqual([
      [open.id, false],
      [rude.id, true],
    ]);
    expect(host.mayModerate).toBe(true);
    expect(audience.every((snapshot) => !snapshot.mayModerate)).toBe(true);

    expect(audience.filter((snapshot) => snapshot.muted)).toEqual([mine(muted)]);
    expect(audience.filter((snapshot) => snapshot.questions[0].voted)).toEqual([mine(voter)]);
    expect(audience.every((snapshot) => snapshot.questions[0].votes === 1)).toBe(true);
    // An anonymous question shows its author to the organiser and to the author, to nobody else.
    expect(host.questions[0].name).toBe("Person 3");
    expect(mine(asker).questions[0].name).toBe("Person 3");
    expect(audience.filter((snapshot) => snapshot.questions[0].name !== null)).toEqual([mine(asker)]);
  });

  it("shows a message hidden a moment ago to nobody who joins afterwards but the organiser", async () => {
    const { organiser, activityId, attendees } = await webinarNow(2);
    const said = await postMessage(attendees[0], { activityId, body: "eerst" });
    expect((await roomSnapshot(attendees[1], activityId)).messages.map((m) => m.id)).toEqual([said.id]);
    await hideMessage(organiser, { messageId: said.id });
    expect((await roomSnapshot(attendees[1], activityId)).messages).toEqual([]);
    expect((await roomSnapshot(organiser, activityId)).messages.map((m) => m.hidden)).toEqual([true]);
    const next = await postMessage(attendees[0], { activityId, body: "daarna" });
    expect((await roomSnapshot(attendees[1], activityId)).messages.map((m) => m.id)).toEqual([next.id]);
  });
});
