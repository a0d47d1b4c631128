/**
 * The online helpdesk (issue 13, decision 041): a person asks, the helpdesk triages, labels,
 * answers and refers; the asker reads the answers, replies, and may agree to publication.
 * Every function takes the id of the person acting and asks the policy module.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "~/lib/db.server";
import { hit, RULES } from "~/lib/rate-limit.server";
import { HELP_LANGUAGES, HELP_THEMES, QUESTION_MAX, REFERRAL_ORGANISATIONS, REPLY_MAX, stemsFor, suggestThemes, type HelpLanguage } from "~/lib/reference/help";
import { SECTORS } from "~/lib/reference/sectors";
import { checkbox, parseInput, plainText } from "~/lib/validation.server";
import { pickContent } from "../activities/content";
import { createRequest } from "../matching/offers.server";
import { deliver, recordNotifications } from "../notifications/notifications.server";
import { NotFound, ValidationFailed } from "../errors";
import { allow, loadActor, requireActor } from "../policy/guards.server";
import { holdersOfHelpdeskRight, policy } from "../policy/rules";

const Language = z.enum(HELP_LANGUAGES);
const AskInput = z.object({ body: plainText(QUESTION_MAX), language: Language, anonymous: checkbox, publishConsent: checkbox });
const ReplyInput = z.object({ body: plainText(REPLY_MAX) });
const ThemesInput = z.object({ themes: z.array(z.enum(HELP_THEMES)).max(HELP_THEMES.length) });
const BUDDY_TARGETS = ["language", ...SECTORS.map((sector) => `job:${sector}`)] as const;
const ReferInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("activity"), target: z.string().min(1).max(64) }),
  z.object({ kind: z.literal("group"), target: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("buddy"), target: z.enum(BUDDY_TARGETS) }),
  z.object({ kind: z.literal("organisation"), target: z.enum(REFERRAL_ORGANISATIONS.map((o) => o.key) as [string, ...string[]]) }),
]);
const PublishInput = z.object({
  locales: z.array(Language).min(1).max(HELP_LANGUAGES.length),
  questions: z.array(plainText(QUESTION_MAX)),
  answers: z.array(plainText(REPLY_MAX)),
});

const facts = { id: true, askerId: true, anonymous: true, publishConsent: true, status: true } as const;

async function questionFacts(questionId: string) {
  const question = await db().helpQuestion.findUnique({ where: { id: questionId }, select: facts });
  if (!question) throw NotFound("help.errors.notFound");
  return question;
}

/** A question the actor may read; others' questions are "not found" rather than "not allowed", so ids say nothing. */
async function readable(actorId: string, questionId: string) {
  const [actor, question] = await Promise.all([loadActor(actorId), questionFacts(questionId)]);
  if (!policy.canReadHelpQuestion(actor, question)) throw NotFound("help.errors.notFound");
  return { actor: actor!, question };
}

async function triagable(actorId: string, questionId: string) {
  const actor = await requireActor(actorId, policy.canTriageHelp, "help.errors.notHelpdesk");
  return { actor, question: await questionFacts(questionId) };
}

export async function askQuestion(actorId: string, raw: unknown) {
  const actor = await requireActor(actorId, policy.canAskHelp);
  const input = parseInput(AskInput, raw);
  await hit(RULES.helpQuestionsPerPerson, actor.id, "help.errors.tooMany");
  const asker = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { municipalityCode: true } });
  const id = randomUUID();
  await db().helpQuestion.create({ data: { id, askerId: actor.id, ...input, municipalityCode: asker.municipalityCode } });
  return { id };
}

export async function myQuestions(actorId: string) {
  const rows = await db().helpQuestion.findMany({
    where: { askerId: actorId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, body: true, status: true, language: true, createdAt: true, firstAnsweredAt: true, _count: { select: { messages: true } } },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), firstAnsweredAt: row.firstAnsweredAt?.toISOString() ?? null }));
}

/** One question with its conversation, as the actor may see it: the asker's name only where the policy allows. */
export async function questionView(actorId: string, questionId: string) {
  const { actor } = await readable(actorId, questionId);
  const row = await db().helpQuestion.findUniqueOrThrow({
    where: { id: questionId },
    include: {
      asker: { select: { displayName: true } },
      themes: { select: { theme: true } },
      messages: { orderBy: { createdAt: "asc" } },
      referrals: { orderBy: { createdAt: "asc" } },
    },
  });
  const article = await db().helpArticle.findUnique({ where: { questionId }, include: { texts: true } });
  const triager = policy.canTriageHelp(actor);
  const helperIds = [...new Set(row.messages.filter((m) => !m.fromAsker).map((m) => m.authorId))];
  const helpers = triager ? await db().user.findMany({ where: { id: { in: helperIds } }, select: { id: true, displayName: true } }) : [];
  const helperName = new Map(helpers.map((helper) => [helper.id, helper.displayName]));
  const assignee = row.assigneeId && triager ? await db().user.findUnique({ where: { id: row.assigneeId }, select: { displayName: true } }) : null;
  return {
    id: row.id,
    body: row.body,
    language: row.language,
    status: row.status,
    anonymous: row.anonymous,
    publishConsent: row.publishConsent,
    createdAt: row.createdAt.toISOString(),
    isAsker: row.askerId === actor.id,
    askerName: policy.canSeeAskerName(actor, row) ? row.asker.displayName : null,
    assignee: assignee?.displayName ?? null,
    assignedToMe: row.assigneeId === actor.id,
    themes: row.themes.map((theme) => theme.theme),
    messages: row.messages.map((m) => ({
      id: m.id,
      fromAsker: m.fromAsker,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      // Helpers' names are for the helpdesk; the asker hears from "the helpdesk".
      author: m.fromAsker ? null : (helperName.get(m.authorId) ?? null),
    })),
    referrals: row.referrals.map((r) => ({ id: r.id, kind: r.kind, target: r.target, createdAt: r.createdAt.toISOString(), buddyRequestId: r.buddyRequestId })),
    article: article ? { id: article.id, texts: article.texts.map(({ locale, question, answer }) => ({ locale, question, answer })) } : null,
  };
}

export async function replyAsAsker(actorId: string, questionId: string, raw: unknown) {
  const { question } = await readable(actorId, questionId);
  allow(policy.canReplyAsAsker({ id: actorId }, question));
  const { body } = parseInput(ReplyInput, raw);
  await hit(RULES.helpRepliesPerPerson, actorId, "help.errors.tooMany");
  await db().$transaction(async (tx) => {
    await tx.helpMessage.create({ data: { id: randomUUID(), questionId, authorId: actorId, fromAsker: true, body } });
    // A reply puts the question back in the queue.
    await tx.helpQuestion.update({ where: { id: questionId }, data: { status: "open", closedAt: null } });
  });
}

/** Withdrawing consent takes a published pair down at once. */
export async function setPublishConsent(actorId: string, questionId: string, consent: boolean) {
  const { question } = await readable(actorId, questionId);
  allow(policy.canReplyAsAsker({ id: actorId }, question));
  await db().$transaction(async (tx) => {
    await tx.helpQuestion.update({ where: { id: questionId }, data: { publishConsent: consent } });
    if (!consent) await tx.helpArticle.deleteMany({ where: { questionId } });
  });
}

/** The asker's one click on a buddy referral: their own buddy request, made from what the helpdesk suggested. */
export async function acceptBuddyReferral(actorId: string, questionId: string, referralId: string) {
  const { question } = await readable(actorId, questionId);
  allow(policy.canReplyAsAsker({ id: actorId }, question));
  const referral = await db().helpReferral.findFirst({ where: { id: referralId, questionId, kind: "buddy" } });
  if (!referral) throw NotFound("help.errors.notFound");
  if (referral.buddyRequestId) return { id: referral.buddyRequestId };
  const level = await db().userLanguage.findUnique({ where: { userId_language: { userId: actorId, language: "nl" } }, select: { level: true } });
  const request =
    referral.target === "language"
      ? { kind: "language", targetLanguage: "nl", targetLevel: level?.level ?? "A1", goals: [], note: "" }
      : { kind: "job", targetSector: referral.target.slice("job:".length), goals: [], note: "" };
  const { id } = await createRequest(actorId, { ...request, onlineOk: "on" });
  await db().helpReferral.update({ where: { id: referralId }, data: { buddyRequestId: id } });
  return { id };
}

// Triage

const QueueFilter = z.object({
  status: z.enum(["open", "answered", "closed", "all"]).catch("open"),
  language: z.enum([...HELP_LANGUAGES, "all"]).catch("all"),
  mine: z.boolean().catch(false),
});

/** The queue, oldest first: the longest wait is answered first. */
export async function triageQueue(actorId: string, raw: unknown) {
  const actor = await requireActor(actorId, policy.canTriageHelp, "help.errors.notHelpdesk");
  const filter = QueueFilter.parse(raw ?? {});
  const rows = await db().helpQuestion.findMany({
    where: {
      ...(filter.status === "all" ? {} : { status: filter.status }),
      ...(filter.language === "all" ? {} : { language: filter.language }),
      ...(filter.mine ? { assigneeId: actor.id } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: 200,
    include: { asker: { select: { displayName: true } }, themes: { select: { theme: true } } },
  });
  return {
    filter,
    questions: rows.map((row) => ({
      id: row.id,
      body: row.body.slice(0, 200),
      language: row.language,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      askerName: policy.canSeeAskerName(actor, row) ? row.asker.displayName : null,
      assignedToMe: row.assigneeId === actor.id,
      assigned: row.assigneeId !== null,
      themes: row.themes.map((theme) => theme.theme),
    })),
  };
}

/** The keyword model's suggestions for a question, with the stems that made them; never applied by themselves. */
export async function suggestionsFor(actorId: string, questionId: string) {
  await triagable(actorId, questionId);
  const question = await db().helpQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { body: true, language: true } });
  const language = question.language as HelpLanguage;
  return suggestThemes(question.body, language, await stemsInForce(language));
}

export async function stemsInForce(language: HelpLanguage) {
  return stemsFor(language, await db().helpThemeStems.findMany({ where: { locale: language } }));
}

export async function assign(actorId: string, questionId: string, toMe: boolean) {
  const { actor } = await triagable(actorId, questionId);
  await db().helpQuestion.update({ where: { id: questionId }, data: { assigneeId: toMe ? actor.id : null } });
}

export async function setThemes(actorId: string, questionId: string, raw: unknown) {
  await triagable(actorId, questionId);
  const { themes } = parseInput(ThemesInput, raw);
  await db().$transaction([
    db().helpQuestionTheme.deleteMany({ where: { questionId } }),
    db().helpQuestionTheme.createMany({ data: [...new Set(themes)].map((theme) => ({ questionId, theme })) }),
  ]);
}

/** An answer: kept in the conversation, the question marked answered, and the asker told (notice and mail, one transaction). */
export async function answer(actorId: string, questionId: string, raw: unknown) {
  const { actor, question } = await triagable(actorId, questionId);
  const { body } = parseInput(ReplyInput, raw);
  await hit(RULES.helpAnswersPerPerson, actor.id, "help.errors.tooMany");
  const notices = await db().$transaction(async (tx) => {
    const now = new Date();
    await tx.helpMessage.create({ data: { id: randomUUID(), questionId, authorId: actor.id, fromAsker: false, body, createdAt: now } });
    const current = await tx.helpQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { firstAnsweredAt: true, assigneeId: true } });
    await tx.helpQuestion.update({
      where: { id: questionId },
      data: { status: "answered", firstAnsweredAt: current.firstAnsweredAt ?? now, assigneeId: current.assigneeId ?? actor.id },
    });
    return recordNotifications(tx, [{ userId: question.askerId, kind: "help-answered", data: { questionId } }]);
  });
  deliver(notices);
}

export async function refer(actorId: string, questionId: string, raw: unknown) {
  const { actor, question } = await triagable(actorId, questionId);
  const input = parseInput(ReferInput, raw);
  if (input.kind === "activity") {
    const activity = await db().activity.findFirst({ where: { id: input.target, status: "published" }, select: { id: true } });
    if (!activity) throw ValidationFailed({ target: { key: "help.errors.unknownActivity" } });
  }
  if (input.kind === "group") {
    const group = await db().group.findUnique({ where: { slug: input.target }, select: { id: true } });
    if (!group) throw ValidationFailed({ target: { key: "help.errors.unknownGroup" } });
  }
  const notices = await db().$transaction(async (tx) => {
    await tx.helpReferral.create({ data: { id: randomUUID(), questionId, kind: input.kind, target: input.target, createdById: actor.id } });
    return recordNotifications(tx, [{ userId: question.askerId, kind: "help-referred", data: { questionId } }]);
  });
  deliver(notices);
}

export async function setClosed(actorId: string, questionId: string, closed: boolean) {
  const { actor, question } = await readable(actorId, questionId);
  // The asker may close their own question; reopening and closing others' is triage.
  allow(policy.canTriageHelp(actor) || (closed && policy.canReplyAsAsker(actor, question)), "help.errors.notHelpdesk");
  const answered = await db().helpMessage.count({ where: { questionId, fromAsker: false } });
  await db().helpQuestion.update({
    where: { id: questionId },
    data: closed ? { status: "closed", closedAt: new Date() } : { status: answered > 0 ? "answered" : "open", closedAt: null },
  });
}

/** The published pair, per language the triager wrote; only with the asker's consent and once answered. */
export async function publish(actorId: string, questionId: string, raw: unknown) {
  const { actor, question } = await triagable(actorId, questionId);
  allow(policy.canPublishHelpAnswer(actor, question), "help.errors.noConsent");
  const { firstAnsweredAt } = await db().helpQuestion.findUniqueOrThrow({ where: { id: questionId }, select: { firstAnsweredAt: true } });
  if (!firstAnsweredAt) throw ValidationFailed({ form: { key: "help.errors.notAnswered" } }, "help.errors.notAnswered");
  const input = parseInput(PublishInput, raw);
  const texts = input.locales.map((locale, index) => ({ locale, question: input.questions[index], answer: input.answers[index] }));
  const missing = texts.findIndex((text) => !text.question || !text.answer);
  if (missing >= 0 || input.questions.length !== input.locales.length || input.answers.length !== input.locales.length) {
    throw ValidationFailed({ [`texts.${Math.max(0, missing)}`]: { key: "validation.required" } });
  }
  await db().$transaction(async (tx) => {
    await tx.helpArticle.deleteMany({ where: { questionId } });
    await tx.helpArticle.create({
      data: { id: randomUUID(), questionId, publishedById: actor.id, texts: { create: [...new Map(texts.map((text) => [text.locale, text])).values()] } },
    });
  });
}

export async function unpublish(actorId: string, questionId: string) {
  await triagable(actorId, questionId);
  await db().helpArticle.deleteMany({ where: { questionId } });
}

// Helpdesk volunteers

const GrantInput = z.object({ email: z.string().trim().toLowerCase().min(3).max(254), grant: z.enum(["grant", "revoke"]) });

export async function helpdeskVolunteers(actorId: string) {
  await requireActor(actorId, policy.canGrantHelpdeskVolunteer);
  return db().user.findMany({
    where: holdersOfHelpdeskRight(),
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true, email: true },
    take: 200,
  });
}

export async function setHelpdeskVolunteer(actorId: string, raw: unknown) {
  await requireActor(actorId, policy.canGrantHelpdeskVolunteer);
  const input = parseInput(GrantInput, raw);
  const updated = await db().user.updateMany({ where: { email: input.email }, data: { isHelpdeskVolunteer: input.grant === "grant" } });
  if (updated.count === 0) throw ValidationFailed({ email: { key: "help.errors.unknownPerson" } });
}

/** What a triager can refer to: upcoming published activities and groups, by name in the reader's language. */
export async function referralOptions(actorId: string, locale: string) {
  await requireActor(actorId, policy.canTriageHelp, "help.errors.notHelpdesk");
  const [activities, groups] = await Promise.all([
    db().activity.findMany({
      where: { status: "published", startsAt: { gt: new Date() } },
      orderBy: { startsAt: "asc" },
      take: 50,
      select: { id: true, startsAt: true, defaultLocale: true, contents: { select: { locale: true, title: true } } },
    }),
    db().group.findMany({ orderBy: { name: "asc" }, take: 100, select: { slug: true, name: true } }),
  ]);
  return {
    activities: activities.map((a) => ({
      id: a.id,
      startsAt: a.startsAt.toISOString(),
      title: pickContent(a.contents, locale, a.defaultLocale)?.title ?? a.id,
    })),
    groups,
  };
}
