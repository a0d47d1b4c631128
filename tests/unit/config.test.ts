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

describe("demo data and a public address", () => {
  const refusal = (env: Record<string, string>) => {
    try {
      parseConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    return null;
  };

  it("refuses DEMO_DATA when PUBLIC_ORIGIN is a real address, naming both and the way out", () => {
    for (const origin of ["https://meedoen.nl", "http://192.168.1.20:3000", "https://localhost.example.nl", "http://127.0.0.1.nip.io"]) {
      const message = refusal({ DEMO_DATA: "true", PUBLIC_ORIGIN: origin });
      expect(message, origin).toMatch(/DEMO_DATA/);
      expect(message, origin).toContain(origin.replace(/\/$/, ""));
      expect(message, origin).toMatch(/ALLOW_PUBLIC_DEMO_DATA=true/);
    }
  });

  it("allows the demo without a public address or on a loopback one, as `npm start` runs it", () => {
    for (const origin of [undefined, "http://localhost:3000", "http://127.0.0.1:4000", "http://127.8.9.10", "http://[::1]:3000"]) {
      const env: Record<string, string> = { DEMO_DATA: "true", NODE_ENV: "production", ...(origin ? { PUBLIC_ORIGIN: origin } : {}) };
      expect(parseConfig(env).DEMO_DATA, String(origin)).toBe(true);
    }
  });

  it("allows a public demo only when asked for in so many words", () => {
    expect(parseConfig({ DEMO_DATA: "true", PUBLIC_ORIGIN: "https://demo.meedoen.nl", ALLOW_PUBLIC_DEMO_DATA: "true" }).DEMO_DATA).toBe(true);
    expect(refusal({ DEMO_DATA: "true", PUBLIC_ORIGIN: "https://demo.meedoen.nl", ALLOW_PUBLIC_DEMO_DATA: "yes" })).toMatch(/ALLOW_PUBLIC_DEMO_DATA/);
    expect(parseConfig({ PUBLIC_ORIGIN: "https://meedoen.nl" }).DEMO_DATA).toBe(false);
  });
});
