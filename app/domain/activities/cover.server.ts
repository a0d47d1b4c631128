import { ValidationFailed, type FieldErrors } from "~/domain/errors";
import { requireManageActivity } from "~/domain/policy/guards.server";
import { db } from "~/lib/db.server";
import { altField, MAX_ALT_LENGTH } from "~/lib/images/alt-text";
import { removePicture, storePicture } from "~/lib/images/cover.server";

/** The content languages an activity is written in: one alternative text is needed in each. */
export async function coverLocales(activityId: string): Promise<string[]> {
  const contents = await db().activityContent.findMany({ where: { activityId }, select: { locale: true }, orderBy: { locale: "asc" } });
  return contents.map((content) => content.locale);
}

/** Each description required and not too long; `fields` maps what it describes (a locale) to its form field. */
export function checkAlts(fields: [key: string, name: string][], input: Record<string, unknown>): Record<string, string> {
  const errors: FieldErrors = {};
  const alts: Record<string, string> = {};
  for (const [key, name] of fields) {
    const value = typeof input[name] === "string" ? String(input[name]).trim() : "";
    if (!value) errors[name] = { key: "pictures.errors.altRequired" };
    else if (value.length > MAX_ALT_LENGTH) errors[name] = { key: "pictures.errors.altTooLong", values: { max: MAX_ALT_LENGTH } };
    else alts[key] = value;
  }
  if (Object.keys(errors).length) throw ValidationFailed(errors);
  return alts;
}

/** A stored picture no activity or group uses any more is removed from the store. */
export async function forgetIfUnused(key: string | null, width: number | null) {
  if (!key || !width) return;
  const [activities, groups] = await Promise.all([db().activity.count({ where: { coverKey: key } }), db().group.count({ where: { coverKey: key } })]);
  if (activities + groups === 0) await removePicture(key, width);
}

/**
 * Sets (or replaces) an activity's cover: who may manage it, an alternative text in every content
 * language, then the picture itself. Refused input stores nothing and changes nothing.
 */
export async function setActivityCover(actorId: string, activityId: string, file: Uint8Array | null, input: Record<string, unknown>) {
  const { activity } = await requireManageActivity(actorId, activityId);
  const alts = checkAlts(
    (await coverLocales(activityId)).map((locale) => [locale, altField(locale)]),
    input,
  );
  const previous = await db().activity.findUniqueOrThrow({ where: { id: activity.id }, select: { coverKey: true, coverWidth: true } });
  if (!file || file.byteLength === 0) {
    // Only the texts changed: allowed when there is a picture already.
    if (!previous.coverKey) throw ValidationFailed({ image: { key: "pictures.errors.empty" } });
    await saveAlts(activity.id, alts);
    return;
  }
  const picture = await storePicture(file);
  try {
    await db().$transaction([
      db().activity.update({ where: { id: activity.id }, data: { coverKey: picture.key, coverWidth: picture.width, coverHeight: picture.height } }),
      ...altUpdates(activity.id, alts),
    ]);
  } catch (error) {
    await forgetIfUnused(picture.key, picture.width);
    throw error;
  }
  if (previous.coverKey !== picture.key) await forgetIfUnused(previous.coverKey, previous.coverWidth);
}

const altUpdates = (activityId: string, alts: Record<string, string>) =>
  Object.entries(alts).map(([locale, coverAlt]) => db().activityContent.update({ where: { activityId_locale: { activityId, locale } }, data: { coverAlt } }));

async function saveAlts(activityId: string, alts: Record<string, string>) {
  await db().$transaction(altUpdates(activityId, alts));
}

export async function removeActivityCover(actorId: string, activityId: string) {
  const { activity } = await requireManageActivity(actorId, activityId);
  const previous = await db().activity.findUniqueOrThrow({ where: { id: activity.id }, select: { coverKey: true, coverWidth: true } });
  await db().$transaction([
    db().activity.update({ where: { id: activity.id }, data: { coverKey: null, coverWidth: null, coverHeight: null } }),
    db().activityContent.updateMany({ where: { activityId: activity.id }, data: { coverAlt: null } }),
  ]);
  await forgetIfUnused(previous.coverKey, previous.coverWidth);
}

/** What the cover form shows: the picture, if any, and the texts per content language. */
export async function coverFormView(actorId: string, activityId: string) {
  await requireManageActivity(actorId, activityId);
  const row = await db().activity.findUniqueOrThrow({
    where: { id: activityId },
    select: {
      coverKey: true,
      coverWidth: true,
      coverHeight: true,
      contents: { select: { locale: true, title: true, coverAlt: true }, orderBy: { locale: "asc" } },
    },
  });
  return row;
}
