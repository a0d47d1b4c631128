import { db } from "~/lib/db.server";
import { getProfile } from "./profile.server";

/** Everything we hold about a person, in a form they can read and take elsewhere (GDPR art. 15/20). */
export async function exportMyData(userId: string) {
  const profile = await getProfile(userId);
  const [sessions, rsvps, groups, notifications, organised] = await Promise.all([
    db().session.findMany({ where: { userId }, select: { expiresAt: true } }),
    db().rsvp.findMany({ where: { userId }, select: { status: true, createdAt: true, activity: { select: { id: true, startsAt: true } } } }),
    db().groupMember.findMany({ where: { userId }, select: { role: true, joinedAt: true, group: { select: { name: true } } } }),
    db().notification.findMany({ where: { userId }, select: { kind: true, data: true, createdAt: true, readAt: true } }),
    db().activity.findMany({ where: { organiserId: userId }, select: { id: true, status: true, startsAt: true } }),
  ]);
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
    signUps: rsvps.map((r) => ({ activityId: r.activity.id, startsAt: r.activity.startsAt.toISOString(), status: r.status, at: r.createdAt.toISOString() })),
    groups: groups.map((g) => ({ group: g.group.name, role: g.role, joinedAt: g.joinedAt.toISOString() })),
    notifications: notifications.map((n) => ({ kind: n.kind, data: JSON.parse(n.data), at: n.createdAt.toISOString(), read: Boolean(n.readAt) })),
    organisedActivities: organised.map((a) => ({ id: a.id, status: a.status, startsAt: a.startsAt.toISOString() })),
  };
}
