import { describe, expect, it } from "vitest";
import { calendarLinks, chatLinks } from "~/lib/share-links";

const activity = {
  title: "Мовне кафе & koffie",
  startsAt: "2026-12-08T18:00:00.000Z",
  endsAt: "2026-12-08T20:00:00.000Z",
  details: "Говоримо нідерландською",
  location: "Bibliotheek Zaandam, Zaandam",
  url: "https://meedoen.example/activities/abc",
};

describe("share and calendar links", () => {
  it("give Google and Outlook the activity's title, UTC times, place and link", () => {
    const { google, outlook } = calendarLinks(activity);
    const g = new URL(google);
    expect(g.origin + g.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(Object.fromEntries(g.searchParams)).toMatchObject({
      action: "TEMPLATE",
      text: "Мовне кафе & koffie",
      dates: "20261208T180000Z/20261208T200000Z",
      location: "Bibliotheek Zaandam, Zaandam",
    });
    expect(g.searchParams.get("details")).toContain("https://meedoen.example/activities/abc");
    const o = new URL(outlook);
    expect(Object.fromEntries(o.searchParams)).toMatchObject({
      subject: "Мовне кафе & koffie",
      startdt: "2026-12-08T18:00:00.000Z",
      enddt: "2026-12-08T20:00:00.000Z",
    });
  });

  it("give WhatsApp and Telegram the title and the link, encoded", () => {
    const { whatsapp, telegram } = chatLinks(activity);
    expect(new URL(whatsapp).searchParams.get("text")).toBe("Мовне кафе & koffie https://meedoen.example/activities/abc");
    const t = new URL(telegram);
    expect([t.searchParams.get("url"), t.searchParams.get("text")]).toEqual(["https://meedoen.example/activities/abc", "Мовне кафе & koffie"]);
  });
});
