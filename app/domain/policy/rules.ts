/**
 * Every permission in Meedoen, as one named function over (actor, resource). Domain functions,
 * Socket.IO handlers and the UI all ask these; no other file compares roles or organiser ids.
 *
 * Pure and free of imports on purpose: the UI imports this module to hide what a person may not
 * do, so it must stay small and safe for the browser bundle. Loading the facts a rule needs (an
 * activity's organiser, a person's group role) is the job of ./guards.server.ts.
 */

/** The role flags a person's row carries; every rule below reads only these and the person's id. */
export const ROLE_FLAGS = ["isNewcomer", "isVolunteer", "isOrganiser", "isAdmin", "isHelpdeskVolunteer"] as const;
type RoleFlag = (typeof ROLE_FLAGS)[number];

/** What a rule needs to know about the person acting; null is someone who is not signed in. */
export type Actor = { id: string } & Record<RoleFlag, boolean>;
/** Rules about one's own things (a match, an offer) need only who is asking, not their roles. */
type Someone = Actor | null | undefined;
type SomeoneById = Pick<Actor, "id"> | null | undefined;

/** Just the facts the rules read, from a session user or a database row (no more travels to the browser). */
export function toActor(user: Actor): Actor {
  return { id: user.id, ...(Object.fromEntries(ROLE_FLAGS.map((flag) => [flag, user[flag]])) as Record<RoleFlag, boolean>) };
}

/** The roles a person holds, by name: for the data export and the admin's list, never for a decision. */
export function rolesOf(actor: Actor) {
  return {
    newcomer: actor.isNewcomer,
    volunteer: actor.isVolunteer,
    organiser: actor.isOrganiser,
    admin: actor.isAdmin,
    helpdeskVolunteer: actor.isHelpdeskVolunteer,
  };
}

export type ActivityFacts = { organiserId: string };
export type GroupFacts = { actorRole: string | null };
export type MatchFacts = { newcomerId: string; volunteerId: string; status: string; coordinatorId: string | null };
export type RsvpFacts = { status: string } | null;
export type HelpQuestionFacts = { askerId: string; anonymous: boolean; publishConsent: boolean };
/** A perspective plan as the rules see it: its owner and the actor's own supporter row, if they were chosen. */
export type PlanFacts = { ownerId: string; supporter: { canEdit: boolean } | null };

const GROUP_ORGANISER = "organiser";
const signedIn = <T extends SomeoneById>(actor: T): actor is NonNullable<T> => Boolean(actor);
/** The right an admin grants at /admin/people; admins hold every organiser right. */
const ORGANISER_RIGHT: readonly RoleFlag[] = ["isOrganiser", "isAdmin"];
const organiserRight = (actor: Someone) => signedIn(actor) && ORGANISER_RIGHT.some((flag) => actor[flag]);
/** The same right as a database filter, for finding its holders (who is told about a report). */
export const holdersOfOrganiserRight = () => ({ OR: ORGANISER_RIGHT.map((flag) => ({ [flag]: true })) });
/** Who answers the helpdesk, as a database filter (the organiser's list of helpdesk volunteers). */
export const holdersOfHelpdeskRight = () => ({ isHelpdeskVolunteer: true });

/** A membership that carries a group's organiser role. */
export const isGroupOrganiserRole = (role: string | null | undefined) => role === GROUP_ORGANISER;
export const groupOrganiserRole = () => GROUP_ORGANISER;

export const policy = {
  // People and roles
  canGrantOrganiser: (actor: Someone) => signedIn(actor) && actor.isAdmin,
  canListPeople: (actor: Someone) => signedIn(actor) && actor.isAdmin,
  /** Mails hold addresses and reset links: admins only. */
  canReadOutbox: (actor: Someone) => signedIn(actor) && actor.isAdmin,
  /**
   * A person's avatar (decision 048): only they change or remove it, on their own profile. Not
   * admins either: a picture of someone is theirs to choose; a wrong one is reported, not replaced.
   */
  canChangeAvatar: (actor: SomeoneById, person: { id: string }) => signedIn(actor) && actor.id === person.id,
  /** Which optional mails one gets (the account page): one's own choices, signed in. */
  canChooseOwnMails: (actor: Someone) => signedIn(actor),
  /**
   * An unsubscribe link from a mail works without signing in (mail programs post it with no
   * cookie): a link whose signature holds changes the one choice it names, for the person it names.
   */
  canUseUnsubscribeLink: (link: { signatureHolds: boolean }) => link.signatureHolds,

  // Activities
  /** Creating (and keeping drafts of) activities needs the organiser right an admin grants. */
  canCreateActivity: (actor: Someone) => organiserRight(actor),
  /**
   * Publishing into a group needs the organiser right and the group's organiser role: being
   * appointed by a group's organisers does not make someone a platform organiser, and the
   * platform right does not open every group.
   */
  canPublishIn: (actor: Someone, group: GroupFacts | null) =>
    organiserRight(actor) && (group === null || actor!.isAdmin || isGroupOrganiserRole(group.actorRole)),
  /** Edit, cancel, duplicate, approve, message people going, door, reports: the activity's own organiser, or an admin. */
  canManageActivity: (actor: Someone, activity: ActivityFacts) => signedIn(actor) && (activity.organiserId === actor.id || actor.isAdmin),
  canSeeDraft: (actor: Someone, activity: ActivityFacts) => policy.canManageActivity(actor, activity),
  /** The join link is for people with a seat, so a full webinar cannot be joined by link-sharing. */
  canSeeJoinLink: (actor: Someone, activity: ActivityFacts, rsvp: RsvpFacts) =>
    policy.canManageActivity(actor, activity) || (signedIn(actor) && rsvp?.status === "going"),
  /** A venue the organiser keeps for people going (decision 044) is shown to them, the organiser and admins. */
  canSeeVenue: (actor: Someone, activity: ActivityFacts & { addressForGoingOnly: boolean }, rsvp: RsvpFacts) =>
    !activity.addressForGoingOnly || policy.canSeeJoinLink(actor, activity, rsvp),
  canEnterLiveRoom: (actor: Someone, activity: ActivityFacts, rsvp: RsvpFacts) =>
    policy.canManageActivity(actor, activity) || (signedIn(actor) && rsvp?.status === "going"),
  /** A ticket (QR code, self check-in with the spoken code) is for people with a seat. */
  canHoldTicket: (actor: SomeoneById, rsvp: RsvpFacts) => signedIn(actor) && rsvp?.status === "going",
  /** Open the room, pin, answer and hide questions, hide messages, mute; moderators also see who asked anonymously. */
  canModerateRoom: (actor: Someone, activity: ActivityFacts) => policy.canManageActivity(actor, activity),
  canViewThemeReport: (actor: Someone) => organiserRight(actor),
  /** Admins read the reach of every activity; organisers that of their own. */
  themeReportCoversEveryone: (actor: Someone) => signedIn(actor) && actor.isAdmin,

  // Groups
  /** Groups are public pages with a name and text of their own: opened by organisers, not by anyone. */
  canCreateGroup: (actor: Someone) => organiserRight(actor),
  canAppointGroupOrganiser: (actor: Someone, group: GroupFacts) => signedIn(actor) && (actor.isAdmin || isGroupOrganiserRole(group.actorRole)),
  /**
   * Connecting the group's Telegram chat or webhooks, removing them, reading their delivery log:
   * the group's organisers, and admins. The channels only repeat what was published in the group.
   */
  canManageGroupChannels: (actor: Someone, group: GroupFacts) => signedIn(actor) && (actor.isAdmin || isGroupOrganiserRole(group.actorRole)),
  /** The group's cover picture (decision 043): its organisers, and admins. */
  canManageGroupCover: (actor: Someone, group: GroupFacts) => signedIn(actor) && (actor.isAdmin || isGroupOrganiserRole(group.actorRole)),

  // Buddies
  canOfferBuddy: (actor: Someone) => signedIn(actor) && actor.isVolunteer,
  canRequestBuddy: (actor: Someone) => signedIn(actor) && actor.isNewcomer,
  /** Running the matching, reviewing and sending proposals, the VOG check, the dashboard. */
  canCoordinateBuddies: (actor: Someone) => organiserRight(actor),
  isMatchParty: (actor: SomeoneById, match: Pick<MatchFacts, "newcomerId" | "volunteerId">) =>
    signedIn(actor) && (match.newcomerId === actor.id || match.volunteerId === actor.id),
  /**
   * Either side may end their match; so may the organiser who made it (the pair's coordinator)
   * and admins. Other organisers have nothing to do with the pair.
   */
  canEndMatch: (actor: Someone, match: MatchFacts) =>
    policy.isMatchParty(actor, match) || (signedIn(actor) && (actor.isAdmin || (match.coordinatorId !== null && match.coordinatorId === actor.id))),
  /** Contact details open up only once both sides have said yes, and only to the two of them. */
  canSeeContact: (actor: SomeoneById, match: Pick<MatchFacts, "newcomerId" | "volunteerId" | "status">) =>
    policy.isMatchParty(actor, match) && match.status === "active",
  canOwnOffer: (actor: SomeoneById, offer: { volunteerId: string }) => signedIn(actor) && offer.volunteerId === actor.id,
  canOwnRequest: (actor: SomeoneById, request: { newcomerId: string }) => signedIn(actor) && request.newcomerId === actor.id,

  // Helpdesk (decision 041)
  /** Anyone signed in may ask; the question is theirs and the helpdesk's, never public without consent. */
  canAskHelp: (actor: SomeoneById) => signedIn(actor),
  /** The queue, labels, answers and referrals: helpdesk volunteers, organisers and admins. */
  canTriageHelp: (actor: Someone) => signedIn(actor) && (actor.isHelpdeskVolunteer || organiserRight(actor)),
  /** Organisers choose who answers the helpdesk. */
  canGrantHelpdeskVolunteer: (actor: Someone) => organiserRight(actor),
  /** The asker, and whoever triages. */
  canReadHelpQuestion: (actor: Someone, question: HelpQuestionFacts) => (signedIn(actor) && question.askerId === actor.id) || policy.canTriageHelp(actor),
  canReplyAsAsker: (actor: SomeoneById, question: HelpQuestionFacts) => signedIn(actor) && question.askerId === actor.id,
  /** "Anonymous towards volunteers": organisers (who answer for safeguarding) still see who asked. */
  canSeeAskerName: (actor: Someone, question: HelpQuestionFacts) =>
    (signedIn(actor) && question.askerId === actor.id) || (!question.anonymous && policy.canTriageHelp(actor)) || organiserRight(actor),
  /** Publishing needs the asker's consent as well as a triager. */
  canPublishHelpAnswer: (actor: Someone, question: HelpQuestionFacts) => policy.canTriageHelp(actor) && question.publishConsent,
  /** Aggregates over every question: organisers. */
  canViewHelpStats: (actor: Someone) => organiserRight(actor),
  /** The keyword stems of the theme suggestion. */
  canEditHelpStems: (actor: Someone) => signedIn(actor) && actor.isAdmin,
  // Perspective plans (decisions/042): private to the owner and the supporters they chose; no role opens them.
  canKeepPlan: (actor: Someone) => signedIn(actor) && actor.isNewcomer,
  canViewPlan: (actor: SomeoneById, plan: PlanFacts) => signedIn(actor) && (plan.ownerId === actor.id || plan.supporter !== null),
  canEditPlan: (actor: SomeoneById, plan: PlanFacts) => signedIn(actor) && (plan.ownerId === actor.id || plan.supporter?.canEdit === true),
  /** Choosing and revoking supporters, the history, deleting the plan: the owner alone. */
  canManagePlan: (actor: SomeoneById, plan: Pick<PlanFacts, "ownerId">) => signedIn(actor) && plan.ownerId === actor.id,
  /** Who may be chosen as a supporter: the owner's active buddy, or someone with the organiser right. */
  canSupportPlan: (candidate: Someone, facts: { activeBuddy: boolean }) => signedIn(candidate) && (facts.activeBuddy || organiserRight(candidate)),
  /** Anonymised aggregates over all plans, never one plan. */
  canViewPlanInsights: (actor: Someone) => organiserRight(actor),
} as const;

export type Permission = keyof typeof policy;
