import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createActivity } from "~/domain/activities/activities.server";
import { rsvp } from "~/domain/activities/rsvp.server";
import { register } from "~/domain/auth/accounts.server";
import { DomainError } from "~/domain/errors";
import { createGroup } from "~/domain/groups/groups.server";
import { askQuestion, postMessage, vote } from "~/domain/live/room.server";
import { sendMessage } from "~/domain/matching/chat.server";
import { createOffer, createRequest } from "~/domain/matching/offers.server";
import { updateProfile } from "~/domain/people/profile.server";
import { db } from "~/lib/db.server";
import { makePerson, publishedActivity } from "../support/factories";
import { useServer } from "../support/server";
import { socketFor } from "../support/sockets";

const target = useServer();

/** Malformed form input: wrong types, huge strings, markup, odd unicode, missing and extra fields. */
const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '\'; DROP TABLE "User"; --',
    "\u0000\u202e",
    "x".repeat(200_000),
    "GM0363",
    "nl",
    "on",
    "2026-02-30",
    "-1",
    "1e309",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
);
const hostileForm = (keys: string[]) =>
  fc.dictionary(fc.constantFrom(...keys, "__proto__", "constructor", "extra"), hostileValue, { maxKeys: keys.length + 2 });

async function counts() {
  const [users, activities, offers, requests, groups, messages, questions, chat] = await Promise.all([
    db().user.count(),
    db().activity.count(),
    db().buddyOffer.count(),
    db().buddyRequest.count(),
    db().group.count(),
    db().liveMessage.count(),
    db().question.count(),
    db().matchMessage.count(),
  ]);
  return { users, activities, offers, requests, groups, messages, questions, chat };
}

describe("random and malformed input", async () => {
  const organiser = await makePerson({ isOrganiser: true });
  const person = await makePerson();
  await db().user.update({ where: { id: person }, data: { isNewcomer: true, isVolunteer: true } });
  const activityId = await publishedActivity(organiser, {
    kind: "webinar",
    mode: "online",
    joinUrl: "https://meet.example.org/f",
    venue: "",
    municipalityCode: "",
  });
  await rsvp(person, activityId);
  await db().activity.update({ where: { id: activityId }, data: { startsAt: new Date(Date.now() - 60_000) } });

  const entryPoints: [string, string[], (input: unknown) => Promise<unknown>][] = [
    ["register", ["email", "password", "displayName", "locale", "isNewcomer"], (input) => register(input, "203.0.113.9")],
    [
      "profile",
      ["displayName", "locale", "municipalityCode", "languages", "levels", "interests", "sectors", "availability"],
      (input) => updateProfile(person, input),
    ],
    [
      "activity",
      ["kind", "contentLocales", "titles", "date", "startTime", "endTime", "timeZone", "mode", "capacity", "repeat", "repeatUntil", "joinUrl"],
      (input) => createActivity(organiser, input, { publish: true }),
    ],
    ["buddy offer", ["kind", "helpsWith", "sectors", "capacity", "commitment", "travelKm"], (input) => createOffer(person, input)],
    ["buddy request", ["kind", "targetLanguage", "targetLevel", "targetSector", "goals", "note"], (input) => createRequest(person, input)],
    ["group", ["name", "description", "interest", "municipalityCode"], (input) => createGroup(person, input)],
    ["live message", ["activityId", "body"], (input) => postMessage(person, input)],
    ["question", ["activityId", "body", "anonymous"], (input) => askQuestion(person, input)],
    ["vote", ["questionId"], (input) => vote(person, input)],
    ["buddy chat", ["matchId", "body"], (input) => sendMessage(person, input)],
  ];

  it.each(entryPoints)("%s answers with a typed error and changes nothing", async (_name, keys, call) => {
    await fc.assert(
      fc.asyncProperty(hostileForm(keys), async (input) => {
        const before = await counts();
        const error = await call(input).then(
          () => null,
          (e: unknown) => e,
        );
        // Valid input by chance would be fine too, but then something must have been created.
        if (error === null) return;
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).status).toBeGreaterThanOrEqual(400);
        expect((error as DomainError).status).toBeLessThan(500);
        expect(await counts()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it("socket events answer any payload with a typed acknowledgement and the server keeps going", async () => {
    const socket = await socketFor(target.url, person);
    const events = [
      "session:whoami",
      "live:join",
      "live:leave",
      "live:message",
      "live:ask",
      "live:vote",
      "live:moderate",
      "live:hide-message",
      "live:mute",
      "live:open",
      "match:send",
      "match:history",
    ];
    try {
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...events),
          // Frames over 16 KB close the connection by design (tested elsewhere); keep these below.
          fc
            .oneof(hostileValue, hostileForm(["activityId", "questionId", "body", "matchId", "action"]))
            .filter((value) => JSON.stringify(value ?? null).length < 12_000),
          async (event, payload) => {
            const answer = await socket.timeout(5000).emitWithAck(event, payload);
            expect(typeof answer.ok).toBe("boolean");
            if (!answer.ok) expect(answer.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
          },
        ),
        { numRuns: 150 },
      );
      expect((await counts()).messages).toBe(before.messages);
      expect((await socket.emitWithAck("session:whoami", {})).ok).toBe(true);
    } finally {
      socket.close();
    }
  });
});
