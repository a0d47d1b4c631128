import { randomUUID } from "node:crypto";
import { changePlan } from "../app/domain/plan/plan.server.ts";
import { db } from "../app/lib/db.server.ts";

/**
 * Perspective plans for the demo (decisions/042). Olena's follows the research's case
 * (physiotherapy, an English language buddy, psychological support in Ukrainian, a job buddy) and
 * is shared with the organiser Marieke; Andriy's is shared with his job buddy Joost. Two dozen
 * more plans in the research's three towns give /organise/insights numbers of 5 and more.
 * Olena and Sanne stay without a match: the buddy journey starts from there.
 */
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

export async function seedDemoPlans(passwordHash: string) {
  const people = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((u) => [u.email.split("@")[0], u.id]));
  const id = (name: string) => people.get(name)!;
  await olenasPlan(id("olena"), id("marieke"));
  await andriysPlan(id("andriy"), id("joost"));
  await anonymousPlans(passwordHash);
}

async function olenasPlan(olena: string, marieke: string) {
  const planId = await changePlan(olena, null, "perspective", {
    perspective: "Через рік я хочу працювати в ІТ, говорити англійською на роботі й упевнено — нідерландською в школі дітей. І щоб спина більше не боліла.",
  });
  const change = (intent: Parameters<typeof changePlan>[2], input: Record<string, unknown>, actor = olena) => changePlan(actor, planId, intent, input);
  await change("domain", {
    domain: "work",
    situation: "Удома я була бухгалтеркою. Тут шукаю роботу, але для всього, що мені підходить, просять високий рівень нідерландської.",
    obstacles: ["fitting-work", "dutch-level", "diploma"],
    obstacleNote: "",
    goals: "Закінчити школу програмування і знайти першу роботу в ІТ.",
  });
  await change("domain", {
    domain: "health-social-care",
    situation: "Після травми болить спина; погано сплю через новини з дому.",
    obstacles: ["rehabilitation", "stress", "support-own-language"],
    obstacleNote: "",
    goals: "Регулярна фізіотерапія і психолог, з яким можна говорити українською.",
  });
  await change("domain", {
    domain: "language-communication",
    situation: "Англійська B1, нідерландська A2. Уроки є, а практикувати розмову ні з ким.",
    obstacles: ["no-practice", "english-or-dutch"],
    obstacleNote: "",
    goals: "Англійська для роботи, нідерландська для магазину й батьківських зборів.",
  });
  await change("domain", {
    domain: "housing",
    situation: "Живемо втрьох в одній кімнаті в готелі.",
    obstacles: ["no-private-space"],
    obstacleNote: "Немає тихого місця, щоб учитися ввечері.",
    goals: "",
  });
  await change("share", { userId: marieke, access: "edit" });
  await change("breakthrough", {
    text: "Знайшла фізіотерапевтку, яка працює з новоприбулими",
    happenedOn: day(-95),
    helpedBy: "Marieke",
    domain: "health-social-care",
  });
  await change("breakthrough", {
    text: "Мовний бадді для англійської — щовівторка, поруч із курсами",
    happenedOn: day(-62),
    helpedBy: "Taalcafé Amsterdam",
    domain: "language-communication",
  });
  await change("breakthrough", { text: "Психологиня, яка говорить українською", happenedOn: day(-40), helpedBy: "huisarts", domain: "health-social-care" });
  await change("breakthrough", { text: "Job buddy found: CV rewritten for IT", happenedOn: day(-18), helpedBy: "Marieke", domain: "work" }, marieke);
  await change("step", { text: "Записатися до школи програмування", owner: "Olena", dueOn: day(14) });
  await change("step", { text: "Diploma laten waarderen bij IDW", owner: "Olena & Marieke", dueOn: day(30) }, marieke);
  await change("step", { text: "Спитати в муніципалітеті про окрему кімнату", owner: "Marieke", dueOn: day(-5) });
  const asked = await db().planStep.findFirst({ where: { planId: planId!, text: { startsWith: "Спитати" } } });
  if (asked) await change("step-done", { id: asked.id });
}

async function andriysPlan(andriy: string, joost: string) {
  const planId = await changePlan(andriy, null, "perspective", {
    perspective: "Знову працювати розробником — спершу хоч стажування, потім постійний контракт.",
  });
  await changePlan(andriy, planId, "domain", {
    domain: "work",
    situation: "П’ять років досвіду в розробці, але тут мій досвід ніби не рахується.",
    obstacles: ["fitting-work", "experience", "residence-status"],
    obstacleNote: "",
    goals: "Стажування в ІТ-компанії в Заандамі або Амстердамі.",
  });
  const buddy = await db().buddyMatch.findFirst({ where: { newcomerId: andriy, volunteerId: joost, status: "active" } });
  if (!buddy) return;
  await changePlan(andriy, planId, "share", { userId: joost, access: "edit" });
  await changePlan(joost, planId, "breakthrough", {
    text: "Netwerkgesprek bij een IT-bedrijf in Zaandam",
    happenedOn: day(-7),
    helpedBy: "Joost",
    domain: "work",
  });
  await changePlan(joost, planId, "step", { text: "Portfolio op GitHub bijwerken", owner: "Andriy", dueOn: day(10) });
}

const PLACES = ["GM0363", "GM0479", "GM0268"]; // Amsterdam, Zaanstad, Nijmegen: the research's towns
const NAMES = ["Anna", "Dmytro", "Kateryna", "Serhii", "Tetiana", "Oleksandr", "Natalia", "Yulia", "Bohdan", "Viktoria", "Maksym", "Halyna"];
/** Obstacles as often as the research saw them: work and health first, then language, housing and childcare. */
const PROFILES: { obstacles: Record<string, string[]>; breakthrough: string }[] = [
  { obstacles: { work: ["dutch-level", "fitting-work"], "language-communication": ["no-evening-lessons"] }, breakthrough: "Avondles Nederlands gevonden" },
  { obstacles: { work: ["diploma", "dutch-level"], "health-social-care": ["stress"] }, breakthrough: "Diploma-aanvraag bij IDW ingediend" },
  { obstacles: { work: ["fitting-work", "childcare"], housing: ["moving"] }, breakthrough: "Plek in de buitenschoolse opvang" },
  { obstacles: { "language-communication": ["no-practice"], "social-bridges": ["own-community-only"] }, breakthrough: "Elke week naar het taalcafé" },
  { obstacles: { work: ["labour-rights", "agency-work"], safety: ["unfair-treatment"] }, breakthrough: "Achterstallig loon terug via FairWork" },
  { obstacles: { "health-social-care": ["stress", "support-own-language"], work: ["dutch-level"] }, breakthrough: "Psycholoog die Oekraïens spreekt" },
];

/** Plans without a story, written straight into the tables: they only feed the aggregates. */
async function anonymousPlans(passwordHash: string) {
  for (let index = 0; index < 24; index += 1) {
    const userId = randomUUID();
    await db().user.create({
      data: {
        id: userId,
        email: `plan-${index + 1}@demo.meedoen.nl`,
        passwordHash,
        displayName: `${NAMES[index % NAMES.length]} ${String.fromCharCode(65 + (index % 26))}.`,
        locale: "uk",
        isNewcomer: true,
        municipalityCode: PLACES[index % PLACES.length],
        emailVerifiedAt: new Date(),
      },
    });
    const profile = PROFILES[index % PROFILES.length];
    const planId = randomUUID();
    await db().perspectivePlan.create({ data: { id: planId, ownerId: userId, perspective: "" } });
    for (const [domain, obstacles] of Object.entries(profile.obstacles)) {
      await db().planDomain.create({ data: { id: randomUUID(), planId, domain, obstacles: JSON.stringify(obstacles) } });
    }
    // Breakthroughs spread over the year, most in the last months, as support got going.
    for (let b = 0; b < 1 + (index % 3); b += 1) {
      const monthsAgo = (index + b * 2) % 6;
      await db().planBreakthrough.create({
        data: { id: randomUUID(), planId, text: profile.breakthrough, happenedOn: new Date(Date.now() - (monthsAgo * 30 + 3) * DAY), helpedBy: "" },
      });
    }
  }
}
