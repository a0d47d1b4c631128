/**
 * RFC 5545 iCalendar output for calendar subscriptions.
 *
 * All date-times are written in UTC ("20261201T180000Z"). A TZID parameter would oblige us to
 * embed a matching VTIMEZONE definition (RFC 5545 §3.2.19) that clients then trust over their
 * own tz database; UTC needs none and every client converts it to the reader's zone. Nothing is
 * lost: each occurrence of a series is its own VEVENT (no RRULE), and its instant was already
 * computed across DST by the recurrence module.
 */

export type IcsEvent = {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status: "CONFIRMED" | "CANCELLED" | "TENTATIVE";
  sequence: number;
  lastModified: Date;
  categories?: string[];
};

export type CalendarOptions = {
  name: string;
  events: IcsEvent[];
  productId?: string;
  refreshHours?: number;
  /** Generation time, written as DTSTAMP; injectable for tests. */
  now?: Date;
};

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/**
 * TEXT escaping (§3.3.11). Newlines become the two characters "\n"; lone CRs and other control
 * characters are dropped because TEXT may not contain them (TSAFE-CHAR excludes CONTROL, except
 * HTAB) and strict parsers reject them.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n/g, "\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, "\\n");
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  // Lone surrogates are encoded as U+FFFD (3 octets) by Node and TextEncoder alike.
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets (§3.1). Iterating by code
 * point keeps every multi-byte UTF-8 sequence (and surrogate pair) on a single physical line.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      out.push(current);
      // The leading space of a continuation line counts towards its 75 octets.
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function formatUtc(date: Date): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError("Invalid date in calendar event");
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** URL is a URI value, not TEXT, so it is not escaped; anything but http(s) is dropped. */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError("SEQUENCE must be a non-negative integer");
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${formatUtc(event.startsAt)}`,
    `DTEND:${formatUtc(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  const url = safeUrl(event.url);
  if (url) lines.push(`URL:${url}`);
  const categories = (event.categories ?? []).map(escapeText).filter((category) => category !== "");
  if (categories.length > 0) lines.push(`CATEGORIES:${categories.join(",")}`);
  lines.push(`STATUS:${event.status}`, `SEQUENCE:${event.sequence}`, `LAST-MODIFIED:${formatUtc(event.lastModified)}`, "END:VEVENT");
  return lines;
}

export function buildCalendar(options: CalendarOptions): string {
  const { refreshHours } = options;
  if (refreshHours !== undefined && !(Number.isInteger(refreshHours) && refreshHours > 0)) {
    throw new RangeError("refreshHours must be a positive integer");
  }
  const stamp = formatUtc(options.now ?? new Date());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(options.productId ?? "-//Meedoen//Meedoen//EN")}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  if (refreshHours !== undefined) {
    // REFRESH-INTERVAL is the standard (RFC 7986); X-PUBLISHED-TTL is what Outlook and older clients read.
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${refreshHours}H`, `X-PUBLISHED-TTL:PT${refreshHours}H`);
  }
  for (const event of options.events) lines.push(...eventLines(event, stamp));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
