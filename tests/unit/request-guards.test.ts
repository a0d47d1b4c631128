import { describe, expect, it } from "vitest";
import { isMalformedAddress } from "../../server/http/address-guard";

describe("malformed addresses", () => {
  it("refuses escapes that do not decode and NUL bytes, and nothing else", () => {
    for (const url of ["/activities/%E0%A4%A", "/groups/%ff", "/x/%", "/a%00b", "/?q=%00"]) expect(isMalformedAddress(url), url).toBe(true);
    for (const url of ["/", "/activities/%D0%BE", "/groups/caf%C3%A9", "/activities?q=%ff", "/a+b"]) expect(isMalformedAddress(url), url).toBe(false);
  });
});
