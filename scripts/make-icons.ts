/**
 * Draws the app's icons (public/icons/*.png, public/favicon.ico) from one shape: a green disc, or
 * a full green square for the maskable icon, with a white "M" drawn as a path (no font needed).
 * Run with `npx tsx scripts/make-icons.ts` after changing the shape; the results are committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Resvg } from "@resvg/resvg-js";

const GREEN = "#0b5d4b";
const publicDir = join(dirname(fileURLToPath(import.meta.url)), "../public");
// The letter within a 32-unit box; the maskable icon keeps it inside the central safe zone (80 %).
const LETTER = "M9 23V9.5h3.2l3.8 7.2 3.8-7.2H23V23h-3v-8.3l-3.1 5.8h-1.8L12 14.7V23z";

function svg(kind: "round" | "maskable"): string {
  const ground = kind === "round" ? `<circle cx="16" cy="16" r="16" fill="${GREEN}"/>` : `<rect width="32" height="32" fill="${GREEN}"/>`;
  const letter = kind === "round" ? LETTER : `<g transform="translate(3.2 3.2) scale(.8)"><path d="${LETTER}" fill="#fff"/></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${ground}${kind === "round" ? `<path d="${letter}" fill="#fff"/>` : letter}</svg>`;
}

function png(kind: "round" | "maskable", size: number): Buffer {
  return new Resvg(svg(kind), { fitTo: { mode: "width", value: size } }).render().asPng();
}

/** An ICO file is a directory of PNG images (Windows Vista and every browser since read PNG entries). */
function ico(sizes: number[]): Buffer {
  const images = sizes.map((size) => png("round", size));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(sizes[index]! % 256, entry);
    header.writeUInt8(sizes[index]! % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(image.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([header, ...images]);
}

mkdirSync(join(publicDir, "icons"), { recursive: true });
writeFileSync(join(publicDir, "favicon.svg"), `${svg("round")}\n`);
writeFileSync(join(publicDir, "favicon.ico"), ico([16, 32, 48]));
writeFileSync(join(publicDir, "icons/icon-192.png"), png("round", 192));
writeFileSync(join(publicDir, "icons/icon-512.png"), png("round", 512));
writeFileSync(join(publicDir, "icons/maskable-512.png"), png("maskable", 512));
writeFileSync(join(publicDir, "icons/apple-touch-icon.png"), png("maskable", 180));
console.log("icons written to public/");
