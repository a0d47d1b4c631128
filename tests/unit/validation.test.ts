import { describe, expect, it } from "vitest";
import { ProfileInput } from "~/domain/people/schemas.server";
import { RegisterInput } from "~/domain/auth/schemas.server";
import { DomainError } from "~/domain/errors";
import { formToObject, parseInput } from "~/lib/validation.server";
import { safeRedirectPath } from "~/lib/http.server";
import type { IncomingMessage } from "node:http";
import { isForeignOrigin, ownOrigin } from "../../server/http/security";

function fieldErrorsOf(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    return (error as DomainError).fieldErrors;
  }
  throw new Error("expected a validation error");
}

const profile = {
  displayName: "  Olena \u0007 ",
  locale: "uk",
  municipalityCode: "",
  languages: ["uk", "", "nl"],
  levels: ["native", "", "A2"],
  interests: ["yoga", "yoga"],
  sectors: [],
  availability: ["1-morning", "7-evening"],
};

describe("profile input", () => {
  it("normalises text, drops empty language rows and duplicates", () => {
    const parsed = parseInput(ProfileInput, profile);
    expect(parsed.displayName).toBe("Olena");
    expect(parsed.municipalityCode).toBeNull();
    expect(parsed.spokenLanguages).toEqual([
      { language: "uk", level: "native" },
      { language: "nl", level: "A2" },
    ]);
    expect(parsed.interests).toEqual(["yoga"]);
    expect(parsed.isNewcomer).toBe(false);
  });

  it("names the field and the translation key of each problem", () => {
    expect(fieldErrorsOf(ProfileInput, { ...profile, displayName: "" }).displayName.key).toBe("validation.required");
    expect(fieldErrorsOf(ProfileInput, { ...profile, languages: ["uk"], levels: [""] }).languages.key).toBe("profile.levelMissing");
    expect(fieldErrorsOf(ProfileInput, { ...profile, availability: ["0-morning"] }).availability.key).toBe("validation.invalid");
    expect(fieldErrorsOf(ProfileInput, { ...profile, availability: ["1-night"] }).availability.key).toBe("validation.invalid");
    expect(fieldErrorsOf(ProfileInput, { ...profile, locale: "de" }).locale.key).toBe("validation.invalidChoice");
    expect(fieldErrorsOf(ProfileInput, null).form.key).toBe("validation.required");
    expect(fieldErrorsOf(ProfileInput, { ...profile, interests: "yoga" }).interests.key).toBe("validation.invalid");
  });

  it("carries counts for length errors so the message can say how many", () => {
    const errors = fieldErrorsOf(RegisterInput, { email: "a@b.nl", password: "123", displayName: "A", locale: "en" });
    expect(errors.password).toEqual({ key: "validation.tooShort", values: { count: 10 } });
  });
});

describe("form reading", () => {
  it("keeps repeated fields as lists and single ones as values", () => {
    const form = new FormData();
    form.append("displayName", "Olena");
    form.append("interests", "yoga");
    form.append("interests", "chess");
    expect(formToObject(form, ["interests", "sectors"])).toEqual({ displayName: "Olena", interests: ["yoga", "chess"], sectors: [] });
  });
});

describe("request safety", () => {
  it("only redirects within the site", () => {
    expect(safeRedirectPath("/activities?x=1")).toBe("/activities?x=1");
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example")).toBe("/");
    expect(safeRedirectPath(null, "/home")).toBe("/home");
  });

  it("refuses mutations whose Origin is another site, by scheme, host and port", () => {
    const from = (headers: Record<string, string>, remoteAddress = "203.0.113.7") =>
      ({ headers: { host: "meedoen.nl", ...headers }, socket: { remoteAddress } }) as unknown as IncomingMessage;
    expect(isForeignOrigin(from({ origin: "https://evil.example" }), [])).toBe(true);
    expect(isForeignOrigin(from({ origin: "http://meedoen.nl" }), [])).toBe(false);
    expect(isForeignOrigin(from({ origin: "https://meedoen.nl" }), [])).toBe(true); // the server was reached over http
    expect(isForeignOrigin(from({ origin: "http://meedoen.nl:8080" }), [])).toBe(true);
    expect(isForeignOrigin(from({ origin: "https://meedoen.nl", host: "internal:3000" }), ["https://meedoen.nl"])).toBe(false);
    expect(isForeignOrigin(from({ origin: "http://internal:3000", host: "internal:3000" }), ["https://meedoen.nl"])).toBe(true);
    expect(isForeignOrigin(from({ origin: "null" }), [])).toBe(true);
    expect(isForeignOrigin(from({ referer: "https://evil.example/form" }), [])).toBe(true);
    expect(isForeignOrigin(from({ referer: "http://meedoen.nl/profile?x=1" }), [])).toBe(false);
    expect(isForeignOrigin(from({}), [])).toBe(false); // names no origin: the HTTP guard decides
  });

  it("takes the scheme from X-Forwarded-Proto only when a proxy on this machine sends it", () => {
    const via = (remoteAddress: string) =>
      ({ headers: { host: "meedoen.nl", "x-forwarded-proto": "https, http" }, socket: { remoteAddress } }) as unknown as IncomingMessage;
    expect(ownOrigin(via("127.0.0.1"))).toBe("https://meedoen.nl");
    expect(ownOrigin(via("::ffff:127.0.0.1"))).toBe("https://meedoen.nl");
    expect(ownOrigin(via("::1"))).toBe("https://meedoen.nl");
    expect(ownOrigin(via("198.51.100.4"))).toBe("http://meedoen.nl");
  });
});

describe("telling an unreachable database from a bug", () => {
  it("recognises connection failures however deep the driver wraps them", async () => {
    const { isDatabaseUnavailable } = await import("~/lib/database-unavailable");
    expect(isDatabaseUnavailable(new Error('database "x" is not currently accepting connections'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("boom"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("boom"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("logs", () => {
  it("mask e-mail addresses, session cookies and quoted free text", async () => {
    process.env.LOG_LEVEL ??= "info";
    const { redact } = await import("../../server/logger");
    const text = redact(
      'Unique constraint failed for olena@example.nl; cookie meedoen_session=abc123; value "Мене звати Олена і я живу в Заандамі з 2022 року"',
    );
    expect(text).not.toContain("olena@example.nl");
    expect(text).not.toContain("abc123");
    expect(text).not.toContain("Олена");
    expect(text).toContain("[e-mail]");
  });
});

describe("typed text far over its limit", () => {
  it("is refused with the field's own maximum, whether just over it or a long paste", async () => {
    const { LiveMessageInput } = await import("~/domain/live/schemas.server");
    for (const length of [501, 1001, 50_000]) {
      expect(fieldErrorsOf(LiveMessageInput, { activityId: "a", body: "x".repeat(length) }).body, `${length} characters`).toEqual({
        key: "validation.tooLong",
        values: { count: 500 },
      });
    }
    expect(parseInput(LiveMessageInput, { activityId: "a", body: ` ${"\u0001".repeat(400)}Hallo ` }).body).toBe("Hallo");
  });
});
