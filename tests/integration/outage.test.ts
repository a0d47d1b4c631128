import pg from "pg";
import { describe, expect, it } from "vitest";
import { POSTGRES_ADMIN_URL } from "../support/services";
import { TestClient, uniqueEmail } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();

/** Makes the test's own database refuse connections, as a failed-over or restarting server would. */
async function setDatabaseReachable(reachable: boolean) {
  const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${reachable}`);
    if (!reachable) {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
    }
  } finally {
    await admin.end();
  }
}

describe("when PostgreSQL is unreachable", () => {
  it("answers 503 on health and pages, then recovers without a restart", async () => {
    const client = new TestClient(target.url, { "accept-language": "nl" });
    await client.post("/register", { email: uniqueEmail(), password: "correct horse battery", displayName: "Daan", locale: "nl" });
    expect((await client.get("/account")).status).toBe(200);

    await setDatabaseReachable(false);
    try {
      const health = await fetch(`${target.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "unavailable" });
      const page = await client.get("/account");
      expect(page.status).toBe(503);
      expect((await fetch(`${target.url}/activities`)).status).toBe(503); // a page whose loader needs the database
      expect(await page.text()).toContain("Meedoen is even niet bereikbaar");
    } finally {
      await setDatabaseReachable(true);
    }

    await expect.poll(async () => (await fetch(`${target.url}/healthz`)).status, { timeout: 10_000 }).toBe(200);
    expect((await client.get("/account")).status).toBe(200);
  });
});
