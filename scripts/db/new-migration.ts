/**
 * Usage: npm run db:migration -- <name>
 * Writes the SQL that takes the last migrated schema (a snapshot kept beside the migrations)
 * to the current prisma/schema.prisma, once for SQLite and once for PostgreSQL. No database
 * or shadow database is needed, which `prisma migrate dev` would require and cannot get here.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { paths, root } from "./paths.ts";
import { toPostgresSchema } from "./postgres-schema.ts";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
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

const sqliteSql = diff(previous, current);
if (!sqliteSql || sqliteSql === "-- This is an empty migration.") {
  console.log("No schema changes since the last migration.");
  process.exit(0);
}
const postgresSql = diff(previous === null ? null : toPostgresSchema(previous), toPostgresSchema(current));

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
