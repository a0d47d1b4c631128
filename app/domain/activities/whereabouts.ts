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
