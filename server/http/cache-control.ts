/** What every answer with personal data says to caches: keep it out of shared caches and off the disk. */
export const PRIVATE = "private, no-store";

/**
 * The Cache-Control an answer leaves with. Anything answered to a signed-in person may carry
 * personal data (the shell alone shows their name; `.data` answers carry e-mail addresses), so it
 * is private, no-store, unless the route declared it public because it is the same for everyone
 * (the public API). An answer that sets a cookie is never cacheable, public or not. Anonymous
 * answers without cookies keep what the route said.
 */
export function cacheControlFor(answer: { signedIn: boolean; setsCookie: boolean; declared: string | null }): string | null {
  if (answer.setsCookie) return PRIVATE;
  if (!answer.signedIn) return answer.declared;
  return answer.declared && /(^|,)\s*public\s*(,|$)/i.test(answer.declared) ? answer.declared : PRIVATE;
}
