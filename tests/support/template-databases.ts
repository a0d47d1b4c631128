/**
 * Vitest global setup: migrates one template database per kind, once per run, which each test
 * file then copies (tests/support/database-per-file.ts): a SQLite file copy, or PostgreSQL's
 * `CREATE DATABASE … TEMPLATE`. Migrating a fresh database for each of ~90 files cost more than
 * the tests in many of them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../server/db/migrate";
import { POSTGRES_ADMIN_URL, postgresProblem } from "./services";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/** Migrates, adds the reference data (municipalities) and lets go of the database. */
async function prepare(databaseUrl: string, target: Parameters<typeof migrate>[0]) {
  await migrate(target);
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  // The app's own modules, imported here so that they read this DATABASE_URL.
  const { ensureReferenceData } = await import("../../prisma/seed");
  const { closeDb } = await import("~/lib/db.server");
  const { forgetConfig } = await import("~/lib/config.server");
  forgetConfig();
  try {
    await ensureReferenceData();
  } finally {
    await closeDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    forgetConfig();
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "meedoen-template-"));
  const sqliteTemplate = join(dir, "template.db");
  await prepare(`file:${sqliteTemplate}`, { provider: "sqlite", file: sqliteTemplate });
  // Fold the write-ahead log into the file, so that a plain copy of the file is the whole database.
  const sqlite = new Database(sqliteTemplate);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  project.provide("sqliteTemplate", sqliteTemplate);

  let postgresTemplate: string | null = null;
  const reachable = process.env.MEEDOEN_TEST_POSTGRES ? process.env.MEEDOEN_TEST_POSTGRES === "reachable" : !(await postgresProblem());
  if (reachable) {
    postgresTemplate = `meedoen_template_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${postgresTemplate}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${postgresTemplate}`;
    await prepare(url.toString(), { provider: "postgres", url: url.toString() });
  }
  project.provide("postgresTemplate", postgresTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (postgresTemplate) await adminQuery(`DROP DATABASE IF EXISTS ${postgresTemplate} WITH (FORCE)`);
  };
}

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
