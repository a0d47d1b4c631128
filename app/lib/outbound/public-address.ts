import { BlockList, isIP } from "node:net";

/**
 * Which addresses an outgoing request may reach (decision 037): only public ones. Refused are
 * loopback, private, link-local (the cloud metadata address among them), CGNAT, "this network",
 * documentation, benchmark, multicast and reserved ranges, IPv6 loopback, unique-local and
 * link-local, and every IPv6 form that carries an IPv4 address (mapped, compatible, NAT64, 6to4),
 * which is judged by the IPv4 address it carries.
 *
 * Odd spellings of IPv4 (decimal `2130706433`, octal `0177.0.0.1`, hex `0x7f.1`, short `127.1`)
 * are turned into dotted quads by the WHATWG URL parser before they get here; `hostOf` reads them.
 */
const refused = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  refused.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  refused.addSubnet(network, prefix, "ipv6");
}

/** The 16 bytes of an IPv6 address (with or without an IPv4 tail), or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase().split("%")[0];
  const tail = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  let tailBytes: number[] = [];
  if (tail) {
    tailBytes = tail[1].split(".").map(Number);
    if (tailBytes.some((byte) => byte > 255)) return null;
    text = text.slice(0, -tail[1].length) + "0:0";
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const words = (part: string) => (part === "" ? [] : part.split(":").map((word) => parseInt(word, 16)));
  const head = words(halves[0]);
  const rest = halves.length === 2 ? words(halves[1]) : [];
  const missing = 8 - head.length - rest.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const all = [...head, ...Array<number>(missing).fill(0), ...rest];
  if (all.some((word) => Number.isNaN(word) || word < 0 || word > 0xffff)) return null;
  const bytes = all.flatMap((word) => [word >> 8, word & 0xff]);
  if (tail) bytes.splice(12, 4, ...tailBytes);
  return bytes;
}

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
const quad = (bytes: number[]) => bytes.join(".");

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(bytes: number[]): string | null {
  const zeros = (count: number) => Array<number>(count).fill(0);
  if (startsWith(bytes, [...zeros(10), 0xff, 0xff])) return quad(bytes.slice(12)); // ::ffff:a.b.c.d
  if (startsWith(bytes, zeros(12))) return quad(bytes.slice(12)); // ::a.b.c.d, :: and ::1 among them
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)])) return quad(bytes.slice(12)); // 64:ff9b::/96
  if (startsWith(bytes, [0x20, 0x02])) return quad(bytes.slice(2, 6)); // 2002::/16
  return null;
}

/** True for an address (IPv4 or IPv6 text) that an outgoing request may reach. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !refused.check(address, "ipv4");
  if (family !== 6) return false;
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const inner = embeddedIpv4(bytes);
  if (inner !== null) return isPublicAddress(inner);
  return !refused.check(address.split("%")[0], "ipv6");
}

/** The host of a URL as it will be looked up: brackets off IPv6, a trailing dot off names. */
export function hostOf(url: URL): string {
  const host = url.hostname;
  if (host.startsWith("[") && host.endsWith("]")) return host.slice(1, -1);
  return host.replace(/\.$/, "").toLowerCase();
}

/** Names that are this machine without asking DNS. */
export const isLocalName = (host: string) => host === "localhost" || host.endsWith(".localhost") || host === "";
