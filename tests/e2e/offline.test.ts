import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { expectAccessible, signInWithSession, useBrowser, watchForProblems } from "../support/browser";
import { makePerson, personIn, publishedActivity } from "../support/factories";
import { BROWSER_LOCALE, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/** What the service worker keeps for people on this phone: each personal cache and the paths in it. */
const personalCaches = (page: Page) =>
  page.evaluate(async () => {
    const kept: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      if (!name.startsWith("meedoen-person-")) continue;
      kept[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    }
    return kept;
  });

describe("a ticket at the door without a connection", () => {
  it("opens the kept QR ticket offline, shows the offline page for a page not kept, and forgets the ticket on sign-out", async () => {
    const locale = "ar" as const;
    const t = textIn(locale);
    const organiser = await makePerson({ isOrganiser: true });
    const person = await personIn(locale);
    const activityId = await publishedActivity(organiser);
    await rsvp(person.id, activityId);
    const ticket = `/activities/${activityId}/ticket`;

    // The suite's guards, except for what being offline is: the socket and Remix's route discovery
    // cannot reach the server (console errors naming the lost connection), which the page survives.
    await browser.flow("offline-ticket", { locale: BROWSER_LOCALE[locale] }, async (page) => {
      const watch = watchForProblems(page, "offline-ticket");
      await signInWithSession(page, target.url, person.id);
      const check = (label: string) => expectAccessible(page, label);
      await page.goto(`${target.url}/`);
      // The page tells the worker who is signed in; it fetches their activities and their tickets.
      await expect
        .poll(() => personalCaches(page), { timeout: 15_000 })
        .toEqual({ [`meedoen-person-${person.id}`]: expect.arrayContaining(["/activities/mine", ticket]) });

      // And the scripts of the ticket page, which this first page did not need.
      const shellFiles = () =>
        page.evaluate(async () => {
          const shell = (await caches.keys()).find((name) => name.startsWith("meedoen-shell-"));
          return shell ? (await (await caches.open(shell)).keys()).map((request) => new URL(request.url).pathname) : [];
        });
      // Every file the ticket page hydrates with (the worker adds them one by one; under load the last ones come late).
      const needed = await page.evaluate(() => {
        type Entry = { module: string; imports?: string[] };
        const manifest = (window as unknown as { __remixManifest: { entry: Entry; routes: Record<string, Entry> } }).__remixManifest;
        const parts = [manifest.entry, manifest.routes["root"]!, manifest.routes["routes/activities.$id_.ticket"]!];
        const translations = document.querySelector("link#translations")?.getAttribute("href");
        return [...parts.flatMap((part) => [part.module, ...(part.imports ?? [])]), ...(translations ? [translations] : [])];
      });
      expect(needed.some((path) => path.startsWith("/build/routes/activities.$id_.ticket-"))).toBe(true);
      await expect
        .poll(
          async () => {
            const files = await shellFiles();
            return needed.filter((path) => !files.includes(path));
          },
          { timeout: 20_000 },
        )
        .toEqual([]);
      await page.context().setOffline(true);
      await page.goto(`${target.url}${ticket}`);
      await page.getByRole("heading", { level: 1, name: t("checkin.myTicket") }).waitFor();
      await page.getByRole("img", { name: t("checkin.qrAlt") }).waitFor();
      await page
        .getByRole("status")
        .filter({ hasText: t("offline.banner") })
        .waitFor();
      await page.screenshot({ path: "/tmp/offline-ticket-ar.png" });
      await check("the ticket, offline");

      await page.reload();
      await page.getByRole("img", { name: t("checkin.qrAlt") }).waitFor();

      await page.goto(`${target.url}/groups`);
      await page.getByRole("heading", { level: 1, name: t("offline.title") }).waitFor();
      expect(await page.locator("header").textContent()).not.toContain(person.displayName);
      await page.screenshot({ path: "/tmp/offline-page-ar.png" });
      await check("the offline page");

      await page.context().setOffline(false);
      await page.goto(`${target.url}/`);
      await page.locator("details.menu:not(.language-menu) > summary").click();
      await page.getByRole("button", { name: t("nav.signOut") }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await expect.poll(() => personalCaches(page), { timeout: 10_000 }).toEqual({});
      expect(watch.problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch manifest patches/.test(problem))).toEqual([]);
    });
  });

  it("keeps no ticket without a seat, and nothing of the person before on a shared phone", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const first = await personIn("en");
    const second = await personIn("en");
    const open = await publishedActivity(organiser);
    const full = await publishedActivity(organiser, { capacity: "1" });
    await rsvp(first.id, open);
    await rsvp(first.id, full);
    await rsvp(second.id, full); // the waiting list: no ticket to keep
    await journey(browser, "offline-shared-phone", { locale: "en-GB", baseUrl: target.url, userId: first.id }, async (page) => {
      await page.goto(`${target.url}/`);
      await expect
        .poll(async () => (await personalCaches(page))[`meedoen-person-${first.id}`]?.sort(), { timeout: 15_000 })
        .toEqual(["/activities/mine", `/activities/${full}/ticket`, `/activities/${open}/ticket`].sort());
      // Someone else signs in on the same phone (the first one's session still valid): the first one's tickets go.
      await signInWithSession(page, target.url, second.id);
      await page.goto(`${target.url}/`);
      await expect.poll(() => personalCaches(page), { timeout: 15_000 }).toEqual({ [`meedoen-person-${second.id}`]: ["/activities/mine"] });
    });
  });
});
