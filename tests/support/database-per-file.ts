/**
 * Gives each integration test file a database of its own, migrated by the same runner the
 * server uses: a temporary SQLite file, or a fresh PostgreSQL database on the local server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { closeDb } from "~/lib/db.server";
import { forgetSingleton } from "~/lib/singleton.server";
import { migrate } from "../../server/db/migrate";
import { ensureReferenceData } from "../../prisma/seed";
import { POSTGRES_ADMIN_URL } from "./services";

const kind = process.env.MEEDOEN_TEST_DB ?? "sqlite";
let cleanup: () => Promise<void>;

if (kind === "postgres") {
  const name = `meedoen_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
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
  process.env.DATABASE_URL = `file:${join(dir, "test.db")}`;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

forgetSingleton("rate-limit-windows");
forgetSingleton("lucia");
forgetSingleton("municipality-list");
await migrate(
  kind === "postgres"
    ? { provider: "postgres", url: process.env.DATABASE_URL! }
    : { provider: "sqlite", file: process.env.DATABASE_URL!.slice("file:".length) },
);
await ensureReferenceData();

afterAll(async () => {
  await closeDb();
  await cleanup();
});
