/**
 * Gives each test file a database of its own, copied from the run's template (migrated once by
 * tests/support/template-databases.ts): a SQLite file copy, or a PostgreSQL database created
 * from the template.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { closeDb } from "~/lib/db.server";
import { POSTGRES_ADMIN_URL } from "./services";

const kind = process.env.MEEDOEN_TEST_DB ?? "sqlite";
/** Each file's uploaded pictures in a folder of its own (decision 043), never the repository's data/. */
const imagesDir = (process.env.IMAGES_DIR = mkdtempSync(join(tmpdir(), "meedoen-images-")));
afterAll(() => rmSync(imagesDir, { recursive: true, force: true }));
let cleanup: () => Promise<void>;

/** PostgreSQL refuses to copy a template another copy is reading at that moment (55006): wait and retry. */
async function createFromTemplate(admin: pg.Client, name: string, template: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt === 50) throw error;
      await sleep(50 + Math.random() * 100);
    }
  }
}

if (kind === "postgres") {
  const template = inject("postgresTemplate");
  if (!template) throw new Error("PostgreSQL tests need the run's template database (tests/support/template-databases.ts)");
  const name = `meedoen_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await createFromTemplate(admin, name, template);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), "meedoen-test-"));
  const file = join(dir, "test.db");
  copyFileSync(inject("sqliteTemplate"), file);
  process.env.DATABASE_URL = `file:${file}`;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

afterAll(async () => {
  await closeDb();
  await cleanup();
});
