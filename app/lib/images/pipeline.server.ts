import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { DomainError } from "~/domain/errors";

/** Uploads larger than this are refused (413 while the bytes arrive, checked again here). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * Pictures of more pixels are refused, not downscaled (decision 043): 40 megapixels is more than
 * any phone camera takes (a 48 MP sensor writes 12 MP files by default), and decoding a 100 MP
 * image takes 400 MB of memory on a cheap server. Also sharp's `limitInputPixels`, so a file that
 * declares a small size in its header and decodes into a huge one is stopped by libvips too.
 */
export const MAX_PIXELS = 40_000_000;
/** The widths we store; never wider than the picture itself. */
export const VARIANT_WIDTHS = [400, 800, 1600] as const;
/** Avatars (decision 048): square sides, shown at 32–128 CSS px on screens up to 2× density. */
export const AVATAR_SIZES = [64, 128, 256] as const;
export const FORMATS = ["avif", "webp"] as const;
export type ImageFormat = (typeof FORMATS)[number];
/** Changing the encoding settings changes every name, so nothing cached stays stale. */
const PIPELINE_VERSION = "1";

export type Kind = "jpeg" | "png" | "webp" | "heif";
export type Variant = { name: string; width: number; height: number; format: ImageFormat; bytes: Buffer };
export type ProcessedImage = { key: string; width: number; height: number; variants: Variant[] };
/**
 * What to make of an upload: covers keep their shape at VARIANT_WIDTHS; avatars are square,
 * centre-cropped, at AVATAR_SIZES. The checks, limits and metadata stripping are the same.
 */
/** `minSide`: a smaller picture would be blown up into a blur (a 10 × 10 avatar was accepted). */
export type PipelineOptions = { widths: readonly number[]; square: boolean; minSide: number };
export const COVER: PipelineOptions = { widths: VARIANT_WIDTHS, square: false, minSide: 100 };
export const AVATAR: PipelineOptions = { widths: AVATAR_SIZES, square: true, minSide: AVATAR_SIZES[0] };

const refused = (reason: string, values: Record<string, number> = {}) =>
  new DomainError("validation", `pictures.errors.${reason}`, { image: { key: `pictures.errors.${reason}`, values } }, values);

const HEIF_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The type the bytes say they are (never the file's name or the browser's Content-Type). */
export function sniff(bytes: Uint8Array): Kind | "svg" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (ascii(bytes, 4, 8) === "ftyp" && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return "heif";
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).toLowerCase();
  if (/<svg[\s>]/.test(head)) return "svg";
  return null;
}

/** Widths to store for a picture `width` pixels wide: the steps below it, and itself up to the largest. */
export function variantWidths(width: number, steps: readonly number[] = VARIANT_WIDTHS): number[] {
  const largest = Math.min(width, steps[steps.length - 1]);
  return [...steps.filter((step) => step < largest), largest];
}

export const variantName = (key: string, width: number, format: ImageFormat) => `${key}-${width}.${format}`;

/** Height of a variant `width` wide, as sharp rounds it. */
export const scaledHeight = (width: number, height: number, to: number) => (to >= width ? height : Math.max(1, Math.round((height * to) / width)));

/**
 * Checks an upload and makes the variants: the real type from the bytes (JPEG, PNG, WebP, HEIC
 * where libvips can read it), at most MAX_PIXELS, turned upright from its EXIF orientation and
 * written again without any metadata (no camera, no GPS location), in AVIF and WebP at each width.
 * With `AVATAR`, each variant is a square cut from the middle; the result's width and height are
 * the square's side.
 */
export async function processImage(input: Uint8Array, shape: PipelineOptions = COVER): Promise<ProcessedImage> {
  if (input.byteLength === 0) throw refused("empty");
  if (input.byteLength > MAX_UPLOAD_BYTES) throw refused("tooLarge");
  const kind = sniff(input);
  if (kind === "svg") throw refused("svg");
  if (!kind) throw refused("notAnImage");
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const options = { limitInputPixels: MAX_PIXELS, failOn: "error" as const };
  let meta: Metadata;
  try {
    meta = await sharp(bytes, options).metadata();
  } catch (error) {
    throw refusalFor(kind, error);
  }
  if (!meta.width || !meta.height) throw refused("notAnImage");
  if (meta.width * meta.height > MAX_PIXELS) throw refused("tooManyPixels");
  if (Math.min(meta.width, meta.height) < shape.minSide) throw refused("tooSmall", { width: meta.width, height: meta.height, min: shape.minSide });
  const turned = (meta.orientation ?? 1) >= 5;
  const side = Math.min(meta.width, meta.height);
  const width = shape.square ? side : turned ? meta.height : meta.width;
  const height = shape.square ? side : turned ? meta.width : meta.height;
  // Avatars hash differently, so the same photo as a cover and as an avatar never shares files.
  const hash = createHash("sha256").update(PIPELINE_VERSION);
  if (shape.square) hash.update("square");
  const key = hash.update(bytes).digest("hex").slice(0, 24);
  try {
    // One decode, upright; every variant is cut from it. No withMetadata(): sharp writes none.
    const upright = sharp(bytes, options).rotate();
    const variants: Variant[] = [];
    for (const to of variantWidths(width, shape.widths)) {
      const resized = upright
        .clone()
        .resize(shape.square ? { width: to, height: to, fit: "cover", position: "centre", withoutEnlargement: true } : { width: to, withoutEnlargement: true });
      const [avif, webp] = await Promise.all([resized.clone().avif({ quality: 55, effort: 2 }).toBuffer(), resized.clone().webp({ quality: 78 }).toBuffer()]);
      const h = scaledHeight(width, height, to);
      variants.push({ name: variantName(key, to, "avif"), width: to, height: h, format: "avif", bytes: avif });
      variants.push({ name: variantName(key, to, "webp"), width: to, height: h, format: "webp", bytes: webp });
    }
    return { key, width, height, variants };
  } catch (error) {
    throw refusalFor(kind, error);
  }
}

function refusalFor(kind: Kind, error: unknown) {
  if (error instanceof DomainError) return error;
  // libvips stops at limitInputPixels while reading the header: the bomb is never decoded.
  if (/pixel limit/i.test(String(error))) return refused("tooManyPixels");
  // sharp's prebuilt libvips has libheif for AVIF only, without an HEVC decoder: an iPhone's
  // HEIC cannot be read (decision 043). Said plainly, with what to do instead.
  return refused(kind === "heif" ? "heic" : "notAnImage");
}
