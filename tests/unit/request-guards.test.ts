import { describe, expect, it } from "vitest";
import { isLoopback } from "~/lib/loopback";
import { isMalformedAddress } from "../../server/http/address-guard";
import { cacheControlFor, PRIVATE } from "../../server/http/cache-control";

describe("loopback addresses", () => {
  it("knows localhost, 127.0.0.0/8 and ::1 in the forms URLs and sockets write them", () => {
    for (const host of ["localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "::1", "[::1]", "::ffff:127.0.0.1"]) expect(isLoopback(host), host).toBe(true);
    for (const host of ["", undefined, "meedoen.nl", "localhost.example.nl", "127.0.0.1.nip.io", "128.0.0.1", "127.0.0.256", "::2", "10.0.0.1", "0.0.0.0"]) {
      expect(isLoopback(host), String(host)).toBe(false);
    }
  });
});

describe("malformed addresses", () => {
  it("refuses escapes that do not decode and NUL bytes, and nothing else", () => {
    for (const url of ["/activities/%E0%A4%A", "/groups/%ff", "/x/%", "/a%00b", "/?q=%00"]) expect(isMalformedAddress(url), url).toBe(true);
    for (const url of ["/", "/activities/%D0%BE", "/groups/caf%C3%A9", "/activities?q=%ff", "/a+b"]) expect(isMalformedAddress(url), url).toBe(false);
  });
});

describe("Cache-Control for personal answers", () => {
  it("makes every signed-in answer private, no-store unless the route declared it public", () => {
    expect(cacheControlFor({ signedIn: true, setsCookie: false, declared: null })).toBe(PRIVATE);
    expect(cacheControlFor({ signedIn: true, setsCookie: false, declared: "private, max-age=300" })).toBe(PRIVATE);
    expect(cacheControlFor({ signedIn: true, setsCookie: false, declared: "max-age=60" })).toBe(PRIVATE);
    expect(cacheControlFor({ signedIn: true, setsCookie: false, declared: "public, max-age=60" })).toBe("public, max-age=60");
  });

  it("never lets an answer that sets a cookie be cached, and leaves other anonymous answers alone", () => {
    expect(cacheControlFor({ signedIn: false, setsCookie: true, declared: "public, max-age=60" })).toBe(PRIVATE);
    expect(cacheControlFor({ signedIn: true, setsCookie: true, declared: "public, max-age=60" })).toBe(PRIVATE);
    expect(cacheControlFor({ signedIn: false, setsCookie: false, declared: null })).toBeNull();
    expect(cacheControlFor({ signedIn: false, setsCookie: false, declared: "public, max-age=60" })).toBe("public, max-age=60");
  });
});
