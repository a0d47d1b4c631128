import { describe, expect, it } from "vitest";
import { createGroup } from "~/domain/groups/groups.server";
import { db } from "~/lib/db.server";
import { makePerson, publishedActivity } from "../support/factories";
import { clientFor, TestClient } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();

// Two-, three- and four-byte characters: Cyrillic and Arabic letters, typographic marks, emoji.
const UKRAINIAN = "Людина має право на зустріч — розмову про роботу, житло й навчання… 🇺🇦 ";
const ARABIC = "مرحبا بكم في لقاء الجيران، نتحدث عن العمل والسكن والدراسة… 🌍 ";

/** `length` characters (code points) of `text` after `prefix` ASCII letters, so that the same page shifts by 0–3 bytes. */
const phrase = (text: string, prefix: number, length: number) =>
  Array.from(`${"x".repeat(prefix)}${text.repeat(Math.ceil(length / text.length))}`)
    .slice(0, length)
    .join("")
    .trim();

const REPLACEMENT = Buffer.from("\uFFFD", "utf8");

async function bytesOf(client: TestClient, path: string) {
  const response = await client.get(path);
  expect(response.status, path).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("streamed HTML in Ukrainian and Arabic", () => {
  it("has no NUL byte and no replacement character, and every text arrives exactly as stored", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const titles: Record<string, string[]> = {};
    const paths: string[] = ["/", "/groups", "/activities", "/activities?page=2", "/activities?view=calendar"];
    for (let prefix = 0; prefix < 4; prefix++) {
      const group = await createGroup(organiser, {
        name: phrase(UKRAINIAN, prefix, 70),
        description: [phrase(ARABIC, prefix, 400), phrase(UKRAINIAN, prefix + 1, 400)].join("\n\n"),
      });
      paths.push(`/groups/${group.slug}`);
      for (let variant = 0; variant < 6; variant++) {
        const shift = (prefix + variant) % 4;
        const title = [phrase(UKRAINIAN, shift, 60 + variant * 9), phrase(ARABIC, shift, 60 + variant * 9)];
        const id = await publishedActivity(organiser, {
          contentLocales: ["uk", "ar"],
          titles: title,
          summaries: [phrase(UKRAINIAN, shift + 1, 120 + variant * 30), phrase(ARABIC, shift + 2, 120 + variant * 30)],
          descriptions: [phrase(UKRAINIAN, shift, 600 + variant * 101), phrase(ARABIC, shift, 600 + variant * 101)],
          venue: phrase(UKRAINIAN, shift, 40),
          groupId: variant % 2 ? group.id : "",
          spokenLanguages: ["uk", "ar", "nl"],
        });
        titles[`/activities/${id}`] = title;
        paths.push(`/activities/${id}`);
      }
    }

    const problems: string[] = [];
    let pages = 0;
    let bytes = 0;
    for (const locale of ["uk", "ar"]) {
      const anonymous = new TestClient(target.url, { "accept-language": locale });
      const reader = await makePerson();
      await db().user.update({ where: { id: reader }, data: { locale, displayName: locale === "uk" ? "Олена" : "سلمى" } });
      const signedIn = await clientFor(target.url, reader);
      const visits = [
        ...["/register", "/login", ...paths].map((path) => [anonymous, path] as const),
        ...["/profile", "/account", "/activities/mine", ...paths].map((path) => [signedIn, path] as const),
      ];
      for (const [client, path] of visits) {
        const body = await bytesOf(client, path);
        expect(body.includes(`lang="${locale}"`), path).toBe(true);
        pages++;
        bytes += body.length;
        const at = body.indexOf(0);
        if (at >= 0) problems.push(`${locale} ${path}: NUL at byte ${at}`);
        const replaced = body.indexOf(REPLACEMENT);
        if (replaced >= 0) problems.push(`${locale} ${path}: U+FFFD at byte ${replaced}`);
        let html: string;
        try {
          html = new TextDecoder("utf-8", { fatal: true }).decode(body);
        } catch {
          problems.push(`${locale} ${path}: not valid UTF-8`);
          continue;
        }
        const title = titles[path]?.[locale === "uk" ? 0 : 1];
        // Once in the page, once in the loader data streamed to the browser.
        if (title && html.split(title).length - 1 < 2) problems.push(`${locale} ${path}: the title did not arrive whole twice`);
      }
    }
    console.info(`streaming-nul: ${pages} pages, ${bytes} bytes, ${problems.length} problems`);
    expect(problems).toEqual([]);
  }, 180_000); // 142 pages rendered and read in full: minutes on a loaded machine, not a speed target
});
