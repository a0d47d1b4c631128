import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { io, type Socket } from "socket.io-client";
import type { Db } from "../../app/lib/db.server.ts";
import { migrate } from "../../server/db/migrate.ts";
import { root, sessionsFor, startServerProcess } from "./support.ts";
import type { ClientCommand, ClientReport } from "./webinar-clients.ts";
import { FANOUT_PREFIX, wallClock } from "./webinar-wire.ts";

/**
 * A big webinar's live room, against a baseline: N distinct signed-in people (default 2,000,
 * `--clients N`) join one live room at once, and then chat fans out to all of them; the same N
 * and the same messages go to a bare Socket.IO 4.8 server (tests/load/bare-socket-server.ts) in
 * the same run, before and after Meedoen (bare, Meedoen, bare), so the ratios hold on a machine
 * whose speed varies. The load clients run in CLIENT_PROCESSES child processes
 * (tests/load/webinar-clients.ts), apart from the servers and from the senders, which are here.
 *
 *   join_s           first connect → every `live:join` acknowledged (batches of 100 per process)
 *   fanout_p50/p99   SENDERS people post MESSAGES messages 1 s apart (several senders, since the
 *                    chat limit is per person), each carrying its wall-clock send time
 *   lost             N × MESSAGES − deliveries received
 *   load_avg         os.loadavg() (1 min) when the run started: other work on the machine
 *   join_vs_bare, fanout_p99_vs_bare   Meedoen / the mean of the two bare runs
 *
 * Meedoen only, afterwards: the senders ask questions and all N vote at once (`votes`), then a
 * fresh connection checks that the room still works. Meedoen runs on a fresh SQLite file seeded
 * here. Set MEEDOEN_BENCH_KEEP=1 to keep the database.
 */

const DEFAULT_CLIENTS = 2000;
const CLIENT_PROCESSES = 2;
/** The organiser and four attendees; each sends MESSAGES / SENDERS messages, within live-chat:person (5 per 10 s). */
const SENDERS = 5;
const MESSAGES = 10;
const MESSAGE_SPACING_MS = 1000;
const DAY_MS = 86_400_000;

const progress = (message: string) => process.stderr.write(`  [webinar] ${message}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Rejects with a clear message when `promise` takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${seconds(ms)} s: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuS(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return NaN;
  }
}

function rssKb(pid: number) {
  return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim() || 0);
}

// ---------------------------------------------------------------------------------------------
// Seeding

/** The organiser, SENDERS − 1 attendees who send, and `clients` attendees who only listen. */
async function seed(file: string, clients: number) {
  await migrate({ provider: "sqlite", file });
  const { createDb } = await import("../../app/lib/db.server.ts");
  // createDb with an explicit target rather than the db() singleton, as activities.ts does.
  const client: Db = createDb({ provider: "sqlite", file });
  try {
    const now = Date.now();
    const users = Array.from({ length: clients + SENDERS }, (_, i) => ({
      id: randomUUID(),
      email: `webinar-${i}@bench.meedoen.invalid`,
      passwordHash: "not-a-real-hash", // nobody signs in: sessions are written below
      displayName: i === 0 ? "Organiser" : `Attendee ${i}`,
      locale: "en",
      isOrganiser: i === 0,
    }));
    const activityId = randomUUID();
    const sessions = sessionsFor(
      users.map((user) => user.id),
      new Date(now + 29 * DAY_MS),
    );
    const going = users.length - 1;
    const rsvps = users.slice(1).map((user, i) => ({ id: randomUUID(), activityId, userId: user.id, status: "going", position: i + 1 }));

    const ROWS = 500;
    for (let offset = 0; offset < users.length; offset += ROWS) await client.user.createMany({ data: users.slice(offset, offset + ROWS) });
    await client.$transaction([
      client.activity.create({
        data: {
          id: activityId,
          kind: "webinar",
          status: "published",
          organiserId: users[0].id,
          startsAt: new Date(now - 5 * 60_000),
          endsAt: new Date(now + 2 * 3_600_000),
          timeZone: "Europe/Amsterdam",
          mode: "online",
          joinUrl: "https://meet.example.org/x",
          capacity: null,
          goingCount: going,
          rsvpSequence: going,
          defaultLocale: "en",
        },
      }),
      client.activityContent.create({
        data: {
          activityId,
          locale: "en",
          title: "Webinar: your rights at work",
          summary: "A big online session with questions.",
          description: "We talk, you ask.",
        },
      }),
    ]);
    for (let offset = 0; offset < rsvps.length; offset += ROWS) await client.rsvp.createMany({ data: rsvps.slice(offset, offset + ROWS) });
    for (let offset = 0; offset < sessions.rows.length; offset += ROWS) await client.session.createMany({ data: sessions.rows.slice(offset, offset + ROWS) });
    return { activityId, senders: sessions.tokens.slice(0, SENDERS), listeners: sessions.tokens.slice(SENDERS) };
  } finally {
    await client.$disconnect();
  }
}

function readVotes(file: string, activityId: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const counted = sqlite.prepare(`SELECT COALESCE(SUM("voteCount"), 0) AS n FROM "Question" WHERE "activityId" = ?`).get(activityId) as { n: number };
    const rows = sqlite
      .prepare(`SELECT COUNT(*) AS n FROM "QuestionVote" v JOIN "Question" q ON q.id = v."questionId" WHERE q."activityId" = ?`)
      .get(activityId) as { n: number };
    return { counted: counted.n, rows: rows.n };
  } finally {
    sqlite.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Clients

type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** A client process, and a way to ask it something and wait for the answer of that kind. */
function clientProcess() {
  const child = fork(join(root, "tests/load/webinar-clients.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", 2, 2, "ipc"] });
  const waiting = new Map<string, (report: ClientReport) => void>();
  child.on("message", (report: ClientReport) => {
    const resolve = waiting.get(report.type);
    waiting.delete(report.type);
    resolve?.(report);
  });
  return {
    child,
    ask<T extends ClientReport["type"]>(command: ClientCommand, answer: T): Promise<Extract<ClientReport, { type: T }>> {
      const reply = new Promise<Extract<ClientReport, { type: T }>>((resolve) => waiting.set(answer, resolve as (report: ClientReport) => void));
      child.send(command);
      return reply;
    },
    close: () => {
      child.send({ type: "close" } satisfies ClientCommand);
      return within(new Promise((resolve) => child.once("exit", resolve)), 10_000, "client process exit").catch(() => child.kill("SIGKILL"));
    },
  };
}

function connect(url: string, session: string): Promise<Socket> {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: 30_000,
    extraHeaders: { cookie: `meedoen_session=${session}` },
  });
  return within(
    new Promise<Socket>((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", (error) => reject(new Error(`connect_error: ${error.message}`)));
    }),
    31_000,
    "socket connect",
  ).catch((error) => {
    socket.disconnect();
    throw error;
  });
}

async function emit(socket: Socket, event: string, payload: unknown, timeoutMs: number): Promise<Ack> {
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack;
  } catch (error) {
    return { ok: false, error: { code: "ack-timeout", message: (error as Error).message } };
  }
}

const merge = (tallies: Record<string, number>[]) => {
  const total: Record<string, number> = {};
  for (const tally of tallies) for (const [key, n] of Object.entries(tally)) total[key] = (total[key] ?? 0) + n;
  return total;
};

// ---------------------------------------------------------------------------------------------
// One run against one server

type Target = { kind: "bare" | "meedoen"; url: string; pid: number };
type People = { activityId: string; senders: string[]; listeners: string[] };

/**
 * The join storm and the fan-out against one server; `then` runs (Meedoen only) while the clients
 * are still connected, with the senders and the client processes.
 */
async function run(target: Target, people: People, then?: (senders: Socket[], clients: ReturnType<typeof clientProcess>[]) => Promise<unknown>) {
  const { activityId, listeners } = people;
  const label = `[${target.kind}]`;
  const processes = Array.from({ length: CLIENT_PROCESSES }, clientProcess);
  const senders: Socket[] = [];
  try {
    for (const session of people.senders) {
      const socket = await connect(target.url, session);
      senders.push(socket);
      const ack = await emit(socket, "live:join", { activityId }, 30_000);
      if (!ack.ok) throw new Error(`${label} a sender's live:join was refused: ${ack.error.code} ${ack.error.message}`);
    }
    await sleep(1000);
    const loadAvg = Math.round(loadavg()[0] * 100) / 100;
    const rssBefore = rssKb(target.pid);
    let cpuMark = cpuS(target.pid);
    const cpu = () => {
      const now = cpuS(target.pid);
      const spent = Math.round((now - cpuMark) * 10) / 10;
      cpuMark = now;
      return spent;
    };
    progress(`${label} ${listeners.length} people join at once (load average ${loadAvg})…`);

    // ---- the join storm ------------------------------------------------------------------
    const share = Math.ceil(listeners.length / CLIENT_PROCESSES);
    const joinStarted = performance.now();
    const joins = await within(
      Promise.all(
        processes.map((client, i) =>
          client.ask({ type: "join", url: target.url, sessions: listeners.slice(i * share, (i + 1) * share), activityId }, "joined"),
        ),
      ),
      600_000,
      `${label} the join storm`,
    );
    const joinMs = performance.now() - joinStarted;
    const joined = joins.reduce((sum, report) => sum + report.joined, 0);
    const joinFailures = merge(joins.map((report) => report.failures));
    const joinCpuS = cpu();
    progress(
      `${label} ${joined}/${listeners.length} joined in ${seconds(joinMs)} s (${Math.round(joined / (joinMs / 1000))} joins/s), server CPU ${joinCpuS} s` +
        (Object.keys(joinFailures).length ? `; failures ${JSON.stringify(joinFailures)}` : ""),
    );
    await sleep(5500); // let the last live:count go out (a big room is told every few seconds, server/realtime/live-room.ts)
    const memPerConnKb = Math.round(((rssKb(target.pid) - rssBefore) / listeners.length) * 10) / 10;

    // ---- fan-out ---------------------------------------------------------------------------
    const refused: Record<string, number> = {};
    let accepted = 0;
    for (let k = 0; k < MESSAGES; k++) {
      if (k > 0) await sleep(MESSAGE_SPACING_MS);
      const ack = await emit(senders[k % senders.length], "live:message", { activityId, body: `${FANOUT_PREFIX} ${k} ${wallClock()}` }, 30_000);
      if (ack.ok) accepted++;
      else refused[ack.error.code] = (refused[ack.error.code] ?? 0) + 1;
    }
    const expected = joined * accepted;
    const deadline = performance.now() + 10_000;
    for (;;) {
      const counts = await Promise.all(processes.map((client) => client.ask({ type: "count" }, "counted")));
      if (counts.reduce((sum, report) => sum + report.received, 0) >= expected || performance.now() > deadline) break;
      await sleep(200);
    }
    const collected = await Promise.all(processes.map((client) => client.ask({ type: "collect" }, "collected")));
    const latencies = collected.flatMap((report) => report.latencies).sort((a, b) => a - b);
    const dropped = merge(collected.map((report) => report.dropped));
    const result = {
      load_avg: loadAvg,
      joined,
      join_s: Math.round(joinMs / 10) / 100,
      join_server_cpu_s: joinCpuS,
      fanout_p50_ms: Math.round(percentile(latencies, 50)),
      fanout_p99_ms: Math.round(percentile(latencies, 99)),
      lost: listeners.length * MESSAGES - latencies.length,
      mem_per_conn_kb: memPerConnKb,
      ...(Object.keys(refused).length ? { refused } : {}),
      ...(Object.keys(dropped).length ? { dropped } : {}),
    };
    progress(
      `${label} fan-out: ${latencies.length}/${listeners.length * MESSAGES} deliveries, p50 ${result.fanout_p50_ms} ms, p99 ${result.fanout_p99_ms} ms; ` +
        `messages accepted ${accepted}/${MESSAGES}${Object.keys(refused).length ? ` (refused ${JSON.stringify(refused)})` : ""}; server CPU ${cpu()} s`,
    );
    return { ...result, ...(then ? { votes: await then(senders, processes) } : {}) };
  } finally {
    for (const socket of senders) socket.disconnect();
    await Promise.all(processes.map((client) => client.close()));
  }
}

/** Meedoen only: the senders ask, everyone votes at once, and the room must still work afterwards. */
async function votes(url: string, file: string, people: People, senders: Socket[], processes: ReturnType<typeof clientProcess>[]) {
  const { activityId } = people;
  const asks = await Promise.all(
    senders.map((socket, i) => emit(socket, "live:ask", { activityId, body: `Question ${i + 1}: how does this work for me?`, anonymous: false }, 60_000)),
  );
  const questionIds = asks.flatMap((ack) => (ack.ok ? [(ack.data as { id: string }).id] : []));
  if (questionIds.length === 0) throw new Error("no question was accepted, so there is nothing to vote on");
  const timeoutMs = 60_000 + people.listeners.length * 60;
  const started = performance.now();
  const voted = await Promise.all(processes.map((client) => client.ask({ type: "vote", questionIds, timeoutMs }, "voted")));
  const outcomes = merge(voted.map((report) => report.outcomes));
  progress(`[meedoen] votes: ${JSON.stringify(outcomes)}, all answered after ${seconds(performance.now() - started)} s`);
  // Votes whose ack timed out may still be committed: wait until the count stops moving.
  let last = readVotes(file, activityId);
  for (let stable = 0; stable < 6 && performance.now() - started < timeoutMs;) {
    await sleep(500);
    const now = readVotes(file, activityId);
    stable = now.counted === last.counted ? stable + 1 : 0;
    last = now;
  }
  // A fresh connection (the organiser's second tab) votes and posts once the storm is over.
  const probe = await connect(url, people.senders[0]);
  try {
    const join = await emit(probe, "live:join", { activityId }, 30_000);
    const [vote, message] = join.ok
      ? await Promise.all([
          emit(probe, "live:vote", { questionId: questionIds[0] }, 30_000),
          emit(probe, "live:message", { activityId, body: "still there?" }, 30_000),
        ])
      : [join, join];
    const state = (ack: Ack) => (ack.ok ? "ok" : ack.error.code);
    return {
      expected: people.listeners.length,
      acked: outcomes.ok ?? 0,
      counted: last.counted,
      rows: last.rows,
      after: `join ${state(join)}, vote ${state(vote)}, message ${state(message)}`,
    };
  } finally {
    probe.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// The servers

async function bareServer(): Promise<{ target: Target; stop: () => Promise<unknown> }> {
  const child: ChildProcess = fork(join(root, "tests/load/bare-socket-server.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", 2, 2, "ipc"] });
  const port = await within(new Promise<number>((resolve) => child.once("message", (m: { port: number }) => resolve(m.port))), 30_000, "bare server start");
  return {
    target: { kind: "bare", url: `http://127.0.0.1:${port}`, pid: child.pid! },
    stop: () => {
      child.kill("SIGTERM");
      return within(new Promise((resolve) => child.once("exit", resolve)), 10_000, "bare server stop").catch(() => child.kill("SIGKILL"));
    },
  };
}

async function bareRun(people: People) {
  const bare = await bareServer();
  try {
    return await run(bare.target, people);
  } finally {
    await bare.stop();
  }
}

async function meedoenRun(file: string, people: People) {
  const server = await startServerProcess({ SQLITE_PATH: file, DATABASE_URL: `file:${file}`, HOST: "127.0.0.1" });
  let stopping = false;
  // A server that dies mid-run fails the run at once instead of leaving its clients to time out.
  const died = new Promise<never>((_, reject) =>
    server.process.once("exit", (code, signal) => {
      if (!stopping) reject(new Error(`[meedoen] the server exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    }),
  );
  died.catch(() => undefined);
  try {
    progress(`[meedoen] server up at ${server.url} (pid ${server.process.pid}) in ${server.startMs} ms`);
    return await Promise.race([
      run({ kind: "meedoen", url: server.url, pid: server.process.pid! }, people, (senders, processes) => votes(server.url, file, people, senders, processes)),
      died,
    ]);
  } finally {
    stopping = true;
    await stop(server);
  }
}

export async function webinar(args: { duration: number; clients?: number }) {
  const clients = args.clients ?? DEFAULT_CLIENTS;
  if (!Number.isInteger(clients) || clients < 10 || clients > 20_000) throw new Error("--clients must be a whole number from 10 to 20000");
  const dir = mkdtempSync(join(tmpdir(), "meedoen-bench-webinar-"));
  const file = join(dir, "bench.db");
  try {
    const seedStarted = performance.now();
    progress(`seeding ${clients + SENDERS} people, one webinar, their RSVPs and sessions into ${file}…`);
    const people = await seed(file, clients);
    progress(`seeded in ${seconds(performance.now() - seedStarted)} s`);

    // Bare before and after Meedoen: the baseline is their mean, so a machine that got busier or
    // quieter during the run shifts both sides.
    const bareBefore = await bareRun(people);
    const meedoen = await meedoenRun(file, people);
    const bareAfter = await bareRun(people);
    const bare = [bareBefore, bareAfter];
    return {
      bench: "webinar",
      clients,
      joined: meedoen.joined,
      join_vs_bare: ratio(meedoen.join_s, mean(bare.map((b) => b.join_s))),
      fanout_p99_vs_bare: ratio(meedoen.fanout_p99_ms, mean(bare.map((b) => b.fanout_p99_ms))),
      lost: meedoen.lost,
      meedoen,
      bare,
    };
  } finally {
    if (process.env.MEEDOEN_BENCH_KEEP === "1") progress(`kept ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** support.ts's stop(), bounded: the server gives itself 10 s to shut down; after 20 s it is killed. */
async function stop(server: Awaited<ReturnType<typeof startServerProcess>>) {
  if (server.process.exitCode !== null) return;
  try {
    await within(server.stop(), 20_000, "server shutdown");
  } catch (error) {
    progress(`${(error as Error).message}; killing it`);
    server.process.kill("SIGKILL");
    await within(new Promise((resolve) => server.process.once("exit", resolve)), 5000, "server kill").catch(() => undefined);
  }
}
