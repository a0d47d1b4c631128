/**
 * What the platform can do about an obstacle in a plan (decisions/042): upcoming activities of
 * the matching kind, from discovery, and a buddy request of the matching kind, prefilled from the
 * owner's profile, which the owner sends with one click.
 */
import { db } from "~/lib/db.server";
import { discoverActivities } from "../activities/queries.server";
import { loadActor } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { PLATFORM_LINKS, type LinkedObstacle } from "./obstacles";
import type { PlanView } from "./plan.server";

const OPEN_REQUEST = ["open", "proposed", "matched"];

export async function planSuggestions(actorId: string, plan: Pick<PlanView, "domains" | "isOwner">, locale: string) {
  const chosen = new Set(plan.domains.flatMap((entry) => entry.obstacles.map((key) => `${entry.domain}:${key}`)));
  const linked = (Object.keys(PLATFORM_LINKS) as LinkedObstacle[]).filter((key) => chosen.has(key));
  if (linked.length === 0) return [];
  const actor = plan.isOwner ? await loadActor(actorId) : null;
  const [requests, profile] = actor
    ? await Promise.all([
        db().buddyRequest.findMany({ where: { newcomerId: actorId, status: { in: OPEN_REQUEST } }, select: { kind: true } }),
        db().user.findUnique({ where: { id: actorId }, select: { languages: true, sectors: true } }),
      ])
    : [[], null];
  return Promise.all(
    linked.map(async (obstacle) => {
      const { activityKind, buddyKind } = PLATFORM_LINKS[obstacle];
      const found = await discoverActivities({ kind: activityKind, perPage: 3 }, { userId: actorId, locale, collapseSeries: true });
      const dutch = profile?.languages.find((entry) => entry.language === "nl");
      const sector = profile?.sectors[0]?.sector ?? null;
      // A one-click request needs everything the request form asks; without a sector the form opens instead.
      const buddy = policy.canRequestBuddy(actor)
        ? {
            kind: buddyKind,
            alreadyAsked: requests.some((request) => request.kind === buddyKind),
            fields:
              buddyKind === "language"
                ? { kind: "language", targetLanguage: "nl", targetLevel: dutch && dutch.level !== "native" ? dutch.level : "A2", onlineOk: "on" }
                : sector
                  ? { kind: "job", targetSector: sector, onlineOk: "on" }
                  : null,
          }
        : null;
      return {
        obstacle,
        activityKind,
        activities: found.items.map((item) => ({ id: item.id, title: item.title, startsAt: item.startsAt, timeZone: item.timeZone })),
        buddy,
      };
    }),
  );
}
export type PlanSuggestion = Awaited<ReturnType<typeof planSuggestions>>[number];
