/**
 * "Download my data": everything Meedoen stores about a person (GDPR art. 15 and 20), in the
 * shape of export-format.ts, which docs/export-format.md describes. Other people appear only as
 * the person could see them: a buddy's display name, their e-mail while the match is active.
 */
import { rolesOf } from "../policy/rules";
import { db } from "~/lib/db.server";
import { pickContent } from "../activities/content";
import { EXPORT_FORMAT_VERSION, type MyDataExport } from "./export-format";
import { mailChoicesForExport } from "./mail-preferences.server";
import { getProfile } from "./profile.server";
import { avatarAddresses } from "./avatar.server";
import { PERSON_CHANGES } from "../plan/plan.server";

const at = (date: Date) => date.toISOString();
const maybeAt = (date: Date | null) => (date ? date.toISOString() : null);
const list = (json: string) => JSON.parse(json) as string[];

export async function exportMyData(userId: string): Promise<MyDataExport> {
  const [account, mailChoices, activities, groups, live, buddies, safety, asOrganiser, helpdesk, plans] = await Promise.all([
    accountPart(userId),
    mailChoicesForExport(userId),
    activitiesPart(userId),
    groupsPart(userId),
    livePart(userId),
    buddiesPart(userId),
    safetyPart(userId),
    organiserPart(userId),
    helpdeskPart(userId),
    plansPart(userId),
  ]);
  return {
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: at(new Date()),
    ...account,
    mailChoices,
    activities,
    groups,
    live,
    buddies,
    safety,
    asOrganiser,
    helpdesk,
    plans,
  };
}

async function displayNames(ids: string[]) {
  const people = await db().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
  return new Map(people.map((person) => [person.id, person.displayName]));
}

async function accountPart(userId: string) {
  const [profile, secrets, sessions, notifications] = await Promise.all([
    getProfile(userId),
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { vogCheckedAt: true, calendarToken: true, avatarKey: true, avatarSize: true } }),
    // Session ids are the keys to the account: only when they expire is exported.
    db().session.findMany({ where: { userId }, select: { expiresAt: true }, orderBy: { expiresAt: "asc" } }),
    db().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    account: {
      id: profile.id,
      email: profile.email,
      createdAt: at(profile.createdAt),
      updatedAt: at(profile.updatedAt),
      roles: rolesOf(profile),
      volunteerCheckedOn: maybeAt(secrets.vogCheckedAt),
      calendarFeed: secrets.calendarToken !== null,
    },
    profile: {
      displayName: profile.displayName,
      preferredLanguage: profile.locale,
      municipality: profile.municipality,
      languages: profile.languages,
      interests: profile.interests,
      workSectors: profile.sectors,
      availability: profile.availability,
      avatar: avatarAddresses(secrets),
    },
    sessions: sessions.map((session) => ({ expiresAt: at(session.expiresAt) })),
    notifications: notifications.map((n) => ({
      kind: n.kind,
      activityId: n.activityId,
      data: JSON.parse(n.data) as Record<string, string | number>,
      createdAt: at(n.createdAt),
      readAt: maybeAt(n.readAt),
    })),
  };
}

async function activitiesPart(userId: string): Promise<MyDataExport["activities"]> {
  const [locale, rsvps, organised, series, attendance, checkIns] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } }),
    db().rsvp.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      include: { activity: { select: { startsAt: true, defaultLocale: true, contents: { select: { locale: true, title: true } } } } },
    }),
    db().activity.findMany({ where: { organiserId: userId }, orderBy: { startsAt: "asc" }, include: { contents: { orderBy: { locale: "asc" } } } }),
    db().activitySeries.findMany({ where: { organiserId: userId }, orderBy: { createdAt: "asc" } }),
    db().attendanceSession.findMany({ where: { userId }, orderBy: { joinedAt: "asc" } }),
    db().checkIn.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    signUps: rsvps.map((r) => ({
      activityId: r.activityId,
      title: pickContent(r.activity.contents, locale.locale, r.activity.defaultLocale)?.title ?? null,
      startsAt: at(r.activity.startsAt),
      status: r.status,
      position: r.position,
      createdAt: at(r.createdAt),
      updatedAt: at(r.updatedAt),
    })),
    organised: organised.map((a) => ({
      id: a.id,
      kind: a.kind,
      status: a.status,
      mode: a.mode,
      startsAt: at(a.startsAt),
      endsAt: at(a.endsAt),
      timeZone: a.timeZone,
      venue: a.venue,
      accessibilityNotes: a.accessibilityNotes,
      joinUrl: a.joinUrl,
      capacity: a.capacity,
      seriesId: a.seriesId,
      groupId: a.groupId,
      createdAt: at(a.createdAt),
      contents: a.contents.map(({ locale: contentLocale, title, summary, description }) => ({ locale: contentLocale, title, summary, description })),
    })),
    series: series.map((s) => ({ id: s.id, timeZone: s.timeZone, intervalWeeks: s.intervalWeeks, startTime: s.startTime, createdAt: at(s.createdAt) })),
    attendance: attendance.map((s) => ({
      activityId: s.activityId,
      joinedAt: at(s.joinedAt),
      lastSeenAt: at(s.lastSeenAt),
      disconnectedAt: maybeAt(s.disconnectedAt),
      leftAt: maybeAt(s.leftAt),
    })),
    // Who checked the person in is the organiser's data.
    checkIns: checkIns.map((c) => ({ activityId: c.activityId, method: c.method, createdAt: at(c.createdAt) })),
  };
}

async function groupsPart(userId: string): Promise<MyDataExport["groups"]> {
  const memberships = await db().groupMember.findMany({
    where: { userId },
    orderBy: { joinedAt: "asc" },
    include: { group: { select: { name: true, slug: true } } },
  });
  return memberships.map((m) => ({ groupId: m.groupId, name: m.group.name, slug: m.group.slug, role: m.role, joinedAt: at(m.joinedAt) }));
}

async function livePart(userId: string): Promise<MyDataExport["live"]> {
  const [messages, questions, votes, mutes] = await Promise.all([
    db().liveMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    db().question.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    // Only which question: its text and (possibly anonymous) author belong to someone else.
    db().questionVote.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, include: { question: { select: { activityId: true } } } }),
    db().liveMute.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    messages: messages.map((m) => ({ id: m.id, activityId: m.activityId, body: m.body, createdAt: at(m.createdAt), hiddenAt: maybeAt(m.hiddenAt) })),
    questions: questions.map((q) => ({
      id: q.id,
      activityId: q.activityId,
      body: q.body,
      anonymous: q.anonymous,
      votes: q.voteCount,
      answeredAt: maybeAt(q.answeredAt),
      pinnedAt: maybeAt(q.pinnedAt),
      hiddenAt: maybeAt(q.hiddenAt),
      createdAt: at(q.createdAt),
    })),
    votes: votes.map((v) => ({ questionId: v.questionId, activityId: v.question.activityId, createdAt: at(v.createdAt) })),
    mutes: mutes.map((m) => ({ activityId: m.activityId, createdAt: at(m.createdAt) })),
  };
}

/** The chat can be read while a match is active and after it ended (see matching/chat.server.ts). */
const CHAT_READABLE = ["active", "ended"];

async function buddiesPart(userId: string): Promise<MyDataExport["buddies"]> {
  const [offers, requests, matches] = await Promise.all([
    db().buddyOffer.findMany({ where: { volunteerId: userId }, orderBy: { createdAt: "asc" } }),
    db().buddyRequest.findMany({ where: { newcomerId: userId }, orderBy: { createdAt: "asc" } }),
    db().buddyMatch.findMany({
      where: { OR: [{ newcomerId: userId }, { volunteerId: userId }] },
      orderBy: { proposedAt: "asc" },
      include: { messages: { orderBy: { createdAt: "asc" } }, checkIns: { where: { userId }, orderBy: { createdAt: "asc" } } },
    }),
  ]);
  const buddyIds = matches.map((m) => (m.newcomerId === userId ? m.volunteerId : m.newcomerId));
  const buddyRows = await db().user.findMany({ where: { id: { in: buddyIds } }, select: { id: true, displayName: true, email: true } });
  const buddiesById = new Map(buddyRows.map((row) => [row.id, row]));
  return {
    offers: offers.map((o) => ({
      id: o.id,
      kind: o.kind,
      helpsWith: list(o.helpsWith),
      sectors: list(o.sectors),
      capacity: o.capacity,
      commitment: o.commitment,
      travelKm: o.travelKm,
      onlineOk: o.onlineOk,
      onlineOnly: o.onlineOnly,
      status: o.status,
      createdAt: at(o.createdAt),
      updatedAt: at(o.updatedAt),
    })),
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      targetLanguage: r.targetLanguage,
      targetLevel: r.targetLevel,
      targetSector: r.targetSector,
      goals: list(r.goals),
      onlineOk: r.onlineOk,
      note: r.note,
      status: r.status,
      createdAt: at(r.createdAt),
      updatedAt: at(r.updatedAt),
    })),
    matches: matches.map((m) => {
      const iAmNewcomer = m.newcomerId === userId;
      const other = buddiesById.get(iAmNewcomer ? m.volunteerId : m.newcomerId);
      return {
        id: m.id,
        role: iAmNewcomer ? ("newcomer" as const) : ("volunteer" as const),
        kind: m.kind,
        status: m.status,
        score: m.score,
        explanation: JSON.parse(m.explanation) as Record<string, unknown>,
        proposedAt: at(m.proposedAt),
        sentAt: maybeAt(m.sentAt),
        expiresAt: maybeAt(m.expiresAt),
        myAnswerAt: maybeAt(iAmNewcomer ? m.newcomerAcceptedAt : m.volunteerAcceptedAt),
        buddyAnswerAt: maybeAt(iAmNewcomer ? m.volunteerAcceptedAt : m.newcomerAcceptedAt),
        activatedAt: maybeAt(m.activatedAt),
        endedAt: maybeAt(m.endedAt),
        endReason: m.endReason,
        endedByMe: m.endedBy === userId,
        declinedByMe: m.declinedBy === userId,
        // Before a proposal is sent the person does not know who it is; contact opens only while active.
        buddy: m.sentAt && other ? { displayName: other.displayName, email: m.status === "active" ? other.email : null } : null,
        messages: m.messages
          .filter((message) => message.senderId === userId || CHAT_READABLE.includes(m.status))
          .map((message) => ({ fromMe: message.senderId === userId, body: message.body, createdAt: at(message.createdAt) })),
        checkIns: m.checkIns.map((c) => ({ stage: c.stage, rating: c.rating, note: c.note, createdAt: at(c.createdAt) })),
      };
    }),
  };
}

/** Blocks and reports the person made; those about them are left out to protect whoever made them. */
async function safetyPart(userId: string): Promise<MyDataExport["safety"]> {
  const [blocks, reports] = await Promise.all([
    db().personBlock.findMany({ where: { blockerId: userId }, orderBy: { createdAt: "asc" } }),
    db().personReport.findMany({ where: { reporterId: userId }, orderBy: { createdAt: "asc" } }),
  ]);
  const names = await displayNames([...blocks.map((b) => b.blockedId), ...reports.map((r) => r.reportedId)]);
  return {
    blocks: blocks.map((b) => ({ person: names.get(b.blockedId) ?? null, createdAt: at(b.createdAt) })),
    reportsMade: reports.map((r) => ({
      person: names.get(r.reportedId) ?? null,
      reason: r.reason,
      createdAt: at(r.createdAt),
      handledAt: maybeAt(r.handledAt),
    })),
  };
}

/** What the person did to other people's records as organiser or admin; the other people stay out. */
async function organiserPart(userId: string): Promise<MyDataExport["asOrganiser"]> {
  const [verified, runs, ended, hidden, mutes, doorCheckIns] = await Promise.all([
    db().user.findMany({
      where: { vogCheckedBy: userId, vogCheckedAt: { not: null } },
      orderBy: { vogCheckedAt: "asc" },
      select: { displayName: true, vogCheckedAt: true },
    }),
    db().matchRun.findMany({ where: { actorId: userId }, orderBy: { createdAt: "asc" } }),
    db().buddyMatch.findMany({ where: { endedBy: userId, newcomerId: { not: userId }, volunteerId: { not: userId } }, orderBy: { endedAt: "asc" } }),
    db().liveMessage.findMany({ where: { hiddenBy: userId }, orderBy: { hiddenAt: "asc" }, select: { id: true, activityId: true, hiddenAt: true } }),
    db().liveMute.findMany({ where: { mutedBy: userId }, orderBy: { createdAt: "asc" } }),
    db().checkIn.findMany({ where: { checkedInBy: userId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    volunteersVerified: verified.map((v) => ({ volunteer: v.displayName, checkedOn: at(v.vogCheckedAt!) })),
    matchingRuns: runs.map((r) => ({
      createdAt: at(r.createdAt),
      municipalityCode: r.municipalityCode,
      autoSend: r.autoSend,
      requests: r.requests,
      offers: r.offers,
      matched: r.matched,
      totalScore: r.totalScore,
      runtimeMs: r.runtimeMs,
    })),
    matchesEnded: ended.map((m) => ({ matchId: m.id, endedAt: maybeAt(m.endedAt), endReason: m.endReason })),
    messagesHidden: hidden.map((m) => ({ messageId: m.id, activityId: m.activityId, hiddenAt: maybeAt(m.hiddenAt) })),
    mutesApplied: mutes.map((m) => ({ activityId: m.activityId, createdAt: at(m.createdAt) })),
    doorCheckIns: doorCheckIns.map((c) => ({ activityId: c.activityId, method: c.method, createdAt: at(c.createdAt) })),
  };
}

/** Questions the person asked with the whole conversation (helpers appear only as "not me"); answers they gave under others' questions by id. */
async function helpdeskPart(userId: string): Promise<MyDataExport["helpdesk"]> {
  const [questions, answers] = await Promise.all([
    db().helpQuestion.findMany({
      where: { askerId: userId },
      orderBy: { createdAt: "asc" },
      include: { themes: true, messages: { orderBy: { createdAt: "asc" } }, referrals: { orderBy: { createdAt: "asc" } } },
    }),
    db().helpMessage.findMany({ where: { authorId: userId, fromAsker: false }, orderBy: { createdAt: "asc" }, select: { questionId: true, createdAt: true } }),
  ]);
  const articles = await db().helpArticle.findMany({ where: { questionId: { in: questions.map((q) => q.id) } }, include: { texts: true } });
  const published = new Map(articles.map((article) => [article.questionId, article.texts]));
  return {
    questions: questions.map((q) => ({
      id: q.id,
      body: q.body,
      language: q.language,
      anonymous: q.anonymous,
      publishConsent: q.publishConsent,
      status: q.status,
      themes: q.themes.map((t) => t.theme).sort(),
      createdAt: at(q.createdAt),
      firstAnsweredAt: maybeAt(q.firstAnsweredAt),
      closedAt: maybeAt(q.closedAt),
      messages: q.messages.map((m) => ({ fromMe: m.fromAsker, body: m.body, createdAt: at(m.createdAt) })),
      referrals: q.referrals.map((r) => ({ kind: r.kind, target: r.target, createdAt: at(r.createdAt) })),
      published: (published.get(q.id) ?? []).map(({ locale, question, answer }) => ({ locale, question, answer })),
    })),
    answersGiven: answers.map((a) => ({ questionId: a.questionId, createdAt: at(a.createdAt) })),
  };
}

/** What a change in a plan's history says, with a supporter named instead of by id. */
function changeDetail(change: { kind: string; detail: string }, names: Map<string, string>) {
  return PERSON_CHANGES.includes(change.kind) ? (names.get(change.detail.split(":")[0]) ?? "") : change.detail;
}

/** The person's own plan whole, and in plans others shared with them only their own changes. */
async function plansPart(userId: string): Promise<MyDataExport["plans"]> {
  const [own, supporting] = await Promise.all([
    db().perspectivePlan.findUnique({
      where: { ownerId: userId },
      include: {
        domains: { orderBy: { domain: "asc" } },
        breakthroughs: { orderBy: { createdAt: "asc" } },
        steps: { orderBy: { createdAt: "asc" } },
        supporters: { include: { user: { select: { displayName: true } } }, orderBy: { createdAt: "asc" } },
        changes: { orderBy: { createdAt: "asc" } },
      },
    }),
    db().planSupporter.findMany({
      where: { userId },
      include: { plan: { select: { owner: { select: { displayName: true } }, changes: { where: { actorId: userId }, orderBy: { createdAt: "asc" } } } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const names = await displayNames([
    ...(own?.changes ?? []).flatMap((c) => (PERSON_CHANGES.includes(c.kind) ? [c.detail.split(":")[0]] : [])),
    ...supporting.flatMap((s) => s.plan.changes.flatMap((c) => (PERSON_CHANGES.includes(c.kind) ? [c.detail.split(":")[0]] : []))),
  ]);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return {
    own: own && {
      perspective: own.perspective,
      createdAt: at(own.createdAt),
      updatedAt: at(own.updatedAt),
      domains: own.domains.map((d) => ({
        domain: d.domain,
        situation: d.situation,
        obstacles: list(d.obstacles),
        obstacleNote: d.obstacleNote,
        goals: d.goals,
        updatedAt: at(d.updatedAt),
      })),
      breakthroughs: own.breakthroughs.map((b) => ({
        text: b.text,
        happenedOn: day(b.happenedOn),
        helpedBy: b.helpedBy,
        domain: b.domain,
        createdAt: at(b.createdAt),
      })),
      steps: own.steps.map((s) => ({
        text: s.text,
        owner: s.owner,
        dueOn: s.dueOn ? day(s.dueOn) : null,
        done: s.doneAt !== null,
        createdAt: at(s.createdAt),
      })),
      supporters: own.supporters.map((s) => ({ displayName: s.user.displayName, canEdit: s.canEdit, since: at(s.createdAt) })),
      history: own.changes.map((c) => ({ kind: c.kind, byMe: c.actorId === userId, detail: changeDetail(c, names), createdAt: at(c.createdAt) })),
    },
    supporting: supporting.map((s) => ({
      ownerName: s.plan.owner.displayName,
      canEdit: s.canEdit,
      since: at(s.createdAt),
      myChanges: s.plan.changes.map((c) => ({ kind: c.kind, detail: changeDetail(c, names), createdAt: at(c.createdAt) })),
    })),
  };
}
