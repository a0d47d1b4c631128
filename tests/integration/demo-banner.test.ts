import { describe, expect, it } from "vitest";
import { serverT } from "~/lib/i18n.server";
import type { Locale } from "~/lib/locales";
import { seedDemo } from "../../prisma/seed";
import { startServer } from "../../server/app";
import { TestClient } from "../support/http-client";

const PAGES = ["/", "/activities", "/groups", "/login"];

/** The banner's text in a page, wherever it sits; the page also carries the translations, so look in the markup. */
const asReactWritesIt = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const bannerIn = (html: string, locale: Locale) => html.includes(`role="note">${asReactWritesIt(serverT(locale)("demo.banner"))}<`);

async function pagesOf(url: string, locale: Locale) {
  const client = new TestClient(url, { "accept-language": locale });
  return Promise.all(PAGES.map(async (path) => ({ path, html: await (await client.get(path)).text() })));
}

describe("demo data banner", () => {
  it("is absent without demo accounts and on every page once the demo community is loaded", async () => {
    const plain = await startServer({ port: 0, host: "127.0.0.1" });
    try {
      for (const { path, html } of await pagesOf(plain.url, "en")) expect(bannerIn(html, "en"), path).toBe(false);
    } finally {
      await plain.close();
    }

    expect(await seedDemo()).toBeGreaterThan(0);
    const demo = await startServer({ port: 0, host: "127.0.0.1" });
    try {
      for (const locale of ["en", "nl", "uk", "ar"] as const) {
        for (const { path, html } of await pagesOf(demo.url, locale)) expect(bannerIn(html, locale), `${locale} ${path}`).toBe(true);
      }
    } finally {
      await demo.close();
    }
  });
});
