import { describe, expect, it } from "vitest";
import { resources } from "~/locales/index.server";
import { useServer } from "../support/server";

const target = useServer();

async function pageIn(locale: string) {
  const response = await fetch(`${target.url}/activities`, { headers: { "accept-language": locale } });
  expect(response.status).toBe(200);
  return response.text();
}

describe("translations as cached files", () => {
  it("links the reader's language from the page instead of inlining the bundle", async () => {
    const html = await pageIn("uk");
    const href = /<link id="translations" rel="preload" as="fetch" crossorigin="anonymous" href="(\/locales\/uk-[\w-]{12}\.json)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    // A text that is only in the bundle (not on this page) no longer travels with it.
    expect(html).not.toContain(JSON.stringify(resources.uk.common.account).slice(1, 40));
    expect(Buffer.byteLength(html)).toBeLessThan(Buffer.byteLength(JSON.stringify(resources.uk)) + 80_000);

    const file = await fetch(target.url + href!);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^application\/json/);
    expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await file.json()).toEqual(resources.uk);
  });

  it("gives each language its own file and name", async () => {
    const hrefs = await Promise.all(["en", "nl", "uk", "ar"].map(async (locale) => /href="(\/locales\/[^"]+\.json)"/.exec(await pageIn(locale))?.[1]));
    expect(new Set(hrefs).size).toBe(4);
    expect(hrefs.map((href) => href?.slice(9, 11))).toEqual(["en", "nl", "uk", "ar"]);
  });

  it("sends an older name on to the current file, uncached, and knows nothing else", async () => {
    const moved = await fetch(`${target.url}/locales/nl-AAAAAAAAAAAA.json`, { redirect: "manual" });
    expect(moved.status).toBe(302);
    expect(moved.headers.get("cache-control")).toBe("no-cache");
    expect(moved.headers.get("location")).toMatch(/^\/locales\/nl-[\w-]{12}\.json$/);
    for (const name of ["xx-AAAAAAAAAAAA.json", "nl.json", "nl-AAAAAAAAAAAA.json.map", "..%2Fpackage.json"]) {
      expect((await fetch(`${target.url}/locales/${name}`, { redirect: "manual" })).status, name).toBe(404);
    }
  });
});
