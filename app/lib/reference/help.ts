/**
 * The helpdesk's reference data: the labels a question can carry (the 14 integration domains plus
 * "other"), the curated outside organisations a triager can refer to, and the keyword stems of the
 * theme suggestion per language (decision 041). Admins can override the stems of one theme in one
 * language (HelpThemeStems); without an override these defaults apply.
 */
import { THEMES, type Theme } from "./activities";

export const HELP_LANGUAGES = ["en", "nl", "uk", "ar"] as const;

/** Long enough for a real question with its context; a letter-length paste is refused with a clear limit. */
export const QUESTION_MAX = 2000;
export const REPLY_MAX = 4000;
export type HelpLanguage = (typeof HELP_LANGUAGES)[number];

export const HELP_THEMES = [...THEMES, "other"] as const;
export type HelpTheme = Theme | "other";
export const isHelpTheme = (value: string): value is HelpTheme => (HELP_THEMES as readonly string[]).includes(value);

/** Organisations outside Meedoen a question can be referred to; names and descriptions are in the locale files (help.organisations.<key>). */
export const REFERRAL_ORGANISATIONS = [
  { key: "fairwork", url: "https://www.fairwork.nu", themes: ["work", "rights-responsibilities"] },
  { key: "pharos", url: "https://www.pharos.nl", themes: ["health-social-care"] },
  { key: "municipality", url: "https://www.government.nl/topics/municipalities", themes: ["housing", "stability"] },
  { key: "juridisch-loket", url: "https://www.juridischloket.nl", themes: ["rights-responsibilities", "stability"] },
  { key: "vluchtelingenwerk", url: "https://www.vluchtelingenwerk.nl", themes: ["stability", "rights-responsibilities"] },
  { key: "idw", url: "https://www.idw.nl", themes: ["work", "education"] },
  { key: "mind-korrelatie", url: "https://www.mindkorrelatie.nl", themes: ["health-social-care"] },
] as const;
export type ReferralOrganisation = (typeof REFERRAL_ORGANISATIONS)[number]["key"];

export const REFERRAL_KINDS = ["activity", "group", "buddy", "organisation"] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export type Stems = Partial<Record<HelpTheme, string[]>>;

/**
 * Curated stems: a word in a question that starts with a stem counts for the theme (in Arabic also
 * after the article and the conjunctions and prepositions written onto a word). Short and common
 * words are left out on purpose: "work" as a verb appears everywhere.
 */
export const DEFAULT_STEMS: Record<HelpLanguage, Stems> = {
  en: {
    work: [
      "job",
      "vacanc",
      "salar",
      "wage",
      "employ",
      "cv",
      "internship",
      "freelanc",
      "contract",
      "shift",
      "agency",
      "career",
      "webinar",
      "barista",
      "cook",
      "diploma",
      "recognis",
      "permit",
      "interview",
      "pay",
    ],
    "health-social-care": [
      "gp",
      "doctor",
      "dentist",
      "health",
      "psycholog",
      "anxious",
      "anxiety",
      "medicin",
      "prescription",
      "physio",
      "pharmac",
      "hospital",
      "insurance",
      "stress",
      "therap",
    ],
    "social-bridges": ["friend", "lonely", "meetup", "neighbour", "dutch people", "club", "together"],
    "social-bonds": ["communit", "ukrainians", "compatriot"],
    "language-communication": ["lesson", "language", "course", "practis", "speaking", "beginner"],
    housing: ["host family", "rent", "housing", "shelter", "apartment", "landlord"],
    education: ["school", "universit", "study", "studies", "homework", "tutor", "enrol", "bachelor"],
    "digital-skills": ["laptop", "computer", "digid"],
    stability: ["residence status", "asylum"],
  },
  nl: {
    work: [
      "werk",
      "baan",
      "vacature",
      "loon",
      "salaris",
      "uitzend",
      "cv",
      "stage",
      "contract",
      "zzp",
      "kvk",
      "sollicit",
      "webinar",
      "diploma",
      "baas",
      "vakantiegeld",
      "verblijfsstatus",
    ],
    "health-social-care": ["huisarts", "tandarts", "zorg", "psycholo", "slaap", "medicijn", "recept", "fysio", "apotheek", "ziekenhuis", "dokter", "stress"],
    "social-bridges": ["vriend", "eenzaam", "bijeenkomst", "buren", "nederlanders", "sportclub", "samen"],
    "social-bonds": ["gemeenschap", "landgeno"],
    "language-communication": ["les", "taal", "cursus", "oefen", "nederlands leren", "engels of"],
    housing: ["gastgezin", "huur", "woning", "opvang", "verhuiz", "wonen"],
    education: ["school", "universiteit", "studeren", "studie", "huiswerk", "bijles", "opleiding"],
    "digital-skills": ["laptop", "computer"],
  },
  uk: {
    work: [
      "робот",
      "працю",
      "працев",
      "ваканс",
      "зарплат",
      "агенц",
      "агентств",
      "резюме",
      "стажуван",
      "контракт",
      "підприєм",
      "співбесід",
      "вебінар",
      "диплом",
      "відпускн",
      "графік",
      "бариста",
      "кухар",
      "статус",
    ],
    "health-social-care": ["лікар", "стоматолог", "психолог", "страхов", "тривож", "ліки", "рецепт", "фізіотерап", "аптек", "лікарн", "здоров"],
    "social-bridges": ["познайом", "самотн", "друз", "сусід", "зустріч", "разом", "клуб"],
    "social-bonds": ["громад", "земля"],
    "language-communication": ["мов", "вивчат", "курс", "практикув", "вчити"],
    housing: ["житл", "приймаюч", "оренд", "притулок", "переїхат", "квартир", "проживан"],
    education: ["школ", "університет", "вступ", "навчан", "домашн", "репетитор"],
    "digital-skills": ["ноутбук", "комп'ютер"],
  },
  ar: {
    work: ["عمل", "وظيف", "توظيف", "راتب", "أجور", "سيرة", "تدريب", "عقد", "مناوب", "مقابل", "ندوة", "شهادت", "معادلة", "باريستا", "طباخ", "عطلة", "إقامتي"],
    "health-social-care": ["طبيب", "أسنان", "نفسي", "تأمين", "قلق", "دواء", "دوائي", "وصفة", "علاج", "صيدلية", "مستشفى", "صح"],
    "social-bridges": ["أتعرف", "الوحدة", "أصدقاء", "جيران", "لقاءات", "نادي", "نادٍ", "متطوع"],
    "social-bonds": ["جالية", "مجتمع"],
    "language-communication": ["لغة", "اللغة", "دروس", "دورات", "أتدرب", "أتعلم"],
    housing: ["سكن", "أسكن", "نسكن", "إيجار", "إيواء", "مضيفة", "شقة"],
    education: ["مدرسة", "جامعة", "الجامعة", "الدراسة", "واجبات", "خصوصية", "أسجل ابن"],
    "digital-skills": ["حاسوب", "كمبيوتر"],
  },
};

/** The stems in force: an admin's override per theme where there is one, the curated list otherwise. */
export function stemsFor(language: HelpLanguage, overrides: { theme: string; stems: string }[] = []): Stems {
  const stems: Stems = { ...DEFAULT_STEMS[language] };
  for (const override of overrides) {
    if (!isHelpTheme(override.theme)) continue;
    stems[override.theme] = parseStems(override.stems);
  }
  return stems;
}

/** One stem a line (commas also separate), lower-case, without blanks or duplicates. */
export function parseStems(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((stem) => stem.trim().toLocaleLowerCase())
        .filter((stem) => stem.length > 0 && stem.length <= 40),
    ),
  ].slice(0, 200);
}

export type Suggestion = { theme: HelpTheme; matched: string[] };

/** Arabic writes the article and short conjunctions and prepositions onto the word: و، ف، ب، ل، ك، ال. */
const ARABIC_PREFIX = /^(?:[وف])?(?:[بلك])?(?:ال)?/u;
const words = (text: string, language: HelpLanguage) => {
  const plain = text.toLocaleLowerCase().replace(/[\u064B-\u0652]/g, ""); // Arabic short-vowel marks
  const tokens = plain.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  return { plain: ` ${tokens.join(" ")} `, tokens: language === "ar" ? tokens.flatMap((token) => [token, token.replace(ARABIC_PREFIX, "")]) : tokens };
};

/**
 * The theme suggestion: every theme whose stems occur in the text, most matches first, at most
 * three; "other" when nothing matched. A stem with a space must occur as a phrase at word starts.
 * Transparent on purpose: each suggestion says which stems made it.
 */
export function suggestThemes(text: string, language: HelpLanguage, stems: Stems = DEFAULT_STEMS[language]): Suggestion[] {
  const { plain, tokens } = words(text, language);
  const found: Suggestion[] = [];
  for (const [theme, list] of Object.entries(stems) as [HelpTheme, string[]][]) {
    const matched = list.filter((stem) => (stem.includes(" ") ? plain.includes(` ${stem}`) : tokens.some((token) => token.startsWith(stem))));
    if (matched.length > 0) found.push({ theme, matched });
  }
  found.sort((a, b) => b.matched.length - a.matched.length || HELP_THEMES.indexOf(a.theme) - HELP_THEMES.indexOf(b.theme));
  return found.length > 0 ? found.slice(0, 3) : [{ theme: "other", matched: [] }];
}

export type Labelled = { language: HelpLanguage; text: string; themes: string[] };
type Tally = { truePositives: number; predicted: number; actual: number };
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000);

/** Micro-averaged precision and recall of the suggestion over a labelled set, overall and per language. */
export function evaluateSuggestions(questions: Labelled[], stemsOf: (language: HelpLanguage) => Stems = (language) => DEFAULT_STEMS[language]) {
  const tallies = new Map<string, Tally>();
  const add = (key: string, truePositives: number, predicted: number, actual: number) => {
    const tally = tallies.get(key) ?? { truePositives: 0, predicted: 0, actual: 0 };
    tally.truePositives += truePositives;
    tally.predicted += predicted;
    tally.actual += actual;
    tallies.set(key, tally);
  };
  for (const question of questions) {
    const predicted = suggestThemes(question.text, question.language, stemsOf(question.language)).map((suggestion) => suggestion.theme as string);
    const hits = predicted.filter((theme) => question.themes.includes(theme)).length;
    add("all", hits, predicted.length, question.themes.length);
    add(question.language, hits, predicted.length, question.themes.length);
  }
  const figures = (key: string) => {
    const tally = tallies.get(key) ?? { truePositives: 0, predicted: 0, actual: 0 };
    return { precision: ratio(tally.truePositives, tally.predicted), recall: ratio(tally.truePositives, tally.actual) };
  };
  return {
    questions: questions.length,
    ...figures("all"),
    by_language: Object.fromEntries(HELP_LANGUAGES.map((language) => [language, figures(language)])) as Record<
      HelpLanguage,
      { precision: number; recall: number }
    >,
  };
}
