/**
 * The authorisation matrix, generated from the policy: every route (loader and action, per
 * intent) and every Socket.IO event is tried as every kind of person, and the answer must be what
 * the named rule in app/domain/policy/rules.ts says for that person. A route or event without a
 * row fails the test, so a new entry point cannot ship without deciding who may use it.
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { checkInCode } from "~/domain/attendance/checkin.server";
import { loadActor } from "~/domain/policy/guards.server";
import { policy, type Actor } from "~/domain/policy/rules";
import { db } from "~/lib/db.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { seal } from "~/lib/sealed.server";
import { unsubscribeToken } from "~/lib/mail/unsubscribe-token.server";
import { registeredEvents } from "../../server/realtime/ack";
import { activityForm, localDate, makePerson, publishedActivity } from "../support/factories";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";
import { socketFor, socketWithCookie } from "../support/sockets";

const target = useServer();

const ROLES = ["anonymous", "newcomer", "volunteer", "otherOrganiser", "organiser", "admin", "otherPair"] as const;
type Role = (typeof ROLES)[number];
type Ids = Record<Exclude<Role, "anonymous">, string>;

/** The world every row is tried in: one organiser's group and activities, one buddy pair, and everyone else. */
type World = {
  ids: Ids;
  actors: Record<Role, Actor | null>;
  groupSlug: string;
  groupId: string;
  upcoming: string;
  live: string;
  draft: string;
  offerId: string;
  requestId: string;
  calendarToken: string;
  /** A fresh match between the pair, made by the organiser's matching run, for rows that use one up. */
  match: (status?: "active" | "proposed" | "ended") => Promise<string>;
  question: () => Promise<string>;
  message: () => Promise<string>;
  /** A fresh helpdesk question of the newcomer's; `answered` gives it an answer and consent to publish. */
  helpQuestion: (answered?: boolean) => Promise<string>;
  /** The newcomer's perspective plan, shared with the volunteer to read. */
  planId: string;
};

type Request = { method: "GET" | "POST"; path: string; body?: Record<string, string> };
type Row = {
  /** The route id (`routes/…`) or socket event the row covers. */
  covers: string;
  what: string;
  /** The rule, for one person: what the policy module says. */
  rule: (actor: Actor | null, world: World, role: Role) => boolean;
  request: (world: World, role: Role) => Promise<Request> | Request;
};
type SocketRow = Omit<Row, "request"> & { payload: (world: World, role: Role) => Promise<unknown> | unknown };

const everyone = () => true;
const newcomersHelpQuestion = (world: World, consent = false) => ({ askerId: world.ids.newcomer, anonymous: false, publishConsent: consent });
const signedIn = (actor: Actor | null) => actor !== null;
const activityOf = (world: World) => ({ organiserId: world.ids.organiser });
const goingRoles: Role[] = ["newcomer", "volunteer"];
const rsvpOf = (role: Role) => (goingRoles.includes(role) ? { status: "going" } : null);
/** The plan as the rules see it for one person: only the volunteer was chosen (to read). */
const planOf = (world: World, actor: Actor | null) => ({
  ownerId: world.ids.newcomer,
  supporter: actor?.id === world.ids.volunteer ? { canEdit: false } : null,
});
const pair = (world: World) => ({ newcomerId: world.ids.newcomer, volunteerId: world.ids.volunteer, status: "active", coordinatorId: world.ids.organiser });
const get = (path: string) => (): Request => ({ method: "GET", path });
type Fields = Record<string, string>;
const post =
  (path: string | ((world: World) => string), body: Fields | ((world: World) => Fields) = {}) =>
  (world: World): Request => ({
    method: "POST",
    path: typeof path === "string" ? path : path(world),
    body: typeof body === "function" ? body(world) : body,
  });

const form = (fields: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => !Array.isArray(v))
      .map(([k, v]) => [k, String(v)]),
  );
const newActivity = (world: World, groupId?: string) => ({
  ...form(activityForm()),
  spokenLanguages: "nl",
  themes: "social-bridges",
  contentLocales: "nl",
  titles: "Koffie",
  summaries: "Samen",
  descriptions: "",
  intent: "publish",
  ...(groupId ? { groupId } : {}),
});

/** A mail in the outbox, in the state a row needs. */
async function outboxMail(status: "kept" | "failed") {
  const id = (await db().$transaction((tx) =>
    enqueueMail(tx, { kind: "password-reset", userId: null, to: "someone@example.nl", locale: "en", subject: "Hi", html: "<p>Hi</p>", text: "Hi" }),
  ))!; // an essential kind is always written
  await db().outboxMail.update({ where: { id }, data: { status } });
  return id;
}

/** The group's organisers (and admins) manage its channels; the matrix group is the organiser's. */
const groupChannels = (a: Actor | null, _w: World, r: Role) => policy.canManageGroupChannels(a, { actorRole: r === "organiser" ? "organiser" : null });
const groupCover = (a: Actor | null, _w: World, r: Role) => policy.canManageGroupCover(a, { actorRole: r === "organiser" ? "organiser" : null });

/** A webhook of the matrix group, straight into the database, for rows that use one up. */
async function groupChannel(world: World) {
  const id = randomUUID();
  await db().groupChannel.create({
    data: {
      id,
      groupId: world.groupId,
      kind: "webhook",
      target: "https://93.184.216.34/matrix",
      label: "93.184.216.34",
      sealedSecret: await seal("whsec_matrix", id),
    },
  });
  return id;
}

async function failedDelivery(channelId: string) {
  const id = randomUUID();
  await db().channelDelivery.create({ data: { id, channelId, event: "channel.test", payload: "{}", status: "failed", attempts: 8 } });
  return id;
}

const ROWS: Row[] = [
  // Public pages and feeds
  { covers: "root", what: "layout", rule: everyone, request: get("/") },
  { covers: "routes/_index", what: "home", rule: everyone, request: get("/") },
  { covers: "routes/$", what: "unknown page (404 for all)", rule: () => false, request: get("/no-such-page") },
  { covers: "routes/bench.static-cards", what: "benchmark page (404 unless MEEDOEN_BENCHMARK=1)", rule: () => false, request: get("/bench/static-cards") },
  { covers: "routes/activities._index", what: "activity list", rule: everyone, request: get("/activities") },
  { covers: "routes/activities._index", what: "activity search nearby", rule: everyone, request: get("/activities?q=koffie&place=GM0363&km=25") },
  { covers: "routes/activities.suggest", what: "search suggestions", rule: everyone, request: get("/activities/suggest?q=koffie") },
  { covers: "routes/groups.suggest", what: "group search suggestions", rule: everyone, request: get("/groups/suggest?q=koor") },
  { covers: "routes/activities.$id", what: "activity page", rule: everyone, request: (w) => get(`/activities/${w.upcoming}`)() },
  {
    covers: "routes/activities.$id",
    what: "draft page",
    rule: (a, w) => policy.canSeeDraft(a, activityOf(w)),
    request: (w) => get(`/activities/${w.draft}`)(),
  },
  {
    covers: "routes/activities.$id",
    what: "sign up (action)",
    rule: signedIn,
    request: async (w) => post(`/activities/${await publishedActivity(w.ids.otherOrganiser)}`, { intent: "rsvp" })(w),
  },
  {
    covers: "routes/activities.$id_.calendar[.ics]",
    what: "activity calendar file",
    rule: everyone,
    request: (w) => get(`/activities/${w.upcoming}/calendar.ics`)(),
  },
  {
    covers: "routes/activities.$id_.calendar[.ics]",
    what: "draft calendar file",
    rule: () => false,
    request: (w) => get(`/activities/${w.draft}/calendar.ics`)(),
  },
  {
    covers: "routes/activities.$id_.preview[.png]",
    what: "activity preview image",
    rule: everyone,
    request: (w) => get(`/activities/${w.upcoming}/preview.png`)(),
  },
  {
    covers: "routes/activities.$id_.preview[.png]",
    what: "draft preview image (none, even for its organiser)",
    rule: () => false,
    request: (w) => get(`/activities/${w.draft}/preview.png`)(),
  },
  { covers: "routes/api.activities._index", what: "public API list", rule: everyone, request: get("/api/activities") },
  { covers: "routes/api.activities.$id", what: "public API item", rule: everyone, request: (w) => get(`/api/activities/${w.upcoming}`)() },
  {
    covers: "routes/calendar.$token.meedoen[.ics]",
    what: "personal feed by its secret",
    rule: everyone,
    request: (w) => get(`/calendar/${w.calendarToken}/meedoen.ics`)(),
  },
  { covers: "routes/groups._index", what: "group list", rule: everyone, request: get("/groups") },
  { covers: "routes/groups.$slug", what: "group page", rule: everyone, request: (w) => get(`/groups/${w.groupSlug}`)() },
  { covers: "routes/groups.$slug", what: "join group", rule: signedIn, request: post((w) => `/groups/${w.groupSlug}`, { intent: "join" }) },
  { covers: "routes/groups.$slug_.calendar[.ics]", what: "group feed", rule: everyone, request: (w) => get(`/groups/${w.groupSlug}/calendar.ics`)() },
  { covers: "routes/groups.$slug_.feed[.atom]", what: "group Atom feed", rule: everyone, request: (w) => get(`/groups/${w.groupSlug}/feed.atom`)() },
  { covers: "routes/groups.$slug_.preview[.png]", what: "group preview image", rule: everyone, request: (w) => get(`/groups/${w.groupSlug}/preview.png`)() },
  { covers: "routes/feeds.activities[.atom]", what: "Atom feed of activities", rule: everyone, request: get("/feeds/activities.atom?lang=uk") },
  { covers: "routes/login", what: "sign-in page", rule: everyone, request: get("/login") },
  // The token is the key, not the session (policy.canUseUnsubscribeLink): anyone holding a link may use it.
  {
    covers: "routes/mail.unsubscribe",
    what: "unsubscribe page (signed link of the newcomer)",
    rule: everyone,
    request: async (w) => get(`/mail/unsubscribe?token=${encodeURIComponent(await unsubscribeToken(w.ids.newcomer, "organiser"))}`)(),
  },
  {
    covers: "routes/mail.unsubscribe",
    what: "one-click unsubscribe (forged link: 400 once allowed)",
    rule: everyone,
    request: post("/mail/unsubscribe?token=forged", { "List-Unsubscribe": "One-Click" }),
  },
  { covers: "routes/forgot-password", what: "forgot password page", rule: everyone, request: get("/forgot-password") },
  { covers: "routes/forgot-password", what: "ask for a reset link", rule: everyone, request: post("/forgot-password", { email: "nobody-at-all@example.nl" }) },
  { covers: "routes/reset-password", what: "reset page (unknown link)", rule: everyone, request: get("/reset-password?token=unknown") },
  {
    covers: "routes/reset-password",
    what: "reset (unknown link: 409 once allowed)",
    rule: everyone,
    request: post("/reset-password?token=unknown", { token: "unknown", newPassword: "long enough password", confirmPassword: "long enough password" }),
  },
  {
    covers: "routes/login",
    what: "sign in with a wrong password (401; signed-in people are sent home)",
    rule: signedIn,
    request: post("/login", { email: "nobody@example.nl", password: "wrong-password" }),
  },
  { covers: "routes/register", what: "registration page", rule: everyone, request: get("/register") },
  {
    covers: "routes/register",
    what: "register",
    rule: everyone,
    request: () =>
      post("/register", { email: `r-${randomUUID()}@example.nl`, password: "lang-genoeg-wachtwoord-9", displayName: "Nieuw", locale: "nl", isNewcomer: "on" })(
        {} as World,
      ),
  },
  { covers: "routes/language", what: "language page", rule: everyone, request: get("/language") },
  { covers: "routes/language", what: "choose language", rule: everyone, request: post("/language", { locale: "nl", returnTo: "/" }) },
  { covers: "routes/logout", what: "sign-out page", rule: everyone, request: get("/logout") },

  // One's own account
  { covers: "routes/verify-email", what: "confirm an address (unknown link)", rule: everyone, request: get("/verify-email?token=unknown") },
  { covers: "routes/verify-email", what: "address confirmation status", rule: signedIn, request: get("/verify-email") },
  { covers: "routes/verify-email", what: "send the confirmation link again", rule: signedIn, request: post("/verify-email", {}) },
  { covers: "routes/account._index", what: "account page", rule: signedIn, request: get("/account") },
  {
    covers: "routes/account._index",
    what: "change password (wrong current: 400 once allowed)",
    rule: signedIn,
    request: post("/account", { currentPassword: "x", newPassword: "een-nieuw-wachtwoord-10", confirmPassword: "een-nieuw-wachtwoord-10" }),
  },
  { covers: "routes/account._index", what: "save mail choices", rule: signedIn, request: post("/account", { intent: "mail", reminders: "on" }) },
  { covers: "routes/account.delete", what: "deletion page", rule: signedIn, request: get("/account/delete") },
  {
    covers: "routes/account.delete",
    what: "delete account (wrong password: 400 once allowed)",
    rule: signedIn,
    request: post("/account/delete", { password: "x", confirm: "on" }),
  },
  { covers: "routes/account.export", what: "data export", rule: signedIn, request: get("/account/export") },
  { covers: "routes/profile", what: "profile page", rule: signedIn, request: get("/profile") },
  { covers: "routes/profile", what: "save profile", rule: signedIn, request: post("/profile", { displayName: "Zelf", locale: "en" }) },
  /** One's own avatar (decision 048): the route names nobody, so each person can only reach their own. */
  { covers: "routes/profile_.avatar", what: "avatar page", rule: signedIn, request: get("/profile/avatar") },
  {
    covers: "routes/profile_.avatar",
    what: "upload without a picture (400 next to the field)",
    rule: (a) => policy.canChangeAvatar(a, { id: a?.id ?? "" }),
    request: post("/profile/avatar", { intent: "save" }),
  },
  {
    covers: "routes/profile_.avatar",
    what: "remove own avatar",
    rule: (a) => policy.canChangeAvatar(a, { id: a?.id ?? "" }),
    request: post("/profile/avatar", { intent: "remove" }),
  },
  { covers: "routes/notifications", what: "notifications", rule: signedIn, request: get("/notifications") },
  { covers: "routes/notifications", what: "mark all read", rule: signedIn, request: post("/notifications") },
  { covers: "routes/activities.mine", what: "my activities", rule: signedIn, request: get("/activities/mine") },
  { covers: "routes/activities.mine", what: "new calendar address", rule: signedIn, request: post("/activities/mine") },
  {
    covers: "routes/activities.$id_.ticket",
    what: "ticket",
    rule: (a, _w, r) => policy.canHoldTicket(a, rsvpOf(r)),
    request: (w) => get(`/activities/${w.upcoming}/ticket`)(),
  },
  {
    covers: "routes/activities.$id_.ticket",
    what: "self check-in with the code",
    rule: (a, _w, r) => policy.canHoldTicket(a, rsvpOf(r)),
    request: async (w) => post(`/activities/${w.live}/ticket`, { code: await checkInCode(w.ids.organiser, w.live) })(w),
  },

  // Organising
  { covers: "routes/organise._index", what: "organise area (empty state for others)", rule: signedIn, request: get("/organise") },
  { covers: "routes/organise.activities.new", what: "new activity page", rule: (a) => policy.canCreateActivity(a), request: get("/organise/activities/new") },
  {
    covers: "routes/organise.activities.new",
    what: "publish an activity",
    rule: (a) => policy.canPublishIn(a, null),
    request: (w) => post("/organise/activities/new", newActivity(w))(w),
  },
  {
    covers: "routes/organise.activities.new",
    what: "publish in the organiser's group",
    rule: (a, _w, r) => policy.canPublishIn(a, { actorRole: r === "organiser" ? "organiser" : null }),
    request: (w) => post("/organise/activities/new", newActivity(w, w.groupId))(w),
  },
  {
    covers: "routes/organise.activities.$id",
    what: "manage activity",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: (w) => get(`/organise/activities/${w.upcoming}`)(),
  },
  {
    covers: "routes/organise.activities.$id",
    what: "duplicate",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: post((w) => `/organise/activities/${w.upcoming}`, { intent: "duplicate" }),
  },
  {
    covers: "routes/organise.activities.$id",
    what: "message people going",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: post((w) => `/organise/activities/${w.upcoming}`, { intent: "message", message: "Hallo" }),
  },
  {
    covers: "routes/organise.activities.$id",
    what: "publish the draft",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)) && policy.canPublishIn(a, null),
    request: post((w) => `/organise/activities/${w.draft}`, { intent: "publish", scope: "one" }),
  },
  {
    covers: "routes/organise.activities.$id",
    what: "approve (nobody pending: 409 once allowed)",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: post(
      (w) => `/organise/activities/${w.upcoming}`,
      (w) => ({ intent: "approve", userId: w.ids.newcomer }),
    ),
  },
  {
    covers: "routes/organise.activities.$id",
    what: "cancel",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: async (w) => post(`/organise/activities/${await publishedActivity(w.ids.organiser)}`, { intent: "cancel", scope: "one" })(w),
  },
  {
    covers: "routes/organise.activities.$id",
    what: "edit",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: async (w) => post(`/organise/activities/${await publishedActivity(w.ids.organiser)}`, { ...newActivity(w), intent: "save", scope: "one" })(w),
  },
  {
    covers: "routes/organise.activities.$id_.cover",
    what: "cover picture form",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: (w) => get(`/organise/activities/${w.upcoming}/cover`)(),
  },
  {
    covers: "routes/organise.activities.$id_.cover",
    what: "upload a cover (no file: 400 once allowed; files in tests/integration/pictures.test.ts)",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: post((w) => `/organise/activities/${w.upcoming}/cover`, { intent: "save", alt_nl: "Een foto" }),
  },
  {
    covers: "routes/organise.activities.$id_.cover",
    what: "remove the cover",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: post((w) => `/organise/activities/${w.upcoming}/cover`, { intent: "remove" }),
  },
  {
    covers: "routes/organise.activities.$id_.door",
    what: "door list",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: (w) => get(`/organise/activities/${w.upcoming}/door`)(),
  },
  {
    covers: "routes/organise.activities.$id_.door",
    what: "add walk-in",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: post((w) => `/organise/activities/${w.upcoming}/door`, { intent: "walk-in", walkInName: "Gast" }),
  },
  {
    covers: "routes/organise.activities.$id_.door",
    what: "check in from the list",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: post(
      (w) => `/organise/activities/${w.upcoming}/door`,
      (w) => ({ intent: "list", userId: w.ids.volunteer }),
    ),
  },
  {
    covers: "routes/organise.activities.$id_.door",
    what: "scan a ticket (bad code: 400 once allowed)",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: post((w) => `/organise/activities/${w.upcoming}/door`, { intent: "qr", token: "x.y" }),
  },
  {
    covers: "routes/organise.activities.$id_.door",
    what: "undo a check-in (unknown: 404 once allowed → refused for all)",
    rule: () => false,
    request: post((w) => `/organise/activities/${w.upcoming}/door`, { intent: "undo", checkInId: "none" }),
  },
  {
    covers: "routes/organise.activities.$id_.report",
    what: "attendance report",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: (w) => get(`/organise/activities/${w.upcoming}/report`)(),
  },
  {
    covers: "routes/organise.activities.$id_.attendance.$format",
    what: "attendance export",
    rule: (a, w) => policy.canManageActivity(a, activityOf(w)),
    request: (w) => get(`/organise/activities/${w.upcoming}/attendance/csv`)(),
  },
  { covers: "routes/organise.reports", what: "theme report", rule: (a) => policy.canViewThemeReport(a), request: get("/organise/reports") },
  { covers: "routes/admin.people", what: "people and roles", rule: (a) => policy.canListPeople(a), request: get("/admin/people") },
  { covers: "routes/admin.outbox._index", what: "outbox", rule: (a) => policy.canReadOutbox(a), request: get("/admin/outbox") },
  {
    covers: "routes/admin.outbox.$id",
    what: "one mail",
    rule: (a) => policy.canReadOutbox(a),
    request: async () => get(`/admin/outbox/${await outboxMail("kept")}`)(),
  },
  {
    covers: "routes/admin.outbox.$id.html",
    what: "one mail's HTML",
    rule: (a) => policy.canReadOutbox(a),
    request: async () => get(`/admin/outbox/${await outboxMail("kept")}/html`)(),
  },
  {
    covers: "routes/admin.outbox.$id",
    what: "retry a failed mail",
    rule: (a) => policy.canReadOutbox(a),
    request: async (w) => post(`/admin/outbox/${await outboxMail("failed")}`)(w),
  },
  {
    covers: "routes/admin.people",
    what: "grant organiser",
    rule: (a) => policy.canGrantOrganiser(a),
    request: async (w) => post("/admin/people", { userId: await makePerson(), organiser: "grant" })(w),
  },
  { covers: "routes/groups.new", what: "new group page", rule: (a) => policy.canCreateGroup(a), request: get("/groups/new") },
  {
    covers: "routes/groups.new",
    what: "open a group",
    rule: (a) => policy.canCreateGroup(a),
    request: () => post("/groups/new", { name: `Groep ${randomUUID().slice(0, 6)}`, description: "Samen" })({} as World),
  },

  // A group's channels (decision 037)
  { covers: "routes/groups.$slug_.cover", what: "group cover form", rule: groupCover, request: (w) => get(`/groups/${w.groupSlug}/cover`)() },
  {
    covers: "routes/groups.$slug_.cover",
    what: "upload a group cover (no file: 400 once allowed)",
    rule: groupCover,
    request: post((w) => `/groups/${w.groupSlug}/cover`, { intent: "save", alt: "Een foto" }),
  },
  {
    covers: "routes/groups.$slug_.cover",
    what: "remove the group cover",
    rule: groupCover,
    request: post((w) => `/groups/${w.groupSlug}/cover`, { intent: "remove" }),
  },
  { covers: "routes/groups.$slug_.channels", what: "channels page", rule: groupChannels, request: (w) => get(`/groups/${w.groupSlug}/channels`)() },
  {
    covers: "routes/groups.$slug_.channels",
    what: "add a webhook",
    rule: groupChannels,
    request: post((w) => `/groups/${w.groupSlug}/channels`, { intent: "webhook", url: "https://93.184.216.34/matrix" }),
  },
  {
    covers: "routes/groups.$slug_.channels",
    what: "connect Telegram (malformed token: 400 once allowed)",
    rule: groupChannels,
    request: post((w) => `/groups/${w.groupSlug}/channels`, { intent: "telegram", token: "x", chatId: "@matrix_chat" }),
  },
  {
    covers: "routes/groups.$slug_.channels",
    what: "send a test message",
    rule: groupChannels,
    request: async (w) => post(`/groups/${w.groupSlug}/channels`, { intent: "test", channelId: await groupChannel(w) })(w),
  },
  {
    covers: "routes/groups.$slug_.channels",
    what: "retry a failed delivery",
    rule: groupChannels,
    request: async (w) => post(`/groups/${w.groupSlug}/channels`, { intent: "retry", deliveryId: await failedDelivery(await groupChannel(w)) })(w),
  },
  {
    covers: "routes/groups.$slug_.channels",
    what: "remove a channel",
    rule: groupChannels,
    request: async (w) => post(`/groups/${w.groupSlug}/channels`, { intent: "remove", channelId: await groupChannel(w), confirm: "on" })(w),
  },
  // Helpdesk
  { covers: "routes/help._index", what: "helpdesk page (asking needs an account)", rule: everyone, request: get("/help") },
  {
    covers: "routes/help._index",
    what: "ask a question",
    rule: (a) => policy.canAskHelp(a),
    request: post("/help", { body: "Waar vind ik een huisarts?", language: "nl" }),
  },
  { covers: "routes/help._index", what: "look for earlier answers", rule: signedIn, request: post("/help", { intent: "similar", body: "huisarts" }) },
  { covers: "routes/help.answers", what: "knowledge base", rule: everyone, request: get("/help/answers?q=huisarts") },
  {
    covers: "routes/help.$id",
    what: "a question and its answers",
    rule: (a, w) => policy.canReadHelpQuestion(a, newcomersHelpQuestion(w)),
    request: async (w) => get(`/help/${await w.helpQuestion()}`)(),
  },
  {
    covers: "routes/help.$id",
    what: "reply as the asker",
    rule: (a, w) => policy.canReplyAsAsker(a, newcomersHelpQuestion(w)),
    request: async (w) => post(`/help/${await w.helpQuestion()}`, { body: "Dank je" })(w),
  },
  {
    covers: "routes/help.$id",
    what: "consent to publication",
    rule: (a, w) => policy.canReplyAsAsker(a, newcomersHelpQuestion(w)),
    request: async (w) => post(`/help/${await w.helpQuestion()}`, { intent: "consent", consent: "on" })(w),
  },
  { covers: "routes/organise.help._index", what: "helpdesk queue", rule: (a) => policy.canTriageHelp(a), request: get("/organise/help?language=nl") },
  {
    covers: "routes/organise.help.$id",
    what: "triage a question",
    rule: (a) => policy.canTriageHelp(a),
    request: async (w) => get(`/organise/help/${await w.helpQuestion()}`)(),
  },
  {
    covers: "routes/organise.help.$id",
    what: "label a question",
    rule: (a) => policy.canTriageHelp(a),
    request: async (w) => post(`/organise/help/${await w.helpQuestion()}`, { intent: "label", themes: "work" })(w),
  },
  {
    covers: "routes/organise.help.$id",
    what: "answer a question",
    rule: (a) => policy.canTriageHelp(a),
    request: async (w) => post(`/organise/help/${await w.helpQuestion()}`, { intent: "answer", body: "Bel de huisarts" })(w),
  },
  {
    covers: "routes/organise.help.$id",
    what: "publish an answered question with consent",
    rule: (a, w) => policy.canPublishHelpAnswer(a, newcomersHelpQuestion(w, true)),
    request: async (w) =>
      post(`/organise/help/${await w.helpQuestion(true)}`, { intent: "publish", "question-nl": "Huisarts?", "answer-nl": "Bel er een." })(w),
  },
  { covers: "routes/organise.help.stats", what: "helpdesk statistics", rule: (a) => policy.canViewHelpStats(a), request: get("/organise/help/stats") },
  {
    covers: "routes/organise.help.stats[.csv]",
    what: "helpdesk statistics as CSV",
    rule: (a) => policy.canViewHelpStats(a),
    request: get("/organise/help/stats.csv"),
  },
  {
    covers: "routes/organise.help.volunteers",
    what: "helpdesk volunteers",
    rule: (a) => policy.canGrantHelpdeskVolunteer(a),
    request: get("/organise/help/volunteers"),
  },
  {
    covers: "routes/organise.help.volunteers",
    what: "grant the helpdesk right",
    rule: (a) => policy.canGrantHelpdeskVolunteer(a),
    request: async (w) => {
      const person = await db().user.findUniqueOrThrow({ where: { id: await makePerson() }, select: { email: true } });
      return post("/organise/help/volunteers", { email: person.email, grant: "grant" })(w);
    },
  },
  { covers: "routes/admin.help-stems", what: "helpdesk keyword stems", rule: (a) => policy.canEditHelpStems(a), request: get("/admin/help-stems?lng=uk") },
  {
    covers: "routes/admin.help-stems",
    what: "edit keyword stems",
    rule: (a) => policy.canEditHelpStems(a),
    request: post("/admin/help-stems", { locale: "en", theme: "culture", stems: "museum\nconcert" }),
  },

  // Live room without JavaScript
  {
    covers: "routes/activities.$id_.live",
    what: "live room page",
    rule: (a, w, r) => policy.canEnterLiveRoom(a, activityOf(w), rsvpOf(r)),
    request: (w) => get(`/activities/${w.live}/live`)(),
  },
  {
    covers: "routes/activities.$id_.live",
    what: "chat message",
    rule: (a, w, r) => policy.canEnterLiveRoom(a, activityOf(w), rsvpOf(r)),
    request: post((w) => `/activities/${w.live}/live`, { body: "Hallo" }),
  },
  {
    covers: "routes/activities.$id_.live",
    what: "ask",
    rule: (a, w, r) => policy.canEnterLiveRoom(a, activityOf(w), rsvpOf(r)),
    request: post((w) => `/activities/${w.live}/live`, { intent: "ask", body: "Een vraag?" }),
  },
  {
    covers: "routes/activities.$id_.live",
    what: "vote",
    rule: (a, w, r) => policy.canEnterLiveRoom(a, activityOf(w), rsvpOf(r)),
    request: async (w) => post(`/activities/${w.live}/live`, { intent: "vote", questionId: await w.question() })(w),
  },
  {
    covers: "routes/activities.$id_.live",
    what: "open the room",
    rule: (a, w) => policy.canModerateRoom(a, activityOf(w)),
    request: post((w) => `/activities/${w.live}/live`, { intent: "open" }),
  },
  {
    covers: "routes/activities.$id_.live",
    what: "moderate a question",
    rule: (a, w) => policy.canModerateRoom(a, activityOf(w)),
    request: async (w) => post(`/activities/${w.live}/live`, { intent: "moderate", questionId: await w.question(), action: "pin" })(w),
  },
  {
    covers: "routes/activities.$id_.live",
    what: "hide a message",
    rule: (a, w) => policy.canModerateRoom(a, activityOf(w)),
    request: async (w) => post(`/activities/${w.live}/live`, { intent: "hide-message", messageId: await w.message() })(w),
  },
  {
    covers: "routes/activities.$id_.live",
    what: "mute someone",
    rule: (a, w) => policy.canModerateRoom(a, activityOf(w)),
    request: async (w) => post(`/activities/${w.live}/live`, { intent: "mute", userId: await makePerson() })(w),
  },

  // Buddies
  { covers: "routes/buddies._index", what: "buddy overview (an introduction when signed out)", rule: everyone, request: get("/buddies") },
  {
    covers: "routes/buddies._index",
    what: "accept a proposal",
    rule: (a, w) => policy.isMatchParty(a, pair(w)),
    request: async (w) => post("/buddies", { matchId: await w.match("proposed"), answer: "accept" })(w),
  },
  { covers: "routes/buddies.offer.new", what: "offer page", rule: signedIn, request: get("/buddies/offer/new") },
  {
    covers: "routes/buddies.offer.new",
    what: "offer slots",
    rule: (a) => policy.canOfferBuddy(a),
    request: post("/buddies/offer/new", { kind: "language", helpsWith: "nl", capacity: "1", commitment: "1h-week-3-months", travelKm: "10" }),
  },
  { covers: "routes/buddies.request.new", what: "request page", rule: signedIn, request: get("/buddies/request/new") },
  {
    covers: "routes/buddies.request.new",
    what: "ask for a buddy",
    rule: (a) => policy.canRequestBuddy(a),
    request: post("/buddies/request/new", { kind: "language", targetLanguage: "nl", targetLevel: "A2" }),
  },
  {
    covers: "routes/buddies.offer.$id",
    what: "edit own offer page",
    rule: (a, w) => policy.canOwnOffer(a, { volunteerId: w.ids.volunteer }),
    request: (w) => get(`/buddies/offer/${w.offerId}`)(),
  },
  {
    covers: "routes/buddies.offer.$id",
    what: "pause own offer",
    rule: (a, w) => policy.canOwnOffer(a, { volunteerId: w.ids.volunteer }),
    request: post((w) => `/buddies/offer/${w.offerId}`, { intent: "pause" }),
  },
  {
    covers: "routes/buddies.request.$id",
    what: "edit own request page",
    rule: (a, w) => policy.canOwnRequest(a, { newcomerId: w.ids.newcomer }),
    request: (w) => get(`/buddies/request/${w.requestId}`)(),
  },
  {
    covers: "routes/buddies.request.$id",
    what: "update own request",
    rule: (a, w) => policy.canOwnRequest(a, { newcomerId: w.ids.newcomer }),
    request: post((w) => `/buddies/request/${w.requestId}`, { kind: "language", targetLanguage: "nl", targetLevel: "B1" }),
  },
  {
    covers: "routes/buddies.match.$id",
    what: "match page",
    rule: (a, w) => policy.isMatchParty(a, pair(w)),
    request: async (w) => get(`/buddies/match/${await w.match()}`)(),
  },
  {
    covers: "routes/buddies.match.$id",
    what: "chat message",
    rule: (a, w) => policy.isMatchParty(a, pair(w)),
    request: async (w) => post(`/buddies/match/${await w.match()}`, { intent: "message", body: "Hoi" })(w),
  },
  {
    covers: "routes/buddies.match.$id",
    what: "end the match",
    rule: (a, w) => policy.canEndMatch(a, pair(w)),
    request: async (w) => post(`/buddies/match/${await w.match()}`, { intent: "end", reason: "other" })(w),
  },
  {
    covers: "routes/buddies.match.$id",
    what: "decline",
    rule: (a, w) => policy.isMatchParty(a, pair(w)),
    request: async (w) => post(`/buddies/match/${await w.match("proposed")}`, { intent: "decline" })(w),
  },
  {
    covers: "routes/buddies.match.$id",
    what: "check in",
    rule: (a, w) => policy.isMatchParty(a, pair(w)),
    request: async (w) => post(`/buddies/match/${await w.match("ended")}`, { intent: "check-in", stage: "end", rating: "4", note: "" })(w),
  },
  {
    covers: "routes/buddies.match.$id",
    what: "report the other person",
    rule: (a, w) => policy.isMatchParty(a, pair(w)),
    request: async (w) => post(`/buddies/match/${await w.match()}`, { intent: "report", reason: "Onprettig" })(w),
  },
  { covers: "routes/organise.matching", what: "matching dashboard", rule: (a) => policy.canCoordinateBuddies(a), request: get("/organise/matching") },
  {
    covers: "routes/organise.matching",
    what: "run matching",
    rule: (a) => policy.canCoordinateBuddies(a),
    request: post("/organise/matching", { intent: "run", municipalityCode: "GM0088" }),
  },
  {
    covers: "routes/organise.matching",
    what: "send proposals",
    rule: (a) => policy.canCoordinateBuddies(a),
    request: post("/organise/matching", { intent: "send", matchIds: "none" }),
  },
  {
    covers: "routes/organise.matching",
    what: "discard (unknown: 404 → refused for all)",
    rule: () => false,
    request: post("/organise/matching", { intent: "discard", matchId: "none" }),
  },
  {
    covers: "routes/organise.matching",
    what: "record a VOG check",
    rule: (a) => policy.canCoordinateBuddies(a),
    request: post("/organise/matching", { intent: "verify", volunteerId: "" }),
  },

  // Perspective plans: the newcomer's own, shared with the volunteer (their buddy) to read; nobody else sees it.
  { covers: "routes/plan._index", what: "my plan (and plans shared with me)", rule: signedIn, request: get("/plan") },
  {
    covers: "routes/plan._index",
    what: "write in my own plan",
    rule: (a) => policy.canKeepPlan(a),
    request: post("/plan", { intent: "step", text: "Bellen" }),
  },
  {
    covers: "routes/plan.$id",
    what: "someone's plan",
    rule: (a, w) => policy.canViewPlan(a, planOf(w, a)), // the owner is sent on to /plan
    request: (w) => get(`/plan/${w.planId}`)(),
  },
  {
    covers: "routes/plan.$id",
    what: "add to someone's plan",
    rule: (a, w) => policy.canEditPlan(a, planOf(w, a)),
    request: post((w) => `/plan/${w.planId}`, { intent: "step", text: "Samen bellen" }),
  },
  {
    covers: "routes/plan.$id",
    what: "share someone's plan",
    rule: (a, w) => policy.canManagePlan(a, planOf(w, a)),
    request: post(
      (w) => `/plan/${w.planId}`,
      (w) => ({ intent: "share", userId: w.ids.organiser, access: "view" }),
    ),
  },
  { covers: "routes/organise.insights", what: "plan insights", rule: (a) => policy.canViewPlanInsights(a), request: get("/organise/insights") },
];

const SOCKET_ROWS: SocketRow[] = [
  { covers: "session:whoami", what: "who am I", rule: signedIn, payload: () => ({}) },
  {
    covers: "match:send",
    what: "buddy chat",
    rule: (a, w) => policy.isMatchParty(a, pair(w)),
    payload: async (w) => ({ matchId: await w.match(), body: "Hoi" }),
  },
  {
    covers: "match:history",
    what: "buddy chat history",
    rule: (a, w) => policy.isMatchParty(a, pair(w)),
    payload: async (w) => ({ matchId: await w.match() }),
  },
  {
    covers: "live:join",
    what: "enter the room",
    rule: (a, w, r) => policy.canEnterLiveRoom(a, activityOf(w), rsvpOf(r)),
    payload: (w) => ({ activityId: w.live }),
  },
  { covers: "live:leave", what: "leave the room", rule: signedIn, payload: (w) => ({ activityId: w.live }) },
  {
    covers: "live:message",
    what: "chat",
    rule: (a, w, r) => policy.canEnterLiveRoom(a, activityOf(w), rsvpOf(r)),
    payload: (w) => ({ activityId: w.live, body: "Hallo" }),
  },
  {
    covers: "live:ask",
    what: "ask",
    rule: (a, w, r) => policy.canEnterLiveRoom(a, activityOf(w), rsvpOf(r)),
    payload: (w) => ({ activityId: w.live, body: "Vraag?", anonymous: true }),
  },
  {
    covers: "live:vote",
    what: "vote",
    rule: (a, w, r) => policy.canEnterLiveRoom(a, activityOf(w), rsvpOf(r)),
    payload: async (w) => ({ questionId: await w.question() }),
  },
  { covers: "live:open", what: "open the room", rule: (a, w) => policy.canModerateRoom(a, activityOf(w)), payload: (w) => ({ activityId: w.live }) },
  {
    covers: "live:moderate",
    what: "moderate",
    rule: (a, w) => policy.canModerateRoom(a, activityOf(w)),
    payload: async (w) => ({ questionId: await w.question(), action: "hide" }),
  },
  {
    covers: "live:hide-message",
    what: "hide a message",
    rule: (a, w) => policy.canModerateRoom(a, activityOf(w)),
    payload: async (w) => ({ messageId: await w.message() }),
  },
  {
    covers: "live:mute",
    what: "mute",
    rule: (a, w) => policy.canModerateRoom(a, activityOf(w)),
    payload: async (w) => ({ activityId: w.live, userId: await makePerson() }),
  },
];

async function buildWorld(): Promise<World> {
  const ids: Ids = {
    newcomer: await makePerson(),
    volunteer: await makePerson(),
    otherOrganiser: await makePerson({ isOrganiser: true }),
    organiser: await makePerson({ isOrganiser: true }),
    admin: await makePerson({ isAdmin: true }),
    otherPair: await makePerson(),
  };
  await db().user.updateMany({ where: { id: { in: [ids.newcomer, ids.otherPair] } }, data: { isNewcomer: true } });
  // The buddy volunteer also holds the helpdesk right an organiser grants, so its rows are tried with it.
  await db().user.update({ where: { id: ids.volunteer }, data: { isVolunteer: true, isHelpdeskVolunteer: true } });
  const groupId = randomUUID();
  const groupSlug = `matrix-${groupId.slice(0, 8)}`;
  await db().group.create({
    data: { id: groupId, slug: groupSlug, name: "Matrix", description: "", members: { create: { userId: ids.organiser, role: "organiser" } } },
  });
  const otherGroup = randomUUID();
  await db().group.create({
    data: {
      id: otherGroup,
      slug: `other-${otherGroup.slice(0, 8)}`,
      name: "Other",
      description: "",
      members: { create: { userId: ids.otherOrganiser, role: "organiser" } },
    },
  });
  await publishedActivity(ids.otherOrganiser, { groupId: otherGroup });

  const upcoming = await publishedActivity(ids.organiser, { groupId, kind: "webinar", mode: "hybrid", joinUrl: "https://meet.example.org/a" });
  const live = await publishedActivity(ids.organiser, { kind: "webinar", mode: "hybrid", joinUrl: "https://meet.example.org/b", date: localDate(1) });
  const draft = (await import("~/domain/activities/activities.server")).createActivity(ids.organiser, activityForm(), { publish: false });
  for (const role of goingRoles) {
    await rsvp(ids[role as keyof Ids], upcoming);
    await rsvp(ids[role as keyof Ids], live);
  }
  // The live one is on now (sign-ups close at the start, so the clock moves after them).
  await db().activity.update({ where: { id: live }, data: { startsAt: new Date(Date.now() - 5 * 60_000), endsAt: new Date(Date.now() + 90 * 60_000) } });

  const offerId = randomUUID();
  const requestId = randomUUID();
  await db().buddyOffer.create({
    data: { id: offerId, volunteerId: ids.volunteer, kind: "language", helpsWith: '["nl"]', capacity: 50, commitment: "1h-week-3-months" },
  });
  await db().buddyRequest.create({ data: { id: requestId, newcomerId: ids.newcomer, kind: "language", targetLanguage: "nl", targetLevel: "A2" } });
  const runId = randomUUID();
  await db().matchRun.create({ data: { id: runId, actorId: ids.organiser, autoSend: true, requests: 1, offers: 1, matched: 1, totalScore: 1, runtimeMs: 1 } });
  async function match(status: "active" | "proposed" | "ended" = "active", newcomerId = ids.newcomer) {
    const id = randomUUID();
    const now = new Date();
    const accepted = status === "proposed" ? {} : { newcomerAcceptedAt: now, volunteerAcceptedAt: now, activatedAt: now };
    await db().buddyMatch.create({
      data: {
        id,
        runId,
        requestId,
        offerId,
        newcomerId,
        volunteerId: ids.volunteer,
        kind: "language",
        score: 1,
        explanation: "{}",
        status,
        proposedAt: now,
        sentAt: now,
        expiresAt: new Date(now.getTime() + 86_400_000),
        ...accepted,
        ...(status === "ended" ? { endedAt: now } : {}),
      },
    });
    return id;
  }
  await match("active", ids.otherPair); // otherPair has a pair of their own, with the same volunteer
  const question = async () => (await db().question.create({ data: { id: randomUUID(), activityId: live, userId: ids.newcomer, body: "?" } })).id;
  const message = async () => (await db().liveMessage.create({ data: { id: randomUUID(), activityId: live, userId: ids.newcomer, body: "!" } })).id;
  async function helpQuestion(answered = false) {
    const id = randomUUID();
    await db().helpQuestion.create({
      data: {
        id,
        askerId: ids.newcomer,
        body: "Waar vind ik een huisarts?",
        language: "nl",
        publishConsent: answered,
        ...(answered ? { status: "answered", firstAnsweredAt: new Date() } : {}),
      },
    });
    if (answered) await db().helpMessage.create({ data: { id: randomUUID(), questionId: id, authorId: ids.organiser, fromAsker: false, body: "Bel er een." } });
    return id;
  }
  const calendarToken = randomUUID().replaceAll("-", "");
  await db().user.update({ where: { id: ids.newcomer }, data: { calendarToken } });

  const planId = randomUUID();
  await db().perspectivePlan.create({ data: { id: planId, ownerId: ids.newcomer, perspective: "Werk vinden" } });
  await db().planSupporter.create({ data: { id: randomUUID(), planId, userId: ids.volunteer, canEdit: false } });

  const actors = { anonymous: null } as Record<Role, Actor | null>;
  for (const role of Object.keys(ids) as (keyof Ids)[]) actors[role] = await loadActor(ids[role]);
  return {
    ids,
    actors,
    groupId,
    groupSlug,
    upcoming,
    live,
    draft: (await draft).id,
    offerId,
    requestId,
    calendarToken,
    match,
    question,
    message,
    helpQuestion,
    planId,
  };
}

const idOf = (role: Role, world: World) => (role === "anonymous" ? null : world.ids[role]);

/** Refused: the sign-in page for people who are not signed in, 401/403, or 404 for what one may not see. */
function outcome(response: Response): "allowed" | "refused" {
  const location = response.headers.get("location") ?? "";
  if ([401, 403, 404].includes(response.status) || (response.status >= 300 && response.status < 400 && location.startsWith("/login"))) return "refused";
  return "allowed";
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 60_000);

describe("authorisation matrix", () => {
  it("has a row for every route that has a loader or an action", async () => {
    const build = (await import(pathToFileURL(resolve("build/index.js")).href)) as { routes: Record<string, { module: Record<string, unknown> }> };
    const covered = new Set(ROWS.map((row) => row.covers));
    const missing = Object.entries(build.routes)
      .filter(([, route]) => route.module.loader || route.module.action)
      .map(([id]) => id)
      .filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });

  it("has a row for every Socket.IO event", async () => {
    (await socketFor(target.url, world.ids.newcomer)).close(); // handlers register per connection
    expect(registeredEvents.size).toBeGreaterThan(5);
    const covered = new Set(SOCKET_ROWS.map((row) => row.covers));
    expect([...registeredEvents].filter((event) => !covered.has(event))).toEqual([]);
  });

  it.each(ROWS.map((row) => [`${row.covers} · ${row.what}`, row] as const))("%s", async (_name, row) => {
    const verdicts: string[] = [];
    for (const role of ROLES) {
      const request = await row.request(world, role);
      const client = await clientFor(target.url, idOf(role, world));
      const response = request.method === "GET" ? await client.get(request.path) : await client.post(request.path, request.body ?? {});
      expect(response.status, `${role} ${request.method} ${request.path}: server error`).toBeLessThan(500);
      const expected = row.rule(world.actors[role], world, role) ? "allowed" : "refused";
      verdicts.push(
        `${role}: ${outcome(response)}${outcome(response) === expected ? "" : ` (policy says ${expected}; ${response.status} ${response.headers.get("location") ?? ""})`}`,
      );
    }
    expect(verdicts.filter((line) => line.includes("policy says"))).toEqual([]);
  });

  it.each(SOCKET_ROWS.map((row) => [row.covers, row] as const))("socket %s", async (_name, row) => {
    const verdicts: string[] = [];
    for (const role of ROLES) {
      const expected = row.rule(world.actors[role], world, role) ? "allowed" : "refused";
      if (role === "anonymous") {
        const refused = await socketWithCookie(target.url, "").then(
          (socket) => (socket.close(), false),
          () => true,
        );
        if (expected !== (refused ? "refused" : "allowed")) verdicts.push(`${role}: connected, policy says ${expected}`);
        continue;
      }
      const socket = await socketFor(target.url, world.ids[role]);
      try {
        const answer = await socket.timeout(5000).emitWithAck(row.covers, await row.payload(world, role));
        const got = answer.ok || !["not_allowed", "not_found", "unauthenticated"].includes(answer.error.code) ? "allowed" : "refused";
        expect(answer.error?.code, `${role} ${row.covers}: server error`).not.toBe("internal");
        if (got !== expected) verdicts.push(`${role}: ${got}, policy says ${expected} (${JSON.stringify(answer.error ?? null)})`);
      } finally {
        socket.close();
      }
    }
    expect(verdicts).toEqual([]);
  });
});
