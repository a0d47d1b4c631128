import { db } from "~/lib/db.server";
import { parseInput } from "~/lib/validation.server";
import { NotFound, ValidationFailed } from "../errors";
import { ProfileInput } from "./schemas.server";
import { toActor } from "../policy/rules";

export async function getProfile(userId: string) {
  const user = await db().user.findUnique({
    where: { id: userId },
    include: {
      municipality: true,
      languages: { orderBy: { language: "asc" } },
      interests: { orderBy: { interest: "asc" } },
      sectors: { orderBy: { sector: "asc" } },
      availability: { orderBy: [{ weekday: "asc" }, { part: "asc" }] },
    },
  });
  if (!user) throw NotFound();
  return {
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    ...toActor(user),
    municipality: user.municipality ? { code: user.municipality.code, name: user.municipality.name } : null,
    languages: user.languages.map(({ language, level }) => ({ language, level })),
    interests: user.interests.map((row) => row.interest),
    sectors: user.sectors.map((row) => row.sector),
    availability: user.availability.map((row) => `${row.weekday}-${row.part}`),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
export type Profile = Awaited<ReturnType<typeof getProfile>>;

/** Replaces the person's profile facts as one unit: a failed write leaves the old profile whole. */
export async function updateProfile(userId: string, input: unknown): Promise<void> {
  const data = parseInput(ProfileInput, input);
  if (data.municipalityCode) {
    const known = await db().municipality.findUnique({ where: { code: data.municipalityCode }, select: { code: true } });
    if (!known) throw ValidationFailed({ municipalityCode: { key: "profile.unknownMunicipality" } });
  }
  await db().$transaction([
    db().user.update({
      where: { id: userId },
      data: {
        displayName: data.displayName,
        locale: data.locale,
        isNewcomer: data.isNewcomer,
        isVolunteer: data.isVolunteer,
        municipalityCode: data.municipalityCode,
      },
    }),
    db().userLanguage.deleteMany({ where: { userId } }),
    db().userLanguage.createMany({ data: data.spokenLanguages.map((entry) => ({ userId, ...entry })) }),
    db().userInterest.deleteMany({ where: { userId } }),
    db().userInterest.createMany({ data: data.interests.map((interest) => ({ userId, interest })) }),
    db().userSector.deleteMany({ where: { userId } }),
    db().userSector.createMany({ data: data.sectors.map((sector) => ({ userId, sector })) }),
    db().userAvailability.deleteMany({ where: { userId } }),
    db().userAvailability.createMany({
      data: data.availability.map((slot) => {
        const [weekday, part] = slot.split("-");
        return { userId, weekday: Number(weekday), part };
      }),
    }),
  ]);
}

export async function setLocale(userId: string, locale: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}

/** Reference data that changes only with a deployment: read once per process. */
let municipalities: ReturnType<typeof readMunicipalities> | undefined;
const readMunicipalities = () => db().municipality.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true, province: true } });

export function listMunicipalities() {
  if (!municipalities) {
    municipalities = readMunicipalities();
    // A failed read is not kept: the next page asks the database again.
    municipalities.catch(() => (municipalities = undefined));
  }
  return municipalities;
}
