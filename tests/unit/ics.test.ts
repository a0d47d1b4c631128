import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, type IcsEvent } from "~/domain/activities/ics";

const NOW = new Date("2026-11-20T09:15:42.123Z");

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: "activity-42-1@meedoen.example",
  startsAt: new Date("2026-12-01T18:00:00Z"),
  endsAt: new Date("2026-12-01T19:30:00Z"),
  summary: "Taalcafé",
  status: "CONFIRMED",
  sequence: 0,
  lastModified: new Date("2026-11-01T12:00:00Z"),
  ...overrides,
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((component) => ({ component, event: new ICAL.Event(component) }));
  return { calendar, events };
}

const physicalLines = (ics: string) => ics.split("\r\n").slice(0, -1);
const unfold = (ics: string) => ics.replace(/\r\n /g, "");
const logicalLines = (ics: string) => unfold(ics).split("\r\n").slice(0, -1);
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** RFC 5545 reading of a comma-separated TEXT list: a backslash always escapes the next character. */
function splitTextList(value: string): string[] {
  const values = [""];
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === ",") values.push("");
    else if (char === "\\") {
      const next = value[++i];
      values[values.length - 1] += next === "n" || next === "N" ? "\n" : next;
    } else values[values.length - 1] += char;
  }
  return values;
}

/** Checks the octet-level rules on the encoded output, as a client receives it. */
function expectWellFormed(ics: string) {
  const bytes = Buffer.from(ics, "utf8");
  expect(bytes.subarray(-2).toString("latin1")).toBe("\r\n");
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    expect(line.length).toBeLessThanOrEqual(75);
    // Throws if a fold split a multi-byte sequence.
    expect(() => strictUtf8.decode(line)).not.toThrow();
    start = i + 2;
  }
  expect(start).toBe(bytes.length);
  // No bare CR or LF anywhere: every line break is CRLF.
  expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of physicalLines(ics)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
}

describe("buildCalendar", () => {
  it("writes the calendar header and one VEVENT per event, in UTC", () => {
    const ics = buildCalendar({ name: "Meedoen, Utrecht; taal", events: [event()], refreshHours: 6, now: NOW });
    expect(logicalLines(ics)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Meedoen//Meedoen//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Meedoen\\, Utrecht\\; taal",
      "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
      "X-PUBLISHED-TTL:PT6H",
      "BEGIN:VEVENT",
      "UID:activity-42-1@meedoen.example",
      "DTSTAMP:20261120T091542Z",
      "DTSTART:20261201T180000Z",
      "DTEND:20261201T193000Z",
      "SUMMARY:Taalcafé",
      "STATUS:CONFIRMED",
      "SEQUENCE:0",
      "LAST-MODIFIED:20261101T120000Z",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
    expectWellFormed(ics);
    const { calendar } = parse(ics);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(String(calendar.getFirstPropertyValue("refresh-interval"))).toBe("PT6H");
  });

  it("omits the refresh properties without refreshHours and honours a custom PRODID", () => {
    const ics = buildCalendar({ name: "x", events: [], productId: "-//Acme//Agenda//NL", now: NOW });
    expect(ics).not.toContain("REFRESH-INTERVAL");
    expect(ics).not.toContain("X-PUBLISHED-TTL");
    expect(ics).toContain("\r\nPRODID:-//Acme//Agenda//NL\r\n");
    expect(parse(ics).events).toHaveLength(0);
  });

  it("refuses a refreshHours that is not a positive integer", () => {
    for (const refreshHours of [0, -1, 1.5, Number.NaN]) {
      expect(() => buildCalendar({ name: "x", events: [], refreshHours, now: NOW })).toThrow(RangeError);
    }
  });

  it("uses the current time as DTSTAMP by default", () => {
    const before = Date.now();
    const { events } = parse(buildCalendar({ name: "x", events: [event()] }));
    const stamp = events[0].component.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toJSDate().getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamp.toJSDate().getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("round-trips text with separators, newlines, Ukrainian, Arabic and emoji through ical.js", () => {
    const events = [
      event({
        uid: "a-1@meedoen",
        summary: "Koffie, thee; en\\ meer\nRegel twee",
        description: "Welkom!\r\nЛаскаво просимо до мовного кафе, приходьте всі; 🎉☕\nمرحبا بكم في مقهى اللغة، الجميع مرحب بهم 🇳🇱👩🏽‍🤝‍👩🏻",
        location: "Bibliotheek Neude, Utrecht; 1e verdieping",
        categories: ["taal, cultuur", "koffie;thee", "мова"],
      }),
      event({
        uid: "b-2@meedoen",
        summary: "Мовне кафе — مقهى اللغة — 🗣️🌍 ".repeat(4),
        startsAt: new Date("2027-03-30T17:00:00Z"),
        endsAt: new Date("2027-03-30T18:30:00Z"),
        status: "TENTATIVE",
        sequence: 3,
      }),
    ];
    const ics = buildCalendar({ name: "Мовне кафе, مقهى", events, now: NOW });
    expectWellFormed(ics);
    const parsed = parse(ics).events;
    expect(parsed).toHaveLength(2);

    expect(parsed[0].event.uid).toBe("a-1@meedoen");
    expect(parsed[0].event.summary).toBe("Koffie, thee; en\\ meer\nRegel twee");
    expect(parsed[0].event.description).toBe("Welkom!\nЛаскаво просимо до мовного кафе, приходьте всі; 🎉☕\nمرحبا بكم في مقهى اللغة، الجميع مرحب بهم 🇳🇱👩🏽‍🤝‍👩🏻");
    expect(parsed[0].event.location).toBe("Bibliotheek Neude, Utrecht; 1e verdieping");
    expect(parsed[0].component.getFirstProperty("categories")!.getValues()).toEqual(["taal, cultuur", "koffie;thee", "мова"]);
    expect(logicalLines(ics)).toContain("CATEGORIES:taal\\, cultuur,koffie\\;thee,мова");
    expect(parsed[0].event.startDate.toJSDate().toISOString()).toBe("2026-12-01T18:00:00.000Z");
    expect(parsed[0].event.endDate.toJSDate().toISOString()).toBe("2026-12-01T19:30:00.000Z");
    expect(parsed[0].event.startDate.zone.tzid).toBe("UTC");
    expect(parsed[0].component.getFirstPropertyValue("status")).toBe("CONFIRMED");

    expect(parsed[1].event.uid).toBe("b-2@meedoen");
    expect(parsed[1].event.summary).toBe(events[1].summary);
    expect(parsed[1].event.startDate.toJSDate().toISOString()).toBe("2027-03-30T17:00:00.000Z");
    expect(parsed[1].event.endDate.toJSDate().toISOString()).toBe("2027-03-30T18:30:00.000Z");
    expect(parsed[1].event.sequence).toBe(3);
    expect(parsed[1].component.getFirstPropertyValue("status")).toBe("TENTATIVE");
    // ical.js leaves X- properties unparsed, so this is the escaped form.
    expect(parse(ics).calendar.getFirstPropertyValue("x-wr-calname")).toBe("Мовне кафе\\, مقهى");
  });

  it("marks a cancelled event STATUS:CANCELLED", () => {
    const ics = buildCalendar({ name: "x", events: [event({ status: "CANCELLED", sequence: 2 })], now: NOW });
    expect(logicalLines(ics)).toContain("STATUS:CANCELLED");
    expect(logicalLines(ics)).toContain("SEQUENCE:2");
    expect(parse(ics).events[0].component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("writes http(s) URLs unescaped and omits every other scheme", () => {
    const urlOf = (url: string) => {
      const ics = buildCalendar({ name: "x", events: [event({ url })], now: NOW });
      return parse(ics).events[0].component.getFirstPropertyValue("url");
    };
    expect(urlOf("https://meedoen.example/activities/42?from=ics,feed;x")).toBe("https://meedoen.example/activities/42?from=ics,feed;x");
    expect(urlOf("HTTP://Meedoen.example")).toBe("http://meedoen.example/");
    expect(urlOf("javascript:alert(1)")).toBeNull();
    expect(urlOf("JavaScript:alert(document.cookie)//https://x")).toBeNull();
    expect(urlOf("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(urlOf("ftp://meedoen.example/file")).toBeNull();
    expect(urlOf("/activities/42")).toBeNull();
    expect(urlOf("not a url")).toBeNull();
  });

  it("cannot be made to emit extra properties through text or URLs", () => {
    const ics = buildCalendar({
      name: "x\r\nMETHOD:CANCEL",
      events: [
        event({
          summary: "Hi\r\nATTENDEE:mailto:evil@example.com",
          location: "a\nEND:VEVENT\nBEGIN:VEVENT",
          url: "https://meedoen.example/\r\nX-EVIL:1",
        }),
      ],
      now: NOW,
    });
    expectWellFormed(ics);
    const lines = logicalLines(ics);
    expect(lines.filter((line) => /^(METHOD|ATTENDEE|X-EVIL|BEGIN:VEVENT)/.test(line))).toEqual(["METHOD:PUBLISH", "BEGIN:VEVENT"]);
    const [{ event: parsed }] = parse(ics).events;
    expect(parsed.summary).toBe("Hi\nATTENDEE:mailto:evil@example.com");
    expect(parsed.attendees).toHaveLength(0);
  });

  it("folds long lines at 75 octets, and unfolding gives back the logical lines", () => {
    const summary = "Lange titel met heel veel woorden ".repeat(10).trim();
    const ics = buildCalendar({ name: "x", events: [event({ summary })], now: NOW });
    expectWellFormed(ics);
    const physical = physicalLines(ics);
    const first = physical.findIndex((line) => line.startsWith("SUMMARY:"));
    const next = physical.findIndex((line, i) => i > first && !line.startsWith(" "));
    const summaryLines = physical.slice(first, next);
    expect(summaryLines.length).toBeGreaterThan(4);
    expect(summaryLines.slice(0, -1).every((line) => Buffer.byteLength(line) === 75)).toBe(true);
    expect(logicalLines(ics)).toContain(`SUMMARY:${summary}`);
    expect(parse(ics).events[0].event.summary).toBe(summary);
  });

  it("strips CR and control characters that TEXT may not contain, keeping tabs", () => {
    const ics = buildCalendar({ name: "x", events: [event({ summary: "a\rb\u0000c\u0007d\te\u007ff\r\ng" })], now: NOW });
    expect(logicalLines(ics)).toContain("SUMMARY:abcd\tef\\ng");
    expect(parse(ics).events[0].event.summary).toBe("abcd\tef\ng");
  });

  it("writes the categories only when there are some", () => {
    const events = [event({ categories: [] }), event({ categories: ["", "\r", "sport"] })];
    const ics = buildCalendar({ name: "x", events, now: NOW });
    expect(logicalLines(ics).filter((line) => line.startsWith("CATEGORIES"))).toEqual(["CATEGORIES:sport"]);
  });

  it("separates categories with bare commas, even after an escaped backslash", () => {
    const ics = buildCalendar({ name: "x", events: [event({ categories: ["C:\\", "a,b", "x"] })], now: NOW });
    const line = logicalLines(ics).find((l) => l.startsWith("CATEGORIES:"))!;
    expect(line).toBe("CATEGORIES:C:\\\\,a\\,b,x");
    expect(splitTextList(line.slice("CATEGORIES:".length))).toEqual(["C:\\", "a,b", "x"]);
  });

  it("refuses invalid dates and sequences instead of writing a broken file", () => {
    expect(() => buildCalendar({ name: "x", events: [event({ startsAt: new Date(Number.NaN) })], now: NOW })).toThrow(RangeError);
    expect(() => buildCalendar({ name: "x", events: [event({ sequence: -1 })], now: NOW })).toThrow(RangeError);
    expect(() => buildCalendar({ name: "x", events: [event({ sequence: 1.5 })], now: NOW })).toThrow(RangeError);
  });
});

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and newline; drops CR", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nfg");
    expect(escapeText("plain: text")).toBe("plain: text");
  });
});

describe("foldLine", () => {
  it("keeps a line of exactly 75 octets whole and folds the 76th", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
    expect(foldLine("x".repeat(75 + 74 + 1))).toBe(`${"x".repeat(75)}\r\n ${"x".repeat(74)}\r\n x`);
    expect(foldLine("")).toBe("");
  });

  it("moves a multi-byte character that would cross the limit to the next line", () => {
    // 74 ASCII octets + a 4-octet emoji: the emoji may not be split.
    expect(foldLine(`${"x".repeat(74)}😀`)).toBe(`${"x".repeat(74)}\r\n 😀`);
    // 73 + 2-octet "é" fits exactly in 75.
    expect(foldLine(`${"x".repeat(73)}éy`)).toBe(`${"x".repeat(73)}é\r\n y`);
    expect(foldLine(`${"x".repeat(74)}éy`)).toBe(`${"x".repeat(74)}\r\n éy`);
    // 72 + 4 octets: the emoji (two UTF-16 code units) moves whole, its surrogates stay together.
    expect(foldLine(`${"x".repeat(72)}😀`)).toBe(`${"x".repeat(72)}\r\n 😀`);
    expect(foldLine(`${"x".repeat(71)}😀y`)).toBe(`${"x".repeat(71)}😀\r\n y`);
  });
});

describe("properties", () => {
  // Code points of every UTF-8 width equally often (1, 2, 3 and 4 octets; the last are surrogate
  // pairs in JS), so that fold points land inside wide characters often.
  const anyCodePoint = fc
    .oneof(
      fc.integer({ min: 0x00, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0x7ff }),
      fc.integer({ min: 0x800, max: 0xd7ff }),
      fc.integer({ min: 0xe000, max: 0xffff }),
      fc.integer({ min: 0x10000, max: 0x10ffff }),
    )
    .map((codePoint) => String.fromCodePoint(codePoint));
  // size "max": fast-check otherwise keeps strings short, and short strings never fold.
  const anyText = fc.oneof(fc.string({ unit: anyCodePoint, maxLength: 300, size: "max" }), fc.string({ unit: "grapheme", maxLength: 100, size: "max" }));
  const sanitized = (text: string) => text.replace(/\r\n/g, "\n").replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");

  it("folding never exceeds 75 octets, never splits a character, and unfolds to the input", () => {
    fc.assert(
      fc.property(
        anyText.map((s) => s.replace(/[\r\n]/g, "")),
        (line) => {
          const folded = foldLine(`SUMMARY:${line}`);
          const physical = folded.split("\r\n");
          physical.forEach((part, i) => {
            expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
            expect(() => strictUtf8.decode(Buffer.from(part, "utf8"))).not.toThrow();
            // A split surrogate pair would survive the round-trip as U+FFFD.
            expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
            if (i > 0) expect(part.startsWith(" ")).toBe(true);
          });
          expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${line}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("any text survives a round-trip through ical.js in a well-formed file", () => {
    fc.assert(
      fc.property(anyText, anyText, fc.array(anyText, { maxLength: 3 }), (summary, description, categories) => {
        const ics = buildCalendar({
          name: summary,
          events: [event({ summary, description, location: description, categories })],
          now: NOW,
        });
        expectWellFormed(ics);
        const [{ event: parsed, component }] = parse(ics).events;
        expect(parsed.summary).toBe(sanitized(summary));
        if (description) {
          expect(parsed.description).toBe(sanitized(description));
          expect(parsed.location).toBe(sanitized(description));
        }
        const written = categories.map(sanitized).filter((category) => category !== "");
        if (written.length === 0) expect(component.hasProperty("categories")).toBe(false);
        else {
          const line = logicalLines(ics).find((l) => l.startsWith("CATEGORIES:"))!;
          expect(splitTextList(line.slice("CATEGORIES:".length))).toEqual(written);
          // ical.js 2.2.1 splits "a\\,b" at the wrong place: it takes any comma after a backslash
          // as escaped, even when that backslash is itself escaped. Our output is right (RFC 5545
          // §3.3.11), so ical.js only checks the values that do not end in a backslash.
          if (written.every((category) => !category.endsWith("\\"))) {
            expect(component.getFirstProperty("categories")!.getValues()).toEqual(written);
          }
        }
        expect(parsed.startDate.toJSDate().toISOString()).toBe("2026-12-01T18:00:00.000Z");
      }),
      { numRuns: 300 },
    );
  });
});
