import pg from "pg";
import { describe, expect, it } from "vitest";
import { POSTGRES_ADMIN_URL } from "../support/services";
import { db } from "~/lib/db.server";
import { makePerson, publishedActivity } from "../support/factories";
import { expectShell } from "../support/error-pages";
import { clientFor, TestClient, uniqueEmail } from "../support/http-client";
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

/**
 * Makes the database fail in the middle of a request, after the session was read: the table of
 * activities is locked, and the connections that wait for it are ended by the server, as a
 * failover or restart ends them. Sessions, people and notifications stay readable, so the request
 * gets as far as the page's own loader.
 */
async function withActivityReadsCut<T>(request: () => Promise<T>): Promise<T> {
  const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  // Another connection watches: inside the locker's transaction pg_stat_activity would stay as first read.
  const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await Promise.all([locker.connect(), watcher.connect()]);
  try {
    await locker.query("BEGIN");
    await locker.query('LOCK TABLE "Activity" IN ACCESS EXCLUSIVE MODE');
    let done = false;
    const answer = request().finally(() => (done = true));
    while (!done) {
      await watcher.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid NOT IN ($1, pg_backend_pid())",
        [(locker as unknown as { processID: number }).processID],
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return await answer;
  } finally {
    await locker.query("ROLLBACK").catch(() => undefined);
    await Promise.all([locker.end(), watcher.end()]);
  }
}

describe("when PostgreSQL is unreachable", () => {
  it("answers 503 (not 404) when the live room's or the ticket's activity cannot be read, with the app's navigation", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser);
    const person = await makePerson();
    await db().user.update({ where: { id: person }, data: { locale: "nl" } });
    const client = await clientFor(target.url, person);
    for (const path of [`/activities/${activityId}/live`, `/activities/${activityId}/ticket`]) {
      const response = await withActivityReadsCut(() => client.get(path));
      expect(response.status, path).toBe(503);
      expectShell(await response.text(), "nl", "unavailable");
    }
    // Nothing stays broken: the same pages answer again (403: this person has no seat).
    expect((await client.get(`/activities/${activityId}/ticket`)).status).toBe(403);
  });

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
