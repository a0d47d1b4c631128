/**
 * True for a host name or address that never leaves this machine: `localhost`, 127.0.0.0/8 and
 * ::1, also written in brackets (as in a URL) or as an IPv4-mapped IPv6 address (as a socket
 * reports an IPv4 peer on a dual-stack server). Anything else counts as reachable from outside.
 */
export function isLoopback(hostOrAddress: string | undefined | null): boolean {
  if (!hostOrAddress) return false;
  const host = hostOrAddress
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/^::ffff:(?=\d+\.)/, "");
  if (host === "localhost" || host === "::1") return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}
