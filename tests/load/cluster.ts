import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { createDb } from "../../app/lib/db.server.ts";
import { migrate } from "../../server/db/migrate.ts";
import { POSTGRES_ADMIN_URL, REDIS_URL } from "../support/services.ts";
import { sessionsFor, startServerProcess, type StartedServer } from "./support.ts";

/**
 * The webinar load spread over two instances sharing PostgreSQL and Redis, and, in the same run,
 * the same load on one instance on the same PostgreSQL (no Redis): the ratio is the cost of
 * scale-out. Clients alternate between the instances, the organiser posts on the first, and every
 * attendee must receive every message whichever instance it is connected to.
 */
const MESSAGES = 5;
const SPACING_MS = 2500;
const progress = (message: string) => process.stderr.write(`  [cluster] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const rssKb = (pid: number) => Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim() || 0);

async function freshDatabase() {
  const name = `meedoen_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** People, one webinar happening now that they are all going to, and a session each. */
async function seed(url: string, clients: number) {
  await migrate({ provider: "postgres", url });
  const db = createDb({ provider: "postgres", url });
  const users = Array.from({ length: clients + 1 }, (_, i) => ({
    id: randomUUID(),
    email: `c${i}@bench.invalid`,
    passwordHash: "x",
    displayName: `Person ${i}`,
  }));
  for (let i = 0; i < users.length; i += 1000) await db.user.createMany({ data: users.slice(i, i + 1000) });
  const activityId = randomUUID();
  await db.activity.create({
    data: {
      id: activityId,
      kind: "webinar",
      status: "published",
      organiserId: users[0].id,
      startsAt: new Date(Date.now() - 300_000),
      endsAt: new Date(Date.now() + 7_200_000),
      mode: "online",
      joinUrl: "https://meet.example.org/x",
      defaultLocale: "en",
      goingCount: clients,
      rsvpSequence: clients,
      contents: { create: { locale: "en", title: "Cluster webinar", summary: "", description: "" } },
    },
  });
  const rsvps = users.slice(1).map((user, i) => ({ id: randomUUID(), activityId, userId: user.id, status: "going", position: i + 1 }));
  for (let i = 0; i < rsvps.length; i += 1000) await db.rsvp.createMany({ data: rsvps.slice(i, i + 1000) });
  const sessions = sessionsFor(
    users.map((user) => user.id),
    new Date(Date.now() + 29 * 86_400_000),
  );
  for (let i = 0; i < sessions.rows.length; i += 1000) await db.session.createMany({ data: sessions.rows.slice(i, i + 1000) });
  await db.$disconnect();
  return { activityId, sessions: sessions.tokens };
}

function connect(url: string, session: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ["websocket"],
      extraHeaders: { cookie: `meedoen_session=${session}` },
      reconnection: false,
      forceNew: true,
      timeout: 60_000,
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Everyone joins, then the organiser's messages are timed into every attendee's socket. */
async function measure(servers: StartedServer[], activityId: string, sessions: string[]) {
  const before = servers.reduce((sum, server) => sum + rssKb(server.process.pid!), 0);
  const started = performance.now();
  const sockets: Socket[] = [];
  for (let i = 0; i < sessions.length; i += 100) {
    const batch = await Promise.all(sessions.slice(i, i + 100).map((session, j) => connect(servers[(i + j) % servers.length].url, session)));
    const joins = await Promise.all(batch.map((socket) => socket.timeout(60_000).emitWithAck("live:join", { activityId })));
    if (joins.some((answer) => !answer.ok)) throw new Error(`join refused: ${JSON.stringify(joins.find((a) => !a.ok))}`);
    sockets.push(...batch);
  }
  const joinedS = Math.round((performance.now() - started) / 100) / 10;
  await sleep(2000);
  const after = servers.reduce((sum, server) => sum + rssKb(server.process.pid!), 0);
  const [organiser, ...attendees] = sockets;
  const latencies: number[] = [];
  for (const socket of attendees) {
    socket.on("live:message", (message: { body: string }) => {
      if (message.body.startsWith("t=")) latencies.push(Date.now() - Number(message.body.slice(2)));
    });
  }
  for (let k = 0; k < MESSAGES; k++) {
    const answer = await organiser.timeout(30_000).emitWithAck("live:message", { activityId, body: `t=${Date.now()}` });
    if (!answer.ok) throw new Error(`message refused: ${JSON.stringify(answer.error)}`);
    await sleep(SPACING_MS);
  }
  const deadline = Date.now() + 15_000;
  while (latencies.length < attendees.length * MESSAGES && Date.now() < deadline) await sleep(100);
  latencies.sort((a, b) => a - b);
  for (const socket of sockets) socket.close();
  return {
    joined_s: joinedS,
    fanout_p50_ms: percentile(latencies, 50),
    fanout_p99_ms: percentile(latencies, 99),
    mem_per_conn_kb: Math.round(((after - before) / sessions.length) * 10) / 10,
    lost: attendees.length * MESSAGES - latencies.length,
  };
}

async function run(instances: number, clients: number, withRedis: boolean) {
  const database = await freshDatabase();
  const servers: StartedServer[] = [];
  try {
    const { activityId, sessions } = await seed(database.url, clients);
    const env = {
      DATABASE_URL: database.url,
      LOG_LEVEL: "error",
      ...(withRedis ? { REDIS_URL, REDIS_PREFIX: `bench-${randomBytes(3).toString("hex")}:` } : {}),
    };
    for (let i = 0; i < instances; i++) servers.push(await startServerProcess(env));
    progress(`${instances} instance(s)${withRedis ? " with Redis" : ""}: ${clients} clients joining…`);
    return await measure(servers, activityId, sessions);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  }
}

export async function cluster(args: { duration: number; clients?: number }) {
  const clients = args.clients ?? 1000;
  const single = await run(1, clients, false);
  progress(`single: ${JSON.stringify(single)}`);
  const pair = await run(2, clients, true);
  return { bench: "cluster", instances: 2, clients, ...pair, single: { instances: 1, clients, ...single } };
}
