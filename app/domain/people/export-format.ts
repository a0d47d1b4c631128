/**
 * The shape of "Download my data" (GDPR art. 15 and 20), described field by field in
 * docs/export-format.md. Objects are strict, so a field added to the export without being added
 * here (and so to the document, which a test compares with this schema) fails the tests.
 * Change `EXPORT_FORMAT_VERSION` when a field changes meaning or disappears.
 */
import { z } from "zod";

export const EXPORT_FORMAT_VERSION = 1;

const record = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();
const instant = z.string().datetime();
const optionalInstant = instant.nullable();
const id = z.string().min(1);
const text = z.string();
const count = z.number().int();

const account = record({
  id,
  email: text,
  createdAt: instant,
  updatedAt: instant,
  roles: record({ newcomer: z.boolean(), volunteer: z.boolean(), organiser: z.boolean(), admin: z.boolean(), helpdeskVolunteer: z.boolean() }),
  volunteerCheckedOn: optionalInstant,
  calendarFeed: z.boolean(),
});

const profile = record({
  displayName: text,
  preferredLanguage: text,
  municipality: record({ code: text, name: text }).nullable(),
  languages: z.array(record({ language: text, level: text })),
  interests: z.array(text),
  workSectors: z.array(text),
  availability: z.array(text),
  avatar: z.array(text),
});

const activities = record({
  signUps: z.array(
    record({ activityId: id, title: text.nullable(), startsAt: instant, status: text, position: count, createdAt: instant, updatedAt: instant }),
  ),
  organised: z.array(
    record({
      id,
      kind: text,
      status: text,
      mode: text,
      startsAt: instant,
      endsAt: instant,
      timeZone: text,
      venue: text.nullable(),
      accessibilityNotes: text.nullable(),
      joinUrl: text.nullable(),
      capacity: count.nullable(),
      seriesId: id.nullable(),
      groupId: id.nullable(),
      createdAt: instant,
      contents: z.array(record({ locale: text, title: text, summary: text, description: text })),
    }),
  ),
  series: z.array(record({ id, timeZone: text, intervalWeeks: count, startTime: text, createdAt: instant })),
  attendance: z.array(record({ activityId: id, joinedAt: instant, lastSeenAt: instant, disconnectedAt: optionalInstant, leftAt: optionalInstant })),
  checkIns: z.array(record({ activityId: id, method: text, createdAt: instant })),
});

const live = record({
  messages: z.array(record({ id, activityId: id, body: text, createdAt: instant, hiddenAt: optionalInstant })),
  questions: z.array(
    record({
      id,
      activityId: id,
      body: text,
      anonymous: z.boolean(),
      votes: count,
      answeredAt: optionalInstant,
      pinnedAt: optionalInstant,
      hiddenAt: optionalInstant,
      createdAt: instant,
    }),
  ),
  votes: z.array(record({ questionId: id, activityId: id, createdAt: instant })),
  mutes: z.array(record({ activityId: id, createdAt: instant })),
});

const buddies = record({
  offers: z.array(
    record({
      id,
      kind: text,
      helpsWith: z.array(text),
      sectors: z.array(text),
      capacity: count,
      commitment: text,
      travelKm: count,
      onlineOk: z.boolean(),
      onlineOnly: z.boolean(),
      status: text,
      createdAt: instant,
      updatedAt: instant,
    }),
  ),
  requests: z.array(
    record({
      id,
      kind: text,
      targetLanguage: text.nullable(),
      targetLevel: text.nullable(),
      targetSector: text.nullable(),
      goals: z.array(text),
      onlineOk: z.boolean(),
      note: text,
      status: text,
      createdAt: instant,
      updatedAt: instant,
    }),
  ),
  matches: z.array(
    record({
      id,
      role: z.enum(["newcomer", "volunteer"]),
      kind: text,
      status: text,
      score: count,
      explanation: z.record(z.unknown()),
      proposedAt: instant,
      sentAt: optionalInstant,
      expiresAt: optionalInstant,
      myAnswerAt: optionalInstant,
      buddyAnswerAt: optionalInstant,
      activatedAt: optionalInstant,
      endedAt: optionalInstant,
      endReason: text.nullable(),
      endedByMe: z.boolean(),
      declinedByMe: z.boolean(),
      buddy: record({ displayName: text, email: text.nullable() }).nullable(),
      messages: z.array(record({ fromMe: z.boolean(), body: text, createdAt: instant })),
      checkIns: z.array(record({ stage: text, rating: count, note: text, createdAt: instant })),
    }),
  ),
});

const safety = record({
  blocks: z.array(record({ person: text.nullable(), createdAt: instant })),
  reportsMade: z.array(record({ person: text.nullable(), reason: text, createdAt: instant, handledAt: optionalInstant })),
});

const asOrganiser = record({
  volunteersVerified: z.array(record({ volunteer: text, checkedOn: instant })),
  matchingRuns: z.array(
    record({
      createdAt: instant,
      municipalityCode: text.nullable(),
      autoSend: z.boolean(),
      requests: count,
      offers: count,
      matched: count,
      totalScore: count,
      runtimeMs: count,
    }),
  ),
  matchesEnded: z.array(record({ matchId: id, endedAt: optionalInstant, endReason: text.nullable() })),
  messagesHidden: z.array(record({ messageId: id, activityId: id, hiddenAt: optionalInstant })),
  mutesApplied: z.array(record({ activityId: id, createdAt: instant })),
  doorCheckIns: z.array(record({ activityId: id, method: text, createdAt: instant })),
});

const helpdesk = record({
  questions: z.array(
    record({
      id,
      body: text,
      language: text,
      anonymous: z.boolean(),
      publishConsent: z.boolean(),
      status: text,
      themes: z.array(text),
      createdAt: instant,
      firstAnsweredAt: optionalInstant,
      closedAt: optionalInstant,
      messages: z.array(record({ fromMe: z.boolean(), body: text, createdAt: instant })),
      referrals: z.array(record({ kind: text, target: text, createdAt: instant })),
      published: z.array(record({ locale: text, question: text, answer: text })),
    }),
  ),
  answersGiven: z.array(record({ questionId: id, createdAt: instant })),
});

/** The person's own perspective plan (decisions/042), and the plans others shared with them. */
const plans = record({
  own: record({
    perspective: text,
    createdAt: instant,
    updatedAt: instant,
    domains: z.array(record({ domain: text, situation: text, obstacles: z.array(text), obstacleNote: text, goals: text, updatedAt: instant })),
    breakthroughs: z.array(record({ text, happenedOn: text, helpedBy: text, domain: text.nullable(), createdAt: instant })),
    steps: z.array(record({ text, owner: text, dueOn: text.nullable(), done: z.boolean(), createdAt: instant })),
    supporters: z.array(record({ displayName: text, canEdit: z.boolean(), since: instant })),
    history: z.array(record({ kind: text, byMe: z.boolean(), detail: text, createdAt: instant })),
  }).nullable(),
  supporting: z.array(
    record({ ownerName: text, canEdit: z.boolean(), since: instant, myChanges: z.array(record({ kind: text, detail: text, createdAt: instant })) }),
  ),
});

export const MyDataExport = record({
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: instant,
  account,
  profile,
  sessions: z.array(record({ expiresAt: instant })),
  notifications: z.array(
    record({ kind: text, activityId: id.nullable(), data: z.record(z.union([z.string(), z.number()])), createdAt: instant, readAt: optionalInstant }),
  ),
  mailChoices: record({
    choices: z.array(record({ choice: text, enabled: z.boolean(), chosenAt: optionalInstant })),
    weeklyDigestsSent: z.array(record({ week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), activities: z.number().int().min(0) })),
  }),
  activities,
  groups: z.array(record({ groupId: id, name: text, slug: text, role: text, joinedAt: instant })),
  live,
  buddies,
  safety,
  asOrganiser,
  helpdesk,
  plans,
});
export type MyDataExport = z.infer<typeof MyDataExport>;
