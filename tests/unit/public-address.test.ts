/**
 * Which addresses a webhook may reach (decision 037): every refused range, in every spelling a
 * URL can give it, is judged by the address it means; public addresses pass.
 */
import { describe, expect, it } from "vitest";
import { hostOf, isLocalName, isPublicAddress } from "~/lib/outbound/public-address";

/** A URL and the range it falls in; the URL parser turns the odd IPv4 spellings into dotted quads. */
export const REFUSED_URLS: [string, string][] = [
  ["http://127.0.0.1/hook", "loopback"],
  ["http://127.255.255.254/hook", "loopback, end of 127/8"],
  ["http://2130706433/hook", "loopback, decimal"],
  ["http://0177.0.0.1/hook", "loopback, octal"],
  ["http://0x7f.0.0.1/hook", "loopback, hex"],
  ["http://0x7f000001/hook", "loopback, one hex number"],
  ["http://127.1/hook", "loopback, short form"],
  ["http://10.0.0.1/hook", "private 10/8"],
  ["http://012.1.2.3/hook", "private 10/8, octal"],
  ["http://172.16.0.1/hook", "private 172.16/12"],
  ["http://172.31.255.255/hook", "private 172.16/12, end"],
  ["http://192.168.1.1/hook", "private 192.168/16"],
  ["http://3232235777/hook", "private 192.168/16, decimal"],
  ["http://169.254.169.254/latest/meta-data", "link-local, cloud metadata"],
  ["http://0xa9fea9fe/latest/meta-data", "cloud metadata, hex"],
  ["http://100.64.0.1/hook", "CGNAT 100.64/10"],
  ["http://100.127.255.254/hook", "CGNAT 100.64/10, end"],
  ["http://0.0.0.0/hook", "this network 0/8"],
  ["http://0/hook", "this network, decimal zero"],
  ["http://[::1]/hook", "IPv6 loopback"],
  ["http://[::]/hook", "IPv6 unspecified"],
  ["http://[fc00::1]/hook", "IPv6 unique local fc00::/7"],
  ["http://[fd12:3456:789a::1]/hook", "IPv6 unique local fd00::/8"],
  ["http://[fe80::1]/hook", "IPv6 link-local"],
  ["http://[::ffff:127.0.0.1]/hook", "IPv4-mapped loopback"],
  ["http://[::ffff:7f00:1]/hook", "IPv4-mapped loopback, hex"],
  ["http://[::ffff:169.254.169.254]/hook", "IPv4-mapped metadata"],
  ["http://[::ffff:a00:1]/hook", "IPv4-mapped 10/8"],
  ["http://[::127.0.0.1]/hook", "IPv4-compatible loopback"],
  ["http://[64:ff9b::10.0.0.1]/hook", "NAT64 of 10/8"],
  ["http://[2002:c0a8:101::1]/hook", "6to4 of 192.168.1.1"],
  ["http://224.0.0.1/hook", "multicast"],
  ["http://255.255.255.255/hook", "broadcast"],
];

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
