import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { discoverActivities } from "~/domain/activities/queries.server";
import { createGroup } from "~/domain/groups/groups.server";
import { distanceKm, municipalityCentres } from "~/domain/search/nearby.server";
import { forgetVocabulary, searchActivities } from "~/domain/search/search.server";
import { db } from "~/lib/db.server";
import { makePerson, publishedActivity } from "../support/factories";
import { TestClient, uniqueEmail } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();

const found = async (q: string, extra: Record<string, unknown> = {}) =>
  (await discoverActivities({ q, ...extra }, { userId: null, locale: "en", collapseSeries: true, now: new Date() })).items.map((item) => item.id);

const inLocale = (locale: string, title: string, summary = "", description = "") => ({
  contentLocales: [locale],
  titles: [title],
  summaries: [summary],
  descriptions: [description],
  spokenLanguages: [locale === "ar" || locale === "uk" ? locale : "nl"],
});

describe("search", () => {
  it("ranks a title hit above a description hit, and finds words in every content language", async () => {
    forgetVocabulary();
    const organiser = await makePerson({ isOrganiser: true });
    const inDescription = await publishedActivity(organiser, inLocale("nl", "Samen wandelen", "Een ochtend buiten", "Daarna fietsreparatie voor wie wil"));
    const inTitle = await publishedActivity(organiser, inLocale("nl", "Fietsreparatie in de wijk", "Breng je fiets mee"));
    expect(await found("fietsreparatie")).toEqual([inTitle, inDescription]);

    const ukrainian = await publishedActivity(organiser, inLocale("uk", "Розмовний клуб", "Говоримо українською та нідерландською"));
    const arabic = await publishedActivity(organiser, inLocale("ar", "مقهى اللغة", "نتحدث الهولندية معًا"));
    const english = await publishedActivity(organiser, inLocale("en", "Job application workshop", "Write your letter together"));
    expect(await found("клуб")).toEqual([ukrainian]);
    expect(await found("українською")).toEqual([ukrainian]);
    expect(await found("مقهى")).toEqual([arabic]);
    expect(await found("الهولندية")).toEqual([arabic]);
    expect(await found("application letter")).toEqual([english]);
    // Places: the venue and the municipality's name are searched too.
    const venue = await publishedActivity(organiser, { ...inLocale("nl", "Koffie"), venue: "Bibliotheek Kruidenhof", municipalityCode: "GM0344" });
    expect(await found("kruidenhof")).toEqual([venue]);
    expect(await found("koffie utrecht")).toEqual([venue]);
  });

  it("takes a typo in a short word for the word in the index, in Latin, Cyrillic and Arabic script", async () => {
    forgetVocabulary();
    const organiser = await makePerson({ isOrganiser: true });
    const dutch = await publishedActivity(organiser, inLocale("nl", "Taalmaatje gezocht"));
    const ukrainian = await publishedActivity(organiser, inLocale("uk", "Шахи для всіх"));
    const arabic = await publishedActivity(organiser, inLocale("ar", "ورشة الخياطة"));
    expect(await found("taalmaatej")).toEqual([dutch]); // two letters swapped
    expect(await found("шахм")).toEqual([ukrainian]); // one letter wrong
    expect(await found("الخياطه")).toEqual([arabic]); // ta marbuta typed as ha
    const search = await searchActivities("шахм");
    expect(search.terms).toContain("шахи");
  });

  it("says what to change when nothing is found: the word when only a word was typed, the filters otherwise; a page past the end goes to the last", async () => {
    const client = new TestClient(target.url, { "accept-language": "en" });
    const onlyWord = await (await client.get("/activities?q=qqxyzzy")).text();
    expect(onlyWord).toContain("Nothing found for “qqxyzzy”");
    expect(onlyWord).toContain("Show all activities");
    const withFilter = await (await client.get("/activities?q=qqxyzzy&kind=workshop")).text();
    expect(withFilter).toContain("No activities match these filters");
    expect(withFilter).toContain('href="/activities?view=list&amp;q=qqxyzzy">Clear filters'); // clearing the filters keeps the word
    const past = await client.get("/activities?page=999");
    expect(past.status).toBe(302);
    const location = past.headers.get("location") ?? "";
    expect(location).toMatch(/^\/activities(\?page=\d+)?$/);
    const last = await (await client.get(location)).text();
    expect(last).not.toContain("No activities match");
  });

  it("takes a typo for a word published a moment ago, without waiting for the word list to age", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    await publishedActivity(organiser, inLocale("nl", "Koorzang in de kerk"));
    expect((await searchActivities("koorznag")).terms).toContain("koorzang"); // the word list is read now
    const fresh = await publishedActivity(organiser, inLocale("nl", "Pottenbakken op zaterdag"));
    expect(await found("potenbakken")).toEqual([fresh]);
  });

  it("marks the words found in the page, escaping markup in a title", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    await publishedActivity(organiser, inLocale("nl", "<b>Breicafé</b> & thee", "Breien voor beginners"));
    const html = await (await new TestClient(target.url, { "accept-language": "nl" }).get("/activities?q=breicafe%20breien")).text();
    expect(html).toContain("&lt;b&gt;<mark>Breicafé</mark>&lt;/b&gt; &amp; thee");
    expect(html).not.toContain("<b>Breicafé");
    expect(html).toContain("<mark>Breien</mark>");
  });

  it("pages through results and combines with the other filters", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await publishedActivity(organiser, { ...inLocale("nl", `Schaakavond ${i}`), childcare: i % 2 ? "on" : undefined }));
    const first = await discoverActivities({ q: "schaakavond", perPage: 2, page: 1 }, { userId: null, locale: "nl", now: new Date() });
    const third = await discoverActivities({ q: "schaakavond", perPage: 2, page: 3 }, { userId: null, locale: "nl", now: new Date() });
    expect(first.total).toBe(5);
    expect(first.pageCount).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(third.items).toHaveLength(1);
    expect(new Set([...first.items.map((i) => i.id), ...third.items.map((i) => i.id)]).size).toBe(3);
    expect((await found("schaakavond", { childcare: "1" })).sort()).toEqual([ids[1], ids[3]].sort());
    expect(await found("schaakavond", { place: "online" })).toEqual([]);
  });

  it("keeps the index in step with edits of the place and the text", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, { ...inLocale("nl", "Naaiatelier"), venue: "Het Oude Postkantoor" });
    expect(await found("postkantoor")).toEqual([id]);
    await db().activity.update({ where: { id }, data: { venue: "Wijkcentrum De Vonk" } });
    expect(await found("postkantoor")).toEqual([]);
    expect(await found("vonk")).toEqual([id]);
    await db().activityContent.update({ where: { activityId_locale: { activityId: id, locale: "nl" } }, data: { title: "Repaircafé" } });
    expect(await found("naaiatelier")).toEqual([]);
    expect(await found("repaircafe")).toEqual([id]);
    await db().activity.delete({ where: { id } });
    expect(await found("repaircafe")).toEqual([]);
  });

  it("treats query syntax, long text and control characters as text, never as an error", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, inLocale("nl", "NEAR AND OR NOT bijeenkomst"));
    const fixed = [
      '"',
      "*",
      "NEAR",
      "-",
      ":",
      "(",
      ")",
      "AND",
      "OR",
      "'",
      "near(a b)",
      "title:x",
      "a -b",
      '"unclosed',
      "x".repeat(10_000),
      "a\u0000b",
      "^",
      "{",
      "}",
      "\\",
      "'';--",
      "&|!",
    ];
    for (const q of fixed) await expect(searchActivities(q)).resolves.toBeDefined();
    expect(await found("NEAR AND")).toEqual([id]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.string({ unit: "binary", maxLength: 40 })),
        async (q) => {
          await expect(searchActivities(q)).resolves.toBeDefined();
        },
      ),
      { numRuns: 150 },
    );
    const client = new TestClient(target.url);
    for (const q of ['"', "NEAR(", "a:b", "x".repeat(10_000), "*"]) {
      const response = await client.get(`/activities?q=${encodeURIComponent(q)}`);
      expect(response.status, q.slice(0, 20)).toBe(200);
      expect((await client.get(`/activities/suggest?q=${encodeURIComponent(q)}`)).status).toBe(200);
    }
  });

  it("answers a word found in more activities than one statement can bind, also with nearby", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const startsAt = new Date(Date.now() + 86_400_000);
    const rows = Array.from({ length: 1_100 }, (_, i) => ({
      id: `bulk-${i}`,
      kind: "meetup",
      status: "published",
      organiserId: organiser,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      mode: "in-person",
      municipalityCode: "GM0363",
      defaultLocale: "nl",
    }));
    await db().activity.createMany({ data: rows });
    await db().activityContent.createMany({
      data: rows.map((row) => ({ activityId: row.id, locale: "nl", title: "Massabijeenkomst", summary: "", description: "" })),
    });
    const result = await discoverActivities({ q: "massabijeenkomst", near: "GM0363", km: 300 }, { userId: null, locale: "nl", now: new Date() });
    expect(result.total).toBeGreaterThan(0);
    expect((await new TestClient(target.url).get("/activities?q=massabijeenkomst&place=GM0363&km=300")).status).toBe(200);
  });
});

describe("group search", () => {
  it("finds groups by name, description and place, with a typo, and says when none match", async () => {
    await db().group.create({ data: { id: "g-uk", slug: "shakhy", name: "Шаховий клуб", description: "Граємо щосуботи", municipalityCode: "GM0479" } });
    await db().group.create({ data: { id: "g-ar", slug: "khiyata", name: "مجموعة الخياطة", description: "نلتقي كل أسبوع" } });
    const page = async (q: string) => await (await new TestClient(target.url, { "accept-language": "nl" }).get(`/groups?q=${encodeURIComponent(q)}`)).text();
    expect(await page("шахов")).toContain("/groups/shakhy");
    expect(await page("шахов")).not.toContain("/groups/khiyata");
    expect(await page("zaanstad")).toContain("/groups/shakhy");
    expect(await page("الخياطه")).toContain("/groups/khiyata");
    expect(await page('"NEAR(')).toContain("Geen groepen gevonden");
    // In Arabic the card's facts are isolated from each other: "Zaanstad" must not take the member count with it.
    const arabic = await (await new TestClient(target.url, { "accept-language": "ar" }).get("/groups?q=zaanstad")).text();
    expect(arabic).toMatch(/<bdi>Zaanstad<\/bdi> · <bdi>[^<]+<\/bdi><\/p>/);
    // A search says what it found and leads back to every group.
    const summary = (await page("шахов")).replaceAll("<!-- -->", "");
    expect(summary).toMatch(/Resultaten voor <bdi class="search-text">шахов<\/bdi> · 1 groep · <a [^>]*href="\/groups">Alle groepen tonen<\/a>/);
  });

  it("suggests group names while typing, as the page finds them, and takes syntax as text", async () => {
    await db().group.create({ data: { id: "g-uk2", slug: "shakhy-2", name: "Шахи для ветеранів", description: "Граємо щонеділі" } });
    await db().group.create({ data: { id: "g-nl", slug: "koor", name: "Koor De Stem", description: "Zingen op dinsdag" } });
    const client = new TestClient(target.url);
    const suggest = async (q: string) => {
      const response = await client.get(`/groups/suggest?q=${encodeURIComponent(q)}`);
      expect(response.status, q.slice(0, 20)).toBe(200);
      return ((await response.json()) as { suggestions: { title: string }[] }).suggestions.map((s) => s.title);
    };
    expect(await suggest("ветеран")).toEqual(["Шахи для ветеранів"]);
    expect(await suggest("zingen")).toEqual(["Koor De Stem"]);
    expect(await suggest("k")).toEqual([]);
    for (const q of ['"', "NEAR(", "a:b", "x".repeat(10_000), "*", "-", "AND OR"]) await suggest(q);
  });

  it("keeps the addresses of the groups page's own pages out of group addresses", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    for (const name of ["New", "Suggest"]) {
      const { slug } = await createGroup(organiser, { name, description: "Een groep." });
      expect(slug).toMatch(/^group-[0-9a-f]{6}$/);
    }
    expect((await createGroup(organiser, { name: "Newcomers", description: "Een groep." })).slug).toBe("newcomers");
  });
});

describe("nearby", () => {
  it("measures the distances between known municipality pairs", async () => {
    const centres = await municipalityCentres();
    const between = (a: string, b: string) => distanceKm(centres.get(a)!, centres.get(b)!);
    expect(between("GM0363", "GM0344")).toBeCloseTo(35.2, 0); // Amsterdam – Utrecht
    expect(between("GM0363", "GM0599")).toBeCloseTo(57.5, 0); // Amsterdam – Rotterdam
    expect(between("GM0518", "GM0599")).toBeCloseTo(21.1, 0); // Den Haag – Rotterdam
    expect(between("GM0363", "GM0479")).toBeCloseTo(10.2, 0); // Amsterdam – Zaanstad
  });

  it("keeps activities within N km of the chosen municipality, with the distance, combined with search", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const zaanstad = await publishedActivity(organiser, { ...inLocale("nl", "Buurtlunch"), municipalityCode: "GM0479" });
    const utrecht = await publishedActivity(organiser, { ...inLocale("nl", "Buurtlunch"), municipalityCode: "GM0344" });
    const rotterdam = await publishedActivity(organiser, { ...inLocale("nl", "Buurtlunch"), municipalityCode: "GM0599" });
    const near = (km: number) => discoverActivities({ q: "buurtlunch", near: "GM0363", km }, { userId: null, locale: "nl", now: new Date() });
    expect((await near(20)).items.map((i) => i.id)).toEqual([zaanstad]);
    expect((await near(40)).items.map((i) => i.id).sort()).toEqual([zaanstad, utrecht].sort());
    expect((await near(60)).items.map((i) => i.id).sort()).toEqual([zaanstad, utrecht, rotterdam].sort());
    expect((await near(20)).items[0].distanceKm).toBeCloseTo(10.2, 0);
    // Signed in without a choice: the reader's own municipality.
    const reader = await makePerson({ municipalityCode: "GM0599" });
    const mine = await discoverActivities({ q: "buurtlunch", km: 5 }, { userId: reader, locale: "nl", now: new Date() });
    expect(mine.items.map((i) => i.id)).toEqual([rotterdam]);
    const html = await (await new TestClient(target.url, { "accept-language": "nl" }).get("/activities?q=buurtlunch&place=GM0363&km=20")).text();
    expect(html).toContain("10,2 km hiervandaan");
  });

  it("takes the distance from the place filter: one list of municipalities on the page, links with near= still work", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const zaanstad = await publishedActivity(organiser, { ...inLocale("nl", "Fietsreparatie"), municipalityCode: "GM0479" });
    const amsterdam = await publishedActivity(organiser, { ...inLocale("nl", "Fietsreparatie"), municipalityCode: "GM0363" });
    const client = new TestClient(target.url, { "accept-language": "nl" });
    const page = async (query: string) => await (await client.get(`/activities?q=fietsreparatie&${query}`)).text();
    const exact = await page("place=GM0363");
    expect(exact).toContain(`/activities/${amsterdam}`);
    expect(exact).not.toContain(`/activities/${zaanstad}`);
    const within = await page("place=GM0363&km=25");
    expect(within).toContain(`/activities/${amsterdam}`);
    expect(within).toContain(`/activities/${zaanstad}`);
    expect(within).toContain("10,2 km hiervandaan");
    expect(within).not.toContain("0,0 km hiervandaan"); // the card in Amsterdam itself says only "Amsterdam"
    // 343 municipalities are listed once, not once for the place and again for the distance.
    expect(within.match(/<option value="GM0363"/g)).toHaveLength(1);
    // Shared before the place took the distance: `near` is still read, and wins over the place.
    const old = await page("near=GM0363&km=25");
    expect(old).toContain(`/activities/${zaanstad}`);
    expect(old).toContain(`/activities/${amsterdam}`);
  });

  it("shows a venue kept for people going only to them, over HTTP, with a directions link for everyone", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, { ...inLocale("nl", "Vrouwencirkel"), venue: "Geheime Straat 12", addressForGoingOnly: "on" });
    const anonymous = await (await new TestClient(target.url, { "accept-language": "nl" }).get(`/activities/${id}`)).text();
    expect(anonymous).not.toContain("Geheime Straat");
    expect(anonymous).toContain("https://www.openstreetmap.org/directions?to=");
    expect(await found("geheime")).toEqual([]); // the hidden address is not searchable either
    const client = new TestClient(target.url, { "accept-language": "nl" });
    const email = uniqueEmail();
    await client.post("/register", { email, password: "correct horse battery", displayName: "Amal", locale: "nl" });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(await (await client.get(`/activities/${id}`)).text()).not.toContain("Geheime Straat");
    await rsvp(user.id, id);
    const going = await (await client.get(`/activities/${id}`)).text();
    expect(going).toContain("Geheime Straat 12");
    expect(going).toContain("https://www.openstreetmap.org/search?query=Geheime%20Straat%2012");
    const list = await (await new TestClient(target.url).get(`/api/activities`)).text();
    expect(list).not.toContain("Geheime Straat");
  });
});
