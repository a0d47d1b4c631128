/**
 * The weekly digest's choice and timing, pure: which of the week's new activities a person sees
 * (at most DIGEST_MAX: first those in groups they follow, then by the "for you" score), and which
 * week it is in Europe/Amsterdam. The service around it (digest.server.ts) does the reading and writing.
 */
import { TZDate } from "@date-fns/tz";
import { forYouScore, LEARNING_LEVELS, type Candidate, type Reader } from "./for-you";

export const DIGEST_MAX = 10;
export const DIGEST_ZONE = "Europe/Amsterdam";
/** Monday 08:00 in DIGEST_ZONE: the digest of a week is due from then until the next Monday's. */
export const DIGEST_HOUR = 8;
/** "New" is published (created as published, or made) in the week before the digest. */
export const DIGEST_LOOKBACK_MS = 7 * 24 * 3600_000;

export type DigestCandidate = Candidate & { id: string; groupId: string | null; seriesId: string | null; startsAt: Date };

/**
 * Relevant: in a group the person follows, or sharing a language, a practised language, an interest
 * or their municipality. A series counts once, at its best-placed date, so that a fortnightly club
 * does not fill the mail.
 */
export function digestPicks(reader: Reader, followedGroups: ReadonlySet<string>, candidates: DigestCandidate[], max = DIGEST_MAX): DigestCandidate[] {
  const spoken = new Set(reader.languages.map((entry) => entry.language));
  const learning = new Set(reader.languages.filter((entry) => LEARNING_LEVELS.has(entry.level)).map((entry) => entry.language));
  const matches = (activity: DigestCandidate) =>
    activity.spokenLanguages.some((language) => spoken.has(language)) ||
    (activity.practisedLanguage !== null && learning.has(activity.practisedLanguage)) ||
    activity.interests.some((interest) => reader.interests.includes(interest)) ||
    (reader.municipalityCode !== null && activity.municipalityCode === reader.municipalityCode);
  return candidates
    .map((activity) => ({ activity, followed: activity.groupId !== null && followedGroups.has(activity.groupId), score: forYouScore(reader, activity) }))
    .filter(({ activity, followed }) => followed || matches(activity))
    .sort(
      (a, b) =>
        Number(b.followed) - Number(a.followed) ||
        b.score - a.score ||
        a.activity.startsAt.getTime() - b.activity.startsAt.getTime() ||
        (a.activity.id < b.activity.id ? -1 : 1),
    )
    .map(({ activity }) => activity)
    .filter((activity, _index, picked) => !activity.seriesId || picked.find((other) => other.seriesId === activity.seriesId) === activity)
    .slice(0, max);
}

/**
 * The week whose digest is due at `now`: the date (YYYY-MM-DD, DIGEST_ZONE) of the latest Monday
 * DIGEST_HOUR:00 not after `now`. A server that was down on Monday sends that week's digest later
 * in the week; the (person, week) claim keeps it to one.
 */
export function digestWeek(now: Date): string {
  const local = new TZDate(now.getTime(), DIGEST_ZONE);
  const sinceMonday = (local.getDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - sinceMonday, DIGEST_HOUR, 0, 0, DIGEST_ZONE);
  if (monday.getTime() > now.getTime()) monday.setDate(monday.getDate() - 7);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${monday.getFullYear()}-${pad(monday.getMonth() + 1)}-${pad(monday.getDate())}`;
}
