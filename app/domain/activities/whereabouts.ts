/** When and where an activity is: what people signed up and the group's channels are told about when it changes. */
export type Whereabouts = { startsAt: Date; endsAt: Date; mode: string; venue: string | null; municipalityCode: string | null; joinUrl: string | null };

/** What of a published date changed for the people signed up: its time, its place, its online link. */
export function changesOf(before: Whereabouts, after: Whereabouts) {
  return [
    ...(before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime() ? ["time"] : []),
    ...(before.mode !== after.mode || before.venue !== after.venue || before.municipalityCode !== after.municipalityCode ? ["place"] : []),
    ...(after.mode !== "in-person" && before.joinUrl !== after.joinUrl ? ["link"] : []),
  ];
}

/** What a message about an activity names (a mail to people, an announcement in a channel): its titles, its time in its zone, its place. */
export const HEADLINE = {
  startsAt: true,
  endsAt: true,
  timeZone: true,
  mode: true,
  venue: true,
  addressForGoingOnly: true,
  defaultLocale: true,
  municipality: { select: { name: true } },
  contents: { select: { locale: true, title: true } },
} as const;

export type Headline = {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  mode: string;
  venue: string | null;
  addressForGoingOnly: boolean;
  defaultLocale: string;
  municipality: { name: string } | null;
  contents: { locale: string; title: string }[];
};

/**
 * "Buurthuis, Zaanstad"; null for an online activity (its link is only for people with a seat).
 * A venue the organiser keeps for people going (decision 044) is left out, the municipality
 * kept, unless `venueShown`: the reader may see it (policy.canSeeVenue, decided by the caller).
 */
export const placeOf = (row: Pick<Headline, "mode" | "venue" | "municipality"> & { addressForGoingOnly?: boolean }, venueShown = false) =>
  row.mode === "online" ? null : [row.addressForGoingOnly && !venueShown ? null : row.venue, row.municipality?.name].filter(Boolean).join(", ") || null;
