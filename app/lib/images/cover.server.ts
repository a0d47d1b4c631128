import { processImage, scaledHeight, variantName, variantWidths, COVER, FORMATS, type PipelineOptions, type ProcessedImage } from "./pipeline.server";
import { imageStore } from "./storage.server";

/** What a page needs to draw a stored picture: one srcset per format, a fallback, its size and text. */
export type PictureView = { srcset: Record<"avif" | "webp", string>; src: string; width: number; height: number; alt: string };

export function pictureView(key: string | null, width: number | null, height: number | null, alt: string | null | undefined): PictureView | null {
  if (!key || !width || !height) return null;
  const store = imageStore();
  const widths = variantWidths(width);
  const srcset = Object.fromEntries(
    FORMATS.map((format) => [format, widths.map((w) => `${store.url(variantName(key, w, format))} ${w}w`).join(", ")]),
  ) as PictureView["srcset"];
  const middle = widths[Math.min(1, widths.length - 1)];
  return { srcset, src: store.url(variantName(key, middle, "webp")), width: middle, height: scaledHeight(width, height, middle), alt: alt ?? "" };
}

/** Every stored name of a picture `width` wide (an avatar: `side` wide, with AVATAR's steps). */
export function variantNames(key: string, width: number, shape: PipelineOptions = COVER): string[] {
  return variantWidths(width, shape.widths).flatMap((w) => FORMATS.map((format) => variantName(key, w, format)));
}

/** Processes and stores an upload; nothing is stored when the bytes are refused. */
export async function storePicture(bytes: Uint8Array, shape: PipelineOptions = COVER): Promise<ProcessedImage> {
  const processed = await processImage(bytes, shape);
  const store = imageStore();
  try {
    for (const variant of processed.variants) await store.put(variant.name, variant.bytes, `image/${variant.format}`);
  } catch (error) {
    await store.remove(processed.variants.map((variant) => variant.name)).catch(() => undefined);
    throw error;
  }
  return processed;
}

export async function removePicture(key: string, width: number, shape: PipelineOptions = COVER) {
  await imageStore().remove(variantNames(key, width, shape));
}
