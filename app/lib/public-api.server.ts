import type { ActivityCard } from "~/domain/activities/queries.server";

/** The fields partners may show: everything public about an activity, nothing about people. */
export function publicActivity(card: ActivityCard) {
  return {
    id: card.id,
    kind: card.kind,
    status: card.status,
    title: card.title,
    summary: card.summary,
    contentLanguage: card.contentLocale,
    startsAt: card.startsAt,
    endsAt: card.endsAt,
    timeZone: card.timeZone,
    mode: card.mode,
    venue: card.venue,
    municipality: card.municipality,
    spokenLanguages: card.spokenLanguages,
    practisedLanguage: card.practisedLanguage,
    practisedLevel: card.practisedLevel,
    themes: card.themes,
    interests: card.interests,
    childcare: card.childcare,
    costCents: card.costCents,
    capacity: card.capacity,
    seatsLeft: card.seatsLeft,
  };
}
