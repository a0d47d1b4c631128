import express from "express";
import { MAX_UPLOAD_BYTES } from "../../app/lib/images/pipeline.server.ts";
import { imagesDir, LOCAL_IMAGES_PATH } from "../../app/lib/images/storage.server.ts";
import type { UploadRoute } from "./form-body.ts";

/** Room for the text fields (alternative texts, intent, CSRF) next to the picture. */
const TEXT_ALLOWANCE = 64 * 1024;

const upload = (path: RegExp, tooLarge: string): UploadRoute => ({
  path,
  field: "image",
  limit: MAX_UPLOAD_BYTES + TEXT_ALLOWANCE,
  fileLimit: MAX_UPLOAD_BYTES,
  tooLarge: ["pictures.tooLargeTitle", tooLarge],
});

/** The only paths that take a file (decisions 043 and 048): one picture, in the field `image`. */
export const UPLOAD_ROUTES: UploadRoute[] = [
  // `.data`: the same route as Remix's single fetch posts it with JavaScript on.
  upload(/^\/organise\/activities\/[^/]+\/cover(\.data)?$/, "pictures.tooLarge"),
  upload(/^\/groups\/[^/]+\/cover(\.data)?$/, "pictures.tooLarge"),
  // The signed-in person's own avatar; the route takes no id, so there is no one else's to name.
  upload(/^\/profile\/avatar(\.data)?$/, "avatar.tooLarge"),
];

const TYPES: Record<string, string> = { ".avif": "image/avif", ".webp": "image/webp" };

/** The local store's files: content-hashed names, so cached for a year and never revalidated. */
export function localImages() {
  return [
    LOCAL_IMAGES_PATH,
    express.static(imagesDir(), {
      immutable: true,
      maxAge: "1y",
      index: false,
      dotfiles: "ignore",
      setHeaders: (res, path) => {
        const type = TYPES[path.slice(path.lastIndexOf("."))];
        if (type) res.setHeader("Content-Type", type);
        res.setHeader("X-Content-Type-Options", "nosniff");
      },
    }),
  ] as const;
}
