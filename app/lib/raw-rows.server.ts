/**
 * Values of `$queryRaw` rows as the driver has them: SQLite has no booleans (0/1), and its dates
 * may arrive as text or numbers; PostgreSQL's arrive typed. These read either.
 */
export type RawRow = Record<string, unknown>;

export const asBool = (value: unknown) => value === true || value === 1 || value === 1n || value === "1" || value === "true";

export function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value);
  return new Date(/^\d+$/.test(text) ? Number(text) : text);
}
