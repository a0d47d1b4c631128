/**
 * Usage: npm run db:migration -- <name> [--sql-only]
 * Writes the SQL that takes the last migrated schema (a snapshot kept beside the migrations)
 * to the current prisma/schema.prisma, once for SQLite and once for PostgreSQL. No database
 * or shadow database is needed, which `prisma migrate dev` would require and cannot get here.
 * With --sql-only and no schema change, writes the two files empty, for hand-written SQL
 * (a data change); with a schema change, the hand-written SQL can be added below the diff.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { paths, root } from "./paths.ts";
import { toPostgresSchema } from "./postgres-schema.ts";

const args = process.argv.slice(2);
const sqlOnly = args.includes("--sql-only");
const name = (args.find((arg) => !arg.startsWith("--")) ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name> [--sql-only]");
  process.exit(1);
}

const current = readFileSync(paths.schema, "utf8");
const previous = existsSync(paths.snapshot) ? readFileSync(paths.snapshot, "utf8") : null;
const scratch = mkdtempSync(join(tmpdir(), "meedoen-migration-"));

function diff(from: string | null, to: string): string {
  const toFile = join(scratch, "to.prisma");
  writeFileSync(toFile, to);
  const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", writeTemp("from.prisma", from)];
  const out = execFileSync("npx", ["prisma", "migrate", "diff", ...fromArgs, "--to-schema-datamodel", toFile, "--script"], {
    cwd: root,
    // prisma.config.ts opens its adapter's SQLite file even for a diff; without data/ (a fresh
    // checkout) that fails with "External error id#0", so give it a scratch file instead.
    env: { ...process.env, SQLITE_PATH: join(scratch, "unused.db") },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return out.replace(/^Loaded Prisma config.*\n/m, "").trim();
}

function writeTemp(file: string, text: string): string {
  const path = join(scratch, file);
  writeFileSync(path, text);
  return path;
}

const HAND_WRITTEN = "-- Hand-written SQL: write the same change in the SQLite and the PostgreSQL copy.";
const schemaSql = diff(previous, current);
const schemaChanged = Boolean(schemaSql) && schemaSql !== "-- This is an empty migration.";
if (!schemaChanged && !sqlOnly) {
  console.log("No schema changes since the last migration (add --sql-only for a hand-written one).");
  process.exit(0);
}
const sqliteSql = schemaChanged ? schemaSql : HAND_WRITTEN;
const postgresSql = schemaChanged ? diff(previous === null ? null : toPostgresSchema(previous), toPostgresSchema(current)) : HAND_WRITTEN;

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
for (const [dir, sql] of [
  [paths.sqliteMigrations, sqliteSql],
  [paths.postgresMigrations, postgresSql],
] as const) {
  mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dir, folder, "migration.sql"), `${sql}\n`);
}
writeFileSync(paths.snapshot, current);
writeFileSync(paths.postgresSchema, toPostgresSchema(current));
console.log(`Created migration ${folder} for SQLite and PostgreSQL.`);
