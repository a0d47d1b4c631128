/** Admins' edits of the theme suggestion's keyword stems; an empty edit goes back to the curated list. */
import { z } from "zod";
import { db } from "~/lib/db.server";
import { DEFAULT_STEMS, HELP_LANGUAGES, HELP_THEMES, parseStems, type HelpLanguage } from "~/lib/reference/help";
import { parseInput } from "~/lib/validation.server";
import { requireActor } from "../policy/guards.server";
import { policy } from "../policy/rules";

const StemsInput = z.object({ locale: z.enum(HELP_LANGUAGES), theme: z.enum(HELP_THEMES), stems: z.string().max(4000) });

export async function stemTable(actorId: string, language: HelpLanguage) {
  await requireActor(actorId, policy.canEditHelpStems);
  const overrides = new Map((await db().helpThemeStems.findMany({ where: { locale: language } })).map((row) => [row.theme, row.stems]));
  return HELP_THEMES.map((theme) => ({
    theme,
    edited: overrides.has(theme),
    stems: overrides.has(theme) ? parseStems(overrides.get(theme)!) : (DEFAULT_STEMS[language][theme] ?? []),
  }));
}

export async function saveStems(actorId: string, raw: unknown) {
  await requireActor(actorId, policy.canEditHelpStems);
  const input = parseInput(StemsInput, raw);
  const stems = parseStems(input.stems);
  const key = { locale_theme: { locale: input.locale, theme: input.theme } };
  if (stems.length === 0) {
    await db().helpThemeStems.deleteMany({ where: key.locale_theme });
    return;
  }
  await db().helpThemeStems.upsert({ where: key, create: { ...key.locale_theme, stems: stems.join("\n") }, update: { stems: stems.join("\n") } });
}
