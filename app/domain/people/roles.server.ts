import { z } from "zod";
import { db } from "~/lib/db.server";
import { parseInput } from "~/lib/validation.server";
import { NotFound } from "../errors";
import { actorSelect, requireActor } from "../policy/guards.server";
import { policy } from "../policy/rules";

const RoleChange = z.object({ userId: z.string().min(1).max(64), organiser: z.enum(["grant", "revoke"]) });

/** The admin form's input: `{ userId, organiser: "grant" | "revoke" }`. */
/** Returns whom it changed and how, for the admin's confirmation ("Olena is now an organiser"). */
export async function changeOrganiserRole(actorId: string, input: unknown): Promise<{ displayName: string; granted: boolean }> {
  await requireActor(actorId, policy.canGrantOrganiser);
  const change = parseInput(RoleChange, input);
  await setOrganiser(actorId, change.userId, change.organiser === "grant");
  const person = await db().user.findUniqueOrThrow({ where: { id: change.userId }, select: { displayName: true } });
  return { displayName: person.displayName, granted: change.organiser === "grant" };
}

export async function setOrganiser(actorId: string, targetUserId: string, isOrganiser: boolean): Promise<void> {
  await requireActor(actorId, policy.canGrantOrganiser);
  const updated = await db().user.updateMany({ where: { id: targetUserId }, data: { isOrganiser } });
  if (updated.count === 0) throw NotFound();
}

export async function listPeopleForAdmin(actorId: string, query: string, page: number) {
  await requireActor(actorId, policy.canListPeople);
  const needle = query.trim().toLowerCase().slice(0, 100);
  const where = needle ? { OR: [{ email: { contains: needle } }, { displayName: { contains: query.trim().slice(0, 100) } }] } : {};
  const pageSize = 25;
  const [people, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { ...actorSelect, displayName: true, email: true },
    }),
    db().user.count({ where }),
  ]);
  return { people, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
