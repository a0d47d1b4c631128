/**
 * Municipalities in the order Dutch people look for them: the leading article of "'s-Gravenhage"
 * or "'t Zandt" does not count, so 's-Gravenhage sits under G and 's-Hertogenbosch under H,
 * compared with the reader's language's collation. The names people say are there too:
 * "Den Haag" and "Den Bosch" are choices of their own, for the same municipality.
 */
export type Named = { code: string; name: string };
/** `officialName` is set on an alias: the list shows "Den Haag ('s-Gravenhage)". */
export type MunicipalityChoice = { code: string; label: string; officialName: string | null };

/** Everyday names, by the municipality's code, for the official names people seldom say. */
export const MUNICIPALITY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GM0518: ["Den Haag"], // 's-Gravenhage
  GM0796: ["Den Bosch"], // 's-Hertogenbosch
};

/** The name without its leading article ('s-, 't, 's, with a straight or curly apostrophe). */
export function sortKey(name: string): string {
  return name.replace(/^['’‘]\s?[st][-\s]\s*/i, "").trim();
}

const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string) {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: "base", ignorePunctuation: true });
    collators.set(locale, collator);
  }
  return collator;
}

/** Compare two municipality names as a Dutch list would. */
export function compareMunicipalityNames(a: string, b: string, locale = "nl") {
  const collator = collatorFor(locale);
  return collator.compare(sortKey(a), sortKey(b)) || collator.compare(a, b);
}

/** Every municipality once under its official name, plus one choice per alias, all in order. */
export function municipalityChoices(municipalities: readonly Named[], locale = "nl"): MunicipalityChoice[] {
  const choices: MunicipalityChoice[] = municipalities.flatMap((municipality) => [
    { code: municipality.code, label: municipality.name, officialName: null },
    ...(MUNICIPALITY_ALIASES[municipality.code] ?? []).map((label) => ({ code: municipality.code, label, officialName: municipality.name })),
  ]);
  return choices.sort((a, b) => compareMunicipalityNames(a.label, b.label, locale));
}
