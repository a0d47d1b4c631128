/**
 * Reads the whole database without going through Prisma's models, so that a table or column
 * added later is covered without anyone remembering to add it here.
 */
import { config } from "~/lib/config.server";
import { db } from "~/lib/db.server";

const isPostgres = () => config().database.provider === "postgres";

/** Every table, from the database's own catalogue (migration ledger included). */
export async function listTables(): Promise<string[]> {
  const sql = isPostgres()
    ? `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`
    : // A full-text index (decision 044) is read through its copy of the text (`X_content`); its
      // virtual table and its binary shadow tables (token blocks, sizes) hold nothing else.
      `SELECT name FROM sqlite_master m WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
       AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'
         AND m.name IN (v.name || '_data', v.name || '_idx', v.name || '_docsize', v.name || '_config')) ORDER BY 1`;
  const rows = await db().$queryRawUnsafe<{ name: string }[]>(sql);
  return rows.map((row) => row.name);
}

type Row = Record<string, unknown>;

async function rowsOf(table: string): Promise<Row[]> {
  const name = `"${table.replaceAll('"', '""')}"`;
  // As JSON on PostgreSQL, so that a column Prisma cannot read (the search index's tsvector) reads as text.
  if (isPostgres()) return (await db().$queryRawUnsafe<{ row: string }[]>(`SELECT to_jsonb(t)::text AS "row" FROM ${name} t`)).map((r) => JSON.parse(r.row));
  return db().$queryRawUnsafe<Row[]>(`SELECT * FROM ${name}`);
}

export type Trace = { table: string; column: string; found: string; value: string };

/**
 * Looks for any of `needles` (case-insensitive) inside every text value of every row of every
 * table. Returns what it scanned and each hit with its table and column, so a failing
 * assertion says exactly what was left behind.
 */
export async function findText(needles: string[]) {
  const wanted = needles.map((needle) => needle.toLowerCase());
  const tables = await listTables();
  const traces: Trace[] = [];
  let rows = 0;
  for (const table of tables) {
    for (const row of await rowsOf(table)) {
      rows += 1;
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== "string") continue;
        const hit = wanted.find((needle) => value.toLowerCase().includes(needle));
        if (hit) traces.push({ table, column, found: hit, value: value.length > 120 ? `${value.slice(0, 120)}…` : value });
      }
    }
  }
  return { tables, rows, traces };
}

export type Snapshot = Record<string, string[]>;

/** All rows of all tables in a comparable form, to prove that something changed nothing. */
export async function snapshot(): Promise<Snapshot> {
  const result: Record<string, string[]> = {};
  for (const table of await listTables()) {
    result[table] = (await rowsOf(table)).map((row) => JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? String(value) : value))).sort();
  }
  return result;
}

/** The tables whose rows differ between two snapshots, with a few of the rows that went and came. */
export function changes(before: Snapshot, after: Snapshot) {
  return Object.keys({ ...before, ...after })
    .map((table) => {
      const [was, is] = [new Set(before[table] ?? []), new Set(after[table] ?? [])];
      return { table, gone: [...was].filter((row) => !is.has(row)), came: [...is].filter((row) => !was.has(row)) };
    })
    .filter((change) => change.gone.length + change.came.length > 0)
    .map(({ table, gone, came }) => ({ table, gone: gone.length, came: came.length, examples: [...gone, ...came].slice(0, 3) }));
}

/**
 * Makes the database itself refuse to delete any User row until the returned function is
 * called: a real failure at the last step of a deletion, to show that the steps before it are
 * undone too.
 */
export async function refuseUserDeletes(): Promise<() => Promise<void>> {
  if (isPostgres()) {
    await db().$executeRawUnsafe(
      `CREATE FUNCTION refuse_user_delete() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'user deletes refused by the test'; END $$ LANGUAGE plpgsql`,
    );
    await db().$executeRawUnsafe(`CREATE TRIGGER refuse_user_delete BEFORE DELETE ON "User" FOR EACH ROW EXECUTE FUNCTION refuse_user_delete()`);
    return async () => {
      await db().$executeRawUnsafe(`DROP TRIGGER refuse_user_delete ON "User"`);
      await db().$executeRawUnsafe(`DROP FUNCTION refuse_user_delete()`);
    };
  }
  await db().$executeRawUnsafe(`CREATE TRIGGER refuse_user_delete BEFORE DELETE ON "User" BEGIN SELECT RAISE(ABORT, 'user deletes refused by the test'); END`);
  return async () => {
    await db().$executeRawUnsafe(`DROP TRIGGER refuse_user_delete`);
  };
}
