export const LANGUAGES = [
  "nl",
  "en",
  "uk",
  "ru",
  "ar",
  "tr",
  "pl",
  "de",
  "fr",
  "es",
  "fa",
  "ti",
  "so",
  "ps",
  "ku",
  "zh",
  "pt",
  "it",
  "ro",
  "bg",
  "hu",
  "am",
  "ur",
  "hi",
  "be",
  "ka",
  "hy",
  "sq",
  "bs",
  "sr",
  "hr",
] as const;

export type LanguageCode = (typeof LANGUAGES)[number];

export const LANGUAGE_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "native"] as const;

export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
