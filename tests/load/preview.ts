/**
 * Link preview images (decisions/038): the time to draw one 1200×630 card, against resvg turning
 * a trivial SVG of the same size (one green rectangle) into a PNG in the same run: the PNG
 * encoding every card pays, so the ratio is what the card's layout and text add.
 *
 * - baseline: trivial SVG → PNG (renderAsync, libuv's thread pool);
 * - uk: a long Ukrainian title, laid out by satori (on the event loop) then drawn by resvg;
 * - ar: a long Arabic title, wrapped by measuring with resvg (on the event loop) then drawn;
 * - cached: the same card again from the in-memory cache.
 *
 * "layout" is the part that holds the event loop (satori, or the Arabic measuring), "total" the
 * whole answer. Interleaved rounds so that a busy machine slows all alike; medians reported.
 */
import { loadavg } from "node:os";
import { renderAsync } from "@resvg/resvg-js";
import { previewPng, previewSvg, svgToPng, type PreviewCard } from "../../app/lib/preview-image.server.ts";

const ROUNDS = 15;
const progress = (message: string) => process.stderr.write(`  [preview] ${message}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

const TRIVIAL = '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#0b5d4b"/></svg>';
const cards = (n: number): Record<"uk" | "ar", PreviewCard> => ({
  uk: {
    locale: "uk",
    badge: "Мовне кафе",
    title: `Ремонт велосипедів разом із сусідами №${n}: приходьте зі своїм велосипедом, інструменти та чай для всіх будуть на місці`,
    lines: ["чт, 10 груд., 19:00–21:00", "Бібліотека, Утрехт"],
  },
  ar: {
    locale: "ar",
    badge: "مقهى لغوي",
    title: `ورشة إصلاح الدراجات رقم ${n} معًا في المقهى الكبير في وسط المدينة مع المتطوعين من الحي، تعالوا وأحضروا دراجاتكم`,
    lines: ["الخميس 10 ديسمبر، 19:00–21:00", "المكتبة، أوترخت"],
  },
});

export async function preview() {
  // The first card loads the fonts and satori's layout engine: reported apart, not in the medians.
  let started = performance.now();
  await svgToPng(await previewSvg(cards(0).uk));
  progress(`first card (fonts, layout engine): ${round(performance.now() - started)} ms`);
  await svgToPng(await previewSvg(cards(0).ar));

  const times: Record<string, { layout: number[]; total: number[] }> = {
    baseline: { layout: [], total: [] },
    uk: { layout: [], total: [] },
    ar: { layout: [], total: [] },
  };
  const cached: number[] = [];
  for (let n = 1; n <= ROUNDS; n++) {
    started = performance.now();
    (await renderAsync(TRIVIAL)).asPng();
    times.baseline.total.push(performance.now() - started);
    times.baseline.layout.push(0);
    for (const [name, card] of Object.entries(cards(n))) {
      started = performance.now();
      const svg = await previewSvg(card);
      const layout = performance.now() - started;
      await svgToPng(svg);
      times[name].layout.push(layout);
      times[name].total.push(performance.now() - started);
    }
    const card = cards(n).uk;
    await previewPng(card);
    started = performance.now();
    await previewPng(card);
    cached.push(performance.now() - started);
  }
  const baseline = median(times.baseline.total);
  const of = (name: "uk" | "ar") => ({
    totalMs: round(median(times[name].total)),
    eventLoopMs: round(median(times[name].layout)),
    ratio: round(median(times[name].total) / baseline, 2),
  });
  const [uk, ar] = [of("uk"), of("ar")];
  const result = { bench: "preview", rounds: ROUNDS, load1: round(loadavg()[0], 2), baselineMs: round(baseline), uk, ar, cachedMs: round(median(cached), 3) };
  progress(
    `baseline ${result.baselineMs} ms; uk ${uk.totalMs} ms (${uk.ratio}×, ${uk.eventLoopMs} ms on the event loop); ` +
      `ar ${ar.totalMs} ms (${ar.ratio}×, ${ar.eventLoopMs} ms on the event loop); cached ${result.cachedMs} ms`,
  );
  return result;
}
