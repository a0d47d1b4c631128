import { createActivity } from "../app/domain/activities/activities.server.ts";
import { utcToZonedParts } from "../app/domain/activities/recurrence.ts";
import { rsvp } from "../app/domain/activities/rsvp.server.ts";
import { createGroup, joinGroup } from "../app/domain/groups/groups.server.ts";
import { db } from "../app/lib/db.server.ts";

/** The local date of the next given ISO weekday (1 = Monday) at least `minDays` ahead, in Amsterdam. */
function nextWeekday(weekday: number, minDays = 1): string {
  for (let days = minDays; days < minDays + 8; days++) {
    const local = utcToZonedParts(new Date(Date.now() + days * 86_400_000), "Europe/Amsterdam");
    if (local.weekday === weekday) return local.date;
  }
  throw new Error("unreachable");
}

function addDays(date: string, days: number) {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

type Content = [locale: string, title: string, summary: string, description: string];

function form(fields: Record<string, unknown>, contents: Content[]) {
  return {
    timeZone: "Europe/Amsterdam",
    mode: "in-person",
    reminderHours: "24",
    ...fields,
    contentLocales: contents.map((c) => c[0]),
    titles: contents.map((c) => c[1]),
    summaries: contents.map((c) => c[2]),
    descriptions: contents.map((c) => c[3]),
  };
}

/** Activities and groups of the demo community, dated from today so the demo never looks stale. */
export async function seedDemoActivities() {
  const people = new Map((await db().user.findMany({ select: { id: true, email: true } })).map((u) => [u.email.split("@")[0], u.id]));
  const id = (name: string) => people.get(name)!;

  const bookClub = await createGroup(id("marieke"), {
    name: "Boekenclub Amsterdam",
    description:
      "We lezen elke twee weken een makkelijk Nederlands boek en praten erover bij een kop thee. Alle niveaus welkom.\n\nWe read an easy Dutch book every two weeks and talk about it over tea.",
    interest: "book-club",
    municipalityCode: "GM0363",
  });
  const cycling = await createGroup(id("pieter"), {
    name: "Fietsles Almere",
    description: "Leer fietsen in het Nederlandse verkeer, met geduldige vrijwilligers. Fietsen en helmen zijn er.",
    interest: "cycling",
    municipalityCode: "GM0034",
  });
  for (const name of ["olena", "sanne"]) await joinGroup(id(name), bookClub.id);
  for (const name of ["mykola", "yara"]) await joinGroup(id(name), cycling.id);

  const taalcafe = await createActivity(
    id("marieke"),
    form(
      {
        kind: "language-cafe",
        date: nextWeekday(2),
        startTime: "19:00",
        endTime: "21:00",
        venue: "Bibliotheek Zaandam",
        municipalityCode: "GM0479",
        capacity: "20",
        spokenLanguages: ["nl", "uk", "en"],
        practisedLanguage: "nl",
        practisedLevel: "A1-A2",
        themes: ["language-communication", "social-bridges"],
        interests: ["languages"],
        repeat: "1",
        repeatUntil: addDays(nextWeekday(2), 7 * 9),
        accessibilityNotes: "Drempelvrij, lift aanwezig.",
      },
      [
        [
          "nl",
          "Taalcafé Zaanstad",
          "Oefen Nederlands in een kleine groep, met koffie en vrijwilligers.",
          "Elke dinsdagavond praten we in kleine groepjes over alledaagse onderwerpen. Je hoeft niets voor te bereiden.",
        ],
        [
          "uk",
          "Мовне кафе Заандам",
          "Практикуйте нідерландську в невеликій групі з волонтерами за кавою.",
          "Щовівторка ввечері ми говоримо в малих групах на повсякденні теми. Нічого готувати не потрібно.",
        ],
      ],
    ),
    { publish: true },
  );
  const webinar = await createActivity(
    id("oksana"),
    form(
      {
        kind: "webinar",
        date: nextWeekday(4),
        startTime: "19:30",
        endTime: "21:00",
        mode: "online",
        joinUrl: "https://meet.example.org/werk-vinden",
        capacity: "1000",
        spokenLanguages: ["uk", "nl"],
        themes: ["work", "rights-responsibilities"],
        interests: ["entrepreneurship"],
      },
      [
        [
          "uk",
          "Як знайти роботу в Нідерландах",
          "Вебінар про ринок праці, CV нідерландського зразка та UWV.",
          "Ми розповімо, як працює ринок праці, як написати CV, що таке UWV і де шукати вакансії. Наприкінці — запитання й відповіді.",
        ],
        [
          "nl",
          "Werk vinden in Nederland",
          "Webinar over de arbeidsmarkt, een Nederlands cv en het UWV.",
          "Hoe werkt de Nederlandse arbeidsmarkt, hoe schrijf je een cv en waar vind je vacatures?",
        ],
      ],
    ),
    { publish: true },
  );
  await createActivity(
    id("marieke"),
    form(
      {
        kind: "workshop",
        date: nextWeekday(6),
        startTime: "10:00",
        endTime: "12:30",
        venue: "Buurthuis De Pijp",
        municipalityCode: "GM0363",
        capacity: "25",
        childcare: "on",
        spokenLanguages: ["uk", "en", "nl"],
        themes: ["work", "culture"],
        interests: ["entrepreneurship"],
      },
      [
        [
          "en",
          "Dutch work culture",
          "Directness, overleg and the famous lunch: what to expect at a Dutch workplace.",
          "A practical workshop with role play. Childcare in the next room.",
        ],
        [
          "uk",
          "Нідерландська робоча культура",
          "Прямота, «overleg» і знаменитий обід: чого чекати на роботі.",
          "Практичний майстер-клас із рольовими іграми. Поруч працює дитяча кімната.",
        ],
      ],
    ),
    { publish: true },
  );
  await createActivity(
    id("marieke"),
    form(
      {
        kind: "group-session",
        groupId: bookClub.id,
        date: nextWeekday(3),
        startTime: "19:30",
        endTime: "21:00",
        venue: "OBA Oosterdok",
        municipalityCode: "GM0363",
        spokenLanguages: ["nl", "en"],
        themes: ["social-bonds", "language-communication"],
        interests: ["book-club"],
        repeat: "2",
        repeatUntil: addDays(nextWeekday(3), 70),
      },
      [["nl", "Boekenclub: makkelijk lezen", "We bespreken 'Het gouden ei' in eenvoudig Nederlands.", "Neem je boek mee, of lees mee op je telefoon."]],
    ),
    { publish: true },
  );
  await createActivity(
    id("pieter"),
    form(
      {
        kind: "group-session",
        groupId: cycling.id,
        date: nextWeekday(6),
        startTime: "10:00",
        endTime: "11:30",
        venue: "Verkeerspark Almere",
        municipalityCode: "GM0034",
        capacity: "8",
        childcare: "on",
        spokenLanguages: ["nl", "en", "ar"],
        themes: ["leisure", "stability"],
        interests: ["cycling"],
        repeat: "1",
        repeatUntil: addDays(nextWeekday(6), 21),
      },
      [
        ["nl", "Fietsles voor beginners", "Leer veilig fietsen in het verkeer.", "Fietsen en helmen zijn aanwezig. Kom in makkelijke kleding."],
        ["ar", "دروس ركوب الدراجة للمبتدئين", "تعلّم ركوب الدراجة بأمان في حركة المرور.", "الدراجات والخوذ متوفرة. تعال بملابس مريحة."],
      ],
    ),
    { publish: true },
  );
  const yoga = await createActivity(
    id("oksana"),
    form(
      {
        kind: "meetup",
        date: nextWeekday(7),
        startTime: "11:00",
        endTime: "12:00",
        venue: "Park Brakkenstein",
        municipalityCode: "GM0268",
        capacity: "3",
        spokenLanguages: ["uk", "nl", "ar"],
        themes: ["health-social-care", "social-bridges"],
        interests: ["yoga", "meditation"],
      },
      [
        ["uk", "Йога в парку", "Легка йога на свіжому повітрі для всіх рівнів.", "Візьміть килимок або рушник."],
        ["nl", "Yoga in het park", "Rustige yoga buiten, voor iedereen.", "Neem een matje of handdoek mee."],
      ],
    ),
    { publish: true },
  );
  await createActivity(
    id("oksana"),
    form(
      {
        kind: "network-conversation",
        date: nextWeekday(5, 8),
        startTime: "16:00",
        endTime: "17:30",
        mode: "hybrid",
        venue: "Werkplein Nijmegen",
        municipalityCode: "GM0268",
        joinUrl: "https://meet.example.org/netwerk-it",
        capacity: "15",
        spokenLanguages: ["en", "nl", "uk"],
        themes: ["work", "social-links"],
        interests: ["it", "technology"],
      },
      [
        [
          "en",
          "Network conversation: working in IT",
          "Meet Dutch IT professionals and ask them anything.",
          "Small tables, 20 minutes each. Bring your CV if you like.",
        ],
      ],
    ),
    { publish: true },
  );

  await rsvp(id("andriy"), taalcafe.id);
  await rsvp(id("olena"), webinar.id);
  await rsvp(id("iryna"), webinar.id);
  for (const name of ["iryna", "oksana", "fatima", "olena"]) await rsvp(id(name), yoga.id); // the fourth waits
}
