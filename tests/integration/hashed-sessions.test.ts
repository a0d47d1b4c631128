/**
 * The session table holds SHA-256 hashes of the tokens in the cookies, so that a copy of the
 * database (a backup, a leaked dump) cannot be used to sign in as anyone.
 */
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, startSession } from "~/domain/auth/lucia.server";
import { hashPassword } from "~/domain/auth/password.server";
import { db } from "~/lib/db.server";
import { TestClient, uniqueEmail } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();
const PASSWORD = "correct horse battery";
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const tokenOf = (setCookie: string) => setCookie.split(";")[0].split("=")[1];

async function account() {
  const user = { id: randomUUID(), email: uniqueEmail("session"), passwordHash, displayName: "Olena" };
  await db().user.create({ data: user });
  return user;
}

async function signedInOverHttp() {
  const user = await account();
  const client = new TestClient(target.url);
  expect((await client.post("/login", { email: user.email, password: PASSWORD })).status).toBe(302);
  return { user, client, token: client.cookies.get("meedoen_session")! };
}

describe("hashed session tokens", () => {
  it("stores the SHA-256 of the cookie's token, never the token", async () => {
    const { user, token } = await signedInOverHttp();
    const rows = await db().session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toBe(token);
    expect(rows[0].id).toBe(sha256(token));

    const direct = tokenOf(await startSession(user.id));
    const ids = (await db().session.findMany({ where: { userId: user.id } })).map((row) => row.id);
    expect(ids).not.toContain(direct);
    expect(ids).toContain(sha256(direct));
  });

  it("does not let a stolen row be used as a cookie", async () => {
    const { user, client } = await signedInOverHttp();
    expect((await client.get("/account")).status).toBe(200);
    const [row] = await db().session.findMany({ where: { userId: user.id } });
    expect((await authenticate(`meedoen_session=${row.id}`)).user).toBeNull();
    const thief = new TestClient(target.url);
    thief.cookies.set("meedoen_session", row.id);
    const answer = await thief.get("/account");
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toMatch(/^\/login/);
  });

  it("signs out over HTTP by deleting the hashed row", async () => {
    const { user, client, token } = await signedInOverHttp();
    expect((await client.post("/logout", {})).status).toBe(302);
    expect(client.cookies.has("meedoen_session")).toBe(false);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await authenticate(`meedoen_session=${token}`)).user).toBeNull();
  });

  it("extends a session in its second half under the same token and hash", async () => {
    const user = await account();
    const token = tokenOf(await startSession(user.id));
    const soon = new Date(Date.now() + 5 * 86_400_000);
    await db().session.update({ where: { id: sha256(token) }, data: { expiresAt: soon } });
    const { user: found, setCookies } = await authenticate(`meedoen_session=${token}`);
    expect(found?.id).toBe(user.id);
    expect(tokenOf(setCookies[0])).toBe(token);
    const row = await db().session.findUniqueOrThrow({ where: { id: sha256(token) } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(soon.getTime());
  });
});
