import { cardsFor, discoverActivities, goingAmong, readerProfile } from "~/domain/activities/queries.server";
import { forYouReasons, type ForYouReason } from "~/domain/activities/for-you";
import { db } from "~/lib/db.server";
import { loadActor } from "../policy/guards.server";
import { policy } from "../policy/rules";

const DAY = 86_400_000;
/** Every list on the home page is short: it is read on every visit of a signed-in person. */
export const HOME_LIMITS = { waitlist: 5, recommendations: 4, groupNews: 4, newInGroupsDays: 14 } as const;

/**
 * What the signed-in home page shows, read in parallel: the next activity the person is going
 * to, their waitlist places, their buddy and unread chat, "for you" picks with their reasons,
 * new activities in their groups, and whether their profile still needs its basics.
 */
export async function homeFor(userId: string, locale: string, options: { now?: Date; readerUpdatedAt?: Date; mayRequestBuddy?: boolean } = {}) {
  const now = options.now ?? new Date();
  const upcoming = { endsAt: { gte: now }, status: "published" };
  const [next, waiting, buddy, reader, memberships, openRequest] = await Promise.all([
    db().rsvp.findFirst({
      where: { userId, status: "going", activity: upcoming },
      orderBy: { activity: { startsAt: "asc" } },
      select: { activityId: true, status: true, activity: { select: { organiserId: true, venue: true, addressForGoingOnly: true } } },
    }),
    db().rsvp.findMany({
      where: { userId, status: "waitlisted", activity: upcoming },
      orderBy: { activity: { startsAt: "asc" } },
      take: HOME_LIMITS.waitlist,
      select: { activityId: true, position: true },
    }),
    buddyOf(userId),
    readerProfile(userId),
    db().groupMember.findMany({ where: { userId }, select: { groupId: true }, take: 100 }),
    // Someone who may not ask for a buddy (no newcomer) is not sent to ask: counted as asked already.
    options.mayRequestBuddy === false ? 1 : db().buddyRequest.count({ where: { newcomerId: userId, status: { in: ["open", "proposed", "matched"] } } }),
  ]);

  const groupIds = memberships.map((row) => row.groupId);
  const [places, picks, groupNews] = await Promise.all([
    Promise.all(
      waiting.map(async (row) => (await db().rsvp.count({ where: { activityId: row.activityId, status: "waitlisted", position: { lt: row.position } } })) + 1),
    ),
    recommendations(userId, locale, options.readerUpdatedAt, reader, options.now),
    groupIds.length
      ? db().activity.findMany({
          where: {
            groupId: { in: groupIds },
            status: "published",
            startsAt: { gte: now },
            publishedAt: { gte: new Date(now.getTime() - HOME_LIMITS.newInGroupsDays * DAY) },
          },
          orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
          take: HOME_LIMITS.groupNews * 3,
          select: { id: true, seriesId: true },
        })
      : [],
  ]);
  // One date per series among the new ones: a new weekly café is news once, not five times.
  const seenSeries = new Set<string>();
  const newIds = groupNews
    .filter((row) => !row.seriesId || (!seenSeries.has(row.seriesId) && Boolean(seenSeries.add(row.seriesId))))
    .slice(0, HOME_LIMITS.groupNews)
    .map((row) => row.id);

  const [nextCards, waitingCards, newCards] = await Promise.all([
    cardsFor(next ? [next.activityId] : [], locale),
    cardsFor(
      waiting.map((row) => row.activityId),
      locale,
    ),
    cardsFor(newIds, locale),
  ]);
  const going = new Set(await goingAmong(userId, [...newCards.map((card) => card.id), ...picks.map((pick) => pick.activity.id)]));
  if (next) going.add(next.activityId);
  // What is already news from the person's groups is not suggested again (a series counts once).
  const inNews = new Set(newCards.map((card) => card.seriesId ?? card.id));
  const profileIncomplete = !reader || reader.languages.length === 0 || !reader.municipalityCode;
  const nextActivity = nextCards[0] ? { ...nextCards[0], venue: await nextVenue(userId, next, nextCards[0].venue) } : null;
  const waitlist = waitingCards.map((activity, index) => ({ activity, place: places[index] ?? null }));
  return {
    nextActivity,
    waitlist,
    buddy,
    recommendations: picks
      .filter((pick) => !going.has(pick.activity.id) && !inNews.has(pick.activity.seriesId ?? pick.activity.id))
      .slice(0, HOME_LIMITS.recommendations),
    newInGroups: newCards,
    inGroups: groupIds.length > 0,
    going: [...going],
    firstSteps: {
      profile: profileIncomplete,
      activity: !nextActivity && waitlist.length === 0,
      buddy: !buddy && openRequest === 0,
    },
  };
}
export type HomeData = Awaited<ReturnType<typeof homeFor>>;

type NextRsvp = { status: string; activity: { organiserId: string; venue: string | null; addressForGoingOnly: boolean } } | null;

/** Cards leave out a venue kept for people going; the person going to it gets it back for their calendar. */
async function nextVenue(userId: string, next: NextRsvp, cardVenue: string | null) {
  if (!next?.activity.addressForGoingOnly) return cardVenue;
  return policy.canSeeVenue(await loadActor(userId), next.activity, next) ? next.activity.venue : cardVenue;
}

/**
 * The person's current buddy match, on either side: who, in what state, and how many of the
 * other person's messages came after the person last opened the chat (BuddyMatch.*ReadAt).
 */
async function buddyOf(userId: string) {
  const select = {
    id: true,
    status: true,
    newcomerReadAt: true,
    volunteerReadAt: true,
    request: { select: { newcomer: { select: { displayName: true } } } },
    offer: { select: { volunteer: { select: { displayName: true } } } },
  } as const;
  const live = { status: { in: ["active", "proposed"] } };
  const [asNewcomer, asVolunteer] = await Promise.all([
    db().buddyMatch.findFirst({ where: { newcomerId: userId, ...live }, orderBy: { proposedAt: "desc" }, select }),
    db().buddyMatch.findFirst({ where: { volunteerId: userId, ...live }, orderBy: { proposedAt: "desc" }, select }),
  ]);
  const match = asNewcomer ?? asVolunteer;
  if (!match) return null;
  const side = asNewcomer ? "newcomer" : "volunteer";
  const readAt = side === "newcomer" ? match.newcomerReadAt : match.volunteerReadAt;
  const unread =
    match.status === "active"
      ? await db().matchMessage.count({ where: { matchId: match.id, senderId: { not: userId }, ...(readAt ? { createdAt: { gt: readAt } } : {}) } })
      : 0;
  return {
    matchId: match.id,
    status: match.status,
    side,
    otherName: side === "newcomer" ? match.offer.volunteer.displayName : match.request.newcomer.displayName,
    unread,
  };
}

type Reader = Awaited<ReturnType<typeof readerProfile>>;

/** The first "for you" picks (one date per series) with the reasons the score gave them. */
async function recommendations(userId: string, locale: string, readerUpdatedAt: Date | undefined, reader: Reader, now: Date | undefined) {
  if (!reader) return [];
  const { items } = await discoverActivities(
    { sort: "for-you", perPage: HOME_LIMITS.recommendations * 2 },
    { userId, readerUpdatedAt, locale, collapseSeries: true, now },
  );
  if (items.length === 0) return [];
  const slots = await db().activity.findMany({
    where: { id: { in: items.map((item) => item.id) } },
    select: { id: true, localWeekday: true, localPart: true, municipalityCode: true },
  });
  const byId = new Map(slots.map((row) => [row.id, row]));
  const picks: { activity: (typeof items)[number]; reasons: ForYouReason[] }[] = [];
  for (const activity of items) {
    const facts = byId.get(activity.id);
    const reasons = forYouReasons(reader, {
      spokenLanguages: activity.spokenLanguages,
      practisedLanguage: activity.practisedLanguage,
      interests: activity.interests,
      municipalityCode: facts?.municipalityCode ?? null,
      mode: activity.mode,
      slot: `${facts?.localWeekday}-${facts?.localPart}`,
    });
    // Only what the score ranked: the date-ordered rest has no reason to give.
    if (reasons.length > 0) picks.push({ activity, reasons });
  }
  return picks;
}
