import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Prisma } from "../../app/generated/prisma/client.ts";
import type { Db } from "../../app/lib/db.server.ts";
import { PRACTISED_LEVELS, THEMES, type ActivityKind } from "../../app/lib/reference/activities.ts";
import { INTERESTS } from "../../app/lib/reference/interests.ts";
import { zonedDateTimeToUtc } from "../../app/domain/activities/recurrence.ts";
import { firstVisitBytes, interleaved, medianOf, ratio, startBaseline } from "./page-ratios.ts";
import { load, root, sessionsFor, startServerProcess } from "./support.ts";
import { seededRandom } from "../support/seeded-random.ts";

/**
 * Discovery under a realistic catalogue, and the seat race.
 *
 * Seeds a fresh SQLite file with 20,000 people (prisma/seed-large.ts, as a child process) and
 * 10,000 published activities over the next 90 days, then measures the anonymous list page and
 * the public API with autocannon, and finally fires 200 simultaneous RSVPs from 200 signed-in
 * people at one activity with 20 seats: exactly 20 must end up going and 180 waitlisted.
 *
 * Set MEEDOEN_BENCH_KEEP=1 to keep the database file for inspection afterwards.
 */

const PEOPLE = 20_000;
const ACTIVITIES = 10_000; // including the RSVP-burst activity
const ORGANISERS = 200;
const BURST_REQUESTS = 200;
const BURST_SEATS = 20;
/** Rounds of the interleaved page loads (layout, bare, list, for you). */
const ROUNDS = 2;
const ZONE = "Europe/Amsterdam";
const DAY_MS = 86_400_000;

const progress = (message: string) => process.stderr.write(`  [activities] ${message}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

const rand = seededRandom(20_240_901);
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const some = <T>(items: readonly T[], min: number, max: number) => {
  const count = between(min, max);
  return [...new Set(Array.from({ length: count }, () => pick(items)))];
};
function weighted<T extends string>(weights: Record<T, number>): () => T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let roll = rand() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  };
}

// ---------------------------------------------------------------------------------------------
// Synthetic catalogue

type Locale = "nl" | "en" | "uk" | "ar";

const KIND_LABEL: Record<Locale, Record<ActivityKind, string>> = {
  nl: {
    meetup: "Ontmoeting",
    webinar: "Webinar",
    "language-cafe": "Taalcafé",
    "group-session": "Groepsbijeenkomst",
    workshop: "Workshop",
    "network-conversation": "Netwerkgesprek",
  },
  en: {
    meetup: "Meetup",
    webinar: "Webinar",
    "language-cafe": "Language café",
    "group-session": "Group session",
    workshop: "Workshop",
    "network-conversation": "Network conversation",
  },
  uk: {
    meetup: "Зустріч",
    webinar: "Вебінар",
    "language-cafe": "Мовне кафе",
    "group-session": "Групове заняття",
    workshop: "Майстер-клас",
    "network-conversation": "Нетворкінг",
  },
  ar: {
    meetup: "لقاء",
    webinar: "ندوة عبر الإنترنت",
    "language-cafe": "مقهى اللغة",
    "group-session": "جلسة جماعية",
    workshop: "ورشة عمل",
    "network-conversation": "محادثة تعارف مهني",
  },
};
const TOPICS: Record<Locale, string[]> = {
  nl: [
    "Nederlands oefenen",
    "Werk zoeken",
    "Je cv verbeteren",
    "Wonen en huren",
    "De huisarts",
    "Fietsen in de stad",
    "Samen koken",
    "Digitale vaardigheden",
    "Je rechten als werknemer",
    "Ouders en school",
    "Wandelen in de buurt",
    "Sollicitatiegesprek oefenen",
  ],
  en: [
    "Practise Dutch",
    "Finding work",
    "Improve your CV",
    "Housing and renting",
    "Seeing a GP",
    "Cycling in the city",
    "Cooking together",
    "Digital skills",
    "Your rights at work",
    "Parents and school",
    "Neighbourhood walk",
    "Job interview practice",
  ],
  uk: [
    "Практика нідерландської",
    "Пошук роботи",
    "Покращуємо резюме",
    "Житло та оренда",
    "Сімейний лікар",
    "Велосипедом містом",
    "Готуємо разом",
    "Цифрові навички",
    "Ваші права на роботі",
    "Батьки та школа",
    "Прогулянка районом",
    "Тренування співбесіди",
  ],
  ar: [
    "ممارسة اللغة الهولندية",
    "البحث عن عمل",
    "تحسين سيرتك الذاتية",
    "السكن والإيجار",
    "زيارة الطبيب العام",
    "ركوب الدراجة في المدينة",
    "نطبخ معًا",
    "المهارات الرقمية",
    "حقوقك في العمل",
    "الأهل والمدرسة",
    "نزهة في الحي",
    "التدرب على مقابلة العمل",
  ],
};
const SUMMARIES: Record<Locale, string[]> = {
  nl: [
    "Een ontspannen bijeenkomst met koffie, thee en vrijwilligers die graag helpen.",
    "Praktische tips en tijd voor vragen, in een kleine groep.",
    "Iedereen is welkom, ook als je net in Nederland bent.",
    "Neem een vriend of buur mee; aanmelden helpt ons plannen.",
  ],
  en: [
    "A relaxed session with coffee, tea and volunteers who are happy to help.",
    "Practical tips and time for questions, in a small group.",
    "Everyone is welcome, also if you have only just arrived.",
    "Bring a friend or neighbour; signing up helps us plan.",
  ],
  uk: [
    "Невимушена зустріч із кавою, чаєм і волонтерами, які охоче допоможуть.",
    "Практичні поради й час для запитань у невеликій групі.",
    "Запрошуємо всіх, навіть якщо ви щойно приїхали.",
    "Приходьте з другом або сусідом; реєстрація допомагає нам планувати.",
  ],
  ar: [
    "لقاء هادئ مع القهوة والشاي ومتطوعين يسعدهم المساعدة.",
    "نصائح عملية ووقت للأسئلة في مجموعة صغيرة.",
    "الجميع مرحب بهم، حتى لو وصلت للتو.",
    "أحضر صديقًا أو جارًا؛ التسجيل يساعدنا على التخطيط.",
  ],
};
const PARAGRAPHS: Record<Locale, string[]> = {
  nl: [
    "We beginnen met een korte kennismaking, daarna werken we in kleine groepjes. Je hoeft niets voor te bereiden en je kunt op elk moment een vraag stellen.",
    "De vrijwilligers spreken Nederlands en Engels, en vaak ook Oekraïens of Arabisch. Lukt het even niet in het Nederlands, dan helpen we je verder in een taal die je kent.",
    "De ruimte is rolstoeltoegankelijk. Er is koffie, thee en iets lekkers. Heb je vragen vooraf? Stuur de organisator een bericht via Meedoen.",
    "Na afloop is er tijd om na te praten en elkaar beter te leren kennen. Veel deelnemers komen vaker terug en nemen hun buren mee.",
  ],
  en: [
    "We start with a short round of introductions, then work in small groups. You do not need to prepare anything and can ask a question at any time.",
    "Our volunteers speak Dutch and English, and often Ukrainian or Arabic too. If Dutch is hard for now, we will help you in a language you know.",
    "The room is wheelchair accessible. There is coffee, tea and something sweet. Questions beforehand? Message the organiser through Meedoen.",
    "Afterwards there is time to talk and get to know each other. Many people come back and bring their neighbours.",
  ],
  uk: [
    "Почнемо з короткого знайомства, потім працюватимемо в малих групах. Нічого готувати не потрібно, а запитання можна ставити будь-коли.",
    "Волонтери говорять нідерландською та англійською, часто також українською чи арабською. Якщо нідерландською поки складно, допоможемо знайомою вам мовою.",
    "Приміщення доступне для людей на візках. Будуть кава, чай і щось смачненьке. Маєте запитання заздалегідь? Напишіть організаторові через Meedoen.",
    "Після зустрічі буде час поспілкуватися й краще познайомитися. Багато учасників повертаються й приводять сусідів.",
  ],
  ar: [
    "نبدأ بجولة تعارف قصيرة، ثم نعمل في مجموعات صغيرة. لا تحتاج إلى تحضير أي شيء ويمكنك طرح سؤال في أي وقت.",
    "يتحدث متطوعونا الهولندية والإنجليزية، وغالبًا الأوكرانية أو العربية أيضًا. إذا كانت الهولندية صعبة الآن، سنساعدك بلغة تعرفها.",
    "القاعة مهيأة للكراسي المتحركة. تتوفر القهوة والشاي وشيء حلو. هل لديك أسئلة مسبقًا؟ راسل المنظم عبر Meedoen.",
    "بعد اللقاء هناك وقت للحديث والتعارف. كثير من المشاركين يعودون ويحضرون جيرانهم.",
  ],
};
const VENUES = [
  "Bibliotheek",
  "Buurthuis De Kroon",
  "Wijkcentrum Oost",
  "Het Huis van de Wijk",
  "Gemeentehuis, zaal 2",
  "Café De Ontmoeting",
  "Sporthal Noord",
  "Kerkgebouw De Ark",
  "Stadsbibliotheek",
  "Volkshuis",
];

// Activities cluster where newcomers live: the big cities, then the mid-sized ones, then the rest.
const CITY_WEIGHTS: Record<string, number> = {
  GM0363: 14,
  GM0599: 10,
  GM0518: 9,
  GM0344: 6,
  GM0772: 3.5,
  GM0034: 3,
  GM0268: 3,
  GM0479: 2.5,
  GM0014: 2.5,
  GM0855: 2.5,
  GM0758: 2,
  GM0392: 2,
  GM0202: 2,
  GM0307: 2,
  GM0200: 1.8,
  GM0153: 1.8,
  GM0546: 1.6,
  GM0935: 1.6,
  GM0193: 1.6,
  GM0796: 1.6,
  GM0505: 1.4,
  GM0637: 1.4,
  GM0080: 1.4,
  GM0503: 1.2,
  GM0362: 1.2,
  GM0402: 1,
  GM0394: 1.2,
};
const OTHER_MUNICIPALITY_WEIGHT = 0.15;

const pickContentLocale = weighted<Locale>({ nl: 50, en: 20, uk: 20, ar: 10 });
const pickInPersonKind = weighted<ActivityKind>({ meetup: 28, "language-cafe": 26, "group-session": 18, workshop: 18, "network-conversation": 10, webinar: 0 });
const pickOnlineKind = weighted<ActivityKind>({ webinar: 60, "network-conversation": 15, "language-cafe": 15, workshop: 10, meetup: 0, "group-session": 0 });
const EXTRA_SPOKEN = ["nl", "nl", "en", "en", "uk", "uk", "ar", "ru", "tr", "fa", "ti", "so", "pl", "es"];
// Start times between 09:00 and 20:00 local, busier in the evening when people are free.
const pickStartTime = weighted<string>({
  "09:00": 3,
  "09:30": 2,
  "10:00": 6,
  "10:30": 3,
  "11:00": 3,
  "12:00": 1,
  "13:00": 2,
  "13:30": 2,
  "14:00": 4,
  "15:00": 3,
  "16:00": 2,
  "17:00": 2,
  "18:00": 3,
  "18:30": 3,
  "19:00": 8,
  "19:30": 7,
  "20:00": 3,
});

function localDate(offsetDays: number, now: number) {
  // Noon UTC of the target day is the same calendar date in Amsterdam all year round.
  return new Date(now + offsetDays * DAY_MS).toISOString().slice(0, 10);
}
function addMinutes(time: string, minutes: number) {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

type Catalogue = {
  series: { id: string; organiserId: string; timeZone: string; intervalWeeks: number; startTime: string }[];
  activities: Prisma.ActivityCreateManyInput[];
  contents: { activityId: string; locale: string; title: string; summary: string; description: string }[];
  spoken: { activityId: string; language: string }[];
  themes: { activityId: string; theme: string }[];
  interests: { activityId: string; interest: string }[];
};

export function buildCatalogue(options: { count: number; organisers: string[]; municipalities: { code: string; name: string }[]; now: number }): Catalogue {
  const cityWeights = Object.fromEntries(options.municipalities.map((m) => [m.code, CITY_WEIGHTS[m.code] ?? OTHER_MUNICIPALITY_WEIGHT])) as Record<
    string,
    number
  >;
  const pickCity = weighted(cityWeights);
  const cityName = new Map(options.municipalities.map((m) => [m.code, m.name]));
  const out: Catalogue = { series: [], activities: [], contents: [], spoken: [], themes: [], interests: [] };

  while (out.activities.length < options.count) {
    const online = rand() < 0.1;
    const hybrid = !online && rand() < 0.05;
    const kind = online ? pickOnlineKind() : pickInPersonKind();
    // A few big organisers run many activities, most run a handful.
    const organiserId = options.organisers[Math.floor(rand() * rand() * options.organisers.length)];
    const municipalityCode = online ? null : pickCity();
    const defaultLocale = pickContentLocale();
    const locales: Locale[] = rand() < 0.45 ? [...new Set<Locale>([defaultLocale, pick(["nl", "en", "uk", "ar"] as const)])] : [defaultLocale];
    const spokenFirst = defaultLocale;
    const spoken = [...new Set([spokenFirst, ...some(EXTRA_SPOKEN, 0, 2)])].slice(0, 3);
    const topic = Math.floor(rand() * TOPICS.nl.length);
    const startTime = pickStartTime();
    const duration = Math.min(pick([60, 90, 90, 120, 120, 150]), 21 * 60 - (Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3))));
    const endTime = addMinutes(startTime, duration);
    const capacity = rand() < 0.8 ? between(10, 200) : null;
    const themes = some(THEMES, 1, 3);
    const interests = some(INTERESTS, 0, 3);
    const childcare = !online && rand() < 0.15;
    const costCents = rand() < 0.8 ? 0 : pick([250, 500, 750, 1000, 1500]);
    const practised =
      kind === "language-cafe" ? { practisedLanguage: "nl", practisedLevel: pick(PRACTISED_LEVELS) } : { practisedLanguage: null, practisedLevel: null };
    const requiresApproval = rand() < 0.05;
    const rsvpCutoffMinutes = rand() < 0.1 ? pick([60, 24 * 60]) : null;
    const venue = online ? null : `${pick(VENUES)} ${cityName.get(municipalityCode!) ?? ""}`.trim();

    // Language cafés and group sessions are often weekly or fortnightly series.
    const recurring = (kind === "language-cafe" || kind === "group-session") && rand() < 0.12;
    const intervalWeeks = recurring ? pick([1, 1, 2]) : 1;
    const firstDay = between(1, recurring ? 30 : 89);
    const occurrences = recurring ? Math.min(Math.floor((89 - firstDay) / (7 * intervalWeeks)) + 1, between(4, 12)) : 1;
    const seriesId = recurring ? randomUUID() : null;
    if (seriesId) out.series.push({ id: seriesId, organiserId, timeZone: ZONE, intervalWeeks, startTime });

    for (let n = 0; n < occurrences && out.activities.length < options.count; n++) {
      const id = randomUUID();
      const date = localDate(firstDay + n * 7 * intervalWeeks, options.now);
      out.activities.push({
        id,
        kind,
        status: "published",
        organiserId,
        seriesId,
        startsAt: zonedDateTimeToUtc(date, startTime, ZONE),
        endsAt: zonedDateTimeToUtc(date, endTime, ZONE),
        timeZone: ZONE,
        mode: online ? "online" : hybrid ? "hybrid" : "in-person",
        venue,
        municipalityCode,
        accessibilityNotes: online || rand() < 0.6 ? null : "Drempelvrij, lift aanwezig.",
        joinUrl: online || hybrid ? `https://meet.example.org/${id.slice(0, 8)}` : null,
        capacity,
        goingCount: 0,
        rsvpSequence: 0,
        childcare,
        costCents,
        ...practised,
        requiresApproval,
        rsvpCutoffMinutes,
        defaultLocale,
      });
      for (const locale of locales) {
        const place = online ? "online" : (cityName.get(municipalityCode!) ?? "");
        out.contents.push({
          activityId: id,
          locale,
          title: `${KIND_LABEL[locale][kind]}: ${TOPICS[locale][topic]} · ${place}`,
          summary: pick(SUMMARIES[locale]),
          description: some(PARAGRAPHS[locale], 2, 4).join("\n\n"),
        });
      }
      for (const language of spoken) out.spoken.push({ activityId: id, language });
      for (const theme of themes) out.themes.push({ activityId: id, theme });
      for (const interest of interests) out.interests.push({ activityId: id, interest });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Seeding

function run(command: string, argv: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    // The seed script reports on stdout; stdout here belongs to run.ts's JSON lines.
    child.stdout.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(" ")} exited with ${code}`))));
  });
}

async function seedCatalogue(file: string, count: number) {
  // The app's Prisma client reads its configuration from the environment when first imported.
  process.env.SQLITE_PATH = file;
  process.env.DATABASE_URL = `file:${file}`;
  const { createDb } = await import("../../app/lib/db.server.ts");
  // createDb with an explicit target rather than the db() singleton: config() is cached per
  // process, and another benchmark in the same run may have read it first.
  const client: Db = createDb({ provider: "sqlite", file });
  try {
    const people = (await client.user.findMany({ select: { id: true, email: true } }))
      .map((user) => ({ id: user.id, index: Number(/^synthetic-\d+-(\d+)@/.exec(user.email)?.[1] ?? -1) }))
      .filter((user) => user.index >= 0)
      .sort((a, b) => a.index - b.index);
    if (people.length < PEOPLE) throw new Error(`expected ${PEOPLE} seeded people, found ${people.length}`);

    const organisers = people
      .filter((p) => p.index % 100 === 0)
      .slice(0, ORGANISERS)
      .map((p) => p.id);
    await client.user.updateMany({ where: { id: { in: organisers } }, data: { isOrganiser: true } });

    const municipalities = JSON.parse(readFileSync(join(root, "prisma/reference/municipalities.json"), "utf8")) as { code: string; name: string }[];
    const now = Date.now();
    const catalogue = buildCatalogue({ count: count - 1, organisers, municipalities, now });

    // The RSVP burst target: one ordinary published meetup a week ahead, 20 seats.
    const burstId = randomUUID();
    const burstDate = localDate(7, now);
    catalogue.activities.push({
      id: burstId,
      kind: "meetup",
      status: "published",
      organiserId: organisers[0],
      startsAt: zonedDateTimeToUtc(burstDate, "19:00", ZONE),
      endsAt: zonedDateTimeToUtc(burstDate, "21:00", ZONE),
      timeZone: ZONE,
      mode: "in-person",
      venue: "Bibliotheek Amsterdam",
      municipalityCode: "GM0363",
      capacity: BURST_SEATS,
      goingCount: 0,
      rsvpSequence: 0,
      defaultLocale: "nl",
    });
    catalogue.contents.push(
      {
        activityId: burstId,
        locale: "nl",
        title: "Taallunch met 20 plekken",
        summary: "Snel vol: wie eerst komt, eerst maalt.",
        description: PARAGRAPHS.nl.join("\n\n"),
      },
      { activityId: burstId, locale: "uk", title: "Мовний обід на 20 місць", summary: "Місця швидко закінчуються.", description: PARAGRAPHS.uk.join("\n\n") },
    );
    catalogue.spoken.push({ activityId: burstId, language: "nl" }, { activityId: burstId, language: "uk" });
    catalogue.themes.push({ activityId: burstId, theme: "language-communication" });

    const BATCH = 500;
    const started = performance.now();
    await client.$transaction([client.activitySeries.createMany({ data: catalogue.series })]);
    const byActivity = <T extends { activityId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) map.set(row.activityId, [...(map.get(row.activityId) ?? []), row]);
      return map;
    };
    const contents = byActivity(catalogue.contents);
    const spoken = byActivity(catalogue.spoken);
    const themes = byActivity(catalogue.themes);
    const interests = byActivity(catalogue.interests);
    for (let offset = 0; offset < catalogue.activities.length; offset += BATCH) {
      const batch = catalogue.activities.slice(offset, offset + BATCH);
      const ids = batch.map((row) => row.id);
      const related = <T>(map: Map<string, T[]>) => ids.flatMap((id) => map.get(id) ?? []);
      await client.$transaction([
        client.activity.createMany({ data: batch }),
        client.activityContent.createMany({ data: related(contents) }),
        client.activitySpokenLanguage.createMany({ data: related(spoken) }),
        client.activityTheme.createMany({ data: related(themes) }),
        client.activityInterest.createMany({ data: related(interests) }),
      ]);
    }
    progress(`${catalogue.activities.length} activities (${catalogue.series.length} series) inserted in ${seconds(performance.now() - started)} s`);

    // Signed-in people without going through sign-in (argon2 and its rate limits): sessions
    // written straight into the table, as Lucia would. 29 days ahead keeps Lucia from
    // refreshing them (it extends sessions in their last 15 days), so the burst measures RSVPs.
    const burstPeople = people.filter((p) => p.index % 100 !== 0).slice(1000, 1000 + BURST_REQUESTS);
    const sessions = sessionsFor(
      burstPeople.map((p) => p.id),
      new Date(now + 29 * DAY_MS),
    );
    await client.session.createMany({ data: sessions.rows });

    return { burstId, sessions: sessions.tokens, activities: catalogue.activities.length, series: catalogue.series.length };
  } finally {
    await client.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function rsvpBurst(url: string, activityId: string, sessions: string[]) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  await Promise.all(
    sessions.map(async (session) => {
      const t0 = performance.now();
      const response = await fetch(`${url}/activities/${activityId}`, {
        method: "POST",
        redirect: "manual",
        headers: {
          cookie: `meedoen_session=${session}`,
          origin: url,
          "content-type": "application/x-www-form-urlencoded",
          "accept-language": "nl",
        },
        body: "intent=rsvp",
      }).catch((error: Error) => ({ status: `error: ${error.message}`, headers: new Headers(), text: async () => "" }) as const);
      await response.text();
      latencies.push(performance.now() - t0);
      statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
      const outcome = new URL(response.headers.get("location") ?? "/", url).searchParams.get("rsvp") ?? "none";
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, statuses, outcomes, wallMs: performance.now() - started };
}

function readBack(file: string, activityId: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const counts = Object.fromEntries(
      (
        sqlite.prepare(`SELECT status, COUNT(*) AS n FROM "Rsvp" WHERE "activityId" = ? GROUP BY status`).all(activityId) as { status: string; n: number }[]
      ).map((row) => [row.status, row.n]),
    ) as Record<string, number>;
    const activity = sqlite.prepare(`SELECT "goingCount", "rsvpSequence", capacity FROM "Activity" WHERE id = ?`).get(activityId) as {
      goingCount: number;
      rsvpSequence: number;
      capacity: number;
    };
    const positions = sqlite
      .prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT position) AS distinctPositions FROM "Rsvp" WHERE "activityId" = ?`)
      .get(activityId) as { n: number; distinctPositions: number };
    return { counts, activity, positions };
  } finally {
    sqlite.close();
  }
}

export async function activities(args: { duration: number; activities?: number }) {
  const dir = mkdtempSync(join(tmpdir(), "meedoen-bench-activities-"));
  const file = join(dir, "bench.db");
  const databaseEnv = { SQLITE_PATH: file, DATABASE_URL: `file:${file}` };
  try {
    const seedStarted = performance.now();
    progress(`seeding ${PEOPLE} people into ${file}…`);
    await run(process.execPath, ["--import", "tsx", "prisma/seed-large.ts", "--people", String(PEOPLE)], { ...databaseEnv, LOG_LEVEL: "warn" });
    progress(`people seeded in ${seconds(performance.now() - seedStarted)} s; seeding activities…`);
    const seeded = await seedCatalogue(file, args.activities ?? ACTIVITIES);
    const seedS = seconds(performance.now() - seedStarted);
    progress(`seeding done in ${seedS} s`);

    progress("building and starting the bare Remix baseline…");
    const baseline = await startBaseline();
    const server = await startServerProcess({ ...databaseEnv, MEEDOEN_BENCHMARK: "1" });
    // support.ts's stop() waits for an exit that has already happened if the server died, so
    // note an early death, say so at once, and fail the phase instead of hanging or mis-measuring.
    let exited: string | null = server.process.exitCode !== null ? `exit code ${server.process.exitCode}` : null;
    let stopping = false;
    server.process.once("exit", (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      if (!stopping) progress(`SERVER EXITED UNEXPECTEDLY (${exited})`);
    });
    const alive = (phase: string) => {
      if (exited) throw new Error(`the server exited (${exited}) during ${phase}`);
    };
    /** Waits until requests left over from the previous phase have drained, so phases don't overlap. */
    const settle = async () => {
      const started = performance.now();
      let quick = 0;
      while (quick < 3 && performance.now() - started < 60_000) {
        const t0 = performance.now();
        await fetch(`${server.url}/healthz`).then(
          (r) => r.arrayBuffer(),
          () => undefined,
        );
        quick = performance.now() - t0 < 50 ? quick + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      progress(`server up at ${server.url} in ${server.startMs} ms`);
      alive("start-up");
      // One request of each first: fails early on a broken page, and shows single-request latency.
      for (const [path, headers] of [
        ["/activities", { "accept-language": "uk" }],
        ["/api/activities", {}],
      ] as const) {
        const t0 = performance.now();
        const response = await fetch(`${server.url}${path}`, { headers });
        const body = await response.text();
        progress(`GET ${path}: ${response.status}, ${Math.round(body.length / 1024)} KB, ${Math.round(performance.now() - t0)} ms (cold)`);
        if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
      }
      const api = (await (await fetch(`${server.url}/api/activities`)).json()) as { total: number };
      progress(`API reports ${api.total} activities in the default 90-day window`);

      const reader = { "accept-language": "uk" };
      const signedIn = { ...reader, cookie: `meedoen_session=${seeded.sessions[0]}` };
      const firstVisit = await firstVisitBytes(server.url, "/activities", reader);
      progress(`first visit of /activities: ${JSON.stringify(firstVisit)}`);
      progress(`interleaved loads of ${args.duration} s at 50 connections, ${ROUNDS} rounds…`);
      const pages = await interleaved(
        [
          { name: "layout", url: `${server.url}/bench/static-cards`, headers: reader },
          { name: "bare", url: `${baseline.url}/` },
          { name: "list", url: `${server.url}/activities`, headers: reader },
          { name: "foryou", url: `${server.url}/activities`, headers: signedIn },
        ],
        ROUNDS,
        args.duration,
        settle,
      );
      alive("the page loads");
      const pageErrors = Object.values(pages)
        .flat()
        .reduce((sum, result) => sum + result.errors, 0);
      const others: Record<string, unknown> = {};
      for (const [name, path, headers] of [
        ["home", "/", reader],
        ["activity", `/activities/${seeded.burstId}`, reader],
      ] as const) {
        others[name] = await load(`${server.url}${path}`, { duration: args.duration, headers });
        progress(`  ${name}: ${JSON.stringify(others[name])}`);
        await settle();
      }
      const layoutRps = medianOf(pages.layout, "rps");
      const page = {
        list_vs_layout: ratio(medianOf(pages.list, "rps"), layoutRps),
        foryou_vs_layout: ratio(medianOf(pages.foryou, "rps"), layoutRps),
        layout_vs_bare: ratio(layoutRps, medianOf(pages.bare, "rps")),
        list_p99_vs_layout: ratio(medianOf(pages.list, "p99_ms"), medianOf(pages.layout, "p99_ms")),
        foryou_p99_vs_layout: ratio(medianOf(pages.foryou, "p99_ms"), medianOf(pages.layout, "p99_ms")),
        runs: pages,
        ...others,
        first_visit: firstVisit,
      };
      progress(`  ratios: ${JSON.stringify({ ...page, runs: undefined, first_visit: undefined })}`);
      progress(`load: GET /api/activities for ${args.duration} s at 50 connections…`);
      const { errors: apiErrors, ...apiResult } = await load(`${server.url}/api/activities`, { duration: args.duration });
      progress(`  ${JSON.stringify(apiResult)}${apiErrors ? `, ${apiErrors} errors/non-2xx` : ""}`);
      alive("the /api/activities load");
      await settle();

      progress(`RSVP burst: ${BURST_REQUESTS} simultaneous POST /activities/${seeded.burstId} for ${BURST_SEATS} seats…`);
      const burst = await rsvpBurst(server.url, seeded.burstId, seeded.sessions);
      alive("the RSVP burst");
      const back = readBack(file, seeded.burstId);
      progress(
        `  HTTP statuses ${JSON.stringify(burst.statuses)}, redirect outcomes ${JSON.stringify(burst.outcomes)}, wall ${Math.round(burst.wallMs)} ms, ` +
          `p50 ${Math.round(percentile(burst.latencies, 50))} ms, max ${Math.round(burst.latencies[burst.latencies.length - 1] ?? 0)} ms`,
      );
      progress(
        `  database: rsvps ${JSON.stringify(back.counts)}, activity ${JSON.stringify(back.activity)}, ${back.positions.distinctPositions}/${back.positions.n} distinct positions`,
      );
      const going = back.counts.going ?? 0;
      const waitlisted = back.counts.waitlisted ?? 0;
      if (going !== BURST_SEATS || waitlisted !== BURST_REQUESTS - BURST_SEATS) {
        progress(`  WARNING: expected ${BURST_SEATS} going and ${BURST_REQUESTS - BURST_SEATS} waitlisted`);
      }

      return {
        bench: "activities",
        people: PEOPLE,
        activities: seeded.activities,
        seed_s: seedS,
        list_vs_layout: page.list_vs_layout,
        foryou_vs_layout: page.foryou_vs_layout,
        layout_vs_bare: page.layout_vs_bare,
        list_p99_vs_layout: page.list_p99_vs_layout,
        page,
        api: apiResult,
        rsvp: {
          requests: BURST_REQUESTS,
          seats: BURST_SEATS,
          going,
          waitlisted,
          p99_ms: Math.round(percentile(burst.latencies, 99)),
        },
        errors: { page: pageErrors, api: apiErrors, rsvp: BURST_REQUESTS - (burst.statuses["302"] ?? 0) },
      };
    } finally {
      stopping = true;
      if (!exited) await server.stop();
      await baseline.stop();
    }
  } finally {
    if (process.env.MEEDOEN_BENCH_KEEP === "1") progress(`kept ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
