/**
 * One person with every kind of record Meedoen keeps, made through the domain's own functions
 * (the same ones the pages and socket events call), plus the other people around them. Used to
 * check that an export holds everything and that a deletion leaves nothing behind.
 */
import { randomBytes } from "node:crypto";
import { createActivity, messageGoing } from "~/domain/activities/activities.server";
import { calendarToken } from "~/domain/activities/calendar.server";
import { saveMailChoices } from "~/domain/people/mail-preferences.server";
import { setAvatar } from "~/domain/people/avatar.server";
import { rsvp } from "~/domain/activities/rsvp.server";
import { checkInCode, checkInFromList, selfCheckIn } from "~/domain/attendance/checkin.server";
import { closeFinishedSessions, GRACE_MS, recordJoin, recordLeave } from "~/domain/attendance/sessions.server";
import { register } from "~/domain/auth/accounts.server";
import { startSession } from "~/domain/auth/lucia.server";
import { createGroup, joinGroup } from "~/domain/groups/groups.server";
import { askQuestion, hideMessage, mutePerson, postMessage, vote } from "~/domain/live/room.server";
import { sendMessage } from "~/domain/matching/chat.server";
import { checkIn, endMatch, reportPerson, respond, runMatching } from "~/domain/matching/matches.server";
import { createOffer, createRequest, verifyVolunteer } from "~/domain/matching/offers.server";
import { updateProfile } from "~/domain/people/profile.server";
import { answer as answerHelp, askQuestion as askHelp, publish, refer, replyAsAsker, setThemes as setHelpThemes } from "~/domain/help/questions.server";
import { changePlan } from "~/domain/plan/plan.server";
import { db } from "~/lib/db.server";
import { activityForm, localDate, makePerson, publishedActivity } from "./factories";
import { jpegWithLocation } from "./images";

export const PASSWORD = "correct horse battery";
const MINUTE = 60_000;
const DAY = 86_400_000;

const languageOffer = { kind: "language", helpsWith: ["nl"], sectors: [], capacity: "1", commitment: "1h-week-3-months", travelKm: "15", onlineOk: "" };
const languageRequest = { kind: "language", targetLanguage: "nl", targetLevel: "A2", goals: [], onlineOk: "", note: "Ik wil Nederlands leren voor mijn werk" };

/** Somebody else, with a name of their own so that an export can be checked for it. */
async function someone(name: string, fields: Parameters<typeof makePerson>[0] = {}) {
  const id = await makePerson(fields);
  const unique = `${name} ${randomBytes(3).toString("hex")}`;
  await db().user.update({ where: { id }, data: { displayName: unique } });
  return { id, name: unique, email: (await db().user.findUniqueOrThrow({ where: { id } })).email };
}

async function withProfile<Person extends { id: string; name: string }>(
  person: Person,
  place: string,
  profile: { newcomer?: boolean; volunteer?: boolean; languages: string[]; levels: string[] },
) {
  await updateProfile(person.id, {
    displayName: person.name,
    locale: "nl",
    isNewcomer: profile.newcomer ? "on" : "",
    isVolunteer: profile.volunteer ? "on" : "",
    municipalityCode: place,
    languages: profile.languages,
    levels: profile.levels,
    interests: ["cycling"],
    sectors: [],
    availability: ["2-evening"],
  });
  return person;
}

const newcomer = (name: string, place: string) =>
  someone(name).then((p) => withProfile(p, place, { newcomer: true, languages: ["uk", "en"], levels: ["native", "B1"] }));
const volunteer = (name: string, place: string) =>
  someone(name).then((p) => withProfile(p, place, { volunteer: true, languages: ["nl", "en"], levels: ["native", "C1"] }));

const yesterday = () => new Date(Date.now() - DAY).toISOString().slice(0, 10);

/** Moves an activity in time: rsvp() only accepts future activities, reports and rooms need past or current ones. */
async function moveActivity(activityId: string, startsAt: Date, minutes: number) {
  await db().activity.update({ where: { id: activityId }, data: { startsAt, endsAt: new Date(startsAt.getTime() + minutes * MINUTE) } });
}

async function onlyMatchOf(newcomerId: string, volunteerId: string) {
  return db().buddyMatch.findFirstOrThrow({ where: { newcomerId, volunteerId } });
}

async function bothAccept(match: { id: string; newcomerId: string; volunteerId: string }) {
  await respond(match.newcomerId, match.id, "accept");
  await respond(match.volunteerId, match.id, "accept");
}

/**
 * `place` is where the person and their buddies live; `elsewhere` is for a pair of strangers
 * whose match the person ends as an organiser. Places far apart keep matching runs apart.
 */
export async function personWithEverything(place: string, elsewhere: string) {
  const now = new Date();
  const displayName = `Zoryana Testenko ${randomBytes(4).toString("hex")}`;
  const email = `zoryana-${randomBytes(4).toString("hex")}@example.nl`;
  const { userId: me } = await register(
    { email, password: PASSWORD, displayName, locale: "uk", isNewcomer: "on", isVolunteer: "on" },
    `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
  );
  await updateProfile(me, {
    displayName,
    locale: "uk",
    isNewcomer: "on",
    isVolunteer: "on",
    municipalityCode: place,
    languages: ["uk", "en", "nl"],
    levels: ["native", "C1", "B1"],
    interests: ["cycling"],
    sectors: ["it"],
    availability: ["2-evening"],
  });
  // Organiser and admin too, so that the things organisers do to other people's records are covered.
  await db().user.update({ where: { id: me }, data: { isOrganiser: true, isAdmin: true } });
  await startSession(me);
  await calendarToken(me);
  // An avatar (decision 048): its files are in the export and go with the account.
  // A width of its own makes the bytes (so the key) this person's alone: the files are not shared.
  await setAvatar(me, me, await jpegWithLocation(300 + (randomBytes(2).readUInt16BE() % 1000), 200));
  // Mail choices (the digest on, buddy news off) and a digest that went out.
  await saveMailChoices(me, { reminders: "on", organiser: "on", digest: "on" });
  await db().digestRun.create({ data: { userId: me, week: "2026-11-30", items: 3 } });

  const organiser = await someone("Organiser Olga", { isOrganiser: true });

  // An in-person activity that is over: checked in from the list, and the person checked someone in.
  const pastMeetup = await publishedActivity(organiser.id, { titles: ["Koffie-ochtend voorbij"] });
  const neighbour = await someone("Neighbour Nadia");
  await rsvp(me, pastMeetup);
  await rsvp(neighbour.id, pastMeetup);
  await checkInFromList(organiser.id, pastMeetup, me);
  await checkInFromList(me, pastMeetup, neighbour.id);
  await moveActivity(pastMeetup, new Date(now.getTime() - 3 * DAY), 90);

  // An upcoming in-person activity with one seat: the person has it (and used the spoken code), someone waits.
  const upcomingMeetup = await publishedActivity(organiser.id, { capacity: "1", titles: ["Taalcafé volgende week"] });
  const waiting = await someone("Waiting Wim");
  await rsvp(me, upcomingMeetup);
  await rsvp(waiting.id, upcomingMeetup);
  const code = await checkInCode(organiser.id, upcomingMeetup);
  const upcoming = await db().activity.findUniqueOrThrow({ where: { id: upcomingMeetup } });
  await selfCheckIn(me, upcomingMeetup, code, new Date(upcoming.startsAt.getTime() + 10 * MINUTE));

  // A webinar going on now: chat, questions (anonymous and not), votes, moderation both ways, attendance.
  const webinar = await publishedActivity(organiser.id, {
    kind: "webinar",
    mode: "online",
    joinUrl: "https://meet.example.org/w",
    venue: "",
    municipalityCode: "",
    titles: ["Werk zoeken in Nederland"],
  });
  const listener = await someone("Listener Lev");
  await rsvp(me, webinar);
  await rsvp(listener.id, webinar);
  await moveActivity(webinar, new Date(now.getTime() - 30 * MINUTE), 90);
  const myMessage = await postMessage(me, { activityId: webinar, body: `Hallo allemaal, ik ben ${displayName}` });
  await askQuestion(me, { activityId: webinar, body: "Hoe schrijf ik een cv?", anonymous: false });
  await askQuestion(me, { activityId: webinar, body: "Mag ik met een tijdelijke vergunning werken?", anonymous: true });
  const theirQuestion = await askQuestion(listener.id, { activityId: webinar, body: "Wat verdient een stagiair?", anonymous: true });
  await vote(me, { questionId: theirQuestion.id });
  const myQuestion = await db().question.findFirstOrThrow({ where: { userId: me, anonymous: false } });
  await vote(listener.id, { questionId: myQuestion.id });
  const theirMessage = await postMessage(listener.id, { activityId: webinar, body: "Goedemiddag" });
  await hideMessage(me, { messageId: theirMessage.id });
  await mutePerson(me, { activityId: webinar, userId: listener.id });
  await hideMessage(organiser.id, { messageId: myMessage.id });
  await mutePerson(organiser.id, { activityId: webinar, userId: me });
  await recordJoin(webinar, me, new Date(now.getTime() - 25 * MINUTE));
  await recordLeave(webinar, me, new Date(now.getTime() - 5 * MINUTE));
  await recordJoin(webinar, listener.id, new Date(now.getTime() - 20 * MINUTE));
  await recordLeave(webinar, listener.id, new Date(now.getTime() - 10 * MINUTE));
  await closeFinishedSessions(new Date(now.getTime() + GRACE_MS));

  // The person's own activities: a weekly series with someone going and a message to them, and one that is over.
  const series = await createActivity(me, activityForm({ titles: ["Fietsles voor nieuwkomers"], repeat: "1", repeatUntil: localDate(21) }), { publish: true });
  const rider = await someone("Rider Rosa");
  await rsvp(rider.id, series.id);
  await messageGoing(me, series.id, "Neem je fietshelm mee");
  const myPastActivity = await publishedActivity(me, { titles: ["Mijn eerdere fietsles"] });
  const pupil = await someone("Pupil Pavel");
  await rsvp(pupil.id, myPastActivity);
  await checkInFromList(me, myPastActivity, pupil.id);
  await moveActivity(myPastActivity, new Date(now.getTime() - 10 * DAY), 60);

  // Groups: one the person runs with a member, one only they are in, one they joined.
  const member = await someone("Member Mila");
  const runGroup = await createGroup(me, { name: "Fietsclub Zuid", description: "Elke week samen fietsen." });
  await joinGroup(member.id, runGroup.id);
  const aloneGroup = await createGroup(me, { name: "Mijn eigen kring", description: "Nog leeg." });
  const joinedGroup = await createGroup(organiser.id, { name: "Taalmaatjes Zuid", description: "Voor iedereen die Nederlands oefent." });
  await joinGroup(me, joinedGroup.id);

  // Buddies: the person volunteers for a newcomer and is a newcomer with a volunteer of their own.
  await createOffer(me, languageOffer);
  await verifyVolunteer(organiser.id, me, yesterday());
  const buddyNewcomer = await newcomer("Newcomer Nazar", place);
  await createRequest(buddyNewcomer.id, languageRequest);
  await runMatching(organiser.id, { municipalityCode: place, autoSend: true });
  const asVolunteer = await onlyMatchOf(buddyNewcomer.id, me);
  await bothAccept(asVolunteer);

  const buddyVolunteer = await volunteer("Volunteer Vera", place);
  await createOffer(buddyVolunteer.id, languageOffer);
  await verifyVolunteer(me, buddyVolunteer.id, yesterday());
  await createRequest(me, languageRequest);
  await runMatching(me, { municipalityCode: place, autoSend: true });
  const asNewcomer = await onlyMatchOf(me, buddyVolunteer.id);
  await bothAccept(asNewcomer);

  await sendMessage(me, { matchId: asVolunteer.id, body: "Zullen we dinsdag afspreken?" });
  await sendMessage(buddyNewcomer.id, { matchId: asVolunteer.id, body: `Ja graag, ${displayName}!` });
  await sendMessage(buddyVolunteer.id, { matchId: asNewcomer.id, body: "Welkom!" });
  await sendMessage(me, { matchId: asNewcomer.id, body: "Dank je wel" });
  const fourWeeksOn = new Date(now.getTime() + 29 * DAY);
  await checkIn(me, asVolunteer.id, { stage: "four-weeks", rating: "4", note: "Het gaat goed" }, fourWeeksOn);
  await checkIn(buddyNewcomer.id, asVolunteer.id, { stage: "four-weeks", rating: "2", note: "Niet zo leuk" }, fourWeeksOn);
  // Reports both ways end that match and block both ways; the other match stays active.
  await reportPerson(buddyNewcomer.id, asVolunteer.id, { reason: "Komt steeds te laat" });
  await reportPerson(me, asVolunteer.id, { reason: "Was onbeleefd tegen mij" });

  // A perspective plan of their own, shared with their buddy (who adds to it), and someone else's plan shared with them.
  await changePlan(me, null, "perspective", { perspective: "Over een jaar werk ik als ontwikkelaar" });
  await changePlan(me, null, "domain", {
    domain: "work",
    situation: "Ik zoek werk",
    goals: "Een baan in IT",
    obstacles: ["dutch-level", "diploma"],
    obstacleNote: "",
  });
  await changePlan(me, null, "step", { text: "Cv vertalen", owner: "ik", dueOn: localDate(14) });
  const myPlan = await db().perspectivePlan.findUniqueOrThrow({ where: { ownerId: me } });
  await changePlan(me, myPlan.id, "step-done", { id: (await db().planStep.findFirstOrThrow({ where: { planId: myPlan.id } })).id });
  await changePlan(me, myPlan.id, "share", { userId: buddyVolunteer.id, access: "view" });
  await changePlan(me, myPlan.id, "revoke", { id: buddyVolunteer.id });
  await changePlan(me, myPlan.id, "share", { userId: buddyVolunteer.id, access: "edit" });
  await changePlan(buddyVolunteer.id, myPlan.id, "breakthrough", {
    text: "Een Engels taalmaatje",
    happenedOn: yesterday(),
    helpedBy: "mijn maatje",
    domain: "language-communication",
  });
  await changePlan(buddyNewcomer.id, null, "perspective", { perspective: "Verpleegkundige worden" });
  const theirPlan = await db().perspectivePlan.findUniqueOrThrow({ where: { ownerId: buddyNewcomer.id } });
  await changePlan(buddyNewcomer.id, theirPlan.id, "share", { userId: me, access: "edit" });
  await changePlan(me, theirPlan.id, "step", { text: "Samen naar het taalcafé", owner: "wij", dueOn: "" });

  // As an organiser, the person ends a match between two strangers.
  const strangerNewcomer = await newcomer("Stranger Stas", elsewhere);
  const strangerVolunteer = await volunteer("Stranger Sem", elsewhere);
  await createRequest(strangerNewcomer.id, languageRequest);
  await createOffer(strangerVolunteer.id, languageOffer);
  await verifyVolunteer(organiser.id, strangerVolunteer.id, yesterday());
  await runMatching(organiser.id, { municipalityCode: elsewhere, autoSend: true });
  const strangers = await onlyMatchOf(strangerNewcomer.id, strangerVolunteer.id);
  await bothAccept(strangers);
  await endMatch(me, strangers.id, { reason: "moved" });

  // The helpdesk: the person's own questions (one anonymous; one answered, replied to, referred and
  // published with consent), and, as organiser, an answer under someone else's question.
  const { id: myHelpQuestion } = await askHelp(me, { body: "Як знайти роботу в IT без нідерландської?", language: "uk", publishConsent: "on" });
  await askHelp(me, { body: "Where do I find a GP?", language: "en", anonymous: "on" });
  await setHelpThemes(organiser.id, myHelpQuestion, { themes: ["work", "language-communication"] });
  await answerHelp(organiser.id, myHelpQuestion, { body: "Багато IT-компаній працюють англійською; подивіться вакансії на сайтах для експатів." });
  await replyAsAsker(me, myHelpQuestion, { body: "Дякую, спробую!" });
  await refer(organiser.id, myHelpQuestion, { kind: "organisation", target: "idw" });
  await publish(organiser.id, myHelpQuestion, { locales: ["uk"], questions: ["Як знайти роботу в IT?"], answers: ["Шукайте вакансії англійською."] });
  const asker = await someone("Asker Anna");
  const { id: theirHelpQuestion } = await askHelp(asker.id, { body: "Waar vind ik een huisarts?", language: "nl" });
  await answerHelp(me, theirHelpQuestion, { body: "Kijk op de website van je gemeente." });

  return {
    me: { id: me, email, displayName },
    others: { organiser, neighbour, waiting, listener, rider, pupil, member, buddyNewcomer, buddyVolunteer, strangerNewcomer, strangerVolunteer, asker },
    activities: { pastMeetup, upcomingMeetup, webinar, series, myPastActivity },
    groups: { runGroup, aloneGroup, joinedGroup },
    matches: { asVolunteer, asNewcomer, strangers },
    questions: { theirs: theirQuestion.id },
    help: { mine: myHelpQuestion, theirs: theirHelpQuestion },
  };
}
export type PersonWithEverything = Awaited<ReturnType<typeof personWithEverything>>;
