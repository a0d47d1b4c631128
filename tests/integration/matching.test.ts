import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listMessages, sendMessage } from "~/domain/matching/chat.server";
import { checkIn, endMatch, expireProposals, reportPerson, respond, runMatching, sendProposals } from "~/domain/matching/matches.server";
import { createOffer, createRequest, verifyVolunteer, withdrawRequest } from "~/domain/matching/offers.server";
import { buddyOverview, matchForViewer } from "~/domain/matching/views.server";
import { DomainError } from "~/domain/errors";
import { updateProfile } from "~/domain/people/profile.server";
import { db } from "~/lib/db.server";
import { refusal } from "../support/refusal";
import { makePerson } from "../support/factories";

/** Each test works in its own municipality so that runs do not see each other's people. */
const PLACES = ["GM0050", "GM0184", "GM0088", "GM0096", "GM0093", "GM0060", "GM0277", "GM0765"];
let placeIndex = 0;
const nextPlace = () => PLACES[placeIndex++];

async function newcomerIn(place: string, extra: Record<string, unknown> = {}) {
  const id = await makePerson();
  await db().user.update({ where: { id }, data: { isNewcomer: true } });
  await updateProfile(id, {
    displayName: "Olena",
    locale: "uk",
    isNewcomer: "on",
    municipalityCode: place,
    languages: ["uk", "en"],
    levels: ["native", "B1"],
    interests: ["cycling", "it"],
    sectors: ["it"],
    availability: ["2-evening", "6-morning"],
    ...extra,
  });
  return id;
}

async function volunteerIn(place: string, extra: Record<string, unknown> = {}) {
  const id = await makePerson();
  await updateProfile(id, {
    displayName: "Sanne",
    locale: "nl",
    isVolunteer: "on",
    municipalityCode: place,
    languages: ["nl", "en"],
    levels: ["native", "C1"],
    interests: ["cycling"],
    sectors: ["it"],
    availability: ["2-evening"],
    ...extra,
  });
  return id;
}

// In person only, so that each test meets only the people of its own municipality.
const languageOffer = { kind: "language", helpsWith: ["nl"], sectors: [], capacity: "1", commitment: "1h-week-3-months", travelKm: "15", onlineOk: "" };
const languageRequest = { kind: "language", targetLanguage: "nl", targetLevel: "A2", goals: [], onlineOk: "", note: "" };

async function setUp(options: { verified?: boolean } = {}) {
  const place = nextPlace();
  const organiser = await makePerson({ isOrganiser: true });
  const newcomer = await newcomerIn(place);
  const volunteer = await volunteerIn(place);
  await createOffer(volunteer, languageOffer);
  await createRequest(newcomer, languageRequest);
  if (options.verified !== false) await verifyVolunteer(organiser, volunteer, "2026-11-01");
  return { place, organiser, newcomer, volunteer };
}

async function proposalFor(newcomer: string) {
  return db().buddyMatch.findFirstOrThrow({ where: { newcomerId: newcomer }, orderBy: { proposedAt: "desc" } });
}

describe("buddy matching lifecycle", () => {
  it("proposes after review, opens contact and chat only when both accept, and never proposes an ended pair again", async () => {
    const { place, organiser, newcomer, volunteer } = await setUp({ verified: false });
    // Finding 10.9: "0 of 1 matched" came without the reason; the run now names it.
    expect(await runMatching(organiser, { municipalityCode: place, autoSend: false })).toMatchObject({ matched: 0, unmatched: { notVerified: 1 } });
    await verifyVolunteer(organiser, volunteer, "2026-11-01");
    const run = await runMatching(organiser, { municipalityCode: place, autoSend: false });
    expect(run).toMatchObject({ requests: 1, matched: 1, unmatched: {} });
    const proposal = await proposalFor(newcomer);
    expect(proposal.sentAt).toBeNull();
    expect((await buddyOverview(newcomer)).proposals).toHaveLength(0); // still under review
    expect((await refusal(respond(newcomer, proposal.id, "accept"))).code).toBe("not_found");

    await sendProposals(organiser, [proposal.id]);
    const seen = await matchForViewer(newcomer, proposal.id);
    expect(seen.other).toEqual({ displayName: "Sanne", municipality: expect.any(String), languages: expect.any(Array), interests: ["cycling"], avatar: null }); // an avatar, when there is one, is seen where the name is (decision 048)
    expect(seen.contact).toBeNull();
    expect(JSON.stringify(seen)).not.toContain("@example.nl");
    expect(seen.explanation).toMatchObject({ sharedInterests: ["cycling"], practise: "nl", commonLanguages: expect.arrayContaining(["en"]) });

    const stranger = await makePerson();
    expect((await refusal(respond(stranger, proposal.id, "accept"))).code).toBe("not_allowed");
    // What each answer led to decides what the page says (finding 10.9: "when the other person also agrees" after both had).
    expect(await respond(volunteer, proposal.id, "accept")).toBe("accept");
    expect((await refusal(respond(volunteer, proposal.id, "accept"))).messageKey).toBe("buddies.errors.alreadyAnswered");
    expect((await refusal(sendMessage(newcomer, { matchId: proposal.id, body: "Hallo!" }))).messageKey).toBe("buddies.errors.chatClosed");
    expect(await respond(newcomer, proposal.id, "accept")).toBe("bothAccepted");

    const active = await matchForViewer(newcomer, proposal.id);
    expect(active.status).toBe("active");
    expect(active.contact?.email).toMatch(/@example\.nl$/);
    await sendMessage(newcomer, { matchId: proposal.id, body: "Привіт! <b>Hi</b> https://example.org" });
    await sendMessage(volunteer, { matchId: proposal.id, body: "Hallo Olena!" });
    expect((await listMessages(volunteer, proposal.id)).map((m) => m.body)).toEqual(["Привіт! <b>Hi</b> https://example.org", "Hallo Olena!"]);
    expect((await refusal(sendMessage(stranger, { matchId: proposal.id, body: "hi" }))).code).toBe("not_allowed");
    expect((await refusal(sendMessage(newcomer, { matchId: proposal.id, body: "x".repeat(100_000) }))).code).toBe("validation");
    expect((await refusal(checkIn(newcomer, proposal.id, { stage: "four-weeks", rating: "4" }))).messageKey).toBe("buddies.errors.checkInNotDue");

    await endMatch(volunteer, proposal.id, { reason: "goal-reached" });
    await checkIn(newcomer, proposal.id, { stage: "end", rating: "5", note: "Dank je!" });
    expect((await refusal(checkIn(newcomer, proposal.id, { stage: "end", rating: "5" }))).messageKey).toBe("buddies.errors.alreadyCheckedIn");
    await createRequest(newcomer, languageRequest);
    expect(await runMatching(organiser, { municipalityCode: place, autoSend: true })).toMatchObject({ matched: 0, unmatched: { onlyPastPairs: 1 } });
  });

  it("re-opens a declined request and does not propose the same pair again", async () => {
    const { place, organiser, newcomer } = await setUp();
    await runMatching(organiser, { municipalityCode: place, autoSend: true });
    const proposal = await proposalFor(newcomer);
    expect(await respond(newcomer, proposal.id, "decline")).toBe("decline");
    expect((await db().buddyRequest.findFirstOrThrow({ where: { newcomerId: newcomer } })).status).toBe("open");
    expect((await runMatching(organiser, { municipalityCode: place, autoSend: true })).matched).toBe(0);
    const another = await volunteerIn(place);
    await createOffer(another, languageOffer);
    await verifyVolunteer(organiser, another, "2026-11-02");
    expect((await runMatching(organiser, { municipalityCode: place, autoSend: true })).matched).toBe(1);
    expect((await proposalFor(newcomer)).volunteerId).toBe(another);
  });

  it("lets unanswered proposals expire and refuses late answers", async () => {
    const { place, organiser, newcomer } = await setUp();
    await runMatching(organiser, { municipalityCode: place, autoSend: true });
    const proposal = await proposalFor(newcomer);
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect((await refusal(respond(newcomer, proposal.id, "accept", later))).messageKey).toBe("buddies.errors.expired");
    expect(await expireProposals(later)).toBeGreaterThanOrEqual(1);
    expect((await db().buddyMatch.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("expired");
    expect((await db().buddyRequest.findFirstOrThrow({ where: { newcomerId: newcomer } })).status).toBe("open");
  });

  it("refuses bad offers and requests and changes nothing", async () => {
    const place = nextPlace();
    const volunteer = await volunteerIn(place);
    const newcomer = await newcomerIn(place);
    const before = await Promise.all([db().buddyOffer.count(), db().buddyRequest.count()]);
    const offerCases: [Record<string, unknown>, string, string][] = [
      [{ capacity: "0" }, "capacity", "validation.tooShort"],
      [{ capacity: "1000" }, "capacity", "validation.tooLong"],
      [{ helpsWith: ["xx"] }, "helpsWith", "buddies.errors.unknownLanguage"],
      [{ helpsWith: [] }, "helpsWith", "buddies.errors.helpsWithRequired"],
      [{ kind: "job", helpsWith: ["cv"], sectors: [] }, "sectors", "buddies.errors.sectorRequired"],
      [{ commitment: "forever" }, "commitment", "validation.invalidChoice"],
    ];
    for (const [change, field, key] of offerCases) {
      expect((await refusal(createOffer(volunteer, { ...languageOffer, ...change }))).fieldErrors[field]?.key, JSON.stringify(change)).toBe(key);
    }
    expect((await refusal(createRequest(newcomer, { ...languageRequest, targetLanguage: "xx" }))).fieldErrors.targetLanguage.key).toBe(
      "buddies.errors.unknownLanguage",
    );
    expect((await refusal(createRequest(newcomer, { ...languageRequest, kind: "job", targetSector: "astrology" }))).fieldErrors.targetSector.key).toBe(
      "buddies.errors.sectorRequired",
    );
    expect((await refusal(createOffer(newcomer, languageOffer))).code).toBe("not_allowed"); // not a volunteer
    expect((await refusal(verifyVolunteer(volunteer, volunteer, "2026-11-01"))).code).toBe("not_allowed");
    expect((await refusal(runMatching(newcomer, { autoSend: true }))).code).toBe("not_allowed");
    expect(await Promise.all([db().buddyOffer.count(), db().buddyRequest.count()])).toEqual(before);
  });

  it("gives the last slot to exactly one of two simultaneous accepts", async () => {
    const place = nextPlace();
    const organiser = await makePerson({ isOrganiser: true });
    const volunteer = await volunteerIn(place);
    const { id: offerId } = await createOffer(volunteer, languageOffer);
    await verifyVolunteer(organiser, volunteer, "2026-11-01");
    // Two proposals on one slot (e.g. after the volunteer lowered the capacity), both already accepted by the newcomers.
    const matchIds = [];
    for (let i = 0; i < 2; i++) {
      const newcomer = await newcomerIn(place);
      const { id: requestId } = await createRequest(newcomer, languageRequest);
      const id = randomUUID();
      await db().buddyMatch.create({
        data: {
          id,
          requestId,
          offerId,
          newcomerId: newcomer,
          volunteerId: volunteer,
          kind: "language",
          score: 50,
          explanation: "{}",
          status: "proposed",
          sentAt: new Date(),
          expiresAt: new Date(Date.now() + 86_400_000),
          newcomerAcceptedAt: new Date(),
        },
      });
      matchIds.push(id);
    }
    const outcomes = await Promise.allSettled(matchIds.map((id) => respond(volunteer, id, "accept")));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!;
    expect((failed.reason as DomainError).messageKey).toBe("buddies.errors.volunteerFull");
    expect(await db().buddyMatch.count({ where: { offerId, status: "active" } })).toBe(1);
  });

  it("ends the match, blocks the pair and tells organisers when someone reports", async () => {
    const { place, organiser, newcomer, volunteer } = await setUp();
    await runMatching(organiser, { municipalityCode: place, autoSend: true });
    const proposal = await proposalFor(newcomer);
    await respond(newcomer, proposal.id, "accept");
    await respond(volunteer, proposal.id, "accept");
    await reportPerson(newcomer, proposal.id, { reason: "Ongepaste berichten" });
    expect((await db().buddyMatch.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("ended");
    expect(await db().personBlock.count({ where: { blockerId: newcomer, blockedId: volunteer } })).toBe(1);
    expect(await db().notification.count({ where: { userId: organiser, kind: "person-reported" } })).toBe(1);
    await withdrawRequest(newcomer, (await db().buddyRequest.findFirstOrThrow({ where: { newcomerId: newcomer } })).id);
  });
});
