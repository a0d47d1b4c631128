/**
 * A query string without its empty parameters: a filter form sends every field, so "any" would
 * otherwise travel as `?kind=&place=`. Returns "" when nothing is left, else "?…".
 */
export function withoutEmptyParams(params: URLSearchParams | Iterable<[string, FormDataEntryValue]>): string {
  const kept = new URLSearchParams();
  for (const [name, value] of params) {
    if (typeof value === "string" && (value.trim() !== "" || name === "index")) kept.append(name, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : "";
}

/** True when an address carries a filter with nothing in it (Remix's own bare `?index` is not one). */
export const hasEmptyParams = (params: URLSearchParams) => [...params].some(([name, value]) => name !== "index" && value.trim() === "");
