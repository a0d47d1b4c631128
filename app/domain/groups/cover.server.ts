import { checkAlts, forgetIfUnused } from "~/domain/activities/cover.server";
import { ValidationFailed } from "~/domain/errors";
import { requireManageGroupCover } from "~/domain/policy/guards.server";
import { db } from "~/lib/db.server";
import { storePicture } from "~/lib/images/cover.server";

/** A group has one name in one language, so one description, in the field `alt`. */
export const GROUP_ALT = "alt";

/** Sets or replaces a group's cover (decision 043): its organisers and admins; refused input stores nothing. */
export async function setGroupCover(actorId: string, slug: string, file: Uint8Array | null, input: Record<string, unknown>) {
  const { group } = await requireManageGroupCover(actorId, slug);
  const { alt } = checkAlts([["alt", GROUP_ALT]], input);
  const previous = await db().group.findUniqueOrThrow({ where: { id: group.id }, select: { coverKey: true, coverWidth: true } });
  if (!file || file.byteLength === 0) {
    if (!previous.coverKey) throw ValidationFailed({ image: { key: "pictures.errors.empty" } });
    await db().group.update({ where: { id: group.id }, data: { coverAlt: alt } });
    return;
  }
  const picture = await storePicture(file);
  try {
    await db().group.update({
      where: { id: group.id },
      data: { coverKey: picture.key, coverWidth: picture.width, coverHeight: picture.height, coverAlt: alt },
    });
  } catch (error) {
    await forgetIfUnused(picture.key, picture.width);
    throw error;
  }
  if (previous.coverKey !== picture.key) await forgetIfUnused(previous.coverKey, previous.coverWidth);
}

export async function removeGroupCover(actorId: string, slug: string) {
  const { group } = await requireManageGroupCover(actorId, slug);
  const previous = await db().group.findUniqueOrThrow({ where: { id: group.id }, select: { coverKey: true, coverWidth: true } });
  await db().group.update({ where: { id: group.id }, data: { coverKey: null, coverWidth: null, coverHeight: null, coverAlt: null } });
  await forgetIfUnused(previous.coverKey, previous.coverWidth);
}

export async function groupCoverFormView(actorId: string, slug: string) {
  const { group } = await requireManageGroupCover(actorId, slug);
  return db().group.findUniqueOrThrow({
    where: { id: group.id },
    select: { slug: true, name: true, coverKey: true, coverWidth: true, coverHeight: true, coverAlt: true },
  });
}
