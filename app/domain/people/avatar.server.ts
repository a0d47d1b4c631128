/**
 * A person's optional avatar (decision 048): one square picture, through the same pipeline and
 * store as covers (AVATAR sides, centre-cropped, metadata stripped). Only the person changes it.
 */
import { isDomainError, ValidationFailed } from "~/domain/errors";
import { requireActor } from "~/domain/policy/guards.server";
import { policy } from "~/domain/policy/rules";
import { db } from "~/lib/db.server";
import { avatarOf, avatarSelect } from "~/lib/images/avatar.server";
import { removePicture, storePicture } from "~/lib/images/cover.server";
import { AVATAR } from "~/lib/images/pipeline.server";

const allowed = (actorId: string, personId: string) => requireActor(actorId, (actor) => policy.canChangeAvatar(actor, { id: personId }));

/** Two people who upload the same photo share its files: they go when nobody uses the key any more. */
export async function forgetAvatarIfUnused(key: string | null, size: number | null) {
  if (!key || !size) return;
  if ((await db().user.count({ where: { avatarKey: key } })) === 0) await removePicture(key, size, AVATAR);
}

/** Sets or replaces the avatar; a refused file stores nothing and keeps the old one. */
export async function setAvatar(actorId: string, personId: string, file: Uint8Array | null) {
  await allowed(actorId, personId);
  if (!file || file.byteLength === 0) throw ValidationFailed({ image: { key: "pictures.errors.empty" } });
  const previous = await db().user.findUniqueOrThrow({ where: { id: personId }, select: avatarSelect });
  const picture = await storePicture(file, AVATAR).catch((error: unknown) => {
    // The pipeline's own words speak of covers; the same limit, said of a picture of oneself.
    if (isDomainError(error) && error.messageKey === "pictures.errors.tooLarge") throw ValidationFailed({ image: { key: "avatar.tooLarge" } });
    throw error;
  });
  // The largest side stored (at most 256), which is all that is needed to name every variant.
  const size = Math.max(...picture.variants.map((variant) => variant.width));
  try {
    await db().user.update({ where: { id: personId }, data: { avatarKey: picture.key, avatarSize: size } });
  } catch (error) {
    await forgetAvatarIfUnused(picture.key, size);
    throw error;
  }
  if (previous.avatarKey !== picture.key) await forgetAvatarIfUnused(previous.avatarKey, previous.avatarSize);
}

export async function removeAvatar(actorId: string, personId: string) {
  await allowed(actorId, personId);
  const previous = await db().user.findUniqueOrThrow({ where: { id: personId }, select: avatarSelect });
  if (!previous.avatarKey) return;
  await db().user.update({ where: { id: personId }, data: { avatarKey: null, avatarSize: null } });
  await forgetAvatarIfUnused(previous.avatarKey, previous.avatarSize);
}

/** The person's avatar for their own profile page. */
export async function ownAvatar(userId: string) {
  return avatarOf(await db().user.findUniqueOrThrow({ where: { id: userId }, select: avatarSelect }));
}

/** Every stored address of an avatar, for the data export (relative to the site). */
export function avatarAddresses(user: { avatarKey: string | null; avatarSize: number | null }): string[] {
  if (!user.avatarKey || !user.avatarSize) return [];
  const view = avatarOf(user)!;
  return [...view.srcset.avif.split(", "), ...view.srcset.webp.split(", ")].map((entry) => entry.split(" ")[0]);
}
