import { Prisma } from "~/generated/prisma/client";
import { dbProvider, rawRows } from "~/lib/db.server";
import { catalogueFingerprint } from "../activities/selection-memo.server";
import { editDistance, searchTerms, typoAllowance } from "./terms";

/**
 * How many best matches a search reads; the other filters and the page are applied to these
 * (decision 044). They become bound parameters beside the filters' (up to 342 municipalities for
 * "nearby"), under Prisma's limit of 999 per SQLite statement, which 1,000 exceeded in the benchmark.
 */
export const MAX_MATCHES = 500;

export type SearchMatches = {
  /** Activity ids, best first. */
  ids: string[];
  /** The words highlighted: those typed, and the index words a typo was taken for. */
  terms: string[];
};

/**
 * Activities whose title, summary, description or place (venue, municipality, group) hold every
 * word searched for (a word counts as the start of an indexed word), best first: a title hit
 * weighs more than a summary hit, then the place, then the description. A word found nowhere is
 * taken for the nearest words in the index (typoAllowance) before the search gives up.
 */
export async function searchActivities(raw: string): Promise<SearchMatches> {
  const terms = searchTerms(raw);
  if (terms.length === 0) return { ids: [], terms };
  const exact = await matchIds(terms.map((term) => [term]));
  if (exact.length > 0) return { ids: exact, terms };
  // One read of the word list for all the words (each would ask for the catalogue's fingerprint).
  let words: Promise<string[]> | undefined;
  const wordList = () => (words ??= indexWords());
  const alternatives = await Promise.all(terms.map((term) => alternativesFor(term, wordList)));
  if (alternatives.every((list, i) => list.length === 1 && list[0] === terms[i])) return { ids: [], terms };
  return { ids: await matchIds(alternatives), terms: [...new Set(alternatives.flat())] };
}

/** One group per word typed, each a list of words any of which may stand for it. */
async function matchIds(groups: string[][]): Promise<string[]> {
  const rows = dbProvider() === "postgres" ? await postgresMatches(groups) : await sqliteMatches(groups);
  return rows.map((row) => String(row.activityId));
}

/**
 * FTS5: every word in double quotes (a string, never an operator; the words hold only letters,
 * marks and digits, so no quote can end one early) with `*` for "starts with".
 */
function sqliteMatches(groups: string[][]) {
  const expression = groups.map((group) => `(${group.map((word) => `"${word}"*`).join(" OR ")})`).join(" AND ");
  return rawRows(Prisma.sql`
    WITH hits AS MATERIALIZED (
      SELECT "activityId", bm25("ActivitySearch", 0, 0, 10.0, 4.0, 1.0, 2.0) AS "rank" FROM "ActivitySearch" WHERE "ActivitySearch" MATCH ${expression}
    )
    SELECT "activityId", min("rank") AS "rank" FROM hits GROUP BY "activityId" ORDER BY "rank", "activityId" LIMIT ${MAX_MATCHES}`);
}

/** PostgreSQL: `'word':*` lexemes, under 'simple' and under the stemming configurations. */
function postgresMatches(groups: string[][]) {
  const expression = groups.map((group) => `(${group.map((word) => `'${word}':*`).join(" | ")})`).join(" & ");
  return rawRows(Prisma.sql`
    WITH q AS (SELECT to_tsquery('simple', ${expression}) || to_tsquery('dutch', ${expression}) || to_tsquery('english', ${expression}) AS query)
    SELECT c."activityId", max(ts_rank('{0.1, 0.4, 0.6, 1.0}', c."searchDocument", q.query)) AS "rank"
    FROM "ActivityContent" c, q WHERE c."searchDocument" @@ q.query
    GROUP BY c."activityId" ORDER BY "rank" DESC, c."activityId" LIMIT ${MAX_MATCHES}`);
}

/**
 * The index's words (the typo fallback only), read again when an activity changed (the list's
 * fingerprint, one indexed read) and at least once a minute (deletions leave no fingerprint), so a
 * new activity's words are taken for typos from the moment it is published.
 */
let vocabulary: { at: number; fingerprint: string; words: Promise<string[]> } | null = null;
const VOCABULARY_AGE_MS = 60_000;

export function forgetVocabulary() {
  vocabulary = null;
}

async function indexWords(): Promise<string[]> {
  const fingerprint = await catalogueFingerprint();
  if (vocabulary && vocabulary.fingerprint === fingerprint && Date.now() - vocabulary.at < VOCABULARY_AGE_MS) return vocabulary.words;
  const words = (
    dbProvider() === "postgres"
      ? rawRows(
          Prisma.sql`SELECT word AS "term" FROM ts_stat('SELECT to_tsvector(''simple'', search_fold("title") || '' '' || search_fold("summary")) FROM "ActivityContent"')`,
        )
      : rawRows(Prisma.sql`SELECT "term" FROM "ActivitySearchVocabulary"`)
  ).then((rows) => rows.map((row) => String(row.term)));
  vocabulary = { at: Date.now(), fingerprint, words };
  words.catch(() => (vocabulary = null));
  return words;
}

/** The word itself when the index has it (or a word starting with it), else the nearest index words. */
async function alternativesFor(term: string, wordList: () => Promise<string[]>): Promise<string[]> {
  const allowance = typoAllowance(term);
  if (allowance === 0) return [term];
  const words = await wordList();
  if (words.some((word) => word.startsWith(term))) return [term];
  const near = words
    .map((word) => ({ word, distance: editDistance(term, word, allowance) }))
    .filter((entry) => entry.distance <= allowance)
    .sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1))
    .slice(0, 5)
    .map((entry) => entry.word);
  return near.length > 0 ? near : [term];
}
