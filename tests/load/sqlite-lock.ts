/**
 * Decision 022: plain queries and interactive transactions on embedded SQLite, in one process.
 * Compares the adapter as shipped by Prisma (fast and wrong: plain queries run inside open
 * transactions), one connection with one lock for every query (what we ship), and a second
 * connection reserved for transactions (WAL + busy timeout).
 *
 * Workload per client, in a loop: 20% seat-like transactions (lock a row, read, write, half of
 * them refused and rolled back), 70% plain reads, 10% plain inserts. Run twice: with transactions
 * that only touch the database (better-sqlite3 is synchronous, so they never give the event loop
 * a turn), and with transactions that await other I/O once (a hash, a fetch; here setImmediate).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../app/generated/prisma/client.ts";
import { sqliteAdapterWithOneLock } from "../../app/lib/sqlite-adapter.server.ts";
import { migrate } from "../../server/db/migrate.ts";

type Factory = ReturnType<typeof sqliteAdapterWithOneLock>;

/** Plain queries on one connection, transactions on another (each with the adapter's own lock). */
function twoConnections(url: string): Factory {
  const plain = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const transactions = new PrismaBetterSQLite3({ url, timeout: 5000 });
  const connect = async () => {
    const [a, b] = [await plain.connect(), await transactions.connect()];
    return {
      provider: a.provider,
      adapterName: a.adapterName,
      queryRaw: a.queryRaw.bind(a),
      executeRaw: a.executeRaw.bind(a),
      executeScript: a.executeScript.bind(a),
      startTransaction: b.startTransaction.bind(b),
      dispose: async () => void (await Promise.all([a.dispose(), b.dispose()])),
    };
  };
  return { provider: plain.provider, adapterName: plain.adapterName, connect, connectToShadowDb: connect };
}

const variants: Record<string, (url: string) => Factory> = {
  "as shipped by Prisma (unsafe)": (url) => new PrismaBetterSQLite3({ url, timeout: 5000 }),
  "one connection, one lock": (url) => sqliteAdapterWithOneLock({ url, timeout: 5000 }),
  "second connection for transactions": twoConnections,
};

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0);

async function runVariant(name: string, makeFactory: (url: string) => Factory, seconds: number, clients: number, otherIo: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "meedoen-lock-bench-"));
  const file = join(dir, "bench.db");
  await migrate({ provider: "sqlite", file });
  const db = new PrismaClient({ adapter: makeFactory(`file:${file}`) });
  const userId = randomUUID();
  await db.user.create({ data: { id: userId, email: `${userId}@example.nl`, passwordHash: "x", displayName: "Bench" } });
  const { id: activityId } = await db.activity.create({
    data: {
      id: randomUUID(),
      organiserId: userId,
      kind: "meetup",
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 90_000_000),
      timeZone: "Europe/Amsterdam",
      mode: "online",
      status: "published",
      defaultLocale: "nl",
    },
  });

  const latency = { transaction: [] as number[], read: [] as number[], write: [] as number[] };
  let errors = 0;
  // The longest the event loop was blocked: better-sqlite3 waits for a busy file synchronously.
  let longestStallMs = 0;
  let tick = performance.now();
  const stallWatch = setInterval(() => {
    longestStallMs = Math.max(longestStallMs, performance.now() - tick - 10);
    tick = performance.now();
  }, 10);
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const roll = Math.random();
      const kind = roll < 0.2 ? "transaction" : roll < 0.9 ? "read" : "write";
      const started = performance.now();
      try {
        if (kind === "transaction") {
          await db
            .$transaction(
              async (tx) => {
                await tx.activity.update({ where: { id: activityId }, data: { rsvpSequence: { increment: 1 } } });
                await tx.user.findUnique({ where: { id: userId } });
                if (otherIo) await nextTurn();
                await tx.notification.create({ data: { id: randomUUID(), userId, kind: "bench" } });
                if (Math.random() < 0.5) throw new Refused();
              },
              { maxWait: 30_000, timeout: 30_000 },
            )
            .catch((error) => {
              if (!(error instanceof Refused)) throw error;
            });
        } else if (kind === "read") {
          await db.notification.findMany({ where: { userId }, take: 10, orderBy: { createdAt: "desc" } });
        } else {
          await db.notification.create({ data: { id: randomUUID(), userId, kind: "bench-plain" } });
        }
        latency[kind].push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  clearInterval(stallWatch);
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });

  const summary = (values: number[]) => {
    const sorted = values.sort((a, b) => a - b);
    return {
      per_s: Math.round(values.length / seconds),
      p50_ms: +percentile(sorted, 0.5).toFixed(1),
      p99_ms: +percentile(sorted, 0.99).toFixed(1),
      max_ms: +(sorted.at(-1) ?? 0).toFixed(1),
    };
  };
  return {
    variant: name,
    transactions_await_other_io: otherIo,
    transactions: summary(latency.transaction),
    plain_reads: summary(latency.read),
    plain_writes: summary(latency.write),
    errors,
    longest_event_loop_stall_ms: Math.round(longestStallMs),
  };
}

class Refused extends Error {}

/**
 * The deterministic case behind the numbers: a plain insert issued while a transaction that has
 * already written awaits other I/O. How long until the insert is answered, and how.
 */
async function insertBesideWritingTransaction(makeFactory: (url: string) => Factory) {
  const dir = mkdtempSync(join(tmpdir(), "meedoen-lock-bench-"));
  const file = join(dir, "bench.db");
  await migrate({ provider: "sqlite", file });
  const db = new PrismaClient({ adapter: makeFactory(`file:${file}`) });
  const person = () => {
    const id = randomUUID();
    return { id, email: `${id}@example.nl`, passwordHash: "x", displayName: "Bench" };
  };
  await db.user.count();
  let wrote!: () => void;
  const written = new Promise<void>((resolve) => (wrote = resolve));
  const transaction = db.$transaction(async (tx) => {
    await tx.user.create({ data: person() });
    wrote();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  await written;
  const started = performance.now();
  const outcome = await db.user.create({ data: person() }).then(
    () => "inserted",
    (error: Error) => `failed: ${error.message.split("\n").at(-1)}`,
  );
  const answeredMs = Math.round(performance.now() - started);
  await transaction.catch(() => undefined);
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
  return { answered_ms: answeredMs, outcome };
}

export async function sqliteLock(args: { duration: number; clients?: number }) {
  const results = [];
  for (const otherIo of [false, true]) {
    for (const [name, make] of Object.entries(variants)) {
      console.error(`  ${name}${otherIo ? ", transactions awaiting other I/O" : ""}…`);
      results.push(await runVariant(name, make, args.duration, args.clients ?? 50, otherIo));
    }
  }
  const collisions: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(variants)) collisions[name] = await insertBesideWritingTransaction(make);
  return { bench: "sqlite-lock", insert_beside_writing_transaction: collisions, clients: args.clients ?? 50, seconds: args.duration, results };
}
