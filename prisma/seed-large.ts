/**
 * Usage: npm run seed:large -- --people 20000
 * Adds a synthetic population with realistic spreads of municipalities, languages, interests,
 * availability and sectors, for benchmarks. Deterministic: the same --seed gives the same people.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword } from "../app/domain/auth/password.server.ts";
import { config } from "../app/lib/config.server.ts";
import { closeDb, db } from "../app/lib/db.server.ts";
import { DAY_PARTS, WEEKDAYS } from "../app/lib/reference/availability.ts";
import { INTERESTS } from "../app/lib/reference/interests.ts";
import { LANGUAGE_LEVELS } from "../app/lib/reference/languages.ts";
import { SECTORS } from "../app/lib/reference/sectors.ts";
import { migrate } from "../server/db/migrate.ts";
import { ensureReferenceData, readMunicipalities } from "./seed.ts";

const { values } = parseArgs({
  options: { people: { type: "string", default: "20000" }, seed: { type: "string", default: "42" } },
});
const total = Number(values.people);
if (!Number.isInteger(total) || total < 1 || total > 1_000_000) {
  console.error("--people must be a whole number from 1 to 1000000");
  process.exit(1);
}

/** mulberry32: a tiny seeded generator, so runs are repeatable. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(Number(values.seed));
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
const some = <T>(items: readonly T[], min: number, max: number) => {
  const count = min + Math.floor(rand() * (max - min + 1));
  return [...new Set(Array.from({ length: count }, () => pick(items)))];
};

// Newcomers cluster in the big cities; a fifth of people live anywhere else.
const municipalities = readMunicipalities().map((m) => m.code);
const hubs = ["GM0363", "GM0599", "GM0518", "GM0344", "GM0479", "GM0268", "GM0034", "GM0772"];
const newcomerLanguages = ["uk", "uk", "uk", "ru", "ar", "ar", "tr", "fa", "ti", "so", "pl", "es"];
const SLOTS = WEEKDAYS.flatMap((day) => DAY_PARTS.map((part) => `${day}-${part}`));
const firstNames = [
  "Olena",
  "Andriy",
  "Iryna",
  "Oksana",
  "Mykola",
  "Yara",
  "Omar",
  "Sanne",
  "Joost",
  "Fatima",
  "Daan",
  "Emma",
  "Lucas",
  "Noor",
  "Tetiana",
  "Bohdan",
];

await migrate(config().database);
await ensureReferenceData();
const passwordHash = await hashPassword("benchmark-password");
const started = Date.now();
const BATCH = 500;

for (let offset = 0; offset < total; offset += BATCH) {
  const size = Math.min(BATCH, total - offset);
  const users = Array.from({ length: size }, (_, i) => {
    const newcomer = rand() < 0.7;
    return {
      id: randomUUID(),
      email: `synthetic-${values.seed}-${offset + i}@bench.meedoen.invalid`,
      passwordHash,
      displayName: `${pick(firstNames)} ${offset + i}`,
      locale: newcomer ? pick(["uk", "uk", "ar", "en", "nl"]) : pick(["nl", "nl", "en"]),
      isNewcomer: newcomer,
      isVolunteer: !newcomer || rand() < 0.05,
      municipalityCode: rand() < 0.8 ? pick(hubs) : pick(municipalities),
    };
  });
  const languages = users.flatMap((user) => {
    const own = user.isNewcomer ? pick(newcomerLanguages) : "nl";
    const extra = some(["en", "nl", "de", "ru", "fr"], 0, 2).filter((code) => code !== own);
    return [
      { userId: user.id, language: own, level: "native" },
      ...extra.map((language) => ({ userId: user.id, language, level: pick(LANGUAGE_LEVELS.slice(0, 6)) })),
    ];
  });
  const interests = users.flatMap((user) => some(INTERESTS, 1, 5).map((interest) => ({ userId: user.id, interest })));
  const sectors = users.flatMap((user) => some(SECTORS, 0, 2).map((sector) => ({ userId: user.id, sector })));
  const availability = users.flatMap((user) => some(SLOTS, 1, 6).map((slot) => ({ userId: user.id, weekday: Number(slot[0]), part: slot.slice(2) })));
  await db().$transaction([
    db().user.createMany({ data: users }),
    db().userLanguage.createMany({ data: languages }),
    db().userInterest.createMany({ data: interests }),
    db().userSector.createMany({ data: sectors }),
    db().userAvailability.createMany({ data: availability }),
  ]);
}
console.log(JSON.stringify({ seeded: "people", count: total, ms: Date.now() - started, database: config().database.provider }));
await closeDb();
