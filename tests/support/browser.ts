import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
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

/** Runs axe-core in the page and fails on serious or critical violations, listing them. */
export async function expectAccessible(page: Page, label: string) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
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
