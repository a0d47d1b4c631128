import { mkdir, rm, writeFile, rename } from "node:fs/promises";
import { join, resolve } from "node:path";

/**
 * Where picture variants live (decision 043). Names are content hashes (`<key>-<width>.<format>`),
 * so a stored file never changes and may be cached for a year; a new upload gets new names.
 */
export interface ImageStore {
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  remove(names: string[]): Promise<void>;
  /** The address a page links the variant with. */
  url(name: string): string;
}

/** Path under which the local store's files are served (server/app.ts). */
export const LOCAL_IMAGES_PATH = "/images";
const SAFE_NAME = /^[0-9a-f]{24}-\d{1,5}\.(avif|webp)$/;

function checkName(name: string) {
  if (!SAFE_NAME.test(name)) throw new Error(`not a variant name: ${name}`);
}

/** A folder on this server's disk, by default `data/images` next to the SQLite database. */
export function localStore(dir: string): ImageStore {
  const root = resolve(dir);
  return {
    async put(name, bytes) {
      checkName(name);
      await mkdir(root, { recursive: true });
      // Written under a temporary name and renamed, so a half-written file is never served.
      const partial = join(root, `.${name}.${process.pid}.part`);
      await writeFile(partial, bytes);
      await rename(partial, join(root, name));
    },
    async remove(names) {
      for (const name of names) {
        checkName(name);
        await rm(join(root, name), { force: true });
      }
    },
    url: (name) => `${LOCAL_IMAGES_PATH}/${name}`,
  };
}

export function imagesDir(): string {
  return process.env.IMAGES_DIR ?? "data/images";
}

let store: ImageStore | null = null;
export function imageStore(): ImageStore {
  return (store ??= localStore(imagesDir()));
}
