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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

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
      .pipe(z.string().regex(/^GM\d{4}$/).nullable()),
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

const flag = z.literal("1").optional().catch(undefined);

/** Discovery filters from a query string: anything unknown is ignored rather than refused. */
export const DiscoveryQuery = z.object({
  kind: z.enum(ACTIVITY_KINDS).optional().catch(undefined),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  place: z
    .string()
    .regex(/^(GM\d{4}|online)$/)
    .optional()
    .catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  evening: flag,
  weekend: flag,
  childcare: flag,
  theme: z.enum(THEMES).optional().catch(undefined),
  interest: z.enum(INTERESTS).optional().catch(undefined),
  group: z.string().max(64).optional().catch(undefined),
  sort: z.enum(["for-you", "date"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  perPage: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
export type DiscoveryQuery = z.output<typeof DiscoveryQuery>;
