/**
 * What someone typed into the search box, as words (decision 044). Only letters, marks and
 * digits survive: quotes, `*`, `-`, `:`, brackets and NUL end a word and never reach the
 * database as query syntax, and operator words (AND, OR, NEAR, NOT) are lowered to ordinary
 * words, quoted where the query language would read them. Shared by the server and the
 * highlighter in the browser.
 */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

const FOLD_FROM = "áàâäãåéèêëíìîïóòôöõúùûüýÿçñ";
const FOLD_TO = "aaaaaaeeeeiiiiooooouuuuyycn";
const FOLD = new Map(Array.from(FOLD_FROM).map((char, i) => [char, FOLD_TO[i]]));

/** Lower case with Latin accents folded, as the PostgreSQL function search_fold does. */
export function fold(text: string): string {
  return Array.from(text.toLowerCase(), (char) => FOLD.get(char) ?? char).join("");
}

/** The search text as it is kept in the address and the form: cleaned and shortened, never refused. */
export function cleanSearchText(raw: string): string {
  return Array.from(raw.replace(/[\u0000-\u001F\u007F]/g, " "))
    .slice(0, MAX_SEARCH_LENGTH)
    .join("")
    .trim();
}

/** The distinct words of a search, folded, in the order typed. */
export function searchTerms(raw: string): string[] {
  const words = fold(cleanSearchText(raw).normalize("NFC")).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => Array.from(word).slice(0, MAX_TERM_LENGTH).join("")))].slice(0, MAX_TERMS);
}

/** Text cut into pieces, those that start with one of `terms` marked (rendered as <mark> by React, so escaped). */
export function highlightPieces(text: string, terms: string[]): { text: string; mark: boolean }[] {
  if (terms.length === 0 || !text) return [{ text, mark: false }];
  const pieces: { text: string; mark: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const word = fold(match[0]);
    const hit = terms.some((term) => word.startsWith(term) || (term.length >= 4 && word.length >= 4 && term.startsWith(word.slice(0, -1))));
    if (!hit) continue;
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), mark: false });
    pieces.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
  return pieces;
}

/** Edit distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let older: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      // A swap of two neighbours counts as one edit.
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) current[j] = Math.min(current[j], older[j - 2] + 1);
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    older = previous;
    previous = current;
  }
  return previous[y.length];
}

/** How many edits a word may be away from a word in the index: none below 3 letters, one up to 6, two above. */
export const typoAllowance = (term: string) => {
  const length = Array.from(term).length;
  return length < 3 ? 0 : length <= 6 ? 1 : 2;
};

/**
 * Whether every word searched for starts a word of `text` (folded), or is one edit from one
 * (typoAllowance): the groups page, whose at most 200 groups are compared in memory.
 */
export function matchesAllTerms(text: string, terms: string[]): boolean {
  const words = fold(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return terms.every((term) =>
    words.some(
      (word) =>
        word.startsWith(term) ||
        (typoAllowance(term) > 0 && editDistance(term, word.slice(0, Array.from(term).length + 1), typoAllowance(term)) <= typoAllowance(term)),
    ),
  );
}
