/**
 * Request guards in front of Remix (docs/decisions/014), one block per finding of the outside
 * security test, numbered as in its report.
 */
import { describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import { rsvp } from "~/domain/activities/rsvp.server";
import { runMatching } from "~/domain/matching/matches.server";
import { createOffer, createRequest, verifyVolunteer } from "~/domain/matching/offers.server";
import { updateProfile } from "~/domain/people/profile.server";
import { serverT } from "~/lib/i18n.server";
import { db } from "~/lib/db.server";
import { errorPage } from "../../server/http/error-page";
import { makePerson, publishedActivity } from "../support/factories";
import { clientFor, formBody, TestClient, uniqueEmail } from "../support/http-client";
import { paddedForm, postChunked } from "../support/raw-http";
import { builtRoutes, fill } from "../support/routes-manifest";
import { useServer } from "../support/server";

const target = useServer();
const TEN_MB = 10 * 1024 * 1024;
const PROFILE = {
  displayName: "Olena",
  locale: "nl",
  isNewcomer: "on",
  municipalityCode: "GM0363",
  languages: ["uk"],
  levels: ["native"],
  interests: [],
  sectors: [],
  availability: [],
};

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

describe("9: only form bodies reach the actions; malformed addresses are a 400", async () => {
  const routes = await builtRoutes();
  const organiser = await makePerson({ isOrganiser: true, isAdmin: true });
  const activityId = await publishedActivity(organiser);
  const guest = await newcomer("Gast");
  await rsvp(guest, activityId);
  const actions = routes.filter((route) => route.hasAction).map((route) => fill(route.pattern, { id: activityId }, "unknown"));
  const withParams = routes.filter((route) => route.hasParams).map((route) => route.pattern);

  it("finds the action routes in the build", () => {
    expect(actions.length).toBeGreaterThanOrEqual(20);
    expect(actions).toContain(`/organise/activities/${activityId}/door`);
  });

  it.each(actions)("%s refuses JSON and text/plain with a translated 415", async (path) => {
    const client = await clientFor(target.url, organiser, { "accept-language": "nl" });
    for (const [type, body] of [
      ["application/json", JSON.stringify({ intent: "duplicate", displayName: "x" })],
      ["text/plain", "intent=duplicate"],
    ]) {
      const response = await client.request(path, { method: "POST", body, headers: { "content-type": type, origin: target.url } });
      expect(response.status, `${type} to ${path}`).toBe(415);
      expect(await response.text()).toBe(errorPage("nl", "errors.badFormTitle", "errors.badForm"));
    }
  });

  it.each(actions)("%s refuses a file where text belongs with a translated 400", async (path) => {
    const client = await clientFor(target.url, organiser);
    client.cookies.set("meedoen_lng", "ar"); // refused before the session is read: the cookie decides the language
    const form = new FormData();
    form.append("intent", new Blob(["duplicate"], { type: "text/plain" }), "intent.txt");
    const response = await client.request(path, { method: "POST", body: form, headers: { origin: target.url } });
    expect(response.status, path).toBe(400);
    expect(await response.text()).toBe(errorPage("ar", "errors.badFormTitle", "errors.badForm"));
  });

  it("checks nobody in at the door when the person or the walk-in name comes as a file", async () => {
    const client = await clientFor(target.url, organiser);
    const door = `/organise/activities/${activityId}/door`;
    for (const [intent, field, value] of [
      ["list", "userId", guest],
      ["walk-in", "walkInName", "Mallory"],
      ["qr", "token", `${guest}.signature`],
    ]) {
      const form = new FormData();
      form.append("intent", intent);
      form.append(field, new Blob([value]), "value.txt");
      const response = await client.request(door, { method: "POST", body: form, headers: { origin: target.url } });
      expect(response.status, `${intent} with ${field} as a file`).toBe(400);
    }
    expect(await db().checkIn.count({ where: { activityId } })).toBe(0);
  });

  it("still takes a multipart form without files", async () => {
    const id = await newcomer("Olena");
    const client = await clientFor(target.url, id);
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...PROFILE, displayName: "Olena M." })) for (const item of [value].flat()) form.append(name, item);
    const response = await client.request("/profile", { method: "POST", body: form, headers: { origin: target.url } });
    expect(response.status).toBe(302);
    expect(await displayNameOf(id)).toBe("Olena M.");
  });

  it("refuses a multipart body it cannot read with a translated 400 and changes nothing", async () => {
    const id = await newcomer("Olena");
    const client = await clientFor(target.url, id, { "accept-language": "uk" });
    const response = await client.request("/profile", {
      method: "POST",
      body: '--x\r\nContent-Disposition: form-data; name="displayName"\r\n\r\nChanged',
      headers: { origin: target.url, "content-type": "multipart/form-data; boundary=x" },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(errorPage("uk", "errors.badFormTitle", "errors.badForm"));
    expect(await displayNameOf(id)).toBe("Olena");
  });

  it("refuses a mutation without any content type with a 415 and changes nothing", async () => {
    const id = await newcomer("Olena");
    const client = await clientFor(target.url, id);
    const response = await client.request("/profile", {
      method: "POST",
      body: new Uint8Array(new TextEncoder().encode("displayName=Changed")),
      headers: { origin: target.url },
    });
    expect(response.status).toBe(415);
    expect(await displayNameOf(id)).toBe("Olena");
  });

  it.each(withParams.flatMap((pattern) => ["%E0%A4%A", "%ff"].map((escape) => [pattern, escape])))(
    "%s with %s in the address answers a translated 400",
    async (pattern, escape) => {
      const path = fill(pattern, {}, escape);
      const response = await new TestClient(target.url, { "accept-language": "nl" }).get(path);
      expect(response.status, path).toBe(400);
      const html = await response.text();
      expect(html).toBe(errorPage("nl", "errors.badRequestTitle", "errors.badRequest"));
      expect(html).toContain(serverT("nl")("errors.badRequestTitle"));
    },
  );
});

describe("10: responses with personal data stay out of caches", async () => {
  const place = "GM0050";
  const seeker = await makePerson();
  await db().user.update({ where: { id: seeker }, data: { isNewcomer: true } });
  await updateProfile(seeker, { ...PROFILE, municipalityCode: place, languages: ["uk", "en"], levels: ["native", "B1"], availability: ["2-evening"] });
  const volunteer = await makePerson();
  await updateProfile(volunteer, {
    ...PROFILE,
    displayName: "Sanne",
    isNewcomer: "",
    isVolunteer: "on",
    municipalityCode: place,
    languages: ["nl", "en"],
    levels: ["native", "C1"],
    availability: ["2-evening"],
  });
  const coordinator = await makePerson({ isOrganiser: true });
  await createOffer(volunteer, {
    kind: "language",
    helpsWith: ["nl"],
    sectors: [],
    capacity: "1",
    commitment: "1h-week-3-months",
    travelKm: "15",
    onlineOk: "",
  });
  await createRequest(seeker, { kind: "language", targetLanguage: "nl", targetLevel: "A2", goals: [], onlineOk: "", note: "" });
  await verifyVolunteer(coordinator, volunteer, "2026-11-01");
  await runMatching(coordinator, { municipalityCode: place, autoSend: true });
  const match = await db().buddyMatch.findFirstOrThrow({ where: { newcomerId: seeker } });

  // Single fetch (remix.config.js: v3_singleFetch) asks for `/path.data`; `?_data=` is still answered.
  const pages = [
    { path: "/account", route: "routes/account._index" },
    { path: "/profile", route: "routes/profile" },
    { path: "/notifications", route: "routes/notifications" },
    { path: `/buddies/match/${match.id}`, route: "routes/buddies.match.$id" },
  ];
  const variants = pages.flatMap(({ path, route }) => [path, `${path}.data`, `${path}?_data=${encodeURIComponent(route)}`]);

  it.each(variants)("%s is private, no-store for a signed-in person", async (path) => {
    const client = await clientFor(target.url, seeker);
    const response = await client.get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get("cache-control"), path).toBe("private, no-store");
  });

  it("marks every answer that sets a cookie private, no-store, signed in or not", async () => {
    const anonymous = new TestClient(target.url);
    const switched = await anonymous.post("/language", { locale: "uk", returnTo: "/" });
    expect(switched.headers.getSetCookie().join()).toMatch(/meedoen_lng=uk/);
    expect(switched.headers.get("cache-control")).toBe("private, no-store");
  });

  it("keeps the public API's cache header and leaves anonymous pages and built assets alone", async () => {
    const client = await clientFor(target.url, seeker);
    expect((await client.get("/api/activities")).headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect((await new TestClient(target.url).get("/activities")).headers.get("cache-control")).toBeNull();
    const html = await (await client.get("/")).text();
    const asset = /\/build\/[^"]+\.js/.exec(html)![0];
    expect((await client.get(asset)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("11: mutations must come from our own origin, by scheme, host and port", () => {
  async function attempt(headers: Record<string, string>) {
    const id = await newcomer("Olena");
    const client = await clientFor(target.url, id, { "accept-language": "nl" });
    const response = await client.request("/profile", {
      method: "POST",
      body: formBody({ ...PROFILE, displayName: "Changed" }),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });
    return { response, name: await displayNameOf(id) };
  }
  const own = () => new URL(target.url);

  it.each([
    ["an https Origin for the http server", () => ({ origin: `https://${own().host}` })],
    ["an Origin on another port", () => ({ origin: `http://${own().hostname}:1` })],
    ["an opaque Origin", () => ({ origin: "null" })],
    ["a foreign Referer without Origin", () => ({ referer: "https://evil.example/page" })],
    ["an https Referer without Origin", () => ({ referer: `https://${own().host}/profile` })],
    ["neither Origin nor Referer, with a session", () => ({})],
  ])("refuses %s with a translated 403 and changes nothing", async (_what, headers) => {
    const { response, name } = await attempt(headers());
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(errorPage("nl", "errors.forbiddenTitle", "errors.foreignOrigin"));
    expect(name).toBe("Olena");
  });

  it.each([
    ["its own Origin", () => ({ origin: target.url })],
    ["its own Referer without Origin", () => ({ referer: `${target.url}/profile` })],
    ["an https Origin behind a local proxy that says https", () => ({ origin: `https://${own().host}`, "x-forwarded-proto": "https" })],
  ])("accepts %s", async (_what, headers) => {
    const { response, name } = await attempt(headers());
    expect(response.status).toBe(302);
    expect(name).toBe("Changed");
  });

  it("lets a cookie-less client without Origin or Referer sign in (nothing to forge without a session)", async () => {
    const response = await fetch(`${target.url}/login`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ email: "nobody@example.nl", password: "wrong password" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(401);
  });

  it("refuses a socket handshake from the https twin of our origin", async () => {
    const id = await newcomer("Olena");
    const client = await clientFor(target.url, id);
    const handshake = (origin: string) =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(target.url, {
          transports: ["websocket"],
          extraHeaders: { cookie: client.cookieHeader(), origin },
          reconnection: false,
          forceNew: true,
        });
        socket.once("connect", () => (socket.close(), resolve()));
        socket.once("connect_error", (error) => (socket.close(), reject(error)));
      });
    await expect(handshake(`https://${own().host}`)).rejects.toThrow();
    await expect(handshake(target.url)).resolves.toBeUndefined();
  });
});

describe("13: the page may connect to its own origin only", () => {
  it("sends connect-src 'self' without ws: or wss: wildcards", async () => {
    const csp = (await fetch(target.url)).headers.get("content-security-policy") ?? "";
    const connect = csp
      .split(";")
      .map((part) => part.trim())
      .find((part) => part.startsWith("connect-src"));
    expect(connect).toBe("connect-src 'self'");
  });
});
