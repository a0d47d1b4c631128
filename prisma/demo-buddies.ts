import { respond, runMatching } from "../app/domain/matching/matches.server.ts";
import { createOffer, createRequest, verifyVolunteer } from "../app/domain/matching/offers.server.ts";
import { db } from "../app/lib/db.server.ts";

/**
 * Buddy offers and requests outside Amsterdam, one of them already an active pair, so every
 * screen has something to show. Amsterdam is left empty for people trying the flow themselves.
 */
export async function seedDemoBuddies() {
  const people = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((u) => [u.email.split("@")[0], u.id]));
  const id = (name: string) => people.get(name)!;
  const checkedOn = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

  await createOffer(id("joost"), {
    kind: "job",
    helpsWith: ["cv", "network"],
    sectors: ["it", "finance"],
    capacity: "2",
    commitment: "1h-week-3-months",
    travelKm: "20",
    onlineOk: "on",
  });
  await createOffer(id("fatima"), {
    kind: "language",
    helpsWith: ["nl"],
    sectors: [],
    capacity: "2",
    commitment: "1h-week-6-months",
    travelKm: "10",
    onlineOk: "on",
  });
  await createOffer(id("pieter"), {
    kind: "language",
    helpsWith: ["nl", "en"],
    sectors: [],
    capacity: "1",
    commitment: "flexible",
    travelKm: "15",
    onlineOk: "",
  });
  for (const volunteer of ["joost", "fatima"]) await verifyVolunteer(id("admin"), id(volunteer), checkedOn);

  await createRequest(id("andriy"), { kind: "job", targetSector: "it", goals: ["cv", "network"], onlineOk: "on", note: "" });
  await createRequest(id("iryna"), { kind: "language", targetLanguage: "nl", targetLevel: "A2", goals: [], onlineOk: "on", note: "" });
  await createRequest(id("mykola"), { kind: "language", targetLanguage: "nl", targetLevel: "A1", goals: [], onlineOk: "", note: "" });

  await runMatching(id("admin"), { municipalityCode: "GM0479", autoSend: true });
  const jobMatch = await db().buddyMatch.findFirst({ where: { newcomerId: id("andriy") } });
  if (jobMatch) {
    await respond(id("andriy"), jobMatch.id, "accept");
    await respond(id("joost"), jobMatch.id, "accept");
  }
}
