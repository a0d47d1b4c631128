import { HtmlValidate, type Message } from "html-validate";
import { describe, expect, it } from "vitest";
import { createGroup } from "~/domain/groups/groups.server";
import { LOCALE_COOKIE } from "~/lib/i18n.server";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";
import { LOCALES } from "../support/journeys";
import { builtRoutes, fill } from "../support/routes-manifest";
import { useServer } from "../support/server";

const target = useServer();

/**
 * The recommended rules, less four that judge how React writes valid HTML rather than whether
 * it is valid: it closes void elements with a slash (`<meta/>`: allowed by the HTML syntax), writes
 * attribute names in its camel case (`charSet`, `autoComplete`: attribute names are
 * case-insensitive), and writes boolean and empty attributes as `name=""` (`required=""`,
 * `download=""`: one of the allowed forms, and the one React always uses).
 */
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: { "void-style": "off", "attr-case": "off", "attribute-boolean-style": "off", "attribute-empty-style": "off" },
});

/** What a visitor who is not signed in can open as a page: every built route that answers 200 with HTML, plus the views a query string gives. */
async function publicPages(values: Record<string, string>) {
  const pages: string[] = [];
  for (const route of await builtRoutes()) {
    const path = fill(route.pattern, values);
    const response = await fetch(target.url + path, { redirect: "manual" });
    await response.arrayBuffer();
    if (response.status === 200 && response.headers.get("content-type")?.startsWith("text/html")) pages.push(path);
  }
  const nextMonth = localDate(31).slice(0, 7);
  return [
    ...pages,
    "/activities?view=calendar",
    `/activities?view=calendar&month=${nextMonth}`,
    "/activities?kind=workshop&place=GM0344&evening=1",
    "/activities?from=2025-13-45&to=notadate", // the note about ignored filters
    "/no-such-page", // the not-found page
  ];
}

/** The document as the browser parses it: the scripts Remix streams after </html> are left out. */
function documentOf(html: string) {
  const end = html.indexOf("</html>");
  return end >= 0 ? html.slice(0, end + "</html>".length) : html;
}

const describeMessage = (path: string, locale: string, message: Message) =>
  `${locale} ${path} ${message.line}:${message.column} ${message.ruleId}: ${message.message}${message.selector ? ` (${message.selector})` : ""}`;

describe("HTML of every public page in every language", () => {
  it("is valid (html-validate, recommended rules) and holds no NUL", async () => {
    const organiser = await personIn("nl", { isOrganiser: true });
    const group = await createGroup(organiser.id, { name: "Fietsclub Utrecht", description: "Samen fietsen, elke week.\n\nВелоклуб · نادي الدراجات", interest: "cycling", municipalityCode: "GM0344" });
    const activityId = await publishedActivity(organiser.id, {
      ...activityForm({
        kind: "workshop",
        contentLocales: [...LOCALES],
        titles: ["Bike repair", "Fietsreparatie", "Ремонт велосипедів", "إصلاح الدراجات"],
        summaries: ["Fix your bike together.", "Samen je fiets maken.", "Лагодимо велосипеди разом.", "نصلح الدراجات معًا."],
        descriptions: ["Bring your bike.\n\nTools are there.", "Neem je fiets mee.", "Беріть свій велосипед.", "أحضر دراجتك."],
        municipalityCode: "GM0344",
        capacity: "12",
        groupId: group.id,
        accessibilityNotes: "Step-free entrance",
      }),
    });
    const pages = await publicPages({ id: activityId, slug: group.slug });
    // The derivation must find the pages a visitor knows, or it proves nothing.
    expect(pages).toEqual(expect.arrayContaining(["/", "/activities", `/activities/${activityId}`, "/groups", `/groups/${group.slug}`, "/login", "/register", "/buddies"]));

    console.info(`validating ${pages.length} pages × ${LOCALES.length} languages: ${pages.join(" ")}`);
    const problems: string[] = [];
    for (const locale of LOCALES) {
      for (const path of pages) {
        const response = await fetch(target.url + path, { headers: { cookie: `${LOCALE_COOKIE}=${locale}` } });
        const html = await response.text();
        expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
        const nul = html.indexOf("\u0000");
        if (nul >= 0) problems.push(`${locale} ${path}: NUL at ${nul}`);
        expect(html, `${locale} ${path}`).toContain(`lang="${locale}"`);
        const report = await validator.validateString(documentOf(html));
        for (const result of report.results) for (const message of result.messages) problems.push(describeMessage(path, locale, message));
      }
    }
    expect(problems).toEqual([]);
  });
});
