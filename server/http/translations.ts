import type { RequestHandler } from "express";
import { translationFileNamed } from "../../app/lib/translation-files.server.ts";

const A_YEAR = 365 * 24 * 60 * 60;

/**
 * Serves `/locales/<language>-<hash>.json`. A name with an older hash (a page rendered by an
 * instance not yet updated, during a rolling deploy) is sent on to the current file rather than
 * failing, without being cached under the old name.
 */
export const translations: RequestHandler = (req, res, next) => {
  const found = translationFileNamed(req.params.file ?? "");
  if (!found) return next();
  if (!found.current) return res.set("Cache-Control", "no-cache").redirect(302, found.file.href);
  res.set("Cache-Control", `public, max-age=${A_YEAR}, immutable`).type("json").send(found.file.body);
};
