/**
 * What an activity's start is in its own zone: the local date, the weekday and the part of the
 * day. Stored with each activity when its time is written, so that "evening", "weekend" and the
 * "for you" slot match are database filters and indexes, not a time-zone conversion per row and
 * request (decisions/029).
 */
import { partOfDay } from "./for-you";
import { utcToZonedParts } from "./recurrence";

export type LocalFacts = { localDate: string; localWeekday: number; localPart: "morning" | "afternoon" | "evening" };

export function localFacts(startsAt: Date, timeZone: string): LocalFacts {
  const local = utcToZonedParts(startsAt, timeZone);
  return { localDate: local.date, localWeekday: local.weekday, localPart: partOfDay(Number(local.time.slice(0, 2))) };
}

/** The weekdays of a weekend, as stored in `localWeekday`. */
export const WEEKEND_DAYS = [6, 7];
