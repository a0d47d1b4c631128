import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "~/components/charts";

type Props = ComponentProps<typeof BarChart>;

const render = (overrides: Partial<Props> = {}) =>
  renderToStaticMarkup(
    createElement(BarChart, {
      title: "People per theme",
      data: [
        { label: "Language", value: 40 },
        { label: "Sport", value: 10 },
        { label: "Culture", value: 20 },
      ],
      valueLabel: (value: number) => `${value} people`,
      locale: "en",
      emptyText: "No attendance yet",
      ...overrides,
    }),
  );

/** Attributes of every `<tag …>` (optionally only those with the given class), in document order. */
function elements(html: string, tag: string, className?: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))]
    .map((match) => Object.fromEntries([...match[1].matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])))
    .filter((attrs) => className === undefined || (attrs.class ?? "").split(" ").includes(className));
}
const bars = (html: string) => elements(html, "rect", "bar");
const svgPart = (html: string) => html.slice(html.indexOf("<svg role"), html.indexOf("</svg>", html.indexOf("<svg role")));
const tablePart = (html: string) => html.slice(html.indexOf("<table"), html.indexOf("</table>"));

describe("BarChart", () => {
  it("draws one bar per datum with widths proportional to the values", () => {
    const html = render();
    const widths = bars(html).map((bar) => Number(bar.width));
    expect(widths).toHaveLength(3);
    const [language, sport, culture] = widths;
    expect(language).toBeGreaterThan(0);
    expect(sport / language).toBeCloseTo(0.25);
    expect(culture / language).toBeCloseTo(0.5);
    // bars fit inside the viewBox, values written at their ends
    const [, , viewWidth] = elements(html, "svg")[0].viewBox.split(" ").map(Number);
    for (const bar of bars(html)) expect(Number(bar.x) + Number(bar.width)).toBeLessThanOrEqual(viewWidth);
    expect(html).toContain(">40 people</text>");
  });

  it("scales with the viewBox and is an image named by its title and described by its desc", () => {
    const html = render();
    const svg = elements(html, "svg").find((attrs) => attrs.role === "img")!;
    expect(svg.width).toBe("100%");
    expect(svg.viewBox).toMatch(/^0 0 \d+ \d+$/);
    expect(svg.height).toBeUndefined();
    const title = elements(html, "title")[0];
    const desc = elements(html, "desc")[0];
    expect(svg["aria-labelledby"]).toBe(title.id);
    expect(svg["aria-describedby"]).toBe(desc.id);
    expect(title.id).not.toBe(desc.id);
    expect(html).toContain(">People per theme</title>");
    expect(html).toMatch(/<desc[^>]*>Language: 40 people, Sport: 10 people, Culture: 20 people<\/desc>/);
  });

  it("follows with a visually hidden table holding every label and value", () => {
    const html = render({ headers: { label: "Theme", value: "People" } });
    expect(html.indexOf("<table")).toBeGreaterThan(html.indexOf("</svg>"));
    expect(elements(html, "table")[0].class).toBe("visually-hidden");
    const table = tablePart(html);
    expect(table).toContain("<caption>People per theme</caption>");
    expect(table).toContain('<th scope="col">Theme</th><th scope="col">People</th>');
    for (const [label, value] of [
      ["Language", 40],
      ["Sport", 10],
      ["Culture", 20],
    ]) {
      expect(table).toContain(`<th scope="row">${label}</th><td>${value} people</td>`);
    }
  });

  it("stacks the secondary part in the dark colour, adds a legend and table columns", () => {
    const html = render({
      data: [
        { label: "1 Nov", value: 10, secondary: 4 },
        { label: "8 Nov", value: 5, secondary: 5 },
        { label: "15 Nov", value: 8, secondary: 0 },
      ],
      legend: { primary: "New", secondary: "Returning" },
    });
    const rects = bars(html);
    const dark = rects.filter((r) => !r.class.includes("bar-light"));
    const light = rects.filter((r) => r.class.includes("bar-light"));
    expect(dark.map((r) => r.fill)).toEqual(["#0b5d4b", "#0b5d4b"]); // no empty rect for 0 returning
    expect(light.map((r) => r.fill)).toEqual(["#7fb8a8", "#7fb8a8"]); // none for "all returning"
    const full = Number(dark[0].width) + Number(light[0].width);
    expect(Number(dark[0].width) / full).toBeCloseTo(0.4);
    expect(Number(light[0].x)).toBeCloseTo(Number(dark[0].x) + Number(dark[0].width));
    expect(Number(dark[1].width) / full).toBeCloseTo(0.5);
    expect(Number(light[1].width) / full).toBeCloseTo(0.8);
    expect(html).toMatch(/<ul class="chart-legend">.*Returning.*New.*<\/ul>/);
    const table = tablePart(html);
    expect(table).toContain('<th scope="col">New</th><th scope="col">Returning</th>');
    expect(table).toContain('<th scope="row">1 Nov</th><td>10 people</td><td>6 people</td><td>4 people</td>');
    expect(table).toContain('<th scope="row">15 Nov</th><td>8 people</td><td>8 people</td><td>0 people</td>');
  });

  it("has no legend or extra columns without secondary values", () => {
    const html = render({ legend: { primary: "New", secondary: "Returning" } });
    expect(html).not.toContain("chart-legend");
    expect(html).not.toContain("Returning");
  });

  it("mirrors x positions for right-to-left", () => {
    const ltr = render();
    const rtl = render({ dir: "rtl" });
    const [, , width] = elements(ltr, "svg")[0].viewBox.split(" ").map(Number);
    const ltrBars = bars(ltr);
    const rtlBars = bars(rtl);
    expect(rtlBars.map((b) => b.width)).toEqual(ltrBars.map((b) => b.width));
    ltrBars.forEach((bar, i) => {
      expect(Number(bar.x)).toBe(0);
      expect(Number(rtlBars[i].x)).toBeCloseTo(width - Number(bar.x) - Number(bar.width));
    });
    const ltrTexts = elements(svgPart(ltr), "text");
    const rtlTexts = elements(svgPart(rtl), "text");
    ltrTexts.forEach((text, i) => expect(Number(rtlTexts[i].x)).toBeCloseTo(width - Number(text.x)));
    expect(elements(rtl, "svg")[0].direction).toBe("rtl");
    expect(elements(ltr, "svg")[0].direction).toBe("ltr");
  });

  it("escapes markup in labels, values and the title", () => {
    const html = render({
      title: "<b>Reach</b>",
      data: [{ label: "<script>alert(1)</script>", value: 3 }],
      valueLabel: () => "<img src=x onerror=alert(1)>",
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("keeps Arabic and Cyrillic labels whole in the table and shortens very long ones in the svg", () => {
    const long = "Taalcafé en huiswerkbegeleiding voor nieuwkomers in de bibliotheek van Utrecht";
    const data = [
      { label: "الرياضة", value: 2 },
      { label: "Мова", value: 1 },
      { label: long, value: 1 },
    ];
    const html = render({ data, dir: "rtl", locale: "ar" });
    expect(svgPart(html)).toContain(">الرياضة</text>");
    expect(svgPart(html)).not.toContain(`>${long}</text>`);
    expect(svgPart(html)).toContain(`${long}: 1 people</desc>`);
    expect(svgPart(html)).toContain("…</text>");
    expect(tablePart(html)).toContain(`<th scope="row">${long}</th>`);
    expect(tablePart(html)).toContain('<th scope="row">Мова</th>');
  });

  it("draws zero-width bars when every value is zero, without dividing by zero", () => {
    const html = render({
      data: [
        { label: "A", value: 0 },
        { label: "B", value: 0 },
      ],
    });
    expect(bars(html)).toEqual([]);
    expect(html).not.toContain("NaN");
    expect(tablePart(html)).toContain("<td>0 people</td>");
  });

  it("renders the empty text instead of a chart without data", () => {
    const html = render({ data: [] });
    expect(html).toBe('<p class="chart-empty">No attendance yet</p>');
  });

  it("gives each chart on a page its own ids", () => {
    const chart = (title: string) => createElement(BarChart, { title, data: [{ label: "x", value: 1 }], valueLabel: String, locale: "nl", emptyText: "" });
    const html = renderToStaticMarkup(createElement("div", null, chart("A"), chart("B")));
    const ids = elements(html, "title").map((t) => t.id);
    expect(new Set(ids).size).toBe(2);
  });
});
