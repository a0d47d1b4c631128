import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { ReasonLine } from "~/components/home-sections";
import { serverI18n } from "~/lib/i18n.server";
import type { Locale } from "~/lib/locales";

const inLocale = (locale: Locale, element: React.ReactElement) => renderToStaticMarkup(createElement(I18nextProvider, { i18n: serverI18n(locale) }, element));

describe("the home page's words", () => {
  it("names an interest as one of the person's interests, not as a third place in the list", () => {
    const reasons = [
      { kind: "language", language: "en" },
      { kind: "place", municipalityCode: "GM0363" },
      { kind: "interest", interest: "book-club" },
    ] as const;
    const line = (locale: Locale) => inLocale(locale, createElement(ReasonLine, { reasons: [...reasons], place: "Amsterdam", locale }));
    expect(line("en")).toContain("Suits you: in English, near Amsterdam and Book club (one of your interests)");
    expect(line("nl")).toContain("(een van je interesses)");
  });
});
