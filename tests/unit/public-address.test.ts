/**
 * Which addresses a webhook may reach (decision 037): every refused range, in every spelling a
 * URL can give it, is judged by the address it means; public addresses pass.
 */
import { describe, expect, it } from "vitest";
import { hostOf, isLocalName, isPublicAddress } from "~/lib/outbound/public-address";
import { REFUSED_URLS } from "../support/refused-urls";

describe("outgoing addresses", () => {
  it.each(REFUSED_URLS)("%s is refused (%s)", (url) => {
    expect(isPublicAddress(hostOf(new URL(url)))).toBe(false);
  });

  it.each([
    "https://93.184.216.34/hook",
    "https://8.8.8.8/hook",
    "https://172.32.0.1/hook",
    "https://100.128.0.1/hook",
    "https://[2606:4700:4700::1111]/hook",
    "https://[::ffff:8.8.8.8]/hook",
  ])("%s is public", (url) => {
    expect(isPublicAddress(hostOf(new URL(url)))).toBe(true);
  });

  it("treats localhost names as this machine, and text that is no address as not public", () => {
    expect(isLocalName(hostOf(new URL("http://localhost:3000/")))).toBe(true);
    expect(isLocalName(hostOf(new URL("http://api.LOCALHOST./")))).toBe(true);
    expect(isLocalName(hostOf(new URL("https://example.org/")))).toBe(false);
    expect(isPublicAddress("example.org")).toBe(false);
    expect(isPublicAddress("1:2:3")).toBe(false);
  });
});
