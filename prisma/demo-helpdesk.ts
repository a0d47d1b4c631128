import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { db } from "../app/lib/db.server.ts";

/**
 * A year of helpdesk questions (decision 041), drawn from the labelled set in
 * tests/fixtures/helpdesk-questions.json in the research's shares (work 31%, health care 16%,
 * other 15%, social connections 13%, language 11%, housing 8%, education 6%), mostly Ukrainian:
 * answered, except the last month's (some of them not labelled yet); four published. Sanne is a helpdesk volunteer.
 */
type Labelled = { language: "en" | "nl" | "uk" | "ar"; text: string; themes: string[] };

const SHARES: [string, number][] = [
  ["work", 25],
  ["health-social-care", 13],
  ["other", 12],
  ["social", 10],
  ["language-communication", 9],
  ["housing", 6],
  ["education", 5],
];
const group = (q: Labelled) => (q.themes[0].startsWith("social-") ? "social" : q.themes[0]);

const ANSWERS: Record<string, Record<Labelled["language"], string>> = {
  work: {
    en: "Register with the UWV work desk and look at the vacancies for English speakers. Our job buddies can help with your CV; for pay problems FairWork gives free advice.",
    nl: "Schrijf je in bij het UWV en kijk naar vacatures voor Engelstaligen. Onze werkmaatjes helpen met je cv; bij problemen met loon geeft FairWork gratis advies.",
    uk: "Зареєструйтеся в UWV і перегляньте вакансії для англомовних. Наші бадді з роботи допоможуть із резюме; у разі проблем із зарплатою FairWork безкоштовно порадить.",
    ar: "سجّل في مكتب UWV وابحث في الوظائف المتاحة للناطقين بالإنجليزية. يساعدك رفاق العمل في سيرتك الذاتية، وتقدّم FairWork نصائح مجانية في مشاكل الأجور.",
  },
  "health-social-care": {
    en: "Call a GP practice near you and ask to register; your insurance covers the GP. Pharos has information in your language.",
    nl: "Bel een huisartsenpraktijk in de buurt en vraag of je je kunt inschrijven; de huisarts valt onder je verzekering. Pharos heeft informatie in je eigen taal.",
    uk: "Зателефонуйте до практики гейсарта поблизу й попросіться на реєстрацію; страховка покриває сімейного лікаря. На сайті Pharos є інформація українською.",
    ar: "اتصل بعيادة طبيب عائلة قريبة واطلب التسجيل؛ يغطي التأمين طبيب العائلة. لدى Pharos معلومات بلغتك.",
  },
  other: {
    en: "Ask at the municipality's service desk; they can tell you which documents you need.",
    nl: "Vraag het aan het loket van je gemeente; daar weten ze welke papieren je nodig hebt.",
    uk: "Запитайте у віконці вашої громади (гементе): там підкажуть, які документи потрібні.",
    ar: "اسأل في مكتب خدمات البلدية؛ سيخبرونك بالوثائق التي تحتاجها.",
  },
  social: {
    en: "Come to one of our meetups or the weekly language café; many people go alone the first time.",
    nl: "Kom naar een van onze bijeenkomsten of het wekelijkse taalcafé; veel mensen gaan de eerste keer alleen.",
    uk: "Приходьте на одну з наших зустрічей або на щотижневе мовне кафе; багато хто вперше приходить сам.",
    ar: "تعال إلى أحد لقاءاتنا أو إلى مقهى اللغة الأسبوعي؛ كثيرون يأتون وحدهم في المرة الأولى.",
  },
  "language-communication": {
    en: "There are evening lessons at the library and a language café every week. A language buddy can practise with you too.",
    nl: "Er zijn avondlessen in de bibliotheek en elke week een taalcafé. Een taalmaatje kan ook met je oefenen.",
    uk: "У бібліотеці є вечірні уроки, а щотижня — мовне кафе. Мовний бадді теж може з вами практикувати.",
    ar: "توجد دروس مسائية في المكتبة ومقهى لغة كل أسبوع. ويمكن لرفيق لغة أن يتدرّب معك أيضاً.",
  },
  housing: {
    en: "Contact the municipality as early as you can; they arrange shelter places and can explain rent benefit.",
    nl: "Neem zo vroeg mogelijk contact op met de gemeente; zij regelen opvangplekken en leggen huurtoeslag uit.",
    uk: "Якомога раніше зверніться до громади: вона влаштовує місця в притулках і пояснить допомогу на оренду.",
    ar: "تواصل مع البلدية في أقرب وقت؛ فهي ترتّب أماكن الإيواء وتشرح إعانة الإيجار.",
  },
  education: {
    en: "The municipality's education desk helps you choose a school; IDW evaluates foreign diplomas.",
    nl: "Het onderwijsloket van de gemeente helpt bij het kiezen van een school; IDW waardeert diploma's.",
    uk: "Освітнє віконце громади допоможе обрати школу; дипломи оцінює IDW.",
    ar: "يساعدك مكتب التعليم في البلدية في اختيار مدرسة، وتقيّم IDW الشهادات.",
  },
};

/** Pairs published with the asker's consent, rewritten without anyone's identity, in all four languages. */
const PUBLISHED: { index: number; texts: Record<Labelled["language"], [string, string]> }[] = [
  {
    index: 0,
    texts: {
      en: [
        "How do I find work when my Dutch is still basic?",
        "Many employers in IT, logistics and hospitality work in English. Register with the UWV, ask for a job buddy, and follow our webinars on finding work.",
      ],
      nl: [
        "Hoe vind ik werk als mijn Nederlands nog basis is?",
        "Veel werkgevers in IT, logistiek en horeca werken in het Engels. Schrijf je in bij het UWV, vraag een werkmaatje en volg onze webinars over werk vinden.",
      ],
      uk: [
        "Як знайти роботу, якщо я ще погано знаю нідерландську?",
        "Багато роботодавців в IT, логістиці й гостинності працюють англійською. Зареєструйтеся в UWV, попросіть бадді з роботи й приходьте на наші вебінари про пошук роботи.",
      ],
      ar: [
        "كيف أجد عملاً ولغتي الهولندية ما زالت ضعيفة؟",
        "كثير من أصحاب العمل في تقنية المعلومات والخدمات اللوجستية والضيافة يعملون بالإنجليزية. سجّل في UWV، واطلب رفيق عمل، وتابع ندواتنا عن البحث عن عمل.",
      ],
    },
  },
  {
    index: 1,
    texts: {
      en: [
        "My agency pays less than the minimum wage. What can I do?",
        "That is not allowed. Keep your payslips and contact FairWork: their advice is free and confidential.",
      ],
      nl: [
        "Mijn uitzendbureau betaalt minder dan het minimumloon. Wat kan ik doen?",
        "Dat mag niet. Bewaar je loonstroken en neem contact op met FairWork: hun advies is gratis en vertrouwelijk.",
      ],
      uk: [
        "Агентство платить менше мінімальної зарплати. Що робити?",
        "Так не можна. Збережіть розрахункові листи й зверніться до FairWork: їхні поради безкоштовні й конфіденційні.",
      ],
      ar: ["وكالة التوظيف تدفع أقل من الحد الأدنى للأجور. ماذا أفعل؟", "هذا غير مسموح. احتفظ بكشوف الرواتب وتواصل مع FairWork: نصائحهم مجانية وسرية."],
    },
  },
  {
    index: 25,
    texts: {
      en: [
        "How do I register with a GP?",
        "Call a GP practice near your address and ask whether they take new patients. Your basic health insurance pays for the GP.",
      ],
      nl: [
        "Hoe schrijf ik me in bij een huisarts?",
        "Bel een huisartsenpraktijk bij je adres en vraag of ze nieuwe patiënten aannemen. De basisverzekering betaalt de huisarts.",
      ],
      uk: [
        "Як зареєструватися в сімейного лікаря?",
        "Зателефонуйте до практики гейсарта біля вашої адреси й запитайте, чи беруть нових пацієнтів. Базова страховка оплачує сімейного лікаря.",
      ],
      ar: ["كيف أسجّل عند طبيب العائلة؟", "اتصل بعيادة طبيب عائلة قريبة من عنوانك واسأل إن كانوا يقبلون مرضى جدداً. التأمين الصحي الأساسي يغطي طبيب العائلة."],
    },
  },
  {
    index: 60,
    texts: {
      en: [
        "Where can I take Dutch lessons in the evening?",
        "Libraries and community centres run evening lessons; our language cafés are in the evening too, and a language buddy can practise with you.",
      ],
      nl: [
        "Waar kan ik 's avonds Nederlandse les volgen?",
        "Bibliotheken en buurthuizen geven avondlessen; onze taalcafés zijn ook 's avonds, en een taalmaatje kan met je oefenen.",
      ],
      uk: [
        "Де вивчати нідерландську ввечері?",
        "Бібліотеки й громадські центри проводять вечірні уроки; наші мовні кафе теж увечері, а мовний бадді може з вами практикувати.",
      ],
      ar: [
        "أين يمكنني أخذ دروس الهولندية في المساء؟",
        "تقدّم المكتبات والمراكز المجتمعية دروساً مسائية، ومقاهي اللغة لدينا في المساء أيضاً، ويمكن لرفيق لغة أن يتدرّب معك.",
      ],
    },
  },
];

export async function seedDemoHelpdesk(now = new Date()) {
  const { questions } = JSON.parse(readFileSync(new URL("../tests/fixtures/helpdesk-questions.json", import.meta.url), "utf8")) as { questions: Labelled[] };
  const people = new Map((await db().user.findMany({ select: { id: true, email: true, municipalityCode: true } })).map((u) => [u.email.split("@")[0], u]));
  const askers = ["olena", "andriy", "iryna", "mykola", "yara"].map((name) => people.get(name)!).filter(Boolean);
  const helpers = ["sanne", "marieke"].map((name) => people.get(name)!).filter(Boolean);
  if (askers.length === 0 || helpers.length === 0) return 0;
  await db().user.update({ where: { id: people.get("sanne")!.id }, data: { isHelpdeskVolunteer: true } });

  // Mostly Ukrainian, as the research's helpdesk was, and some in each other language: within a
  // theme, the n-th question of a language is ranked n / weight.
  const WEIGHT = { uk: 2.5, ar: 1, nl: 1, en: 1 };
  const chosen = SHARES.flatMap(([theme, count]) => {
    const seen = { uk: 0, ar: 0, nl: 0, en: 0 };
    return questions
      .filter((q) => group(q) === theme)
      .map((q) => ({ q, rank: seen[q.language]++ / WEIGHT[q.language] }))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, count)
      .map(({ q }) => q);
  });
  const DAY = 86_400_000;
  let created = 0;
  for (const [index, question] of chosen.entries()) {
    const asker = question.language === "ar" ? askers[askers.length - 1] : askers[index % Math.max(1, askers.length - 1)];
    const helper = helpers[index % helpers.length];
    // Spread over the past year; the newest tenth waits in the queue, one in eight has no labels yet.
    const daysAgo = (index * 137) % 360;
    const createdAt = new Date(now.getTime() - daysAgo * DAY - (index % 24) * 3_600_000);
    // The last month's questions wait in the queue, half of them not labelled yet.
    const open = daysAgo < 30 && !PUBLISHED.some((pair) => pair.index === index);
    const labelled = !open || index % 2 === 0;
    const answeredAt = open ? null : new Date(createdAt.getTime() + (2 + ((index * 37) % 70)) * 3_600_000);
    const publishedPair = PUBLISHED.find((pair) => pair.index === index);
    const id = randomUUID();
    await db().helpQuestion.create({
      data: {
        id,
        askerId: asker.id,
        body: question.text,
        language: question.language,
        anonymous: index % 6 === 0,
        publishConsent: Boolean(publishedPair) || index % 5 === 0,
        municipalityCode: asker.municipalityCode,
        status: open ? "open" : index % 3 === 0 ? "closed" : "answered",
        assigneeId: open ? null : helper.id,
        createdAt,
        firstAnsweredAt: answeredAt,
        closedAt: !open && index % 3 === 0 ? new Date(answeredAt!.getTime() + DAY) : null,
        themes: labelled ? { create: question.themes.map((theme) => ({ theme })) } : undefined,
        messages: answeredAt
          ? { create: [{ id: randomUUID(), authorId: helper.id, fromAsker: false, body: ANSWERS[group(question)][question.language], createdAt: answeredAt }] }
          : undefined,
      },
    });
    if (publishedPair) {
      await db().helpArticle.create({
        data: {
          id: randomUUID(),
          questionId: id,
          publishedById: helper.id,
          createdAt: new Date(answeredAt!.getTime() + DAY),
          texts: { create: Object.entries(publishedPair.texts).map(([locale, [q, a]]) => ({ locale, question: q, answer: a })) },
        },
      });
    }
    created++;
  }
  return created;
}
