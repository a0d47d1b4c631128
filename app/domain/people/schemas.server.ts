import { z } from "zod";
import { DAY_PARTS, WEEKDAYS } from "~/lib/reference/availability";
import { INTERESTS } from "~/lib/reference/interests";
import { LANGUAGE_LEVELS, LANGUAGES } from "~/lib/reference/languages";
import { SECTORS } from "~/lib/reference/sectors";
import { LOCALES } from "~/lib/locales";
import { checkbox, plainText } from "~/lib/validation.server";

const unique = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((values) => [...new Set(values)] as z.output<T>[]);

export const SLOT_PATTERN = new RegExp(`^[${WEEKDAYS.join("")}]-(${DAY_PARTS.join("|")})$`);

/**
 * The profile form sends parallel lists (languages[i] with levels[i]); empty rows are the
 * spare rows a form without JavaScript shows, and are dropped.
 */
export const ProfileInput = z
  .object({
    displayName: plainText(60),
    locale: z.enum(LOCALES),
    isNewcomer: checkbox,
    isVolunteer: checkbox,
    municipalityCode: z
      .string()
      .max(10)
      .transform((value) => value.trim() || null)
      .pipe(
        z
          .string()
          .regex(/^GM\d{4}$/)
          .nullable(),
      ),
    languages: z.array(z.string().max(10)).max(12),
    levels: z.array(z.string().max(10)).max(12),
    interests: unique(z.enum(INTERESTS), INTERESTS.length),
    sectors: unique(z.enum(SECTORS), SECTORS.length),
    availability: unique(z.string().regex(SLOT_PATTERN), WEEKDAYS.length * DAY_PARTS.length),
  })
  .transform((input, ctx) => {
    const spoken: { language: (typeof LANGUAGES)[number]; level: (typeof LANGUAGE_LEVELS)[number] }[] = [];
    input.languages.forEach((code, index) => {
      const level = input.levels[index] ?? "";
      if (!code && !level) return;
      const language = z.enum(LANGUAGES).safeParse(code);
      const parsedLevel = z.enum(LANGUAGE_LEVELS).safeParse(level);
      if (!language.success) {
        ctx.addIssue({ code: "custom", path: ["languages"], params: { key: "profile.unknownLanguage" } });
      } else if (!parsedLevel.success) {
        ctx.addIssue({ code: "custom", path: ["languages"], params: { key: "profile.levelMissing" } });
      } else if (spoken.some((entry) => entry.language === language.data)) {
        ctx.addIssue({ code: "custom", path: ["languages"], params: { key: "profile.duplicateLanguage" } });
      } else {
        spoken.push({ language: language.data, level: parsedLevel.data });
      }
    });
    const { languages: _codes, levels: _levels, ...rest } = input;
    return { ...rest, spokenLanguages: spoken };
  });

export type ProfileInput = z.output<typeof ProfileInput>;
