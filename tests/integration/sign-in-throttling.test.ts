/**
 * Sign-in throttling through the real server. The address a request comes from is varied with
 * X-Forwarded-For (the app trusts it from loopback only). Time is moved with a fake clock for
 * Date alone, so nothing here sleeps.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "~/domain/auth/password.server";
import { db } from "~/lib/db.server";
import { TestClient, uniqueEmail } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();
const PASSWORD = "correct horse battery";
const WRONG = "not the password";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Accounts straight into the database, all with PASSWORD (hashed once, registration has its own limits). */
async function accounts(count: number): Promise<string[]> {
  const people = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    email: uniqueEmail(`throttle${index}`),
    passwordHash,
    displayName: `Person ${index + 1}`,
  }));
  await db().user.createMany({ data: people });
  return people.map((person) => person.email);
}

type Answer = { status: number; retryAfter: number | null; alert: string | null };

async function signIn(address: string, email: string, password: string): Promise<Answer> {
  const client = new TestClient(target.url, { "x-forwarded-for": address, "accept-language": "en" });
  const response = await client.post("/login", { email, password });
  const retryAfter = response.headers.get("retry-after");
  const body = response.status === 302 ? "" : await response.text();
  return {
    status: response.status,
    retryAfter: retryAfter === null ? null : Number(retryAfter),
    alert: /role="alert">([^<]+)</.exec(body)?.[1] ?? null,
  };
}

const SIGNED_IN = 302;
const WRONG_PASSWORD = 401;
const WAIT = 429;

/**
 * Freezes Date, and only Date, so that waits can be skipped. rate-limiter-flexible's memory store
 * also drops an entry by a real timer when its time is up, so a check that follows a wait should
 * come well within that wait in real time: the tests below work with waits of eight seconds or more.
 */
function useClock() {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
  return { advanceSeconds: (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000) };
}

/**
 * Wrong passwords (from `addressFor(i)` for the i-th) until a wait of at least `seconds` is asked
 * for, sitting out shorter waits on the fake clock. Returns that refusal and the waits met on the way.
 */
async function failUntilWait(clock: ReturnType<typeof useClock>, email: string, addressFor: (i: number) => string, seconds: number) {
  const waits: number[] = [];
  for (let i = 1; i <= 300; i++) {
    const answer = await signIn(addressFor(i), email, WRONG);
    if (answer.status === WRONG_PASSWORD) continue;
    expect(answer.status).toBe(WAIT);
    waits.push(answer.retryAfter!);
    if (answer.retryAfter! >= seconds) return { refusal: answer, waits, attempts: i };
    clock.advanceSeconds(answer.retryAfter!);
  }
  throw new Error(`no wait of ${seconds} s within 300 attempts (waits: ${waits.join(", ")})`);
}

describe("sign-in throttling", () => {
  it("lets the owner in at once after five wrong passwords from five other addresses", async () => {
    const [email] = await accounts(1);
    for (let i = 1; i <= 5; i++) expect((await signIn(`198.51.100.${i}`, email, WRONG)).status).toBe(WRONG_PASSWORD);
    expect((await signIn("203.0.113.7", email, PASSWORD)).status).toBe(SIGNED_IN);
  });

  it("lets forty people sign in one after another from one shared computer", async () => {
    const emails = await accounts(40);
    const statuses: number[] = [];
    for (const email of emails) statuses.push((await signIn("192.0.2.10", email, PASSWORD)).status);
    expect(statuses).toEqual(emails.map(() => SIGNED_IN));
  });

  it("makes an attacker guessing one account from one address wait longer and longer, in seconds first", async () => {
    const clock = useClock();
    const [email] = await accounts(1);
    const { refusal, waits, attempts } = await failUntilWait(clock, email, () => "198.51.100.66", 32);
    expect(waits[0]).toBeLessThan(60); // a first slip costs seconds, not a quarter of an hour
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]);
    expect(attempts - waits.length).toBeLessThan(15); // passwords actually tried on the way

    // Hammering during the wait is refused, and does not make the wait longer.
    for (let i = 0; i < 5; i++) {
      const hammer = await signIn("198.51.100.66", email, WRONG);
      expect(hammer.status).toBe(WAIT);
      expect(hammer.retryAfter).toBe(refusal.retryAfter);
    }
  });

  it("tries only one of many guesses sent at once when a wait is over", async () => {
    const clock = useClock();
    const [email] = await accounts(1);
    const { refusal } = await failUntilWait(clock, email, () => "198.51.100.55", 8);
    clock.advanceSeconds(refusal.retryAfter!);
    const answers = await Promise.all(Array.from({ length: 30 }, () => signIn("198.51.100.55", email, WRONG)));
    expect(answers.filter((answer) => answer.status === WRONG_PASSWORD)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === WAIT)).toHaveLength(29);
  });

  it("refuses wrong passwords over many accounts from one address, but not the same attempts from elsewhere", async () => {
    const [someone] = await accounts(1);
    let refusedAfter: number | null = null;
    for (let attempt = 1; attempt <= 300 && refusedAfter === null; attempt++) {
      const answer = await signIn("198.51.100.99", uniqueEmail("victim"), WRONG);
      if (answer.status === WAIT) refusedAfter = attempt;
      else expect(answer.status).toBe(WRONG_PASSWORD);
    }
    expect(refusedAfter).not.toBeNull();
    // Refused before any password is checked, so a right one says nothing either.
    expect((await signIn("198.51.100.99", someone, PASSWORD)).status).toBe(WAIT);
    expect((await signIn("198.51.100.100", someone, PASSWORD)).status).toBe(SIGNED_IN);
  });

  it("refuses even the right password while an address waits on an account, in the same words as a wrong one", async () => {
    const clock = useClock();
    const [email] = await accounts(1);
    const { refusal } = await failUntilWait(clock, email, () => "198.51.100.77", 8);
    const right = await signIn("198.51.100.77", email, PASSWORD);
    expect(right.status).toBe(WAIT);
    expect(right.alert).toBe(refusal.alert);
    expect(right.alert).toMatch(/wait \d+ seconds/);

    clock.advanceSeconds(refusal.retryAfter!);
    expect((await signIn("198.51.100.77", email, PASSWORD)).status).toBe(SIGNED_IN);
    // The success wiped that address's slate: one more slip is an ordinary wrong password.
    expect((await signIn("198.51.100.77", email, WRONG)).status).toBe(WRONG_PASSWORD);
  });

  it("slows guesses at one account from many addresses, while its owner still gets in from where they signed in before", async () => {
    const clock = useClock();
    const [email] = await accounts(1);
    expect((await signIn("203.0.113.20", email, PASSWORD)).status).toBe(SIGNED_IN);

    // Every guess from a new address: only the account-wide rule can slow them.
    const { waits } = await failUntilWait(clock, email, (i) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`, 8);
    expect(Math.max(...waits)).toBeLessThanOrEqual(60);

    expect((await signIn("203.0.113.20", email, PASSWORD)).status).toBe(SIGNED_IN);
    const elsewhere = await signIn("203.0.113.21", email, PASSWORD);
    expect(elsewhere.status).toBe(WAIT); // a new place waits seconds, never a lockout
    expect(elsewhere.retryAfter).toBeLessThanOrEqual(60);
    clock.advanceSeconds(elsewhere.retryAfter!);
    expect((await signIn("203.0.113.21", email, PASSWORD)).status).toBe(SIGNED_IN);
  });
});
