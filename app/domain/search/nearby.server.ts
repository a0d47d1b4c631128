import { db } from "~/lib/db.server";

/** Municipality centres from the reference table: reference data, read once per process. */
type Centre = { code: string; latitude: number; longitude: number };
let centres: Promise<Map<string, Centre>> | undefined;

export function municipalityCentres(): Promise<Map<string, Centre>> {
  if (!centres) {
    centres = db()
      .municipality.findMany({ select: { code: true, latitude: true, longitude: true } })
      .then((rows) => new Map(rows.map((row) => [row.code, row])));
    centres.catch(() => (centres = undefined));
  }
  return centres;
}

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two points, in kilometres (haversine). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The municipalities whose centre lies within `km` of `origin`'s, with their distances: the
 * activities filter then asks for these codes (an index the list already uses), so that "nearby"
 * combines with every other filter in the database. Unknown origin: null.
 */
export async function municipalitiesWithin(origin: string, km: number): Promise<Map<string, number> | null> {
  const all = await municipalityCentres();
  const from = all.get(origin);
  if (!from) return null;
  const within = new Map<string, number>();
  for (const centre of all.values()) {
    const distance = distanceKm(from, centre);
    if (distance <= km) within.set(centre.code, distance);
  }
  return within;
}

/** Distance from `origin` to each activity's municipality, for the cards. */
export async function distancesFrom(origin: string, codes: (string | null | undefined)[]): Promise<Map<string, number>> {
  const all = await municipalityCentres();
  const from = all.get(origin);
  const distances = new Map<string, number>();
  if (!from) return distances;
  for (const code of codes) {
    const to = code ? all.get(code) : undefined;
    if (to) distances.set(code!, distanceKm(from, to));
  }
  return distances;
}

/** A "how to get there" link on OpenStreetMap: directions to the municipality centre, or a search for the venue. */
export function directionsLink(venue: string | null, centre: { latitude: number; longitude: number } | null, municipalityName: string | null) {
  if (venue) return `https://www.openstreetmap.org/search?query=${encodeURIComponent([venue, municipalityName].filter(Boolean).join(", "))}`;
  if (centre) return `https://www.openstreetmap.org/directions?to=${centre.latitude.toFixed(5)},${centre.longitude.toFixed(5)}`;
  return null;
}
