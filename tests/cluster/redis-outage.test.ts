import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { startSession } from "~/domain/auth/lucia.server";
import { rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { makePeople, makePerson, publishedActivity } from "../support/factories";
import { TestClient } from "../support/http-client";
import { freePort, startServerProcess, type StartedServer } from "../load/support";

/** A Redis of this test's own, so that stopping it disturbs nothing else on the machine. */
async function startRedis(port: number): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), "meedoen-redis-"));
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const { Redis } = await import("ioredis");
    const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on("error", () => undefined);
    const up = await probe
      .connect()
      .then(() => probe.ping())
      .then(
        () => true,
        () => false,
      );
    probe.disconnect();
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("redis-server did not start");
}

const stopRedis = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

async function socketTo(server: StartedServer, userId: string): Promise<Socket> {
  const cookie = (await startSession(userId)).split(";")[0];
  const socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
  cleanup.push(async () => void socket.close());
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

describe("when Redis restarts", () => {
  it("keeps serving pages and sign-in, and live broadcasts between instances recover", async () => {
    const redisPort = await freePort();
    let redis = await startRedis(redisPort);
    cleanup.push(() => stopRedis(redis));
    const env = { DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: `redis://127.0.0.1:${redisPort}`, LOG_LEVEL: "error" };
    const servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    cleanup.push(async () => void (await Promise.all(servers.map((server) => server.stop()))));

    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser, {
      kind: "webinar",
      mode: "online",
      joinUrl: "https://meet.example.org/r",
      venue: "",
      municipalityCode: "",
    });
    const [a, b] = await makePeople(2);
    for (const userId of [a, b]) await rsvp(userId, activityId);
    await db().activity.update({ where: { id: activityId }, data: { startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3600_000) } });
    const speaker = await socketTo(servers[0], a);
    const listener = await socketTo(servers[1], b);
    for (const socket of [speaker, listener]) expect((await socket.emitWithAck("live:join", { activityId })).ok).toBe(true);
    const heard: string[] = [];
    listener.on("live:message", (message: { body: string }) => heard.push(message.body));

    await stopRedis(redis);
    for (const server of servers) {
      expect((await fetch(`${server.url}/activities`)).status).toBe(200);
      const wrong = await new TestClient(server.url).post("/login", { email: "nobody@example.nl", password: "wrong password" });
      expect(wrong.status).toBe(401); // sign-in still answers (limits fall back to this instance)
    }

    redis = await startRedis(redisPort);
    // Once the adapters have reconnected, a message sent on one instance reaches the other again.
    await expect
      .poll(
        async () => {
          await speaker
            .timeout(2000)
            .emitWithAck("live:message", { activityId, body: `after ${Date.now()}` })
            .catch(() => null);
          return heard.some((body) => body.startsWith("after"));
        },
        { timeout: 30_000, interval: 2100 },
      )
      .toBe(true);
  });
});
