import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMigrations, migrationDirs } from "../../server/db/migrate";
import { toPostgresSchema } from "../../scripts/db/postgres-schema";
import { paths } from "../../scripts/db/paths";

describe("database schema", () => {
  const schema = readFileSync(paths.schema, "utf8");

  it("has a migration for every change (run `npm run db:migration -- name` after editing the schema)", () => {
    expect(readFileSync(paths.snapshot, "utf8")).toBe(schema);
  });

  it("keeps the generated PostgreSQL schema in step with the source", () => {
    expect(readFileSync(paths.postgresSchema, "utf8")).toBe(toPostgresSchema(schema));
  });

  it("has the same migrations for both providers", () => {
    const sqlite = readMigrations(migrationDirs.sqlite).map((m) => m.name);
    const postgres = readMigrations(migrationDirs.postgres).map((m) => m.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
  });
});
