import { fileURLToPath } from "node:url";
import { defineConfig, type ViteUserConfig } from "vitest/config";
import { chromiumProblem, postgresProblem, redisProblem, skipOrFail } from "./tests/support/services";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };

export default defineConfig(async (): Promise<ViteUserConfig> => {
  // Each service is probed once per run; the template set-up below relies on the same answer.
  const pg = await postgresProblem();
  // Read by tests/support/template-databases.ts, which runs in this process after this file.
  process.env.MEEDOEN_TEST_POSTGRES = pg ? "unreachable" : "reachable";
  const skipPostgres = skipOrFail("PostgreSQL integration tests", pg);
  const skipBrowser = skipOrFail("browser tests", chromiumProblem());
  const skipCluster = skipOrFail("multi-instance tests", pg ?? (await redisProblem()));
  const integration = (database: "sqlite" | "postgres") => ({
    resolve: { alias },
    test: {
      name: `integration:${database}`,
      include: ["tests/integration/**/*.test.ts"],
      // Making the embedded SQLite file unreachable is not a situation that exists; the outage test is PostgreSQL's.
      exclude: database === "sqlite" ? ["tests/integration/outage.test.ts"] : [],
      setupFiles: ["tests/support/database-per-file.ts"],
      env: { MEEDOEN_TEST_DB: database, LOG_LEVEL: "warn", NODE_ENV: "test" as const },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
  return {
    resolve: { alias },
    test: {
      // One migrated template database per kind for the whole run; each test file copies it.
      globalSetup: ["tests/support/template-databases.ts"],
      projects: [
        { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
        integration("sqlite"),
        ...(skipPostgres ? [] : [integration("postgres")]),
        ...(skipCluster
          ? []
          : [
              {
                resolve: { alias },
                test: {
                  name: "cluster",
                  include: ["tests/cluster/**/*.test.ts"],
                  setupFiles: ["tests/support/database-per-file.ts"],
                  testTimeout: 120_000,
                  hookTimeout: 120_000,
                  env: { MEEDOEN_TEST_DB: "postgres", LOG_LEVEL: "warn", NODE_ENV: "test" as const },
                },
              },
            ]),
        ...(skipBrowser
          ? []
          : [
              {
                resolve: { alias },
                test: {
                  name: "e2e",
                  include: ["tests/e2e/**/*.test.ts"],
                  setupFiles: ["tests/support/database-per-file.ts"],
                  testTimeout: 120_000,
                  hookTimeout: 120_000,
                  env: { MEEDOEN_TEST_DB: "sqlite", LOG_LEVEL: "warn", NODE_ENV: "test" as const, DEMO_DATA: "true" },
                },
              },
            ]),
      ],
    },
  };
});
