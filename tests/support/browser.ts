import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startSession } from "~/domain/auth/lucia.server";
import { CHROMIUM_PATH } from "./services";

const require = createRequire(import.meta.url);
export const SCREENSHOTS = new URL("../e2e/screenshots/", import.meta.url).pathname;

export function useBrowser() {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    holder.browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage"],
    });
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return {
    async page(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await holder.browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
      return context.newPage();
    },
    /** Runs a flow in a fresh context; on failure keeps a screenshot of where it stopped. */
    async flow(name: string, options: BrowserContextOptions, steps: (page: Page) => Promise<void>) {
      const context = await holder.browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
      const page = await context.newPage();
      try {
        await steps(page);
      } catch (error) {
        await page.screenshot({ path: `${SCREENSHOTS}failed-${name}.png`, fullPage: true }).catch(() => undefined);
        console.error(`flow "${name}" stopped at ${page.url()}`);
        throw error;
      } finally {
        await context.close();
      }
    },
  };
}

let axe: string | undefined;
const axeSource = () => (axe ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));

/** Runs axe-core in the page and fails on serious or critical violations, listing them. */
export async function expectAccessible(page: Page, label: string) {
  // Evaluated through the DevTools protocol rather than a <script> tag, so that the page's
  // Content-Security-Policy stays in force for the code under test (no bypassCSP needed).
  await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
  });
  expect(violations, `accessibility of ${label}`).toEqual([]);
}

/** Signs a demo person in through the real form (every demo account shares one password). */
export async function signInAs(page: Page, baseUrl: string, name: string) {
  await page.goto(`${baseUrl}/login`);
  await page.fill("#field-email", `${name}@demo.meedoen.nl`);
  await page.fill("#field-password", "meedoen-demo");
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login")), page.click('main form button[type="submit"]')]);
}

/** Signs a person in by giving the page's context a fresh session cookie, as the sign-in form would. */
export async function signInWithSession(page: Page, baseUrl: string, userId: string) {
  const [pair] = (await startSession(userId)).split(";");
  const index = pair.indexOf("=");
  await page.context().addCookies([{ name: pair.slice(0, index), value: pair.slice(index + 1), url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
}

/**
 * Collects what a person would run into or a reviewer would flag while a page is used: uncaught
 * script errors, console errors and answers of 400 and above; `expectNone` also looks for NUL
 * characters in the document (they break PostgreSQL and screen readers alike) and fails with the
 * list. The document is read from the DOM, not from Playwright's copy of the response body: that
 * copy of a streamed page carries a stray 0 byte at offset 4095 (Chromium 156) that neither the
 * bytes on the wire nor the DOM contain.
 */
export function watchForProblems(page: Page, label: string) {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return {
    problems,
    async expectNone() {
      const html = await page.content();
      const at = html.indexOf("\u0000");
      const found = at >= 0 ? [`NUL character in ${page.url()}: ${JSON.stringify(html.slice(Math.max(0, at - 80), at + 20))}`] : [];
      expect([...problems, ...found], `problems on ${label}`).toEqual([]);
    },
  };
}

/**
 * Submits with a click and waits for the notice the action sends back ("Saved", "Olena is in"),
 * which arrives on the page the action leads to; returns its text. A notice already on the page
 * does not count: each one is a new element.
 */
export async function submitForNotice(page: Page, selector: string): Promise<string> {
  await page.evaluate(() => document.querySelectorAll(".page-notice").forEach((old) => old.setAttribute("data-seen", "")));
  await page.click(selector);
  const notice = page.locator(".page-notice:not([data-seen])");
  await notice.waitFor();
  return (await notice.textContent()) ?? "";
}

/**
 * Resolves once the page's Socket.IO client is connected (the server's "40" CONNECT packet has
 * arrived), which happens after hydration: from then on a form submit goes over the socket.
 * Call it before the page navigates, so that the socket is not missed.
 */
export function socketConnected(page: Page, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no Socket.IO connection within ${timeoutMs} ms on ${page.url()}`)), timeoutMs);
    page.on("websocket", (socket) => {
      if (!socket.url().includes("/socket.io/")) return;
      socket.on("framereceived", ({ payload }) => {
        if (String(payload).startsWith("40")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  });
}

const municipalityNames = new Map(
  (JSON.parse(readFileSync(new URL("../../prisma/reference/municipalities.json", import.meta.url), "utf8")) as { code: string; name: string }[]).map(
    (municipality) => [municipality.code, municipality.name],
  ),
);

/**
 * Chooses a municipality in a place field (components/place-field.tsx) as a person would: without
 * JavaScript in the native <select>; with it, by typing the name into the combobox that replaces
 * the <select> once the page hydrates, and taking it from the list.
 */
export async function choosePlace(page: Page, id: string, code: string) {
  const scripted = await page.evaluate(() => "__remixContext" in window);
  if (!scripted) return void (await page.locator(`select#${id}`).selectOption(code));
  const field = page.locator(`input#${id}[role="combobox"]`);
  await field.fill(municipalityNames.get(code) ?? code);
  await page.locator(`#${id}-listbox li[data-value="${code}"]`).first().click();
  await expect
    .poll(() => page.locator(`#${id}`).locator("xpath=ancestor::div[contains(@class, 'combobox')][1]/following-sibling::input[@type='hidden'][1]").inputValue())
    .toBe(code);
}
