import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { io, type Socket } from "socket.io-client";
import type { Db } from "../../app/lib/db.server.ts";
import { migrate } from "../../server/db/migrate.ts";
import { sessionsFor, startServerProcess } from "./support.ts";

/**
 * A big webinar's live room: N people going (default 2,000, `--clients N`) plus the organiser,
 * all connected over Socket.IO (websocket only) from this one process to one server process on
 * 127.0.0.1, on a fresh SQLite file seeded here (people, the webinar, RSVPs, sessions).
 *
 *   joined_s         first connect → every `live:join` acknowledged (batches of 100)
 *   mem_per_conn_kb  server RSS (ps) after everyone joined minus before anyone connected, / N
 *   fanout_p50/p99   the organiser posts 10 chat messages 2.5 s apart, each carrying its send
 *                    time; every attendee notes when each arrives (same process: same clock)
 *   lost             N × 10 − deliveries received
 *   votes            then 20 people ask a question and everyone votes at once: `counted` is the
 *                    sum of Question.voteCount in the database once the server is idle again,
 *                    `acked` the ok acknowledgements, `after` whether a fresh connection can
 *                    still vote and post once the storm is over
 *   dropped          connections the server or transport closed, before and during the votes
 *
 * The fan-out is measured before the vote storm: N votes at once are N broadcasts to N sockets,
 * and at a few thousand people the server works through them for minutes without reading its
 * sockets or sending pings, so connections time out and nothing would be left to measure.
 *
 * The clients and the server share this machine's cores (and the clients run in one event
 * loop), so client-side decoding is part of every latency here. Progress and a CPU account of
 * each phase (server and clients) go to stderr. Set MEEDOEN_BENCH_KEEP=1 to keep the database.
 */

const DEFAULT_CLIENTS = 2000;
const BATCH = 100;
const ASKERS = 20;
const MESSAGES = 10;
/** live-chat:person allows 5 per fixed 10 s window; 2.5 s apart stays under it whatever the server's delays. */
const MESSAGE_SPACING_MS = 2500;
const DAY_MS = 86_400_000;
const FANOUT_PREFIX = "bench-fanout";

const progress = (message: string) => process.stderr.write(`  [webinar] ${message}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** Polls `done` every 50 ms until it holds or `ms` passes; returns whether it held. */
async function waitFor(done: () => boolean, ms: number) {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** CPU seconds (user + system) the server process has used so far, from /proc (Linux). */
function serverCpuS(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return NaN;
  }
}
const clientCpuS = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** How long GET /healthz takes (event-loop lag plus one trivial query), at most 5 s. */
async function healthMs(url: string) {
  const t0 = performance.now();
  await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
    (r) => r.arrayBuffer(),
    () => undefined,
  );
  return performance.now() - t0;
}

function rssKb(pid: number) {
  const out = execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim();
  const kb = Number(out);
  if (!Number.isFinite(kb) || kb <= 0) throw new Error(`could not read the server's RSS (ps said "${out}")`);
  return kb;
}

// ---------------------------------------------------------------------------------------------
// Seeding

async function seed(file: string, clients: number) {
  await migrate({ provider: "sqlite", file });
  const { createDb } = await import("../../app/lib/db.server.ts");
  // createDb with an explicit target rather than the db() singleton, as activities.ts does.
  const client: Db = createDb({ provider: "sqlite", file });
  try {
    const now = Date.now();
    const users = Array.from({ length: clients + 1 }, (_, i) => ({
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
          goingCount: clients,
          rsvpSequence: clients,
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
    return { activityId, sessions: sessions.tokens };
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

type Client = {
  socket: Socket;
  /** Receive time (performance.now()) of each fan-out message by index. */
  received: Map<number, number>;
  /** Latency (ms) of each fan-out message by index. */
  latency: Map<number, number>;
};

/** Counts every broadcast the clients get, to tell when a storm has died down. */
const traffic = { questions: 0, counts: 0, messages: 0 };
/** Connections that closed before the benchmark closed them, by reason. */
const drops: Record<string, number> = {};
let closing = false;

function connect(url: string, session: string, timeoutMs: number): Promise<Client> {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true, // one connection per person: the default would multiplex everyone onto one
    reconnection: false,
    timeout: timeoutMs,
    extraHeaders: { cookie: `meedoen_session=${session}` },
  });
  const client: Client = { socket, received: new Map(), latency: new Map() };
  socket.on("live:message", (message: { body?: string }) => {
    const at = performance.now();
    traffic.messages++;
    const parts = typeof message?.body === "string" ? message.body.split(" ") : [];
    if (parts[0] !== FANOUT_PREFIX) return;
    const index = Number(parts[1]);
    const sentAt = Number(parts[2]);
    if (!client.received.has(index)) {
      client.received.set(index, at);
      client.latency.set(index, at - sentAt);
    }
  });
  socket.on("live:question", () => void traffic.questions++);
  socket.on("live:count", () => void traffic.counts++);
  socket.on("disconnect", (reason: string) => {
    if (!closing) drops[reason] = (drops[reason] ?? 0) + 1;
  });
  return within(
    new Promise<Client>((resolve, reject) => {
      socket.once("connect", () => resolve(client));
      socket.once("connect_error", (error: Error & { data?: unknown; description?: unknown }) => {
        const detail = error.data ?? (error.description as { message?: string } | undefined)?.message ?? error.description ?? "";
        reject(new Error(`connect_error: ${error.message} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`));
      });
    }),
    timeoutMs + 1000,
    "socket connect",
  ).catch((error) => {
    socket.disconnect();
    throw error;
  });
}

async function emit(client: Client, event: string, payload: unknown, timeoutMs: number): Promise<Ack> {
  if (!client.socket.connected) return { ok: false, error: { code: "not-connected", message: "the socket was already closed" } };
  try {
    return (await client.socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack;
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, error: { code: /disconnected/.test(message) ? "disconnected" : "ack-timeout", message } };
  }
}

const dropped = () => Object.values(drops).reduce((sum, n) => sum + n, 0);

function tally(acks: Ack[]) {
  const outcomes: Record<string, number> = {};
  for (const ack of acks) {
    const key = ack.ok ? "ok" : ack.error.code;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  return outcomes;
}

// ---------------------------------------------------------------------------------------------

export async function webinar(args: { duration: number; clients?: number }) {
  const clients = args.clients ?? DEFAULT_CLIENTS;
  if (!Number.isInteger(clients) || clients < ASKERS || clients > 20_000) throw new Error(`--clients must be a whole number from ${ASKERS} to 20000`);
  const dir = mkdtempSync(join(tmpdir(), "meedoen-bench-webinar-"));
  const file = join(dir, "bench.db");
  try {
    const seedStarted = performance.now();
    progress(`seeding ${clients + 1} people, one webinar, ${clients} RSVPs and ${clients + 1} sessions into ${file}…`);
    const seeded = await seed(file, clients);
    progress(`seeded in ${seconds(performance.now() - seedStarted)} s`);

    const server = await startServerProcess({ SQLITE_PATH: file, DATABASE_URL: `file:${file}`, HOST: "127.0.0.1" });
    let exited: string | null = server.process.exitCode !== null ? `exit code ${server.process.exitCode}` : null;
    let stopping = false;
    server.process.once("exit", (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      if (!stopping) progress(`SERVER EXITED UNEXPECTEDLY (${exited})`);
    });
    const alive = (phase: string) => {
      if (exited) throw new Error(`the server exited (${exited}) during ${phase}`);
    };
    const pid = server.process.pid!;
    const everyone: Client[] = [];
    traffic.questions = traffic.counts = traffic.messages = 0;
    for (const reason of Object.keys(drops)) delete drops[reason];
    closing = false;
    /** CPU seconds used by the server and by this process (the clients) since the last call. */
    let cpuMark = { server: serverCpuS(pid), clients: clientCpuS() };
    const cpu = () => {
      const now = { server: serverCpuS(pid), clients: clientCpuS() };
      const spent = `CPU: server ${(now.server - cpuMark.server).toFixed(1)} s, clients ${(now.clients - cpuMark.clients).toFixed(1)} s`;
      cpuMark = now;
      return dropped() > 0 ? `${spent}; connections dropped so far ${JSON.stringify(drops)}` : spent;
    };
    try {
      alive("start-up");
      progress(`server up at ${server.url} (pid ${pid}) in ${server.startMs} ms`);
      await sleep(1000);
      const rssBefore = rssKb(pid);
      cpu();
      progress(`server RSS before connecting: ${Math.round(rssBefore / 1024)} MB`);

      // ---- connect and join ----------------------------------------------------------------
      const activityId = seeded.activityId;
      const joinTimeoutMs = 60_000;
      const joinStarted = performance.now();
      const joinOne = async (session: string) => {
        const client = await connect(server.url, session, 30_000);
        everyone.push(client);
        const ack = await emit(client, "live:join", { activityId }, joinTimeoutMs);
        if (!ack.ok) throw new Error(`live:join refused: ${ack.error.code} ${ack.error.message}`);
        return client;
      };
      const organiser = await joinOne(seeded.sessions[0]);
      const attendees: Client[] = [];
      let lastReport = performance.now();
      for (let offset = 1; offset < seeded.sessions.length; offset += BATCH) {
        alive("the joins");
        const batch = seeded.sessions.slice(offset, offset + BATCH);
        attendees.push(...(await within(Promise.all(batch.map(joinOne)), 120_000, `joining clients ${offset}..${offset + batch.length - 1}`)));
        if (performance.now() - lastReport > 5000) {
          lastReport = performance.now();
          progress(`  ${attendees.length}/${clients} joined after ${seconds(performance.now() - joinStarted)} s`);
        }
      }
      const joinedMs = performance.now() - joinStarted;
      const joinedS = seconds(joinedMs);
      progress(`all ${clients + 1} joined in ${joinedS} s (${Math.round((clients + 1) / (joinedMs / 1000))} joins/s); ${cpu()}`);
      await sleep(1500); // let the last live:count go out
      const rssAfter = rssKb(pid);
      const memPerConnKb = Math.round(((rssAfter - rssBefore) / clients) * 10) / 10;
      progress(`server RSS after joins: ${Math.round(rssAfter / 1024)} MB → ${memPerConnKb} KB per connection`);

      for (let quick = 0, tries = 0; quick < 3 && tries < 100; tries++) quick = (await healthMs(server.url)) < 100 ? quick + 1 : 0;

      // ---- fan-out -------------------------------------------------------------------------
      // Measured before the vote storm, on a settled room (see the top of this file).
      alive("the joins");
      if (!organiser.socket.connected) throw new Error(`the organiser's connection was closed after joining (${JSON.stringify(drops)})`);
      progress(`fan-out: the organiser posts ${MESSAGES} messages, ${MESSAGE_SPACING_MS / 1000} s apart, to ${clients} attendees…`);
      const sends: Ack[] = [];
      for (let k = 0; k < MESSAGES; k++) {
        if (k > 0) await sleep(MESSAGE_SPACING_MS);
        const ack = await emit(organiser, "live:message", { activityId, body: `${FANOUT_PREFIX} ${k} ${performance.now()}` }, 30_000);
        sends.push(ack);
        if (!ack.ok) progress(`  message ${k} refused: ${ack.error.code} ${ack.error.message}`);
      }
      const acceptedMessages = sends.filter((ack) => ack.ok).length;
      const expected = clients * MESSAGES;
      const receivedCount = () => attendees.reduce((sum, client) => sum + client.received.size, 0);
      const complete = await waitFor(() => receivedCount() >= clients * acceptedMessages, 10_000);
      if (!complete) progress(`  waited 10 s after the last message: ${receivedCount()}/${clients * acceptedMessages} deliveries`);
      const latencies = attendees.flatMap((client) => [...client.latency.values()]).sort((a, b) => a - b);
      const received = latencies.length;
      const p50 = Math.round(percentile(latencies, 50));
      const p99 = Math.round(percentile(latencies, 99));
      progress(
        `fan-out: ${received}/${expected} deliveries, p50 ${p50} ms, p99 ${p99} ms, max ${Math.round(latencies[latencies.length - 1] ?? 0)} ms; ` +
          `messages accepted ${acceptedMessages}/${MESSAGES}; ${cpu()}`,
      );

      const droppedBeforeVotes = dropped();

      // ---- questions and votes -------------------------------------------------------------
      alive("the fan-out");
      const askers = attendees.slice(0, ASKERS);
      const asks = await Promise.all(
        askers.map((client, i) => emit(client, "live:ask", { activityId, body: `Question ${i + 1}: how does this work for me?`, anonymous: false }, 60_000)),
      );
      const questionIds = asks.flatMap((ack) => (ack.ok ? [(ack.data as { id: string }).id] : []));
      progress(`asked: ${JSON.stringify(tally(asks))}; ${cpu()}`);
      if (questionIds.length === 0) throw new Error("no question was accepted, so there is nothing to vote on");

      const voteTimeoutMs = 60_000 + clients * 60;
      const questionsBefore = traffic.questions;
      const votesStarted = performance.now();
      const votes = await Promise.all(
        attendees.map((client) => emit(client, "live:vote", { questionId: questionIds[Math.floor(Math.random() * questionIds.length)] }, voteTimeoutMs)),
      );
      const votesMs = performance.now() - votesStarted;
      const votesOk = votes.filter((ack) => ack.ok).length;
      progress(`votes: ${JSON.stringify(tally(votes))}, all answered after ${seconds(votesMs)} s`);
      alive("the votes");
      // Each ok vote is broadcast to the whole room: wait until that storm has reached everyone
      // (or gone quiet), and until the server has committed every vote it received (votes whose
      // connection closed while they waited still count in the database, without an ack).
      const expectedQuestionEvents = votesOk * (clients + 1);
      let quietSince = performance.now();
      let seen = traffic.questions;
      await waitFor(() => {
        if (traffic.questions - questionsBefore >= expectedQuestionEvents) return true;
        if (traffic.questions !== seen) {
          seen = traffic.questions;
          quietSince = performance.now();
        }
        return performance.now() - quietSince > 3000;
      }, voteTimeoutMs);
      progress(
        `vote broadcasts received: ${traffic.questions - questionsBefore}/${expectedQuestionEvents} after ${seconds(performance.now() - votesStarted)} s; ${cpu()}`,
      );
      // Settled: the vote count has not moved for 5 s and the server answers /healthz quickly
      // three times in a row (votes still queued for the database would keep it busy).
      let last = readVotes(file, activityId);
      let stableSince = performance.now();
      let quick = 0;
      const settleDeadline = performance.now() + voteTimeoutMs;
      while (performance.now() < settleDeadline) {
        alive("the votes");
        const lag = await healthMs(server.url);
        quick = lag < 100 ? quick + 1 : 0;
        const now = readVotes(file, activityId);
        if (now.counted !== last.counted || now.rows !== last.rows) {
          last = now;
          stableSince = performance.now();
        }
        if (quick >= 3 && performance.now() - stableSince > 5000) break;
        await sleep(500);
      }
      progress(`votes in the database: ${last.counted} (settled ${seconds(performance.now() - votesStarted)} s after the first vote); ${cpu()}`);

      // Is the room still usable after the storm? The organiser (who has not voted) comes back
      // on a fresh connection and votes once, and posts once.
      const storm = last; // before the organiser's own vote below
      const probeStarted = performance.now();
      const probe = await (async () => {
        try {
          const client = await connect(server.url, seeded.sessions[0], 10_000);
          everyone.push(client);
          const join = await emit(client, "live:join", { activityId }, 30_000);
          if (!join.ok) return `join ${join.error.code}`;
          const [vote, message] = await Promise.all([
            emit(client, "live:vote", { questionId: questionIds[0] }, 40_000),
            emit(client, "live:message", { activityId, body: "still there?" }, 40_000),
          ]);
          return `vote ${vote.ok ? "ok" : vote.error.code}, message ${message.ok ? "ok" : message.error.code}`;
        } catch (error) {
          return `failed: ${(error as Error).message}`;
        }
      })();
      progress(`after the storm, a fresh connection: ${probe} (${seconds(performance.now() - probeStarted)} s)`);

      // ---- leave ---------------------------------------------------------------------------
      alive("the votes");
      const leaveStarted = performance.now();
      const droppedDuringVotes = dropped() - droppedBeforeVotes;
      closing = true;
      for (const client of everyone) client.socket.disconnect();
      everyone.length = 0;
      await sleep(2000); // the server records the leaves
      progress(`disconnected everyone (${seconds(performance.now() - leaveStarted)} s)`);
      alive("the disconnects");

      stopping = true;
      await stop(server, () => exited !== null);
      const db = readVotes(file, activityId);
      if (db.counted !== db.rows) progress(`  WARNING: the questions' voteCount adds up to ${db.counted}, but there are ${db.rows} vote rows`);
      if (storm.counted !== votesOk) {
        progress(
          `  NOTE: ${votesOk} ok vote acks, ${storm.counted} of ${attendees.length} votes counted in the database: ` +
            `votes sent on a connection that then timed out are either committed without their ack reaching anyone, or never dispatched`,
        );
      }

      return {
        bench: "webinar",
        clients,
        joined_s: joinedS,
        fanout_p50_ms: p50,
        fanout_p99_ms: p99,
        mem_per_conn_kb: memPerConnKb,
        lost: expected - received,
        votes: { expected: attendees.length, counted: storm.counted, acked: votesOk, after: probe },
        /** Connections the server or the transport closed: during the joins and fan-out, and during the vote storm. */
        dropped: { before_votes: droppedBeforeVotes, during_votes: droppedDuringVotes },
      };
    } finally {
      closing = true;
      for (const client of everyone) client.socket.disconnect();
      stopping = true;
      if (!exited) await stop(server, () => exited !== null);
    }
  } finally {
    if (process.env.MEEDOEN_BENCH_KEEP === "1") progress(`kept ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** support.ts's stop(), bounded: the server gives itself 10 s to shut down; after 20 s it is killed. */
async function stop(server: Awaited<ReturnType<typeof startServerProcess>>, exited: () => boolean) {
  if (exited()) return;
  try {
    await within(server.stop(), 20_000, "server shutdown");
  } catch (error) {
    progress(`${(error as Error).message}; killing it`);
    server.process.kill("SIGKILL");
    await within(new Promise((resolve) => server.process.once("exit", resolve)), 5000, "server kill").catch(() => undefined);
  }
}
