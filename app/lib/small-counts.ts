import { formatNumber } from "./format";
import type { Locale } from "./locales";

/**
 * Aggregates that organisers read (helpdesk statistics, plan insights) never show a count below
 * this: in a town with four Arabic-speaking askers, "3 questions about housing" points at people.
 */
export const SMALLEST_SHOWN = 5;

/** A count as it may be shown: the number from SMALLEST_SHOWN up, otherwise only that it is small (zero is shown: it names nobody). */
export type ShownCount = { kind: "count"; value: number } | { kind: "few" };

export function shownCount(count: number): ShownCount {
  return count === 0 || count >= SMALLEST_SHOWN ? { kind: "count", value: count } : { kind: "few" };
}

/** "12", "0" or "<5" in the reader's digits. */
export function formatShownCount(count: ShownCount, locale: Locale) {
  return count.kind === "count" ? formatNumber(count.value, locale) : `<${formatNumber(SMALLEST_SHOWN, locale)}`;
}
