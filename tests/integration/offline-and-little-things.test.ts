import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { hasEmptyParams, withoutEmptyParams } from "~/lib/clean-query";
import { db } from "~/lib/db.server";
import { clientFor, TestClient } from "../support/http-client";
import { localDate, makePerson, personIn, publishedActivity } from "../support/factories";
import { useServer } from "../support/server";

const target = useServer();

describe("installable: manifest, icons, favicon and service worker", () => {
  it("serves the worker at the root with no-cache and the build's version written in", async () => {
    const answer = await fetch(`${target.url}/sw.js`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(answer.headers.get("cache-control")).toBe("no-cache");
    const body = await answer.text();
    expect(body).not.toContain("__VERSION__");
    expect(body).toMatch(/const VERSION = "[0-9a-f]{6,}"/);
  });

  it("serves a manifest whose icons exist, and every page links it and the favicons", async () => {
    const answer = await fetch(`${target.url}/manifest.webmanifest`);
    expect(answer.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const manifest = (await answer.json()) as { start_url: string; display: string; icons: { src: string; sizes: string; purpose: string }[] };
    expect(manifest).toMatchObject({ start_url: "/", display: "standalone", theme_color: "#0b5d4b" });
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
    for (const icon of manifest.icons) {
      const file = await fetch(`${target.url}${icon.src}`);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get("content-type")).toBe("image/png");
    }
    const favicon = await fetch(`${target.url}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("content-type")).toBe("image/x-icon");
    expect(Buffer.from(await favicon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const html = await (await fetch(`${target.url}/activities`)).text();
    for (const link of ['rel="manifest" href="/manifest.webmanifest?lang=en"', 'rel="icon" href="/favicon.ico"', 'rel="icon" href="/favicon.svg"'])
      expect(html).toContain(link);
  });

  it("describes the installed app in the reader's language, and each page links its language's manifest", async () => {
    const descriptions = new Set<string>();
    for (const lang of ["en", "nl", "uk", "ar"]) {
      const answer = await fetch(`${target.url}/manifest.webmanifest?lang=${lang}`);
      expect(answer.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
      const manifest = (await answer.json()) as { name: string; lang: string; dir: string; description: string };
      expect(manifest).toMatchObject({ name: "Meedoen", lang, dir: lang === "ar" ? "rtl" : "ltr" });
      expect(manifest.description.length).toBeGreaterThan(20);
      descriptions.add(manifest.description);
      const html = await (await fetch(`${target.url}/activities`, { headers: { "Accept-Language": lang } })).text();
      expect(html).toContain(`rel="manifest" href="/manifest.webmanifest?lang=${lang}"`);
    }
    expect(descriptions.size).toBe(4);
    // An unknown or repeated language falls back to English rather than failing the install.
    for (const odd of ["?lang=xx", "?lang=uk&lang=ar", ""]) {
      const manifest = (await (await fetch(`${target.url}/manifest.webmanifest${odd}`)).json()) as { lang: string };
      expect(manifest.lang, odd).toBe("en");
    }
  });

  it("the offline page comes in the asked language, without scripts and without the person's name", async () => {
    const person = await personIn("nl", { displayName: "Offline Olena" });
    const client = await clientFor(target.url, person.id);
    for (const lang of ["uk", "ar"]) {
      const html = await (await new TestClient(target.url).get(`/offline?lang=${lang}`)).text();
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).not.toContain("<script");
    }
    // The worker fetches it without cookies; even with them, a personal page stays private.
    const activityId = await publishedActivity(await makePerson({ isOrganiser: true }));
    await rsvp(person.id, activityId);
    const ticket = await client.get(`/activities/${activityId}/ticket`);
    expect(ticket.status).toBe(200);
    expect(ticket.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("the ticket", () => {
  it("says which date and where, so a weekly activity's ticket is told from next week's at the door", async () => {
    const person = await personIn("nl");
    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser, {
      date: localDate(3),
      startTime: "19:00",
      endTime: "21:00",
      venue: "Bibliotheek Oost",
      municipalityCode: "GM0479",
    });
    await rsvp(person.id, activityId);
    const html = (await (await (await clientFor(target.url, person.id)).get(`/activities/${activityId}/ticket`)).text()).replaceAll("<!-- -->", "");
    const when = /<p class="ticket-when"><time dateTime="([^"]+)">([^<]+)<\/time> · <bdi>([^<]+)<\/bdi><\/p>/.exec(html);
    expect(when?.[2]).toMatch(/19:00–21:00$/);
    expect(when?.[3]).toBe("Bibliotheek Oost, Zaanstad");
  });
});

describe("an RSVP confirmation in the notifications", () => {
  it("is recorded with the sign-up, in its transaction, and adds no mail of its own", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const person = await makePerson();
    const activityId = await publishedActivity(organiser, { capacity: "1" });
    const other = await makePerson();
    await rsvp(other, activityId);
    await rsvp(person, activityId); // full: the waiting list

    const notices = await db().notification.findMany({ where: { userId: person, activityId } });
    expect(notices.map((notice) => [notice.kind, JSON.parse(notice.data)])).toEqual([["rsvp-confirmed", { status: "waitlisted", place: 1 }]]);
    expect(await db().outboxMail.count({ where: { userId: person } })).toBe(1);

    // A refused sign-up (already signed up) records nothing.
    await expect(rsvp(person, activityId)).rejects.toThrow();
    expect(await db().notification.count({ where: { userId: person, activityId } })).toBe(1);
    const page = await (await (await clientFor(target.url, person)).get("/notifications")).text();
    expect(page).toContain("waiting list");
  });
});

describe("filter addresses without empty parameters", () => {
  it("drops empty values, keeps the rest and Remix's ?index", () => {
    expect(withoutEmptyParams(new URLSearchParams("view=list&kind=&place=GM0363&from=+"))).toBe("?view=list&place=GM0363");
    expect(withoutEmptyParams(new URLSearchParams("kind="))).toBe("");
    expect(hasEmptyParams(new URLSearchParams("index"))).toBe(false);
    expect(hasEmptyParams(new URLSearchParams("view=list&kind="))).toBe(true);
  });

  it("the activities page redirects a filter form sent without JavaScript to the address without them", async () => {
    const answer = await new TestClient(target.url).get("/activities?view=list&kind=&language=&place=online&from=&to=");
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/activities?view=list&place=online");
    expect((await new TestClient(target.url).get("/activities?view=list&place=online")).status).toBe(200);
  });
});

describe("npm start", () => {
  it("prints one readable line with the address and a demo sign-in, and JSON for everything else", async () => {
    const dir = mkdtempSync(join(tmpdir(), "meedoen-start-"));
    const { DATABASE_URL: _postgres, ...env } = process.env; // the embedded default, as on a newcomer's laptop
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { ...env, SQLITE_PATH: join(dir, "demo.db"), DEMO_DATA: "true", PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let output = "";
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line within 90 s:\n${output}`)), 90_000);
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("Meedoen is running")) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once("exit", (code) => reject(new Error(`server exited (${code}):\n${output}`)));
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const lines = output.trim().split("\n");
      const readable = lines.filter((line) => !line.startsWith("{"));
      expect(readable).toHaveLength(1);
      expect(readable[0]).toMatch(/^Meedoen is running: open http:\/\/localhost:\d+ and sign in as olena@demo\.meedoen\.nl with password meedoen-demo$/);
      for (const line of lines.filter((line) => line.startsWith("{"))) expect(() => JSON.parse(line)).not.toThrow();
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
