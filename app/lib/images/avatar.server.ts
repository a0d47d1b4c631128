import { variantName, variantWidths, AVATAR, FORMATS } from "./pipeline.server";
import { imageStore } from "./storage.server";

/**
 * What a page needs to draw a person's avatar (decision 048): one srcset per format over the
 * stored square sides, and the 64 px WebP (or the largest there is) as the fallback. The size it
 * is drawn at is the page's choice (components/avatar.tsx).
 */
export type AvatarView = { srcset: Record<"avif" | "webp", string>; src: string };

export function avatarView(key: string | null | undefined, size: number | null | undefined): AvatarView | null {
  if (!key || !size) return null;
  const store = imageStore();
  const sides = variantWidths(size, AVATAR.widths);
  const srcset = Object.fromEntries(
    FORMATS.map((format) => [format, sides.map((side) => `${store.url(variantName(key, side, format))} ${side}w`).join(", ")]),
  ) as AvatarView["srcset"];
  return { srcset, src: store.url(variantName(key, sides[0], "webp")) };
}

/** A person's avatar as a page shows it, from the two columns a query selected. */
export const avatarOf = (user: { avatarKey: string | null; avatarSize: number | null }) => avatarView(user.avatarKey, user.avatarSize);

/** The columns `avatarOf` reads, for a Prisma `select`. */
export const avatarSelect = { avatarKey: true, avatarSize: true } as const;
