import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createDb, type Db } from "../../app/lib/db.server.ts";
import type { DatabaseTarget } from "../../app/lib/config.server.ts";
import { migrate } from "../../server/db/migrate.ts";
import { seededRandom } from "../support/seeded-random.ts";
import { POSTGRES_ADMIN_URL } from "../support/services.ts";
import { buildCatalogue } from "./activities.ts";
import { root, startServerProcess } from "./support.ts";

/**
 * Free-text search (decision 044) at a realistic catalogue, on SQLite and on PostgreSQL: the same
 * 10,000 activities in four languages as the activities benchmark, then autocannon against the
 * anonymous list page, one-word and three-word searches, in the same run. Every search request
 * asks a combination (words, kind, spoken language), so the discovery memo rarely answers one.
 * Final line: qps and p99 of the searches (one- and three-word together) and their ratio to the list.
 */
const progress = (message: string) => process.stderr.write(`  [search] ${message}\n`);
const rand = seededRandom(44);
const KINDS = ["", "meetup", "language-cafe", "workshop", "webinar", "group-session"];
/** Words people would type, in the catalogue's four languages, some with a typo. */
const WORDS = [
  "taalcafé",
  "werk",
  "koken",
  "fietsen",
  "huisarts",
  "sollicitatie",
  "wonen",
  "school",
  "amsterdam",
  "rotterdam",
  "utrecht",
  "bibliotheek",
  "language",
  "work",
  "cooking",
  "cycling",
  "housing",
  "interview",
  "digital",
  "rights",
  "роботи",
  "резюме",
  "житло",
  "готуємо",
  "кафе",
  "школа",
  "нідерландської",
  "العمل",
  "اللغة",
  "السكن",
  "الطبيب",
  "الدراجة",
  "المدرسة",
  "taalcafe",
  "fietsne",
  "роботт",
  "الهولنديه",
];
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];

function searchPath(words: number) {
  const q = Array.from({ length: words }, () => pick(WORDS)).join(" ");
  const kind = pick(KINDS);
  // The first page, best matches first, as people search; a spoken language as a further filter. (Not page 2: past the
  // end of a short result list it now redirects to the last page.)
  const language = pick(["", "nl", "uk", "ar", "en"]);
  return `/activities?q=${encodeURIComponent(q)}${kind ? `&kind=${kind}` : ""}${language ? `&language=${language}` : ""}`;
}

async function measure(url: string, duration: number, path: () => string) {
  const result = await autocannon({
    url,
    connections: 10,
    duration,
    headers: { "accept-language": "nl" },
    requests: [{ setupRequest: (request) => ({ ...request, path: path() }) }],
  });
  return { qps: Math.round(result.requests.average * 10) / 10, p99_ms: result.latency.p99, errors: result.errors + result.non2xx };
}

async function seed(client: Db, count: number) {
  const municipalities = JSON.parse(readFileSync(join(root, "prisma/reference/municipalities.json"), "utf8"));
  await client.municipality.createMany({ data: municipalities });
  const organisers = Array.from({ length: 50 }, (_, i) => ({
    id: randomUUID(),
    email: `o${i}@bench.invalid`,
    passwordHash: "x",
    displayName: `Organiser ${i}`,
    isOrganiser: true,
  }));
  await client.user.createMany({ data: organisers });
  const catalogue = buildCatalogue({ count, organisers: organisers.map((o) => o.id), municipalities, now: Date.now() });
  await client.activitySeries.createMany({ data: catalogue.series });
  const BATCH = 500;
  for (let offset = 0; offset < catalogue.activities.length; offset += BATCH) {
    const batch = catalogue.activities.slice(offset, offset + BATCH);
    const ids = new Set(batch.map((row) => row.id));
    await client.activity.createMany({ data: batch });
    await client.activityContent.createMany({ data: catalogue.contents.filter((row) => ids.has(row.activityId)) });
    await client.activitySpokenLanguage.createMany({ data: catalogue.spoken.filter((row) => ids.has(row.activityId)) });
  }
  return catalogue.activities.length;
}

async function onProvider(provider: "sqlite" | "postgres", count: number, duration: number) {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "meedoen-search-bench-"));
    const file = join(dir, "bench.db");
    target = { provider: "sqlite", file };
    env = { SQLITE_PATH: file };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `meedoen_search_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    target = { provider: "postgres", url: url.toString() };
    env = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  await migrate(target);
  const client = createDb(target);
  const started = performance.now();
  const activities = await seed(client, count);
  await client.$disconnect();
  progress(`${provider}: ${activities} activities seeded and indexed in ${Math.round((performance.now() - started) / 100) / 10} s`);
  const server = await startServerProcess(env);
  try {
    // The server may still be starting (it answers / once ready; under load that can take a while).
    for (let attempt = 0; attempt < 240; attempt++) {
      if (
        await fetch(`${server.url}/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await fetch(`${server.url}/activities?q=warm`); // the first search reads the municipalities and opens the index
    const list = await measure(server.url, duration, () => `/activities?page=${1 + Math.floor(rand() * 3)}`);
    const one = await measure(server.url, duration, () => searchPath(1));
    const three = await measure(server.url, duration, () => searchPath(3));
    progress(`${provider}: list ${JSON.stringify(list)}, one word ${JSON.stringify(one)}, three words ${JSON.stringify(three)}`);
    const qps = Math.round(((one.qps + three.qps) / 2) * 10) / 10;
    return {
      activities,
      figures: { qps, p99_ms: Math.max(one.p99_ms, three.p99_ms), vs_list: Math.round((qps / list.qps) * 100) / 100 },
      errors: list.errors + one.errors + three.errors,
    };
  } finally {
    await server.stop();
    await cleanup();
  }
}

export async function search(args: { duration: number; activities?: number }) {
  const count = args.activities ?? 10_000;
  const sqlite = await onProvider("sqlite", count, args.duration);
  const postgres = await onProvider("postgres", count, args.duration);
  if (sqlite.errors + postgres.errors > 0) progress(`non-2xx answers or errors: sqlite ${sqlite.errors}, postgres ${postgres.errors}`);
  return { bench: "search", activities: sqlite.activities, sqlite: sqlite.figures, postgres: postgres.figures };
}
