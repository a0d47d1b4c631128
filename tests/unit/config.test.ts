import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "~/lib/config.server";

describe("configuration", () => {
  it("defaults to SQLite in data/ on port 3000", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.database).toEqual({ provider: "sqlite", file: "data/meedoen.db" });
    expect(config.DEMO_DATA).toBe(false);
  });

  it("uses PostgreSQL when DATABASE_URL says so", () => {
    expect(parseConfig({ DATABASE_URL: "postgresql://u@h/db" }).database).toEqual({ provider: "postgres", url: "postgresql://u@h/db" });
    expect(parseConfig({ DATABASE_URL: "file:/tmp/x.db" }).database).toEqual({ provider: "sqlite", file: "/tmp/x.db" });
  });

  it("names every bad value in one clear message", () => {
    expect(() => parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL: must start with postgres/);
    }
  });
});
