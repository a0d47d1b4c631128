import sharp from "sharp";
import { db } from "../app/lib/db.server.ts";
import { storePicture } from "../app/lib/images/cover.server.ts";

/**
 * Cover pictures for the demo (decision 043): simple scenes drawn here as SVG and rendered with
 * sharp at seed time, then sent through the same pipeline as an upload. Made for Meedoen; nothing
 * is downloaded. Each has its description in the four interface languages.
 */
const frame = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 160 90">${body}</svg>`);

const SCENES: { match: (kind: string, titles: string[]) => boolean; svg: Buffer; alt: Record<string, string> }[] = [
  {
    match: (kind) => kind === "language-cafe",
    svg: frame(`<rect width="160" height="90" fill="#f3e9dc"/><rect y="58" width="160" height="32" fill="#8a5a3b"/>
<rect x="30" y="38" width="22" height="22" rx="3" fill="#0b5d4b"/><path d="M52 44 q8 0 8 6 q0 6-8 6" fill="none" stroke="#0b5d4b" stroke-width="3"/>
<rect x="96" y="40" width="20" height="20" rx="3" fill="#e5f2ee"/><path d="M116 45 q7 0 7 5 q0 5-7 5" fill="none" stroke="#e5f2ee" stroke-width="3"/>
<path d="M36 34 q3-6 0-12 M44 34 q3-6 0-12 M102 36 q3-6 0-12 M110 36 q3-6 0-12" stroke="#b9dccf" stroke-width="1.5" fill="none"/>
<rect x="64" y="22" width="26" height="14" rx="4" fill="#fff"/><text x="77" y="32" font-family="sans-serif" font-size="8" text-anchor="middle" fill="#07453a">Hoi!</text>`),
    alt: {
      nl: "Twee koppen koffie op een houten tafel, met een tekstballon waarin 'Hoi!' staat",
      en: "Two cups of coffee on a wooden table, with a speech bubble saying 'Hoi!'",
      uk: "Дві чашки кави на дерев'яному столі й хмаринка з написом «Hoi!»",
      ar: "فنجانا قهوة على طاولة خشبية، وفقاعة كلام مكتوب فيها «Hoi!»",
    },
  },
  {
    match: (_kind, titles) => titles.some((title) => /yoga/i.test(title)),
    svg: frame(`<rect width="160" height="90" fill="#cfe8f3"/><circle cx="130" cy="18" r="9" fill="#f2c14e"/>
<path d="M0 62 Q40 50 80 60 T160 56 V90 H0Z" fill="#5fa48f"/><rect x="26" y="34" width="4" height="26" fill="#6b4a2f"/><circle cx="28" cy="30" r="12" fill="#0b5d4b"/>
<rect x="128" y="38" width="4" height="22" fill="#6b4a2f"/><circle cx="130" cy="34" r="10" fill="#07453a"/>
<rect x="62" y="70" width="36" height="4" rx="2" fill="#f2c14e"/><circle cx="80" cy="48" r="4" fill="#c98f65"/><path d="M80 52 V64 M80 56 L68 48 M80 56 L92 48 M80 64 L72 70 M80 64 L88 70" stroke="#07453a" stroke-width="3" stroke-linecap="round"/>`),
    alt: {
      nl: "Iemand doet een yogahouding op een mat in een groen park met bomen en zon",
      en: "Someone in a yoga pose on a mat in a green park with trees and sunshine",
      uk: "Людина в позі йоги на килимку в зеленому парку з деревами й сонцем",
      ar: "شخص في وضعية يوغا على سجادة في حديقة خضراء فيها أشجار وشمس",
    },
  },
  {
    match: (_kind, titles) => titles.some((title) => /fiets/i.test(title)),
    svg: frame(`<rect width="160" height="90" fill="#e5f2ee"/><rect y="68" width="160" height="22" fill="#9aa5a1"/><rect x="0" y="77" width="160" height="2" fill="#fff" stroke-dasharray="8 6" stroke="#fff"/>
<circle cx="58" cy="58" r="14" fill="none" stroke="#07453a" stroke-width="3"/><circle cx="104" cy="58" r="14" fill="none" stroke="#07453a" stroke-width="3"/>
<path d="M58 58 L74 38 L96 38 L104 58 M74 38 L82 58 L96 38 M70 32 H80 M96 38 L94 30 H102" fill="none" stroke="#0b5d4b" stroke-width="3" stroke-linejoin="round"/>
<rect x="20" y="20" width="3" height="48" fill="#5fa48f"/><rect x="14" y="14" width="16" height="10" rx="2" fill="#0b5d4b"/>`),
    alt: {
      nl: "Een groene fiets op een fietspad naast een verkeersbord",
      en: "A green bicycle on a cycle path next to a road sign",
      uk: "Зелений велосипед на велодоріжці біля дорожнього знака",
      ar: "دراجة خضراء على ممر للدراجات بجانب لافتة مرور",
    },
  },
];

export async function seedDemoCovers() {
  const activities = await db().activity.findMany({ select: { id: true, kind: true, contents: { select: { locale: true, title: true } } } });
  const groups = await db().group.findMany({ select: { id: true, name: true } });
  for (const scene of SCENES) {
    const matching = activities.filter((activity) =>
      scene.match(
        activity.kind,
        activity.contents.map((content) => content.title),
      ),
    );
    const groupsMatching = groups.filter((group) => scene.match("", [group.name]));
    if (matching.length + groupsMatching.length === 0) continue;
    const picture = await storePicture(await sharp(scene.svg).jpeg({ quality: 90 }).toBuffer());
    const size = { coverKey: picture.key, coverWidth: picture.width, coverHeight: picture.height };
    // A group has one name (Dutch in the demo), so its description is the Dutch one.
    for (const group of groupsMatching) await db().group.update({ where: { id: group.id }, data: { ...size, coverAlt: scene.alt.nl } });
    for (const activity of matching) {
      await db().activity.update({ where: { id: activity.id }, data: size });
      for (const content of activity.contents) {
        await db().activityContent.update({
          where: { activityId_locale: { activityId: activity.id, locale: content.locale } },
          data: { coverAlt: scene.alt[content.locale] ?? scene.alt.en },
        });
      }
    }
  }
}
