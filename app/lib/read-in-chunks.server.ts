/**
 * Ids per query. SQLite binds at most 999 values in one statement, and Prisma splits a longer
 * `in` list itself only for unordered reads (an ordered one fails with P2029); 500 leaves room
 * for the query's other conditions.
 */
export const IDS_PER_QUERY = 500;

/**
 * The rows of any number of ids, read one query per `IDS_PER_QUERY` ids. Ids are read once each
 * even when listed twice, so that no row comes back twice. An order asked of `read` holds within
 * each chunk, not across them.
 */
export async function readInChunks<Row>(ids: Iterable<string>, read: (chunk: string[]) => Promise<Row[]>): Promise<Row[]> {
  const unique = [...new Set(ids)];
  const rows: Row[] = [];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    for (const row of await read(unique.slice(start, start + IDS_PER_QUERY))) rows.push(row);
  }
  return rows;
}
