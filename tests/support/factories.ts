import { randomUUID } from "node:crypto";
import { createActivity } from "~/domain/activities/activities.server";
import { utcToZonedParts } from "~/domain/activities/recurrence";
import { db } from "~/lib/db.server";

const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000"; // never verified

/** People straight into the database: the account flows have their own tests. */
export async function makePeople(count: number, fields: Partial<{ isOrganiser: boolean; isAdmin: boolean; municipalityCode: string }> = {}) {
  const people = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    email: `p-${randomUUID()}@example.nl`,
    passwordHash: HASH,
    displayName: `Person ${index + 1}`,
    ...fields,
  }));
  await db().user.createMany({ data: people });
  return people.map((person) => person.id);
}

export const makePerson = async (fields: Parameters<typeof makePeople>[1] = {}) => (await makePeople(1, fields))[0];

/** A local date `days` from now in Amsterdam, as the form sends it. */
export function localDate(days: number) {
  return utcToZonedParts(new Date(Date.now() + days * 86_400_000), "Europe/Amsterdam").date;
}

export function activityForm(overrides: Record<string, unknown> = {}) {
  return {
    kind: "meetup",
    contentLocales: ["nl"],
    titles: ["Koffie-ochtend"],
    summaries: ["Samen koffie drinken"],
    descriptions: [""],
    date: localDate(7),
    startTime: "10:00",
    endTime: "11:30",
    timeZone: "Europe/Amsterdam",
    mode: "in-person",
    venue: "Buurthuis",
    municipalityCode: "GM0479",
    spokenLanguages: ["nl"],
    themes: ["social-bridges"],
    interests: [],
    reminderHours: "24",
    ...overrides,
  };
}

export async function publishedActivity(organiserId: string, overrides: Record<string, unknown> = {}) {
  const { id } = await createActivity(organiserId, activityForm(overrides), { publish: true });
  return id;
}

type PersonFields = Partial<{
  displayName: string;
  isNewcomer: boolean;
  isVolunteer: boolean;
  isOrganiser: boolean;
  isAdmin: boolean;
  isHelpdeskVolunteer: boolean;
  municipalityCode: string;
  vogCheckedAt: Date;
}>;

/** A person whose saved interface language is `locale` (the profile setting, which wins over cookie and browser). */
export async function personIn(locale: string, fields: PersonFields = {}) {
  const id = await makePerson();
  const user = await db().user.update({ where: { id }, data: { locale, displayName: `Person ${id.slice(0, 6)}`, ...fields } });
  return { id, displayName: user.displayName, email: user.email };
}
