import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendanceOverTime,
  countAttendance,
  countsAsPresent,
  minutesPresent,
  noShowsKnown,
  reachByTheme,
  toCsv,
  type AttendanceSession,
  type SignUpStatus,
} from "~/domain/attendance/aggregate";

const START = new Date("2026-12-01T18:00:00Z");
const END = new Date("2026-12-01T19:30:00Z");
const WINDOW = { start: START, end: END };
const AFTER = new Date("2026-12-02T09:00:00Z");

/** Minutes relative to the activity start. */
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const session = (userId: string, from: number, to: number | null): AttendanceSession => ({
  userId,
  joinedAt: at(from),
  leftAt: to === null ? null : at(to),
});

describe("minutesPresent", () => {
  it("adds up separate sessions of one person", () => {
    expect(minutesPresent([session("a", 0, 10), session("a", 20, 50)], WINDOW, AFTER)).toEqual([{ userId: "a", firstJoin: at(0), minutes: 40 }]);
  });

  it("merges overlapping sessions (two tabs) instead of double counting", () => {
    const sessions = [session("a", 0, 30), session("a", 10, 40), session("a", 35, 45), session("a", 5, 8)];
    expect(minutesPresent(sessions, WINDOW, AFTER)).toEqual([{ userId: "a", firstJoin: at(0), minutes: 45 }]);
  });

  it("merges a session contained in another and sessions that touch", () => {
    const sessions = [session("a", 0, 60), session("a", 10, 20), session("a", 60, 70)];
    expect(minutesPresent(sessions, WINDOW, AFTER)[0].minutes).toBe(70);
  });

  it("clips to 15 minutes before the start and 60 minutes after the end", () => {
    const result = minutesPresent([session("early", -40, 10), session("late", 80, 200)], WINDOW, AFTER);
    expect(result).toEqual([
      { userId: "early", firstJoin: at(-40), minutes: 25 },
      { userId: "late", firstJoin: at(80), minutes: 70 }, // until 90 + 60 = 150
    ]);
  });

  it("ignores sessions wholly outside the window and sessions that end before they start", () => {
    const sessions = [session("yesterday", -1440, -1400), session("a", -100, -15), session("b", 20, 10), session("c", 151, 160)];
    expect(minutesPresent(sessions, WINDOW, AFTER)).toEqual([]);
  });

  it("counts an open session until `until`, and until the clip end when `until` is later", () => {
    expect(minutesPresent([session("a", 5, null)], WINDOW, at(47))).toEqual([{ userId: "a", firstJoin: at(5), minutes: 42 }]);
    expect(minutesPresent([session("a", 5, null)], WINDOW, AFTER)[0].minutes).toBe(145);
  });

  it("rounds down to whole minutes after merging", () => {
    const seconds = (s: number) => new Date(START.getTime() + s * 1000);
    const sessions: AttendanceSession[] = [
      { userId: "a", joinedAt: seconds(0), leftAt: seconds(90) },
      { userId: "a", joinedAt: seconds(100), leftAt: seconds(130) },
      { userId: "b", joinedAt: seconds(0), leftAt: seconds(59) },
    ];
    expect(minutesPresent(sessions, WINDOW, AFTER).map((row) => [row.userId, row.minutes])).toEqual([
      ["a", 2],
      ["b", 0],
    ]);
  });

  it("sorts by first join (earliest real join, also when clipped), then by user id", () => {
    const sessions = [session("c", 30, 40), session("b", 0, 10), session("a", 0, 10), session("c", -30, -10)];
    expect(minutesPresent(sessions, WINDOW, AFTER).map((row) => [row.userId, row.firstJoin])).toEqual([
      ["c", at(-30)],
      ["a", at(0)],
      ["b", at(0)],
    ]);
  });

  it("never exceeds the clipped window length and never double counts (property)", () => {
    const windowMinutes = 15 + 90 + 60;
    fc.assert(
      fc.property(
        fc.array(fc.record({ userId: fc.constantFrom("a", "b"), from: fc.integer({ min: -60, max: 200 }), length: fc.integer({ min: 0, max: 120 }) })),
        (raw) => {
          const sessions = raw.map(({ userId, from, length }) => session(userId, from, from + length));
          for (const row of minutesPresent(sessions, WINDOW, AFTER)) {
            // Reference: count each covered minute of the clipped window once.
            const covered = new Set<number>();
            for (const s of raw.filter((r) => r.userId === row.userId)) {
              for (let m = Math.max(s.from, -15); m < Math.min(s.from + s.length, 150); m++) covered.add(m);
            }
            expect(row.minutes).toBe(covered.size);
            expect(row.minutes).toBeLessThanOrEqual(windowMinutes);
          }
        },
      ),
    );
  });
});

const checkIn = (id: string, userId: string | null, method = "list") => ({
  id,
  userId,
  walkInName: userId ? null : `Walk-in ${id}`,
  method: userId ? method : "walk-in",
});
const online = (userId: string, minutes: number) => ({ userId, minutes, firstJoin: at(0) });

describe("countAttendance", () => {
  it("counts present as people going who came plus walk-ins, and the rest of who was there apart", () => {
    const { figures, people } = countAttendance({
      signUps: [
        { userId: "a", status: "going" },
        { userId: "b", status: "going" },
        { userId: "c", status: "going" },
        { userId: "d", status: "going" },
        { userId: "w", status: "waitlisted" },
        { userId: "p", status: "pending" },
        { userId: "x", status: "cancelled" }, // checked in, then gave up the place
      ],
      checkIns: [checkIn("1", "a"), checkIn("2", "x"), checkIn("3", null), checkIn("4", "deleted:1")],
      online: [online("a", 30), online("b", 10), online("c", 0), online("host", 50), online("deleted:1", 40)],
      noShowsKnown: true,
      deletedAccounts: ["deleted:1"],
    });
    expect(figures).toEqual({
      signUps: 7,
      going: 4,
      waitlisted: 1,
      pending: 1,
      cancelled: 1,
      present: 4,
      presentGoing: 2,
      walkIns: 1,
      presentDeleted: 1,
      presentWithoutPlace: 2,
      noShows: 2,
      averageMinutes: 27,
    });
    expect(Object.fromEntries(people.map((row) => [row.userId ?? row.walkInName, row.counted]))).toEqual({
      a: "came",
      b: "came",
      c: "no-show",
      d: "no-show",
      w: null,
      p: null,
      x: "without-place",
      host: "without-place",
      "deleted:1": "account-deleted",
      "Walk-in 3": "walk-in",
    });
  });

  it("has no no-shows before the end: people going who have not come are not here yet", () => {
    const { figures, people } = countAttendance({
      signUps: [
        { userId: "a", status: "going" },
        { userId: "b", status: "going" },
      ],
      checkIns: [checkIn("1", "a"), checkIn("2", null)],
      online: [],
      noShowsKnown: false,
      deletedAccounts: [],
    });
    expect(figures).toMatchObject({ going: 2, present: 2, presentGoing: 1, walkIns: 1, noShows: null, averageMinutes: null });
    expect(people.find((row) => row.userId === "b")?.counted).toBe("not-arrived");
  });

  it("counts a person listed twice once: the last sign-up, the largest online figure", () => {
    const { figures, people } = countAttendance({
      signUps: [
        { userId: "a", status: "waitlisted" },
        { userId: "a", status: "going" },
      ],
      checkIns: [],
      online: [online("a", 5), online("a", 15)],
      noShowsKnown: true,
      deletedAccounts: [],
    });
    expect(people).toHaveLength(1);
    expect(figures).toMatchObject({ signUps: 1, going: 1, presentGoing: 1, noShows: 0, averageMinutes: 15 });
  });

  it("knows no-shows only once a published activity has ended", () => {
    const activity = { status: "published", endsAt: END };
    expect(noShowsKnown(activity, new Date(END.getTime() - 1))).toBe(false);
    expect(noShowsKnown(activity, END)).toBe(true);
    expect(noShowsKnown({ ...activity, status: "cancelled" }, AFTER)).toBe(false);
  });

  it("adds up for any sign-ups, check-ins and online minutes, and its people list agrees with its figures (property)", () => {
    const person = fc.constantFrom("a", "b", "c", "d", "e", "f", "host", "deleted:1");
    const status = fc.constantFrom<SignUpStatus[]>("going", "waitlisted", "pending", "cancelled");
    fc.assert(
      fc.property(
        fc.array(fc.record({ userId: person, status })),
        fc.uniqueArray(person), // one check-in per person and activity
        fc.nat(3),
        fc.array(fc.record({ userId: person, minutes: fc.integer({ min: 0, max: 200 }) })),
        fc.boolean(),
        (signUps, checkedInIds, walkInCount, minutes, known) => {
          const checkedIn = [...checkedInIds, ...Array.from({ length: walkInCount }, () => null)];
          const checkIns = checkedIn.map((userId, index) => checkIn(String(index), userId));
          // A stand-in never has a sign-up: deleting the account deleted it (decision 013).
          const withAccounts = signUps.filter((s) => s.userId !== "deleted:1");
          const { figures, people } = countAttendance({
            signUps: withAccounts,
            checkIns,
            online: minutes.map((m) => online(m.userId, m.minutes)),
            noShowsKnown: known,
            deletedAccounts: ["deleted:1"],
          });
          const lastStatus = new Map(withAccounts.map((s) => [s.userId, s.status]));
          const statusCount = (wanted: string) => [...lastStatus.values()].filter((s) => s === wanted).length;
          expect(figures.signUps).toBe(lastStatus.size);
          expect(figures.going + figures.waitlisted + figures.pending + figures.cancelled).toBe(figures.signUps);
          expect([figures.going, figures.waitlisted, figures.pending, figures.cancelled]).toEqual(
            ["going", "waitlisted", "pending", "cancelled"].map(statusCount),
          );
          expect(figures.present).toBe(figures.presentGoing + figures.walkIns + figures.presentDeleted);
          expect(figures.present).toBeLessThanOrEqual(figures.going + figures.walkIns + figures.presentDeleted);
          expect(figures.presentDeleted).toBeLessThanOrEqual(1);
          expect(figures.walkIns).toBe(checkedIn.filter((id) => id === null).length);
          expect(figures.noShows).toBe(known ? figures.going - figures.presentGoing : null);

          // The list, read by its raw columns, says the same as the figures.
          const there = (row: (typeof people)[number]) => row.checkedIn !== null || (row.minutes ?? 0) >= 1;
          const identified = people.filter((row) => row.userId !== null);
          expect(new Set(identified.map((row) => row.userId)).size).toBe(identified.length);
          expect(people.filter((row) => row.signUp === "going" && there(row)).length).toBe(figures.presentGoing);
          expect(people.filter((row) => row.checkedIn === "walk-in").length).toBe(figures.walkIns);
          expect(identified.filter((row) => row.userId === "deleted:1" && there(row)).length).toBe(figures.presentDeleted);
          expect(identified.filter((row) => row.userId !== "deleted:1" && row.signUp !== "going" && there(row)).length).toBe(figures.presentWithoutPlace);
          if (known) expect(people.filter((row) => row.signUp === "going" && !there(row)).length).toBe(figures.noShows);
          else expect(people.some((row) => row.counted === "no-show")).toBe(false);

          const presentMinutes = people.filter((row) => countsAsPresent(row) && (row.minutes ?? 0) >= 1).map((row) => row.minutes!);
          if (presentMinutes.length === 0) expect(figures.averageMinutes).toBeNull();
          else {
            expect(figures.averageMinutes).toBeGreaterThanOrEqual(Math.min(...presentMinutes));
            expect(figures.averageMinutes).toBeLessThanOrEqual(Math.max(...presentMinutes));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("attendanceOverTime", () => {
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 18));

  it("sorts by date and separates newcomers from returning people", () => {
    const result = attendanceOverTime([
      { activityId: "third", startsAt: day(15), attendeeIds: ["a", "c", "d"] },
      { activityId: "first", startsAt: day(1), attendeeIds: ["a", "b"] },
      { activityId: "second", startsAt: day(8), attendeeIds: ["b", "c", "c"] },
      { activityId: "fourth", startsAt: day(22), attendeeIds: [] },
    ]);
    expect(result).toEqual([
      { activityId: "first", startsAt: day(1), attended: 2, newcomers: 2, returning: 0 },
      { activityId: "second", startsAt: day(8), attended: 2, newcomers: 1, returning: 1 },
      { activityId: "third", startsAt: day(15), attended: 3, newcomers: 1, returning: 2 },
      { activityId: "fourth", startsAt: day(22), attended: 0, newcomers: 0, returning: 0 },
    ]);
  });

  it("keeps the input untouched and is empty for no occurrences", () => {
    const input = [
      { activityId: "b", startsAt: day(2), attendeeIds: ["x"] },
      { activityId: "a", startsAt: day(2), attendeeIds: ["x"] },
    ];
    expect(attendanceOverTime(input).map((row) => [row.activityId, row.newcomers, row.returning])).toEqual([
      ["a", 1, 0],
      ["b", 0, 1],
    ]);
    expect(input[0].activityId).toBe("b");
    expect(attendanceOverTime([])).toEqual([]);
  });

  it("newcomers over the whole series equal the number of distinct people (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom("a", "b", "c", "d", "e"))), (lists) => {
        const rows = attendanceOverTime(lists.map((ids, i) => ({ activityId: `o${i}`, startsAt: day(1 + i), attendeeIds: ids })));
        expect(rows.reduce((sum, row) => sum + row.newcomers, 0)).toBe(new Set(lists.flat()).size);
        for (const row of rows) expect(row.newcomers + row.returning).toBe(row.attended);
      }),
    );
  });
});

describe("reachByTheme", () => {
  it("counts each person once per theme, sorted by people then theme", () => {
    expect(
      reachByTheme([
        { userId: "a", themes: ["language", "sport"] },
        { userId: "a", themes: ["language"] }, // second activity of the same person
        { userId: "b", themes: ["language", "language"] },
        { userId: "c", themes: ["sport", "culture"] },
        { userId: "d", themes: ["art"] },
        { userId: "e", themes: [] },
      ]),
    ).toEqual([
      { theme: "language", people: 2 },
      { theme: "sport", people: 2 },
      { theme: "art", people: 1 },
      { theme: "culture", people: 1 },
    ]);
  });

  it("is empty without rows", () => {
    expect(reachByTheme([])).toEqual([]);
  });
});

/** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === "") {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += text[i++];
        }
      }
      if (i < text.length && text[i] !== "," && text[i] !== "\r") throw new Error(`text after closing quote at ${i}`);
    } else if (char === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else if (char === '"' || char === "\r" || char === "\n") {
      throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
    } else {
      field += char;
      i++;
    }
  }
  if (field !== "" || record.length > 0) throw new Error("last record without CRLF");
  return records;
}

const BOM = "\uFEFF";
const body = (csv: string) => {
  expect(csv.startsWith(BOM)).toBe(true);
  return csv.slice(1);
};

describe("toCsv", () => {
  it("starts with exactly one byte order mark and ends every line with CRLF", () => {
    const csv = toCsv(
      ["name", "minutes"],
      [
        ["Ann", 12],
        ["Bob", null],
      ],
    );
    expect(csv).toBe(`${BOM}name,minutes\r\nAnn,12\r\nBob,\r\n`);
    expect(csv.split(BOM)).toHaveLength(2);
    expect(csv.indexOf(BOM)).toBe(0);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, "n".charCodeAt(0)]);
  });

  it("has only the byte order mark and header without rows", () => {
    expect(toCsv(["a"], [])).toBe(`${BOM}a\r\n`);
  });

  it("quotes fields with commas, quotes and line breaks, doubling quotes", () => {
    const csv = toCsv(["x"], [["a,b"], ['say "hi"'], ["line1\nline2"], ["cr\rlf\r\n"], ["plain"]]);
    expect(csv).toBe(`${BOM}x\r\n"a,b"\r\n"say ""hi"""\r\n"line1\nline2"\r\n"cr\rlf\r\n"\r\nplain\r\n`);
  });

  it("keeps Cyrillic and Arabic names as they are, valid UTF-8", () => {
    const csv = toCsv(["naam"], [["Олександра Коваленко"], ["فاطمة الزهراء"], ["Zoë, née Ünal"]]);
    expect(csv).toBe(`${BOM}naam\r\nОлександра Коваленко\r\nفاطمة الزهراء\r\n"Zoë, née Ünal"\r\n`);
    const decoded = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(new TextEncoder().encode(csv));
    expect(decoded).toBe(csv);
  });

  it("defuses formulas with a leading apostrophe", () => {
    const csv = toCsv(["=cmd|' /C calc'!A0"], [["+1"], ["-2+3"], ["@SUM(A1)"], ["\tx"], ["\rx"], ["a=b"], [" =1"], [-5], [3.5]]);
    expect(parseCsv(body(csv))).toEqual([
      ["'=cmd|' /C calc'!A0"],
      ["'+1"],
      ["'-2+3"],
      ["'@SUM(A1)"],
      ["'\tx"],
      ["'\rx"],
      ["a=b"],
      [" =1"],
      ["-5"], // numbers are data, never formulas
      ["3.5"],
    ]);
    expect(csv).toContain(`\r\n"'\rx"\r\n`);
  });

  it("reads back to the original fields (property)", () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom("a", "Я", "ع", ",", '"', "\r", "\n", "=", "+", "-", "@", "\t", " ", "'", "é") }),
      fc.string({ unit: "grapheme" }),
      fc.string(),
    );
    const cell = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.constant(null));
    const expected = (value: string | number | null) =>
      value === null ? "" : typeof value === "number" ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    fc.assert(
      fc.property(fc.array(text, { minLength: 1 }), fc.array(fc.array(cell, { minLength: 1 })), (header, rows) => {
        const csv = toCsv(header, rows);
        expect(parseCsv(body(csv))).toEqual([header.map(expected), ...rows.map((row) => row.map(expected))]);
      }),
      { numRuns: 300 },
    );
  });
});
