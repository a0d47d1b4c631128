import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "~/lib/db.server";
import { avatarOf, avatarSelect } from "~/lib/images/avatar.server";
import { pictureView } from "~/lib/images/cover.server";
import { INTERESTS } from "~/lib/reference/interests";
import { matchesAllTerms, searchTerms } from "../search/terms";
import { parseInput, plainText } from "~/lib/validation.server";
import { DomainError, NotFound, ValidationFailed } from "../errors";
import { allow, groupFacts, loadActor, requireActor } from "../policy/guards.server";
import { groupOrganiserRole, isGroupOrganiserRole, policy } from "../policy/rules";

export const GroupInput = z.object({
  name: plainText(80),
  description: plainText(2000),
  interest: z
    .string()
    .max(40)
    .optional()
    .transform((value) => value || null)
    .pipe(z.enum(INTERESTS).nullable()),
  municipalityCode: z
    .string()
    .max(10)
    .optional()
    .transform((value) => value || null)
    .pipe(
      z
        .string()
        .regex(/^GM\d{4}$/)
        .nullable(),
    ),
});

/** Paths under /groups/ that are pages of their own, so no group may have them as its address. */
const RESERVED_SLUGS = new Set(["new", "suggest"]);

/** Readable, stable URLs for Latin names; a random one for names in other scripts. */
export function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base.length >= 3 && !RESERVED_SLUGS.has(base) ? base : `group-${randomBytes(3).toString("hex")}`;
}

export async function createGroup(actorId: string, raw: unknown) {
  await requireActor(actorId, policy.canCreateGroup, "groups.errors.notOrganiser");
  const input = parseInput(GroupInput, raw);
  if (input.municipalityCode && !(await db().municipality.findUnique({ where: { code: input.municipalityCode } }))) {
    throw ValidationFailed({ municipalityCode: { key: "profile.unknownMunicipality" } });
  }
  let slug = slugFor(input.name);
  if (await db().group.findUnique({ where: { slug } })) slug = `${slug}-${randomBytes(2).toString("hex")}`;
  const id = randomUUID();
  await db().group.create({
    data: { id, slug, ...input, members: { create: { userId: actorId, role: groupOrganiserRole() } } },
  });
  return { id, slug };
}

export async function joinGroup(userId: string, groupId: string) {
  const group = await db().group.findUnique({ where: { id: groupId }, select: { id: true } });
  if (!group) throw NotFound("groups.errors.notFound");
  const existing = await db().groupMember.findUnique({ where: { groupId_userId: { groupId, userId } } });
  if (existing) throw new DomainError("conflict", "groups.errors.alreadyMember");
  await db().groupMember.create({ data: { groupId, userId } });
}

/** Leaving is always possible, except for the last organiser, who would orphan the group. */
export async function leaveGroup(userId: string, groupId: string) {
  const membership = await db().groupMember.findUnique({ where: { groupId_userId: { groupId, userId } } });
  if (!membership) throw new DomainError("conflict", "groups.errors.notMember");
  if (isGroupOrganiserRole(membership.role)) {
    const organisers = await db().groupMember.count({ where: { groupId, role: groupOrganiserRole() } });
    if (organisers <= 1) throw new DomainError("conflict", "groups.errors.lastOrganiser");
  }
  await db().groupMember.delete({ where: { groupId_userId: { groupId, userId } } });
}

export async function makeGroupOrganiser(actorId: string, groupId: string, userId: string) {
  const [actor, group] = await Promise.all([loadActor(actorId), groupFacts(actorId, groupId)]);
  allow(policy.canAppointGroupOrganiser(actor, group));
  const updated = await db().groupMember.updateMany({ where: { groupId, userId }, data: { role: groupOrganiserRole() } });
  if (updated.count === 0) throw NotFound("groups.errors.notMember");
}

export async function listGroups() {
  const groups = await db().group.findMany({
    orderBy: { name: "asc" },
    take: 200,
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      interest: true,
      municipality: { select: { name: true } },
      _count: { select: { members: true } },
      coverKey: true,
      coverWidth: true,
      coverHeight: true,
      coverAlt: true,
    },
  });
  return groups.map(({ _count, coverKey, coverWidth, coverHeight, coverAlt, ...group }) => ({
    ...group,
    memberCount: _count.members,
    cover: pictureView(coverKey, coverWidth, coverHeight, coverAlt),
  }));
}

/**
 * Groups whose name, description and place hold every word of `q` (decision 044): compared in
 * memory, as there are at most 200 groups; all of them when nothing is typed.
 */
export async function searchGroups(q: string) {
  const terms = searchTerms(q);
  const groups = await listGroups();
  const found = terms.length
    ? groups.filter((group) => matchesAllTerms(`${group.name} ${group.description} ${group.municipality?.name ?? ""}`, terms))
    : groups;
  return { groups: found, terms };
}

export async function getGroup(slug: string, viewerId: string | null) {
  const group = await db().group.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      interest: true,
      municipality: { select: { code: true, name: true } },
      members: {
        orderBy: [{ role: "desc" }, { joinedAt: "asc" }],
        select: { role: true, userId: true, user: { select: { displayName: true, ...avatarSelect } } },
      },
      coverKey: true,
      coverWidth: true,
      coverHeight: true,
      coverAlt: true,
    },
  });
  if (!group) throw NotFound("groups.errors.notFound");
  const me = group.members.find((member) => member.userId === viewerId);
  const { coverKey, coverWidth, coverHeight, coverAlt, ...rest } = group;
  return {
    ...rest,
    cover: pictureView(coverKey, coverWidth, coverHeight, coverAlt),
    // Members see each other's display names only; no ids or contact details leave the server.
    members: group.members.map((member) => ({ displayName: member.user.displayName, avatar: avatarOf(member.user), role: member.role })),
    myRole: me?.role ?? null,
  };
}

export async function groupsOrganisedBy(userId: string) {
  const rows = await db().groupMember.findMany({
    where: { userId, role: groupOrganiserRole() },
    select: { group: { select: { id: true, name: true } } },
  });
  return rows.map((row) => row.group);
}
