import { cleanSearchText } from "~/domain/search/terms";
import { z } from "zod";
import { ACTIVITY_KINDS, ACTIVITY_MODES, CONTENT_LOCALES, PRACTISED_LEVELS, THEMES } from "~/lib/reference/activities";
import { INTERESTS } from "~/lib/reference/interests";
import { LANGUAGES } from "~/lib/reference/languages";
import { checkbox } from "~/lib/validation.server";

const optionalText = (max: number) =>
  z
    .string()
    .max(max * 4)
    .optional()
    .transform((value) => value?.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim() || null)
    .pipe(z.string().max(max).nullable());

const uniqueList = <T extends readonly [string, ...string[]]>(values: T, max: number) =>
  z
    .array(z.enum(values as unknown as [T[number], ...T[number][]]))
    .max(max)
    .transform((list) => [...new Set(list)]);

const optionalWhole = (min: number, max: number) =>
  z
    .string()
    .max(12)
    .optional()
    .transform((value) => (value?.trim() ? Number(value) : null))
    .pipe(z.number().int().min(min).max(max).nullable());

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(20)
    .optional()
    .transform((value) => value || null)
    .pipe(z.enum(values as unknown as [T[number], ...T[number][]]).nullable());

// A date or time field left empty (or that the browser could not read) says what to do, not "not valid".
const isoDate = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), { params: { key: "validation.chooseDate" } });
const localTime = z.string().refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), { params: { key: "validation.chooseTime" } });

/**
 * The organiser's form. Content comes as parallel lists, one title/summary/description per
 * content language; rows left empty are ignored.
 */
export const ActivityInput = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    contentLocales: z.array(z.string().max(5)).max(4),
    titles: z.array(z.string().max(400)).max(4),
    summaries: z.array(z.string().max(1200)).max(4),
    descriptions: z.array(z.string().max(20_000)).max(4),
    date: isoDate,
    startTime: localTime,
    endTime: localTime,
    timeZone: z.string().min(1).max(64),
    mode: z.enum(ACTIVITY_MODES),
    venue: optionalText(200),
    municipalityCode: z
      .string()
      .max(10)
      .optional()
      .transform((value) => value?.trim() || null)
      .pipe(
        z
          .string()
          .regex(/^GM\d{4}$/)
          .nullable(),
      ),
    accessibilityNotes: optionalText(1000),
    joinUrl: optionalText(500),
    capacity: optionalWhole(1, 100_000),
    childcare: checkbox,
    costEuros: z
      .string()
      .max(12)
      .optional()
      .transform((value) => (value?.trim() ? Number(value.replace(",", ".")) : 0))
      .pipe(z.number().min(0).max(10_000)),
    spokenLanguages: uniqueList(LANGUAGES, 10),
    practisedLanguage: optionalEnum(LANGUAGES),
    practisedLevel: optionalEnum(PRACTISED_LEVELS),
    themes: uniqueList(THEMES, THEMES.length),
    interests: uniqueList(INTERESTS, 10),
    requiresApproval: checkbox,
    addressForGoingOnly: checkbox,
    rsvpCutoffHours: optionalWhole(0, 24 * 14),
    reminderHours: optionalWhole(1, 24 * 7),
    groupId: z
      .string()
      .max(64)
      .optional()
      .transform((value) => value || null),
    repeat: z.enum(["none", "1", "2", "3", "4"]).default("none"),
    repeatUntil: z
      .string()
      .max(10)
      .optional()
      .transform((value) => value || null)
      .pipe(isoDate.nullable()),
  })
  .superRefine((input, ctx) => {
    const issue = (path: string, key: string) => ctx.addIssue({ code: "custom", path: [path], params: { key } });
    if (input.spokenLanguages.length === 0) issue("spokenLanguages", "activities.errors.spokenLanguageRequired");
    if (input.mode !== "online" && !input.venue) issue("venue", "activities.errors.venueRequired");
    if (input.mode !== "online" && !input.municipalityCode) issue("municipalityCode", "activities.errors.municipalityRequired");
    if (input.mode !== "in-person" && !input.joinUrl) issue("joinUrl", "activities.errors.joinUrlRequired");
    if (input.joinUrl && !isHttpUrl(input.joinUrl)) issue("joinUrl", "activities.errors.joinUrlInvalid");
    if (input.kind === "language-cafe" && !input.practisedLanguage) {
      issue("practisedLanguage", "activities.errors.practisedLanguageRequired");
    }
    if (input.repeat !== "none" && !input.repeatUntil) issue("repeatUntil", "activities.errors.recurrenceNoEnd");
  })
  .transform((input, ctx) => {
    const contents = input.contentLocales
      .map((locale, index) => ({
        locale,
        title: (input.titles[index] ?? "").trim(),
        summary: (input.summaries[index] ?? "").trim(),
        description: (input.descriptions[index] ?? "").trim(),
      }))
      .filter((content) => content.title || content.summary || content.description);
    const problem = (key: string) => {
      ctx.addIssue({ code: "custom", path: ["titles"], params: { key } });
      return z.NEVER;
    };
    if (contents.length === 0) return problem("activities.errors.contentRequired");
    if (contents.some((content) => !(CONTENT_LOCALES as readonly string[]).includes(content.locale))) return problem("validation.invalidChoice");
    if (new Set(contents.map((content) => content.locale)).size !== contents.length) return problem("activities.errors.duplicateContentLocale");
    if (contents.some((content) => !content.title || content.title.length > 120)) return problem("activities.errors.titleRequired");
    if (contents.some((content) => content.summary.length > 300)) return problem("activities.errors.summaryTooLong");
    if (contents.some((content) => content.description.length > 5000)) return problem("activities.errors.descriptionTooLong");
    const { contentLocales: _locales, titles: _titles, summaries: _summaries, descriptions: _descriptions, ...rest } = input;
    return { ...rest, contents };
  });

export type ActivityInput = z.output<typeof ActivityInput>;

function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** A real calendar day (no 2025-13-45 or 30 February) in years a person could mean. */
const calendarDate = isoDate.refine((value) => {
  const [year, month, day] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
});
const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * Every parameter the activities page reads from its address, one schema each. A value that does
 * not fit is left out rather than refused (a shared link or a hand-edited address should still
 * show activities), and `parseDiscoveryFilters` says which were left out so that the page can
 * tell the reader. An empty value is "any", as the filter form sends it.
 */
const DISCOVERY_PARAMETERS = {
  kind: z.enum(ACTIVITY_KINDS),
  language: z.enum(LANGUAGES),
  place: z.string().regex(/^(GM\d{4}|online)$/),
  from: calendarDate,
  to: calendarDate,
  evening: z.literal("1"),
  weekend: z.literal("1"),
  childcare: z.literal("1"),
  theme: z.enum(THEMES),
  interest: z.enum(INTERESTS),
  group: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  // Free text, never refused: whatever was typed is searched for as words (decision 044).
  q: z.string().transform(cleanSearchText),
  near: z.string().regex(/^GM\d{4}$/),
  km: whole(1, 300),
  sort: z.enum(["for-you", "date", "relevance"]),
  page: whole(1, 10_000),
  perPage: whole(1, 100),
  view: z.enum(["list", "calendar"]),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .refine((value) => calendarDate.safeParse(`${value}-01`).success),
} as const;

export type DiscoveryParameter = keyof typeof DISCOVERY_PARAMETERS;
type Parsed = { [K in DiscoveryParameter]?: z.output<(typeof DISCOVERY_PARAMETERS)[K]> };

/** The filters from a query string, and the parameters that were given but could not be read. */
export function parseDiscoveryFilters(params: Record<string, string>) {
  const parsed: Parsed = {};
  const ignored: { name: DiscoveryParameter; value: string }[] = [];
  for (const name of Object.keys(DISCOVERY_PARAMETERS) as DiscoveryParameter[]) {
    const raw = params[name];
    if (raw === undefined || raw.trim() === "") continue;
    const result = DISCOVERY_PARAMETERS[name].safeParse(raw);
    if (result.success) (parsed as Record<string, unknown>)[name] = result.data;
    else ignored.push({ name, value: raw });
  }
  const { view, month, ...query } = parsed;
  /** The accepted parameters as they came, for the form and for links that keep the filters. */
  const accepted = Object.fromEntries(Object.keys(parsed).map((name) => [name, params[name]])) as Record<string, string>;
  return { query: query satisfies DiscoveryQuery, view: view ?? "list", month: month ?? null, ignored, accepted };
}

/** The filters `discoverActivities` applies (the page's own `view` and `month` are not among them). */
export type DiscoveryQuery = Omit<Parsed, "view" | "month">;
