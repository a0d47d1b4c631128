import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import satori, { type SatoriOptions } from "satori";
import { plainTextFailure } from "./calendar-response.server";
import { direction, isLocale, type Locale } from "./locales";

/**
 * Link preview cards (Open Graph / Twitter images, decisions/038): 1200×630 PNG with the app's
 * green, the Meedoen wordmark, a badge (the activity's kind), a title of at most three lines and
 * up to two lines of facts (when, where), all in the language the card is written in.
 *
 * Left-to-right languages are laid out by satori (flex, wrapping, line clamp with an ellipsis) and
 * drawn by resvg. Arabic is not: satori 0.63 reverses every piece of a right-to-left line, so
 * "19:00–21:00" came out as "00:21–00:19", and its glyph paths lose the dots that Noto Sans Arabic
 * places as marks (ة drawn as ه, ي as ى). Arabic text is therefore written as SVG `<text>` lines
 * that resvg shapes (rustybuzz) and orders (Unicode bidi) itself; we only wrap, measuring each
 * line with resvg. Both paths use the same sizes and places, below.
 */
export type PreviewCard = { locale: Locale; badge: string; title: string; lines: string[] };

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
const GREEN = "#0b5d4b";
const PALE = "#d9efe7";
const PAD = 72;
const INNER = PREVIEW_WIDTH - 2 * PAD;
const TOP = { size: 40, badgeSize: 28, height: 56 };
const TITLE = { size: 64, lineHeight: 80, maxLines: 3, top: PAD + TOP.height + 44 };
const FACT = { size: 34, lineHeight: 48 };
/** Changing the drawing changes every card: part of the cache key and the ETag. */
const DRAWING_VERSION = "1";
const WORDMARK = "Meedoen";

const require = createRequire(import.meta.url);
const FONT_FILES = {
  latinBold: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  latinRegular: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  arabicBold: require.resolve("@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf"),
  arabicRegular: require.resolve("@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf"),
};
const RESVG_OPTIONS: ResvgRenderOptions = {
  font: { fontFiles: Object.values(FONT_FILES), loadSystemFonts: false, defaultFontFamily: "Noto Sans" },
  logLevel: "off",
};

let satoriFonts: SatoriOptions["fonts"] | undefined;
function fontsForSatori(): SatoriOptions["fonts"] {
  satoriFonts ??= [
    { name: "Noto Sans", data: readFileSync(FONT_FILES.latinBold), weight: 700, style: "normal" },
    { name: "Noto Sans", data: readFileSync(FONT_FILES.latinRegular), weight: 400, style: "normal" },
    { name: "Noto Sans Arabic", data: readFileSync(FONT_FILES.arabicBold), weight: 700, style: "normal" },
  ];
  return satoriFonts;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | Node[] | string } };
const box = (style: Record<string, unknown>, children?: Node["props"]["children"]): Node => ({ type: "div", props: { style, children } });

/** The card as satori lays it out (left-to-right languages). */
function satoriTree(card: PreviewCard): Node {
  // Every block as wide as the card's inside: a long title must not widen the column (satori sizes by content otherwise).
  const clamp = (lines: number, lineHeight: number) => ({
    display: "block",
    width: INNER,
    maxHeight: lines * lineHeight,
    lineHeight: `${lineHeight}px`,
    lineClamp: lines,
    overflow: "hidden",
    wordBreak: "break-word",
    flexShrink: 0,
  });
  return box(
    {
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      boxSizing: "border-box",
      display: "flex",
      flexDirection: "column",
      padding: PAD,
      background: GREEN,
      color: "white",
      fontFamily: "Noto Sans, Noto Sans Arabic",
    },
    [
      box({ display: "flex", width: INNER, height: TOP.height, alignItems: "center", justifyContent: "space-between", flexShrink: 0 }, [
        box({ fontSize: TOP.size, fontWeight: 700 }, WORDMARK),
        box(
          { fontSize: TOP.badgeSize, fontWeight: 700, color: GREEN, background: PALE, borderRadius: 999, padding: "4px 24px", maxWidth: INNER / 2 },
          card.badge,
        ),
      ]),
      box({ ...clamp(TITLE.maxLines, TITLE.lineHeight), marginTop: TITLE.top - PAD - TOP.height, fontSize: TITLE.size, fontWeight: 700 }, card.title),
      box({ display: "flex", flexGrow: 1 }),
      ...card.lines.map((line) => box({ ...clamp(1, FACT.lineHeight), fontSize: FACT.size, color: PALE }, line)),
    ],
  );
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
/** Right-to-left text: a paragraph that starts right-to-left whatever its first letter (RLM). */
const RLM = "\u200f";

function textElement(text: string, options: { x: number; y: number; size: number; weight: number; fill: string; anchor: "start" | "end" }) {
  return (
    `<text x="${options.x}" y="${options.y}" font-family="Noto Sans Arabic, Noto Sans" font-size="${options.size}" ` +
    `font-weight="${options.weight}" fill="${options.fill}" text-anchor="${options.anchor}">${escapeXml(RLM + text)}</text>`
  );
}

/**
 * Measuring loads its fonts each time, so it loads the one Noto Sans Arabic of the weight asked
 * for (which has Latin letters and digits too: the same glyphs the card then draws), and all four
 * only for text with letters of other scripts, which the card takes from Noto Sans.
 */
const ARABIC_AND_LATIN = /^[\u0020-\u024f\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u2000-\u206f]*$/;
const measureOptions = (weight: number): ResvgRenderOptions => ({
  ...RESVG_OPTIONS,
  font: { ...RESVG_OPTIONS.font, fontFiles: [weight >= 700 ? FONT_FILES.arabicBold : FONT_FILES.arabicRegular] },
});

/** The ink width resvg gives a line of right-to-left text: what it will draw, shaped and ordered. */
function measure(text: string, size: number, weight: number) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH * 2}" height="200">${textElement(text, { x: PREVIEW_WIDTH * 2 - 10, y: 150, size, weight, fill: "#000", anchor: "end" })}</svg>`;
  return new Resvg(svg, ARABIC_AND_LATIN.test(text) ? measureOptions(weight) : RESVG_OPTIONS).getBBox()?.width ?? 0;
}

/** `text` cut at a word (or, for one long word, a character) so that it and "…" fit in `width`. */
function truncate(text: string, width: number, size: number, weight: number) {
  const fits = (candidate: string) => measure(candidate, size, weight) <= width;
  if (fits(text)) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(`${chars.slice(0, mid).join("").trimEnd()}…`)) low = mid;
    else high = mid - 1;
  }
  const cut = chars.slice(0, low).join("");
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > cut.length / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/**
 * Wrapping by words into at most `maxLines`, the last one cut with an ellipsis when the text goes
 * on. Each line takes the most words that fit, found by halving (about five measures a line
 * rather than one a word: measuring is what holds the event loop). A line of one word too long
 * is cut at a letter.
 */
export function wrapRightToLeft(text: string, width: number, size: number, weight: number, maxLines: number) {
  const words = text.split(/\s+/).filter(Boolean);
  const join = (from: number, to: number) => words.slice(from, to).join(" ");
  const lines: string[] = [];
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    let low = index + 1;
    let high = words.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (measure(join(index, mid), size, weight) <= width) low = mid;
      else high = mid - 1;
    }
    // Several words were measured to fit; a single one may not.
    lines.push(low > index + 1 ? join(index, low) : truncate(words[index], width, size, weight));
    index = low;
  }
  // More words than lines: the last line goes on with the next word, cut where "…" still fits.
  if (index < words.length) lines[lines.length - 1] = truncate(`${lines[lines.length - 1]} ${words[index]}`, width, size, weight);
  return lines;
}

/** The same card for Arabic: mirrored (wordmark at the right), every text set by resvg. */
function rightToLeftSvg(card: PreviewCard) {
  const right = PREVIEW_WIDTH - PAD;
  const topBaseline = PAD + TOP.height / 2 + TOP.size * 0.35;
  const badgeWidth = Math.min(measure(card.badge, TOP.badgeSize, 700) + 48, INNER / 2);
  const badge = truncate(card.badge, badgeWidth - 48, TOP.badgeSize, 700);
  const parts = [
    `<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="${GREEN}"/>`,
    `<text x="${right}" y="${topBaseline}" font-family="Noto Sans" font-size="${TOP.size}" font-weight="700" fill="white" text-anchor="end">${WORDMARK}</text>`,
    `<rect x="${PAD}" y="${PAD + (TOP.height - 48) / 2}" width="${badgeWidth}" height="48" rx="24" fill="${PALE}"/>`,
    textElement(badge, {
      x: PAD + badgeWidth - 24,
      y: PAD + TOP.height / 2 + TOP.badgeSize * 0.35,
      size: TOP.badgeSize,
      weight: 700,
      fill: GREEN,
      anchor: "end",
    }),
  ];
  wrapRightToLeft(card.title, INNER, TITLE.size, 700, TITLE.maxLines).forEach((line, index) => {
    const baseline = TITLE.top + index * TITLE.lineHeight + TITLE.lineHeight * 0.72;
    parts.push(textElement(line, { x: right, y: baseline, size: TITLE.size, weight: 700, fill: "white", anchor: "end" }));
  });
  card.lines.forEach((line, index) => {
    const baseline = PREVIEW_HEIGHT - PAD - (card.lines.length - 1 - index) * FACT.lineHeight - FACT.lineHeight * 0.28;
    parts.push(textElement(truncate(line, INNER, FACT.size, 400), { x: right, y: baseline, size: FACT.size, weight: 400, fill: PALE, anchor: "end" }));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}">${parts.join("")}</svg>`;
}

/** The card's SVG: satori's for left-to-right languages, our own for right-to-left ones. */
export async function previewSvg(card: PreviewCard): Promise<string> {
  if (direction(card.locale) === "rtl") return rightToLeftSvg(card);
  return satori(satoriTree(card) as never, { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fonts: fontsForSatori() });
}

/** SVG → PNG on libuv's thread pool (resvg's renderAsync), so the event loop goes on meanwhile. */
export async function svgToPng(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, RESVG_OPTIONS)).asPng();
}

/** The ETag of a card: its content and the drawing's version, so an edit or a new drawing is a new tag. */
export function previewTag(card: PreviewCard) {
  return `"${createHash("sha256")
    .update(JSON.stringify([DRAWING_VERSION, card]))
    .digest("base64url")
    .slice(0, 22)}"`;
}

/**
 * Rendered cards, newest last (a Map keeps insertion order): a pasted link brings a burst of
 * crawlers for one card. Renders in progress are shared, so a burst renders once.
 */
const CACHE_SIZE = 200;
const rendered = new Map<string, Promise<Buffer>>();

export function previewPng(card: PreviewCard, tag = previewTag(card)): Promise<Buffer> {
  const hit = rendered.get(tag);
  if (hit) {
    rendered.delete(tag);
    rendered.set(tag, hit);
    return hit;
  }
  const render = previewSvg(card).then(svgToPng);
  rendered.set(tag, render);
  render.catch(() => rendered.delete(tag));
  while (rendered.size > CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
  return render;
}

/** The card as an HTTP answer: public, revalidated by ETag (304 without rendering when it still matches). */
export async function previewResponse(request: Request, card: PreviewCard, maxAge: number) {
  const tag = previewTag(card);
  const headers = { "Content-Type": "image/png", "Cache-Control": `public, max-age=${maxAge}`, ETag: tag };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((value) => value.trim() === tag || value.trim() === `W/${tag}`)) return new Response(null, { status: 304, headers });
  const png = await previewPng(card, tag);
  return new Response(new Blob([new Uint8Array(png)]), { headers });
}

/**
 * A preview image route's answer: the card in the language `?lang=` names (else the request's),
 * built by `card`; a refusal (a missing or draft activity: 404) as plain text, as crawlers read no pages.
 */
export async function previewImageAnswer(request: Request, readerLocale: Locale, card: (locale: Locale) => Promise<PreviewCard>, maxAge: number) {
  const lang = new URL(request.url).searchParams.get("lang");
  try {
    return await previewResponse(request, await card(isLocale(lang) ? lang : readerLocale), maxAge);
  } catch (error) {
    return plainTextFailure(error);
  }
}
