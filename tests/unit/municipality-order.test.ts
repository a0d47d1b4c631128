import { describe, expect, it } from "vitest";
import { compareMunicipalityNames, municipalityChoices, placesMatching, sortKey } from "~/lib/municipality-order";

const SAMPLE = [
  { code: "GM0518", name: "'s-Gravenhage" },
  { code: "GM0796", name: "'s-Hertogenbosch" },
  { code: "GM0363", name: "Amsterdam" },
  { code: "GM0479", name: "Zaanstad" },
  { code: "GM0513", name: "Gouda" },
  { code: "GM0014", name: "Groningen" },
  { code: "GM0402", name: "Hilversum" },
  { code: "GM0392", name: "Haarlem" },
  { code: "GM0503", name: "Delft" },
  { code: "GM1900", name: "Súdwest-Fryslân" },
];

describe("Dutch municipality order", () => {
  it("drops the leading article", () => {
    expect(sortKey("'s-Gravenhage")).toBe("Gravenhage");
    expect(sortKey("’s-Hertogenbosch")).toBe("Hertogenbosch");
    expect(sortKey("'t Zandt")).toBe("Zandt");
    expect(sortKey("Amsterdam")).toBe("Amsterdam");
    expect(sortKey("Stede Broec")).toBe("Stede Broec");
  });

  it("puts 's-Gravenhage under G and 's-Hertogenbosch under H, where plain code-point order puts them first", () => {
    const plain = [...SAMPLE].sort((a, b) => a.name.localeCompare(b.name, "nl")).map((m) => m.name);
    expect(plain.slice(0, 2)).toEqual(["'s-Gravenhage", "'s-Hertogenbosch"]);
    const names = [...SAMPLE].sort((a, b) => compareMunicipalityNames(a.name, b.name)).map((m) => m.name);
    expect(names).toEqual([
      "Amsterdam",
      "Delft",
      "Gouda",
      "'s-Gravenhage",
      "Groningen",
      "Haarlem",
      "'s-Hertogenbosch",
      "Hilversum",
      "Súdwest-Fryslân",
      "Zaanstad",
    ]);
  });

  it("lists Den Haag and Den Bosch as choices of their own for the same municipality, under D", () => {
    const choices = municipalityChoices(SAMPLE);
    expect(choices.map((c) => c.label)).toEqual([
      "Amsterdam",
      "Delft",
      "Den Bosch",
      "Den Haag",
      "Gouda",
      "'s-Gravenhage",
      "Groningen",
      "Haarlem",
      "'s-Hertogenbosch",
      "Hilversum",
      "Súdwest-Fryslân",
      "Zaanstad",
    ]);
    expect(choices.find((c) => c.label === "Den Haag")).toEqual({ code: "GM0518", label: "Den Haag", officialName: "'s-Gravenhage" });
    expect(choices.find((c) => c.label === "Den Bosch")).toEqual({ code: "GM0796", label: "Den Bosch", officialName: "'s-Hertogenbosch" });
    expect(choices.filter((c) => c.officialName === null)).toHaveLength(SAMPLE.length);
  });

  it("sorts in the reader's language too (the Ukrainian and Arabic pages keep the Dutch names)", () => {
    for (const locale of ["en", "uk", "ar"]) {
      const names = municipalityChoices(SAMPLE, locale).map((c) => c.label);
      expect(names.indexOf("'s-Gravenhage")).toBeGreaterThan(names.indexOf("Gouda"));
      expect(names.indexOf("'s-Gravenhage")).toBeLessThan(names.indexOf("Groningen"));
    }
  });
});

describe("typing a municipality", () => {
  const labels = municipalityChoices(SAMPLE).map((choice) => ({
    code: choice.code,
    label: choice.officialName ? `${choice.label} (${choice.officialName})` : choice.label,
  }));
  const found = (typed: string) => placesMatching(labels, typed).map((choice) => choice.label);

  it("finds 's-Gravenhage by the name people say and by its name without the article", () => {
    expect(found("gravenhage")).toEqual(["'s-Gravenhage", "Den Haag ('s-Gravenhage)"]);
    expect(found("den haag")).toEqual(["Den Haag ('s-Gravenhage)"]);
    expect(found("haag")).toEqual(["Den Haag ('s-Gravenhage)"]);
    expect(found("'s-grav")).toEqual(["'s-Gravenhage", "Den Haag ('s-Gravenhage)"]);
    expect(found("s-her")).toEqual(["'s-Hertogenbosch", "Den Bosch ('s-Hertogenbosch)"]);
    expect(found("Den Bosch")).toEqual(["Den Bosch ('s-Hertogenbosch)"]);
  });

  it("ignores accents, case and punctuation, puts names that start with it first, and keeps the list's order", () => {
    expect(found("sudwest")).toEqual(["Súdwest-Fryslân"]);
    expect(found("SÚDWEST FRYSLAN")).toEqual(["Súdwest-Fryslân"]);
    expect(found("g")).toEqual(["Gouda", "'s-Gravenhage", "Groningen", "Den Haag ('s-Gravenhage)"]);
    expect(found("ams")).toEqual(["Amsterdam"]);
    expect(found("xyz")).toEqual([]);
    expect(found("  ")).toHaveLength(labels.length);
  });
});
