import { db } from "~/lib/db.server";
import { getProfile } from "./profile.server";

/** Everything we hold about a person, in a form they can read and take elsewhere (GDPR art. 15/20). */
export async function exportMyData(userId: string) {
  const profile = await getProfile(userId);
  const sessions = await db().session.findMany({ where: { userId }, select: { expiresAt: true } });
  return {
    exportedAt: new Date().toISOString(),
    account: {
      email: profile.email,
      createdAt: profile.createdAt.toISOString(),
      roles: {
        newcomer: profile.isNewcomer,
        volunteer: profile.isVolunteer,
        organiser: profile.isOrganiser,
        admin: profile.isAdmin,
      },
    },
    profile: {
      displayName: profile.displayName,
      preferredLanguage: profile.locale,
      municipality: profile.municipality,
      languages: profile.languages,
      interests: profile.interests,
      workSectors: profile.sectors,
      availability: profile.availability,
    },
    activeSessions: sessions.map((session) => ({ expiresAt: session.expiresAt.toISOString() })),
  };
}
