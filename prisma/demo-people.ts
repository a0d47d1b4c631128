import type { Locale } from "../app/lib/locales.ts";

export const DEMO_PASSWORD = "meedoen-demo";

export type DemoPerson = {
  email: string;
  displayName: string;
  locale: Locale;
  roles: ("newcomer" | "volunteer" | "organiser" | "admin")[];
  municipality: string;
  languages: [string, string][];
  interests: string[];
  sectors: string[];
  availability: string[];
};

const AMSTERDAM = "GM0363";
const ZAANSTAD = "GM0479";
const NIJMEGEN = "GM0268";
const ALMERE = "GM0034";

/** A small community in the four places of the research: newcomers, volunteers, organisers. */
export const demoPeople: DemoPerson[] = [
  {
    email: "olena@demo.meedoen.nl",
    displayName: "Olena",
    locale: "uk",
    roles: ["newcomer"],
    municipality: AMSTERDAM,
    languages: [
      ["uk", "native"],
      ["ru", "C1"],
      ["en", "B1"],
      ["nl", "A2"],
    ],
    interests: ["yoga", "book-club", "cooking"],
    sectors: ["healthcare"],
    availability: ["2-evening", "4-evening", "6-morning"],
  },
  {
    email: "andriy@demo.meedoen.nl",
    displayName: "Andriy K.",
    locale: "uk",
    roles: ["newcomer"],
    municipality: ZAANSTAD,
    languages: [
      ["uk", "native"],
      ["en", "B2"],
      ["nl", "A1"],
    ],
    interests: ["it", "cycling", "chess"],
    sectors: ["it", "engineering"],
    availability: ["2-evening", "3-evening", "7-afternoon"],
  },
  {
    email: "iryna@demo.meedoen.nl",
    displayName: "Iryna",
    locale: "uk",
    roles: ["newcomer"],
    municipality: NIJMEGEN,
    languages: [
      ["uk", "native"],
      ["de", "B1"],
      ["en", "A2"],
    ],
    interests: ["gardening", "music", "parenting"],
    sectors: ["education"],
    availability: ["1-morning", "3-morning", "5-afternoon"],
  },
  {
    email: "mykola@demo.meedoen.nl",
    displayName: "Mykola",
    locale: "uk",
    roles: ["newcomer"],
    municipality: ALMERE,
    languages: [
      ["uk", "native"],
      ["ru", "native"],
      ["en", "A2"],
    ],
    interests: ["football", "fishing", "hiking"],
    sectors: ["construction", "logistics"],
    availability: ["6-morning", "6-afternoon"],
  },
  {
    email: "yara@demo.meedoen.nl",
    displayName: "Yara",
    locale: "ar",
    roles: ["newcomer"],
    municipality: ALMERE,
    languages: [
      ["ar", "native"],
      ["en", "B1"],
      ["nl", "A2"],
    ],
    interests: ["sewing", "cooking", "walking"],
    sectors: ["beauty-care"],
    availability: ["2-morning", "4-morning"],
  },
  {
    email: "sanne@demo.meedoen.nl",
    displayName: "Sanne de Vries",
    locale: "nl",
    roles: ["volunteer"],
    municipality: AMSTERDAM,
    languages: [
      ["nl", "native"],
      ["en", "C1"],
    ],
    interests: ["book-club", "cycling", "yoga"],
    sectors: [],
    availability: ["2-evening", "6-morning"],
  },
  {
    email: "joost@demo.meedoen.nl",
    displayName: "Joost",
    locale: "nl",
    roles: ["volunteer"],
    municipality: ZAANSTAD,
    languages: [
      ["nl", "native"],
      ["en", "B2"],
      ["de", "B1"],
    ],
    interests: ["it", "cycling", "board-games"],
    sectors: ["it", "finance"],
    availability: ["2-evening", "3-evening"],
  },
  {
    email: "fatima@demo.meedoen.nl",
    displayName: "Fatima El Amrani",
    locale: "nl",
    roles: ["volunteer"],
    municipality: NIJMEGEN,
    languages: [
      ["nl", "native"],
      ["ar", "native"],
      ["en", "B2"],
    ],
    interests: ["cooking", "walking", "music"],
    sectors: ["healthcare", "social-work"],
    availability: ["1-morning", "5-afternoon"],
  },
  {
    email: "pieter@demo.meedoen.nl",
    displayName: "Pieter",
    locale: "en",
    roles: ["volunteer", "organiser"],
    municipality: ALMERE,
    languages: [
      ["nl", "native"],
      ["en", "C2"],
    ],
    interests: ["football", "hiking", "history"],
    sectors: ["construction", "logistics"],
    availability: ["6-morning", "6-afternoon"],
  },
  {
    email: "marieke@demo.meedoen.nl",
    displayName: "Marieke (Taalcafé Amsterdam)",
    locale: "nl",
    roles: ["organiser", "volunteer"],
    municipality: AMSTERDAM,
    languages: [
      ["nl", "native"],
      ["en", "C1"],
      ["uk", "A2"],
    ],
    interests: ["languages", "book-club"],
    sectors: ["education"],
    availability: ["2-evening"],
  },
  {
    email: "oksana@demo.meedoen.nl",
    displayName: "Oksana",
    locale: "uk",
    roles: ["organiser", "newcomer"],
    municipality: NIJMEGEN,
    languages: [
      ["uk", "native"],
      ["nl", "B1"],
      ["en", "B2"],
    ],
    interests: ["entrepreneurship", "yoga"],
    sectors: ["public-sector"],
    availability: ["3-evening", "6-afternoon"],
  },
  {
    email: "admin@demo.meedoen.nl",
    displayName: "Meedoen team",
    locale: "en",
    roles: ["admin", "organiser"],
    municipality: AMSTERDAM,
    languages: [
      ["nl", "native"],
      ["en", "C2"],
    ],
    interests: [],
    sectors: [],
    availability: [],
  },
];
