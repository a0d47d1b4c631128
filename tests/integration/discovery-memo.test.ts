/**
 * The activity list remembers what a query selected until the catalogue changes
 * (selection-memo.server.ts): these tests change the catalogue in every way the app does and
 * expect the very next list to show it, on the same instance and without waiting.
 */
import { describe, expect, it, vi } from "vitest";
import { cancelActivity, createActivity, publishActivity } from "~/domain/activities/activities.server";
import { discoverActivities } from "~/domain/activities/queries.server";
import { rememberedSelection } from "~/domain/activities/selection-memo.server";
import { erasePerson } from "~/domain/people/deletion.server";
import { updateProfile } from "~/domain/people/profile.server";
import { db } from "~/lib/db.server";
import { activityForm, localDate, makePerson, publishedActivity } from "../support/factories";

/** A town of its own per test, so that other tests' activities do not count. */
const listIn = async (place: string, userId: string | null = null) =>
  (await discoverActivities({ place, sort: userId ? "for-you" : "date" }, { userId, locale: "en", collapseSeries: true })).items.map((item) => item.id);

/** Two activities in a town, one about cycling and one about cooking, and a reader whose one interest can be set. */
async function readerAndTwoActivities(place: string) {
  const organiser = await makePerson({ isOrganiser: true });
  const cycling = await publishedActivity(organiser, { municipalityCode: place, date: localDate(9), interests: ["cycling"] });
  const cooking = await publishedActivity(organiser, { municipalityCode: place, date: localDate(8), interests: ["cooking"] });
  const reader = await makePerson();
  const profile = { displayName: "Reader", locale: "en", municipalityCode: "GM0014", languages: [], levels: [], sectors: [], availability: [] };
  const likes = (interest: string) => updateProfile(reader, { ...profile, interests: [interest] });
  return { place, cycling, cooking, reader, likes };
}

describe("the remembered activity list", () => {
  it("computes a query once while nothing changes, and again after any change to an activity", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    let computed = 0;
    const select = async () => ++computed;
    expect(await rememberedSelection("memo-test", select)).toBe(1);
    expect(await Promise.all([rememberedSelection("memo-test", select), rememberedSelection("memo-test", select)])).toEqual([1, 1]);
    expect(computed).toBe(1);
    await publishedActivity(organiser, { municipalityCode: "GM0060", date: localDate(4) });
    expect(await rememberedSelection("memo-test", select)).toBe(2);
  });

  it("after a minute gives the old answer once more while it computes the next, then the next", async () => {
    let computed = 0;
    const select = async () => ++computed;
    expect(await rememberedSelection("memo-age", select)).toBe(1);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      expect(await rememberedSelection("memo-age", select)).toBe(1); // no reader waits for the refresh
      await vi.waitFor(async () => expect(await rememberedSelection("memo-age", select)).toBe(2));
      expect(computed).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not remember a failure", async () => {
    let attempts = 0;
    const flaky = async () => {
      attempts++;
      if (attempts === 1) throw new Error("database hiccup");
      return "ok";
    };
    await expect(rememberedSelection("memo-failure", flaky)).rejects.toThrow("database hiccup");
    expect(await rememberedSelection("memo-failure", flaky)).toBe("ok");
  });

  it("shows a published, an edited-in, a cancelled and a directly written activity at once", async () => {
    const place = "GM0072";
    const organiser = await makePerson({ isOrganiser: true });
    const first = await publishedActivity(organiser, { municipalityCode: place, date: localDate(3) });
    expect(await listIn(place)).toEqual([first]);

    const draft = await createActivity(organiser, activityForm({ municipalityCode: place, date: localDate(2) }), { publish: false });
    expect(await listIn(place)).toEqual([first]);
    await publishActivity(organiser, draft.id, "one"); // updateMany
    expect(await listIn(place)).toEqual([draft.id, first]);

    await cancelActivity(organiser, first, "one");
    const afterCancel = await listIn(place);
    expect(afterCancel).toContain(draft.id);

    await db().activity.update({ where: { id: draft.id }, data: { status: "draft" } });
    expect(await listIn(place)).not.toContain(draft.id);
  });

  it("forgets the activities of an organiser who deleted their account", async () => {
    const place = "GM0074";
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, { municipalityCode: place, date: localDate(5) });
    expect(await listIn(place)).toEqual([id]);
    await erasePerson(organiser);
    // The cards are read fresh, so the count is what a remembered selection would get wrong.
    const after = await discoverActivities({ place, sort: "date" }, { userId: null, locale: "en", collapseSeries: true });
    expect([after.items, after.total]).toEqual([[], 0]);
  });

  it('ranks "for you" again when the reader changes what they like', async () => {
    const { place, cycling, cooking, reader, likes } = await readerAndTwoActivities("GM0080");
    await likes("cycling");
    expect(await listIn(place, reader)).toEqual([cycling, cooking]);
    await likes("cooking");
    expect(await listIn(place, reader)).toEqual([cooking, cycling]);
  });

  it("reads a reader's profile again only when their session says it changed", async () => {
    const { place, cycling, cooking, reader, likes } = await readerAndTwoActivities("GM0085");
    const versionOf = async () => (await db().user.findUniqueOrThrow({ where: { id: reader }, select: { updatedAt: true } })).updatedAt;
    const forYou = async (readerUpdatedAt: Date) =>
      (await discoverActivities({ place, sort: "for-you" }, { userId: reader, readerUpdatedAt, locale: "en", collapseSeries: true })).items.map(
        (item) => item.id,
      );

    await likes("cycling");
    const first = await versionOf();
    expect(await forYou(first)).toEqual([cycling, cooking]);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later millisecond, as any second save is
    await likes("cooking");
    const second = await versionOf();
    expect(second.getTime()).toBeGreaterThan(first.getTime());
    expect(await forYou(second)).toEqual([cooking, cycling]);
  });
});
