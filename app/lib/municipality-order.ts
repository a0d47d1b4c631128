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

/** How a choice reads in a list: an alias with its official name, "Den Haag ('s-Gravenhage)". */
export const choiceLabel = (choice: MunicipalityChoice) => (choice.officialName ? `${choice.label} (${choice.officialName})` : choice.label);

/** Lower case, without accents and with every run of punctuation or space as one space. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The choices whose name, from the start of any of its words, begins with what was typed, with
 * spaces and punctuation not counting: "gravenhage", "s-grav" and "den haag" find 's-Gravenhage,
 * "sudwest" finds Súdwest-Fryslân. Names that begin with it (after their article) come first;
 * within each part the list's order stays.
 */
export function placesMatching<T extends { label: string }>(choices: readonly T[], typed: string): T[] {
  const wanted = fold(typed).replaceAll(" ", "");
  if (!wanted) return [...choices];
  const starts: T[] = [];
  const inside: T[] = [];
  for (const choice of choices) {
    const words = fold(choice.label).split(" ");
    // 's-Gravenhage begins with G here too, as it is sorted (sortKey).
    if (words.join("").startsWith(wanted) || fold(sortKey(choice.label)).replaceAll(" ", "").startsWith(wanted)) starts.push(choice);
    else if (words.some((_, i) => words.slice(i).join("").startsWith(wanted))) inside.push(choice);
  }
  return [...starts, ...inside];
}
