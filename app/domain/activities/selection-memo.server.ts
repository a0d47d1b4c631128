import { db } from "~/lib/db.server";

/**
 * What a discovery query found (its cards and their total), remembered until an activity
 * changes. Choosing 20 of 10,000 activities reads the whole window (a count, a group-by over
 * every series, a "for you" candidate set) and the cards take six statements; asking whether
 * anything changed is one read of an index: the latest `updatedAt`, which Prisma sets on every
 * update of an activity, on every instance, a sign-up included (it counts the seat on the
 * activity), so seats left are as fresh as the database.
 *
 * Not seen by the fingerprint, and therefore bounded by MAX_AGE_MS: rows deleted (an organiser's
 * account deletion; this instance forgets at once through `catalogueShrank()`); two overlapping
 * writes that commit in the other order than their timestamps; and time passing: the window
 * starts "now", so a remembered list may still show an activity that began under a minute ago.
 */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 2_000;

type Entry = { fingerprint: string; at: number; value: Promise<unknown>; refreshing: boolean };
const entries = new Map<string, Entry>();

export async function catalogueFingerprint(): Promise<string> {
  const { _max } = await db().activity.aggregate({ _max: { updatedAt: true } });
  return String(_max.updatedAt?.getTime() ?? 0);
}

export function catalogueShrank() {
  entries.clear();
}

/**
 * `select()`'s answer for `key`, computed once per catalogue state; identical requests in flight
 * share one computation. An answer older than MAX_AGE_MS with an unchanged catalogue is still
 * given while its replacement is computed (once), so that a busy list does not make fifty
 * readers wait for it every minute; a changed catalogue is always waited for.
 */
export async function rememberedSelection<T>(key: string, select: () => Promise<T>): Promise<T> {
  const fingerprint = await catalogueFingerprint();
  const entry = entries.get(key);
  if (entry && entry.fingerprint === fingerprint) {
    if (Date.now() - entry.at >= MAX_AGE_MS && !entry.refreshing) {
      entry.refreshing = true;
      const fresh = select();
      fresh.then(
        () => remember(key, fingerprint, fresh),
        () => (entry.refreshing = false),
      );
    }
    return entry.value as Promise<T>;
  }
  const value = select();
  remember(key, fingerprint, value);
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key); // a failure is not remembered
  });
  return value;
}

function remember(key: string, fingerprint: string, value: Promise<unknown>) {
  entries.delete(key); // re-inserted last: the Map's order is the order of use
  entries.set(key, { fingerprint, at: Date.now(), value, refreshing: false });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}
