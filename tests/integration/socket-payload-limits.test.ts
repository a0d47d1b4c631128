import { describe, expect, it } from "vitest";
import { MessageInput } from "~/domain/matching/schemas.server";
import { LiveMessageInput, QuestionInput } from "~/domain/live/schemas.server";
import { MAX_SOCKET_PAYLOAD_BYTES } from "~/lib/realtime-limits";
import { buddyPair } from "../support/buddy-factories";
import { webinarNow } from "../support/live-factories";
import { useServer } from "../support/server";
import { useSockets } from "../support/sockets";

const target = useServer();
const client = useSockets(target).as;

/** Bytes of the frame Socket.IO sends for an event with an acknowledgement: `421["event",{…}]`. */
const frameBytes = (event: string, payload: unknown) => Buffer.byteLength(`421${JSON.stringify([event, payload])}`);

/**
 * The valid text that costs JSON most: one letter and as many control characters (each sent as
 * \u0001, six bytes; the schema strips them) as the schema's first length check lets through.
 */
function heaviestValidBody(accepts: (body: string) => boolean) {
  const body = (controls: number) => `a${"\u0001".repeat(controls)}`;
  let passes = 0;
  let fails = 1;
  while (accepts(body(fails))) [passes, fails] = [fails, fails * 2];
  while (fails - passes > 1) {
    const middle = Math.floor((passes + fails) / 2);
    if (accepts(body(middle))) passes = middle;
    else fails = middle;
  }
  return body(passes);
}

describe("socket payloads over a text limit", () => {
  it("a live-room message far over 500 characters (maxlength removed in the browser) gets a validation answer, and the socket stays connected", async () => {
    const { activityId, attendees } = await webinarNow(1);
    const socket = await client(attendees[0]);
    expect((await socket.emitWithAck("live:join", { activityId })).ok).toBe(true);
    const tooLong = "Привіт ".repeat(3000); // 21,000 characters, 39 kB as UTF-8: more than the old 16 KB frame limit
    const answer = await socket.timeout(5000).emitWithAck("live:message", { activityId, body: tooLong });
    expect(answer).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { body: expect.stringMatching(/\b500\b/) } } });
    expect(socket.connected).toBe(true);
    expect((await socket.timeout(5000).emitWithAck("live:message", { activityId, body: "Nu wel kort." })).ok).toBe(true);
  });

  it("a buddy chat message over the limit gets a validation answer in the sender's language, and the socket stays connected", async () => {
    const { matchId, newcomerId } = await buddyPair({ state: "active" });
    const socket = await client(newcomerId);
    const answer = await socket.timeout(5000).emitWithAck("match:send", { matchId, body: "ї".repeat(20_000) });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: "validation", fieldErrors: { body: expect.stringMatching(/2000.*[\u0400-\u04FF]|[\u0400-\u04FF].*2000/) } },
    });
    expect(socket.connected).toBe(true);
    expect((await socket.timeout(5000).emitWithAck("match:send", { matchId, body: "Привіт!" })).ok).toBe(true);
  });

  it("the frame limit is comfortably above the largest payload the schemas check, so the schema answers instead of the transport closing", () => {
    const id = "x".repeat(64);
    const largest = [
      frameBytes("match:send", { matchId: id, body: heaviestValidBody((body) => MessageInput.safeParse({ matchId: id, body }).success) }),
      frameBytes("live:message", { activityId: id, body: heaviestValidBody((body) => LiveMessageInput.safeParse({ activityId: id, body }).success) }),
      frameBytes("live:ask", {
        activityId: id,
        anonymous: true,
        body: heaviestValidBody((body) => QuestionInput.safeParse({ activityId: id, body, anonymous: true }).success),
      }),
    ];
    for (const bytes of largest) expect(bytes * 2).toBeLessThan(MAX_SOCKET_PAYLOAD_BYTES);
  });
});
