import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { buddyPair } from "../support/buddy-factories";
import { clientFor } from "../support/signed-in";
import { useServer } from "../support/server";

const target = useServer();

/** The page as the server renders it (what a browser without JavaScript shows, and what hydration must match). */
async function pageText(userId: string, path: string) {
  const client = await clientFor(target.url, userId);
  const response = await client.get(path);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
}

describe("times and lists in the reader's language", () => {
  it("chat times are Amsterdam time on a 24-hour clock in the Ukrainian interface", async () => {
    const { matchId, newcomerId, volunteerId } = await buddyPair({ state: "active" });
    // 13:34 UTC is 14:34 in Amsterdam in winter.
    await db().matchMessage.create({ data: { id: randomUUID(), matchId, senderId: volunteerId, body: "Hoi!", createdAt: new Date("2026-12-03T13:34:00Z") } });
    const html = await pageText(newcomerId, `/buddies/match/${matchId}`);
    const times = [...html.matchAll(/<time dateTime="2026-12-03T13:34:00.000Z">([^<]*)<\/time>/g)].map((m) => m[1]);
    expect(times).toHaveLength(1);
    expect(times[0]).toContain("14:34");
    expect(times[0]).not.toMatch(/AM|PM|01:34/);
  });

  it("an Arabic reader sees the other person's languages joined the Arabic way, without Latin commas", async () => {
    const { matchId, newcomerId, volunteerId } = await buddyPair({ state: "active", newcomer: { locale: "ar", displayName: "يارا" } });
    await db().userLanguage.createMany({ data: ["nl", "en", "ar"].map((language) => ({ userId: volunteerId, language, level: "C1" })) });
    const html = await pageText(newcomerId, `/buddies/match/${matchId}`);
    expect(html).not.toMatch(/(الهولندية|الإنجليزية|العربية), /);
    expect(html).toMatch(/(الهولندية|الإنجليزية|العربية)[،]?\sو\s?(الهولندية|الإنجليزية|العربية)/); // "… والإنجليزية"
  });
});
