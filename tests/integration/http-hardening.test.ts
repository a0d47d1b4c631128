/**
 * Request guards in front of Remix (docs/decisions/014), one block per finding of the outside
 * security test, numbered as in its report.
 */
import { describe, expect, it } from "vitest";
import { updateProfile } from "~/domain/people/profile.server";
import { db } from "~/lib/db.server";
import { errorPage } from "../../server/http/error-page";
import { makePerson } from "../support/factories";
import { clientFor, TestClient, uniqueEmail } from "../support/http-client";
import { paddedForm, postChunked } from "../support/raw-http";
import { useServer } from "../support/server";

const target = useServer();
const TEN_MB = 10 * 1024 * 1024;
const PROFILE = { displayName: "Olena", locale: "nl", isNewcomer: "on", municipalityCode: "GM0363", languages: ["uk"], levels: ["native"], interests: [], sectors: [], availability: [] };

async function newcomer(displayName = "Olena") {
  const id = await makePerson();
  await updateProfile(id, { ...PROFILE, displayName });
  return id;
}

const displayNameOf = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).displayName;

describe("7: the body limit counts bytes as they arrive", () => {
  it("refuses a 10 MB chunked sign-in with a translated 413 and starts no session", async () => {
    const email = uniqueEmail();
    const password = "correct horse battery";
    const registered = await new TestClient(target.url).post("/register", { email, password, displayName: "Olena", locale: "uk" });
    expect(registered.status).toBe(302);
    const { id } = await db().user.findUniqueOrThrow({ where: { email } });
    const sessions = await db().session.count({ where: { userId: id } });
    // Right credentials in front of 10 MB of padding: read in full, the body would sign in.
    const answer = await postChunked(
      target.url,
      "/login",
      { "content-type": "application/x-www-form-urlencoded", origin: target.url, "accept-language": "nl" },
      paddedForm({ email, password }, TEN_MB),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(errorPage("nl", "errors.tooLargeTitle", "errors.tooLarge"));
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(await db().session.count({ where: { userId: id } })).toBe(sessions);
    // Figures for the report: how much the client had written when the answer came, and how fast.
    console.info(`413 after ${(answer.bytesWritten / 1024).toFixed(0)} KiB written by the client, in ${answer.ms.toFixed(0)} ms`);
  });

  it("refuses a 10 MB chunked profile update with a translated 413 and leaves the profile as it was", async () => {
    const id = await newcomer("Olena");
    const client = await clientFor(target.url, id);
    const answer = await postChunked(
      target.url,
      "/profile",
      { "content-type": "application/x-www-form-urlencoded", origin: target.url, cookie: client.cookieHeader(), "accept-language": "uk" },
      paddedForm({ ...PROFILE, displayName: "Changed by a huge body" }, TEN_MB),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(errorPage("uk", "errors.tooLargeTitle", "errors.tooLarge"));
    expect(await displayNameOf(id)).toBe("Olena");
  });

  it("still takes a chunked form under the limit, byte for byte", async () => {
    const id = await newcomer("Olena");
    const client = await clientFor(target.url, id);
    const answer = await postChunked(
      target.url,
      "/profile",
      { "content-type": "application/x-www-form-urlencoded", origin: target.url, cookie: client.cookieHeader() },
      paddedForm({ ...PROFILE, displayName: "Олена Ш." }, 30 * 1024, 1000),
    );
    expect(answer.status).toBe(302);
    expect(await displayNameOf(id)).toBe("Олена Ш.");
  });
});
