import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { makePerson, publishedActivity } from "../support/factories";
import { clientFor, TestClient } from "../support/http-client";
import { expectShell } from "../support/error-pages";
import { useServer } from "../support/server";

const target = useServer();

async function personIn(locale: string, name: string) {
  const id = await makePerson();
  await db().user.update({ where: { id }, data: { locale, displayName: name } });
  return { id, client: await clientFor(target.url, id) };
}

describe("error pages keep the app around them", () => {
  it("a 404 for an unknown address, in Arabic, has the header, the language switcher and a way home", async () => {
    const response = await new TestClient(target.url, { "accept-language": "ar" }).get("/nowhere/to/be/found");
    expect(response.status).toBe(404);
    expectShell(await response.text(), "ar", "notFound");
  });

  it("a 404 for an unknown activity, its live room and its ticket, in the signed-in person's language and with their menu", async () => {
    const { client } = await personIn("uk", "Олена Коваль");
    for (const path of [`/activities/${randomUUID()}`, `/activities/${randomUUID()}/live`, `/activities/${randomUUID()}/ticket`]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expectShell(html, "uk", "notFound");
      expect(html, path).toContain("Олена Коваль");
    }
  });

  it("a 403 for someone else's organiser page, in Dutch", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser);
    const { client } = await personIn("nl", "Daan");
    const response = await client.get(`/organise/activities/${id}`);
    expect(response.status).toBe(403);
    expectShell(await response.text(), "nl", "forbidden");
  });
});
