/**
 * Links that hand an activity to the apps people use: their calendar (Google, Outlook; the .ics
 * serves the rest) and their chats (WhatsApp, Telegram). Plain links, so they work without
 * JavaScript; nothing is sent anywhere until the person follows one.
 */
export type Shared = { title: string; startsAt: string; endsAt: string; details: string; location: string; url: string };

/** 20261203T180000Z, as Google's calendar template wants UTC. */
const compact = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export function calendarLinks(activity: Shared) {
  const details = `${activity.details}\n\n${activity.url}`.trim();
  const google = new URL("https://calendar.google.com/calendar/render");
  google.search = new URLSearchParams({
    action: "TEMPLATE",
    text: activity.title,
    dates: `${compact(activity.startsAt)}/${compact(activity.endsAt)}`,
    details,
    location: activity.location,
  }).toString();
  const outlook = new URL("https://outlook.live.com/calendar/0/deeplink/compose");
  outlook.search = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: activity.title,
    startdt: new Date(activity.startsAt).toISOString(),
    enddt: new Date(activity.endsAt).toISOString(),
    body: details,
    location: activity.location,
  }).toString();
  return { google: google.toString(), outlook: outlook.toString() };
}

export function chatLinks(activity: Pick<Shared, "title" | "url">) {
  return {
    whatsapp: `https://wa.me/?${new URLSearchParams({ text: `${activity.title} ${activity.url}` })}`,
    telegram: `https://t.me/share/url?${new URLSearchParams({ url: activity.url, text: activity.title })}`,
  };
}
