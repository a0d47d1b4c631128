import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hashPassword } from "../app/domain/auth/password.server.ts";
import { backfillLocalFacts } from "../app/domain/activities/local-facts.server.ts";
import { db } from "../app/lib/db.server.ts";
import { seedDemoActivities } from "./demo-activities.ts";
import { seedDemoBuddies } from "./demo-buddies.ts";
import { seedDemoCovers } from "./demo-covers.ts";
import { seedDemoHelpdesk } from "./demo-helpdesk.ts";
import { seedDemoPlans } from "./demo-plans.ts";
import { demoPeople, DEMO_PASSWORD, type DemoPerson } from "./demo-people.ts";

type MunicipalityRow = { code: string; name: string; province: string; latitude: number; longitude: number };

export function readMunicipalities(): MunicipalityRow[] {
  return JSON.parse(readFileSync(new URL("./reference/municipalities.json", import.meta.url), "utf8"));
}

/** Reference data every installation needs; idempotent, cheap when already present. */
export async function ensureReferenceData(): Promise<void> {
  const rows = readMunicipalities();
  if ((await db().municipality.count()) >= rows.length) return;
  const known = new Set((await db().municipality.findMany({ select: { code: true } })).map((row) => row.code));
  await db().municipality.createMany({ data: rows.filter((row) => !known.has(row.code)) });
}

export async function seedDemo(): Promise<number> {
  if ((await db().user.count()) > 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const person of demoPeople) await createDemoPerson(person, passwordHash);
  await seedDemoActivities();
  await seedDemoCovers();
  await seedDemoBuddies();
  // One person asked for the weekly digest, so that /admin/outbox shows one soon after `npm start`.
  const reader = await db().user.findUniqueOrThrow({ where: { email: demoPeople[0].email }, select: { id: true } });
  await db().mailPreference.create({ data: { userId: reader.id, choice: "digest", enabled: true } });
  await seedDemoHelpdesk();
  await seedDemoPlans(passwordHash);
  return demoPeople.length;
}

async function createDemoPerson(person: DemoPerson, passwordHash: string) {
  const userId = randomUUID();
  await db().user.create({
    data: {
      id: userId,
      email: person.email,
      passwordHash,
      displayName: person.displayName,
      locale: person.locale,
      isNewcomer: person.roles.includes("newcomer"),
      isVolunteer: person.roles.includes("volunteer"),
      isOrganiser: person.roles.includes("organiser"),
      isAdmin: person.roles.includes("admin"),
      municipalityCode: person.municipality,
      // Demo addresses (…@demo.meedoen.nl) reach nobody; they count as confirmed.
      emailVerifiedAt: new Date(),
      languages: { create: person.languages.map(([language, level]) => ({ language, level })) },
      interests: { create: person.interests.map((interest) => ({ interest })) },
      sectors: { create: person.sectors.map((sector) => ({ sector })) },
      availability: {
        create: person.availability.map((slot) => {
          const [weekday, part] = slot.split("-");
          return { weekday: Number(weekday), part };
        }),
      },
    },
  });
}

/** Every demo account's address ends so (prisma/demo-people.ts); they all share a published password. */
export const DEMO_EMAIL_DOMAIN = "@demo.meedoen.nl";

export async function hasDemoAccounts(): Promise<boolean> {
  return (await db().user.count({ where: { email: { endsWith: DEMO_EMAIL_DOMAIN } } })) > 0;
}

/** Reference data always, the demo community when asked; says whether demo accounts are present. */
export async function prepareDatabase(options: { demo: boolean }): Promise<{ demoAccounts: boolean }> {
  await ensureReferenceData();
  if (options.demo) await seedDemo();
  await backfillLocalFacts();
  return { demoAccounts: await hasDemoAccounts() };
}
