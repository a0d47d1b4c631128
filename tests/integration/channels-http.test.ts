/**
 * The channels page through real HTTP, as a browser without JavaScript uses it (decision 037):
 * who may open it, what is refused next to which field in the reader's language, and that a
 * refusal stores nothing. WEBHOOK_ALLOW_PRIVATE_HOSTS is off here, as in production, so every
 * private, local and reserved address is refused when saved and again when sent.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { deliverDueChannels } from "~/domain/channels/worker.server";
import { forgetConfig } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { seal } from "~/lib/sealed.server";
import { GOOD_TOKEN, startTelegramStandIn, startWebhookReceiver } from "../support/channel-stand-ins";
import { makePerson } from "../support/factories";
import { documentOf, validator } from "../support/html-validator";
import { REFUSED_URLS } from "../support/refused-urls";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";

const telegram = await startTelegramStandIn();
process.env.TELEGRAM_API_URL = telegram.url;
delete process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS;
forgetConfig();
const target = useServer();

afterAll(async () => {
  await telegram.stop();
  delete process.env.TELEGRAM_API_URL;
  forgetConfig();
});

async function makeGroup(locale = "en") {
  const organiser = await makePerson({ isOrganiser: true });
  const member = await makePerson({ isOrganiser: true });
  await db().user.updateMany({ where: { id: { in: [organiser, member] } }, data: { locale } });
  const id = randomUUID();
  const slug = `http-channels-${id.slice(0, 8)}`;
  await db().group.create({
    data: {
      id,
      slug,
      name: "Taalcafé Zwolle",
      description: "",
      members: { create: [{ userId: organiser, role: "organiser" }, { userId: member }] },
    },
  });
  return { id, slug, organiser, member, page: `/groups/${slug}/channels` };
}

const stored = (groupId: string) => db().groupChannel.count({ where: { groupId } });

describe("who may open the channels page", () => {
  it("the group's organisers, privately; members and other organisers get 403, people signed out the sign-in page", async () => {
    const group = await makeGroup("nl");
    const organiser = await clientFor(target.url, group.organiser);
    const page = await organiser.get(group.page);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = await page.text();
    expect(html).toContain("Nog geen kanalen");
    expect(html).toContain("Een Telegram-kanaal koppelen");
    expect(await (await organiser.get(`/groups/${group.slug}`)).text()).toContain(`href="${group.page}"`);

    const member = await clientFor(target.url, group.member);
    expect((await member.get(group.page)).status).toBe(403);
    expect(await (await member.get(`/groups/${group.slug}`)).text()).not.toContain(`href="${group.page}"`);
    const outsider = await clientFor(target.url, await makePerson({ isOrganiser: true }));
    expect((await outsider.get(group.page)).status).toBe(403);
    const anonymous = await clientFor(target.url, null);
    const answer = await anonymous.get(group.page);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    const admin = await clientFor(target.url, await makePerson({ isAdmin: true }));
    expect((await admin.get(group.page)).status).toBe(200);
  });

  it("refuses a member's and an outsider's changes with 403 and changes nothing", async () => {
    const group = await makeGroup();
    await db().groupChannel.create({
      data: {
        id: "kept-channel-" + group.id,
        groupId: group.id,
        kind: "webhook",
        target: "https://93.184.216.34/hook",
        label: "93.184.216.34",
        sealedSecret: "v1.x",
      },
    });
    for (const person of [group.member, await makePerson({ isOrganiser: true })]) {
      const client = await clientFor(target.url, person);
      const attempts: Record<string, string>[] = [
        { intent: "webhook", url: "https://93.184.216.34/other" },
        { intent: "telegram", token: GOOD_TOKEN, chatId: "@taalcafe_zwolle" },
        { intent: "remove", channelId: "kept-channel-" + group.id, confirm: "on" },
        { intent: "test", channelId: "kept-channel-" + group.id },
        { intent: "nonsense" },
      ];
      for (const fields of attempts) {
        expect((await client.post(group.page, fields)).status, JSON.stringify(fields)).toBe(403);
      }
    }
    expect(await stored(group.id)).toBe(1);
    expect(await db().channelDelivery.count({ where: { channelId: "kept-channel-" + group.id } })).toBe(0);
    expect(telegram.calls.filter((call) => call.body.chat_id === "@taalcafe_zwolle")).toEqual([]);
  });
});

describe("Telegram through the form", () => {
  it("explains a refused token in the reader's language, next to the field, without echoing it, and stores nothing", async () => {
    const group = await makeGroup("uk");
    const client = await clientFor(target.url, group.organiser);
    const wrong = "987654321:AAH-a-token-that-telegram-does-not-know_1";
    const answer = await client.post(group.page, { intent: "telegram", token: wrong, chatId: "@taalcafe_zwolle" });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain("Telegram не приймає цей токен бота");
    expect(html).toMatch(/id="field-token-error"/);
    expect(html).not.toContain(wrong);
    expect(html).toContain('value="@taalcafe_zwolle"'); // the chat is kept for the next try
    expect(await stored(group.id)).toBe(0);
  });

  it("connects with a working token and shows the channel", async () => {
    const group = await makeGroup("ar");
    const client = await clientFor(target.url, group.organiser);
    const answer = await client.post(group.page, { intent: "telegram", token: GOOD_TOKEN, chatId: "-1009876543210" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(group.page);
    const html = await (await client.get(group.page)).text();
    expect(html).toContain("-1009876543210 (@meedoen_test_bot)");
    expect(html).toContain("رُبط تيليجرام");
    expect(html).not.toContain(GOOD_TOKEN);
    expect(await stored(group.id)).toBe(1);
  });

  it.each([
    ["a token far too long", { token: `1:${"A".repeat(5000)}`, chatId: "@taalcafe_zwolle" }, "token"],
    ["a token of the wrong shape", { token: "not-a-token", chatId: "@taalcafe_zwolle" }, "token"],
    ["no chat", { token: GOOD_TOKEN, chatId: "" }, "chatId"],
    ["a chat that is no chat", { token: GOOD_TOKEN, chatId: "taalcafe; DROP TABLE" }, "chatId"],
  ])("refuses %s before asking Telegram", async (_what, fields, field) => {
    const group = await makeGroup();
    const before = telegram.calls.length;
    const answer = await (await clientFor(target.url, group.organiser)).post(group.page, { intent: "telegram", ...fields });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(new RegExp(`id="field-${field}-error"`));
    expect(telegram.calls.length).toBe(before);
    expect(await stored(group.id)).toBe(0);
  });
});

describe("webhooks through the form", () => {
  it.each([
    ...REFUSED_URLS.map(([url, what]) => [url, what, "This address points into a private or local network"] as const),
    ["http://localhost:8080/hook", "localhost by name", "This address points into a private or local network"] as const,
    ["http://hooks.localhost/hook", "a .localhost name", "This address points into a private or local network"] as const,
    ["https://nowhere.invalid/hook", "a name that does not resolve", "host name could not be found"] as const,
    ["ftp://93.184.216.34/hook", "another scheme", "Only http:// and https:// addresses"] as const,
    ["javascript:alert(1)", "a script address", "Only http:// and https:// addresses"] as const,
    ["https://user:secret@93.184.216.34/hook", "credentials in the address", "Leave the user name and password out"] as const,
    ["hook at example dot org", "not an address", "This is not a web address"] as const,
  ])("refuses %s (%s) and stores nothing", async (url, _what, message) => {
    const group = await makeGroup();
    const answer = await (await clientFor(target.url, group.organiser)).post(group.page, { intent: "webhook", url });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain(message);
    expect(html).toMatch(/id="field-url-error"/);
    expect(await stored(group.id)).toBe(0);
  });

  it("refuses an address over 2,000 characters and a form over 64 KB", async () => {
    const group = await makeGroup();
    const client = await clientFor(target.url, group.organiser);
    const long = await client.post(group.page, { intent: "webhook", url: `https://93.184.216.34/${"a".repeat(2100)}` });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("2000");
    expect((await client.post(group.page, { intent: "webhook", url: `https://93.184.216.34/${"a".repeat(70_000)}` })).status).toBe(413);
    expect(await stored(group.id)).toBe(0);
  });

  it("shows the signing secret once and keeps only a sealed copy", async () => {
    const group = await makeGroup();
    const client = await clientFor(target.url, group.organiser);
    const answer = await client.post(group.page, { intent: "webhook", url: "https://93.184.216.34/meedoen-hook" });
    expect(answer.status).toBe(200);
    const secret = /whsec_[\w-]{43}/.exec(await answer.text())?.[0];
    expect(secret).toBeDefined();
    const again = await (await client.get(group.page)).text();
    expect(again).toContain("https://93.184.216.34/meedoen-hook");
    expect(again).not.toContain(secret!);
    const row = await db().groupChannel.findFirstOrThrow({ where: { groupId: group.id } });
    expect(JSON.stringify(row)).not.toContain(secret!.slice(6, 20));
  });

  it("checks the address again when sending: a saved webhook that now points to this machine gets nothing", async () => {
    const group = await makeGroup("nl");
    const receiver = await startWebhookReceiver();
    try {
      // As if the name had resolved to a public address when it was saved and to 127.0.0.1 now.
      const id = randomUUID();
      await db().groupChannel.create({
        data: { id, groupId: group.id, kind: "webhook", target: `${receiver.url}/hook`, label: "127.0.0.1", sealedSecret: await seal("whsec_test", id) },
      });
      const client = await clientFor(target.url, group.organiser);
      expect((await client.post(group.page, { intent: "test", channelId: id })).status).toBe(302);
      await deliverDueChannels();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(receiver.received).toEqual([]);
      const row = await db().channelDelivery.findFirstOrThrow({ where: { channelId: id } });
      expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: null });
      expect(row.lastError).toContain("refused URL: private");
      const log = await (await client.get(group.page)).text();
      expect(log).toContain("refused URL: private");
      expect(log).toContain("1 poging");
    } finally {
      await receiver.stop();
    }
  });
});

describe("the page's HTML", () => {
  it("is valid with channels, a log, a refusal and a new secret, left to right and right to left", async () => {
    const group = await makeGroup();
    const id = randomUUID();
    await db().groupChannel.create({
      data: { id, groupId: group.id, kind: "webhook", target: "https://93.184.216.34/x", label: "x", sealedSecret: await seal("s", id) },
    });
    await db().channelDelivery.createMany({
      data: [
        {
          id: randomUUID(),
          channelId: id,
          event: "activity.published",
          payload: "{}",
          status: "failed",
          attempts: 8,
          lastStatus: 500,
          lastError: "HTTP 500: nope",
        },
        { id: randomUUID(), channelId: id, event: "channel.test", payload: "{}", status: "sent", attempts: 1, lastStatus: 200 },
      ],
    });
    const client = await clientFor(target.url, group.organiser);
    const problems: string[] = [];
    for (const locale of ["en", "ar"]) {
      await db().user.update({ where: { id: group.organiser }, data: { locale } });
      for (const answer of [
        await client.get(group.page),
        await client.post(group.page, { intent: "webhook", url: "https://93.184.216.34/y" }),
        await client.post(group.page, { intent: "remove", channelId: id }),
        await client.post(group.page, { intent: "telegram", token: "x", chatId: "" }),
      ]) {
        const report = await validator.validateString(documentOf(await answer.text()));
        problems.push(
          ...report.results.flatMap((result) => result.messages.map((m) => `${locale} ${answer.status} ${m.ruleId}: ${m.message} (${m.selector})`)),
        );
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("hostile input", () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom("", " ", "\u0000", "<script>alert(1)</script>", "../../etc/passwd", "%00", "𝕳𝖊𝖑𝖑𝖔", "‮gnp.exe", "@".repeat(300), "-".repeat(3000)),
  );
  it("never answers 500 and stores nothing that was refused", async () => {
    const group = await makeGroup();
    const client = await clientFor(target.url, group.organiser);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("telegram", "webhook", "remove", "test", "retry", "other"),
        fc.dictionary(fc.constantFrom("token", "chatId", "url", "channelId", "deliveryId", "confirm"), hostile),
        async (intent, fields) => {
          const answer = await client.post(group.page, { ...fields, intent });
          expect(answer.status).toBeLessThan(500);
          expect([200, 302, 400, 404, 409, 413]).toContain(answer.status);
        },
      ),
      { numRuns: 60 },
    );
    // Only a webhook to a public address could have been stored, and none of these was one.
    expect(await stored(group.id)).toBe(0);
  });
});

describe("removing", () => {
  it("asks for the confirmation box, then removes the channel with its log", async () => {
    const group = await makeGroup("nl");
    const id = randomUUID();
    await db().groupChannel.create({
      data: { id, groupId: group.id, kind: "webhook", target: "https://93.184.216.34/x", label: "x", sealedSecret: await seal("s", id) },
    });
    await db().channelDelivery.create({ data: { id: randomUUID(), channelId: id, event: "channel.test", payload: "{}", status: "sent" } });
    const client = await clientFor(target.url, group.organiser);
    const unconfirmed = await client.post(group.page, { intent: "remove", channelId: id });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Vink het vakje aan");
    expect(await stored(group.id)).toBe(1);
    expect((await client.post(group.page, { intent: "remove", channelId: "not-a-channel", confirm: "on" })).status).toBe(404);
    const confirmed = await client.post(group.page, { intent: "remove", channelId: id, confirm: "on" });
    expect(confirmed.status).toBe(302);
    expect(await stored(group.id)).toBe(0);
    expect(await db().channelDelivery.count({ where: { channelId: id } })).toBe(0);
  });
});
