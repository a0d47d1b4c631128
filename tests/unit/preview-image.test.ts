/**
 * The link preview card (decisions/038) with long titles in Ukrainian (satori lays it out) and
 * Arabic (our own right-to-left lines, shaped by resvg): at most three title lines, cut with an
 * ellipsis, nothing drawn outside the card's margins, Arabic set from the right edge.
 */
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, previewPng, previewTag, wrapRightToLeft, type PreviewCard } from "~/lib/preview-image.server";

const UKRAINIAN: PreviewCard = {
  locale: "uk",
  badge: "Мовне кафе",
  title:
    "Ремонт велосипедів разом із сусідами: приходьте зі своїм велосипедом, інструменти, запчастини та чай для всіх учасників будуть на місці, а також печиво й гарний настрій",
  lines: ["чт, 10 груд., 19:00–21:00", "Бібліотека Утрехт, Утрехт"],
};
const ARABIC: PreviewCard = {
  locale: "ar",
  badge: "مقهى لغوي",
  title: "ورشة إصلاح الدراجات معًا في المقهى الكبير في وسط المدينة مع المتطوعين من الحي، تعالوا وأحضروا دراجاتكم والشاي والكعك للجميع في نهاية الأسبوع",
  lines: ["الخميس 10 ديسمبر، 19:00–21:00", "المكتبة، أوترخت"],
};

/** The PNG's pixels (RGBA), decoded by resvg drawing it as an image. */
function pixels(png: Buffer) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"><image href="data:image/png;base64,${png.toString("base64")}" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"/></svg>`;
  const image = new Resvg(svg).render();
  expect([image.width, image.height]).toEqual([PREVIEW_WIDTH, PREVIEW_HEIGHT]);
  const data = image.pixels;
  /** Text is white (titles) or pale green (facts) on the card's dark green: bright pixels are ink. */
  const bright = (x: number, y: number) => data[(y * PREVIEW_WIDTH + x) * 4 + 1] > 150;
  const count = (x0: number, x1: number, y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (bright(x, y)) n++;
    return n;
  };
  const columns = (y0: number, y1: number) => {
    const xs: number[] = [];
    for (let x = 0; x < PREVIEW_WIDTH; x++) if (count(x, x + 1, y0, y1) > 0) xs.push(x);
    return { first: xs[0], last: xs[xs.length - 1] };
  };
  return { count, columns };
}

/** The title's three line bands (top 172, 80 px each) and the margins: 72 px of plain green around everything. */
const TITLE_BANDS = [172, 252, 332].map((top) => [top, top + 80] as const);

describe.each([
  ["Ukrainian", UKRAINIAN],
  ["Arabic", ARABIC],
])("A long %s title", (_, card) => {
  it("fills three lines and no more, inside the margins", async () => {
    const image = pixels(await previewPng(card));
    for (const [top, bottom] of TITLE_BANDS) expect(image.count(72, 1128, top, bottom), `title line at ${top}`).toBeGreaterThan(2000);
    // Nothing between the third title line and the facts: the rest of the title was cut, not drawn below.
    expect(image.count(0, PREVIEW_WIDTH, 420, 455)).toBe(0);
    // The facts (when, where) are drawn near the bottom.
    expect(image.count(72, 1128, 462, 558)).toBeGreaterThan(1000);
    // Margins: nothing drawn in the outer 60 px on any side.
    expect(image.count(0, 60, 0, PREVIEW_HEIGHT), "left margin").toBe(0);
    expect(image.count(PREVIEW_WIDTH - 60, PREVIEW_WIDTH, 0, PREVIEW_HEIGHT), "right margin").toBe(0);
    expect(image.count(0, PREVIEW_WIDTH, 0, 60), "top margin").toBe(0);
    expect(image.count(0, PREVIEW_WIDTH, PREVIEW_HEIGHT - 60, PREVIEW_HEIGHT), "bottom margin").toBe(0);
  });

  it("starts its lines on the reading side: the left for Ukrainian, the right for Arabic", async () => {
    const image = pixels(await previewPng({ ...card, title: card.title.split(" ").slice(0, 2).join(" ") }));
    const line = image.columns(...TITLE_BANDS[0]);
    if (card.locale === "ar") expect(line.last).toBeGreaterThan(1110);
    else expect(line.first).toBeLessThan(90);
    if (card.locale === "ar") expect(line.first).toBeGreaterThan(400);
    else expect(line.last).toBeLessThan(800);
  });
});

describe("Right-to-left wrapping", () => {
  it("cuts the third line with an ellipsis and keeps every line within the width", () => {
    const lines = wrapRightToLeft(ARABIC.title, 1056, 64, 700, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2].endsWith("…")).toBe(true);
    expect(lines.slice(0, 2).join(" ")).toBe(ARABIC.title.split(" ").slice(0, lines.slice(0, 2).join(" ").split(" ").length).join(" "));
  });

  it("cuts one word too long for a line at a letter", () => {
    const [line] = wrapRightToLeft("ا".repeat(400), 1056, 64, 700, 3);
    expect(line.endsWith("…")).toBe(true);
    expect(line.length).toBeLessThan(400);
  });
});

describe("Preview cache keys", () => {
  it("are the same for the same card and differ when anything on it changes", () => {
    expect(previewTag(UKRAINIAN)).toBe(previewTag({ ...UKRAINIAN }));
    expect(previewTag({ ...UKRAINIAN, lines: ["пт, 11 груд., 19:00–21:00"] })).not.toBe(previewTag(UKRAINIAN));
    expect(previewTag({ ...UKRAINIAN, locale: "nl" })).not.toBe(previewTag(UKRAINIAN));
  });
});
