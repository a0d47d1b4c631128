import { readdirSync, readFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../app/lib/config.server.ts";

// Prisma's own `migrate deploy` cannot run through adapter-pg (prisma/orm#27403), so one small
// runner applies the SQL that scripts/db/new-migration.ts writes, for both providers alike.
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const migrationDirs = {
  sqlite: join(root, "prisma/migrations"),
  postgres: join(root, "prisma/postgres/migrations"),
} as const;

const LEDGER = "_meedoen_migrations";
// Arbitrary constant shared by every instance: whoever holds it migrates, the others wait.
const ADVISORY_LOCK_KEY = 48_151_623;

export type Migration = { name: string; sql: string };

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, "migration.sql"), "utf8") }));
}

export async function migrate(target: DatabaseTarget): Promise<string[]> {
  return target.provider === "postgres" ? migratePostgres(target.url) : migrateSqlite(target.file);
}

function migrateSqlite(file: string): string[] {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new Database(file, { timeout: 15_000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`);
    const applied: string[] = [];
    for (const migration of readMigrations(migrationDirs.sqlite)) {
      // IMMEDIATE takes the write lock before reading the ledger, so two processes starting
      // together cannot both decide that a migration is still missing.
      const apply = sqlite.transaction(() => {
        const done = sqlite.prepare(`SELECT 1 FROM "${LEDGER}" WHERE name = ?`).get(migration.name);
        if (done) return false;
        sqlite.exec(migration.sql);
        sqlite.prepare(`INSERT INTO "${LEDGER}" (name, applied_at) VALUES (?, ?)`).run(migration.name, new Date().toISOString());
        return true;
      });
      if (apply.immediate()) applied.push(migration.name);
    }
    return applied;
  } finally {
    sqlite.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${LEDGER}"`);
    const done = new Set(rows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of readMigrations(migrationDirs.postgres)) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "${LEDGER}" (name, applied_at) VALUES ($1, now())`, [migration.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
