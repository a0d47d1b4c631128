import type { WebSocket as PageSocket } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signInAs, useBrowser } from "../support/browser";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/**
 * The CSP says `connect-src 'self'` and nothing for ws: or wss:. CSP Level 3 lets 'self' match
 * ws/wss to the page's own host and port; this proves Chromium does so, because the Socket.IO
 * client would otherwise fall back to long polling without anyone noticing.
 */
describe("Content-Security-Policy and the live connection", () => {
  it("opens Socket.IO over a WebSocket to our own origin, and blocks one to another origin", async () => {
    await browser.flow("csp-websocket", { locale: "nl-NL" }, async (page) => {
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
      });
      const sockets: PageSocket[] = [];
      page.on("websocket", (socket) => sockets.push(socket));
      await signInAs(page, target.url, "olena"); // signed in, the notification bell opens the live connection
      await expect.poll(() => sockets.filter((s) => !s.isClosed()).map((s) => new URL(s.url()).host), { timeout: 10_000 }).toContain(new URL(target.url).host);
      const ours = sockets.find((s) => s.url().includes("/socket.io/"))!;
      expect(ours.url()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/socket\.io\/\?EIO=4&transport=websocket/);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);

      // Another origin (same machine, other address) is refused by the policy itself.
      const other = target.url.replace("127.0.0.1", "127.0.0.2").replace(/^http/, "ws");
      await page.evaluate((url) => {
        try {
          new WebSocket(url);
        } catch {
          // Chromium reports the violation as an event; some versions also throw.
        }
      }, `${other}/socket.io/?EIO=4&transport=websocket`);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), { timeout: 5_000 })
        .toEqual([expect.stringMatching(/^connect-src ws:\/\/127\.0\.0\.2:\d+/)]);
    });
  });
});
