import { describe, expect, it } from "vitest";
import { changePassword, deleteAccount, register, signIn } from "~/domain/auth/accounts.server";
import { authenticate, lucia, startSession } from "~/domain/auth/lucia.server";
import { hashSessionToken } from "~/domain/auth/session-adapter.server";
import { exportMyData } from "~/domain/people/export.server";
import { getProfile, updateProfile } from "~/domain/people/profile.server";
import { listPeopleForAdmin, setOrganiser } from "~/domain/people/roles.server";
import { db } from "~/lib/db.server";
import { uniqueEmail } from "../support/http-client";
import { refusal } from "../support/refusal";

const PASSWORD = "correct horse battery";

async function newPerson(overrides: Record<string, unknown> = {}) {
  const email = uniqueEmail();
  const { userId } = await register(
    { email, password: PASSWORD, displayName: "Olena", locale: "uk", isNewcomer: "on", ...overrides },
    `10.0.0.${Math.floor(Math.random() * 250)}`,
  );
  return { userId, email };
}

const validProfile = {
  displayName: "Olena K.",
  locale: "uk",
  isNewcomer: "on",
  municipalityCode: "GM0479",
  languages: ["uk", "nl", "en", ""],
  levels: ["native", "A2", "B1", ""],
  interests: ["cycling", "yoga", "cycling"],
  sectors: ["healthcare"],
  availability: ["2-evening", "6-morning"],
};

describe("accounts", () => {
  it("registers, signs in with the same password and stores an argon2id hash", async () => {
    const { userId, email } = await newPerson();
    const row = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.email).toBe(email);
    expect(row.isNewcomer).toBe(true);
    expect(row.isVolunteer).toBe(false);
    await expect(signIn({ email: email.toUpperCase(), password: PASSWORD }, "1.1.1.1")).resolves.toEqual({ userId });
  });

  it("refuses a duplicate e-mail address and leaves the first account alone", async () => {
    const { email } = await newPerson();
    const error = await refusal(register({ email, password: PASSWORD, displayName: "Copy", locale: "en" }, "2.2.2.2"));
    expect(error.fieldErrors.email.key).toBe("auth.emailTaken");
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("answers malformed registrations with field errors and creates nothing", async () => {
    const before = await db().user.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: "not-an-email", password: PASSWORD, displayName: "A", locale: "en" }, "email", "validation.email"],
      [{ email: uniqueEmail(), password: "short", displayName: "A", locale: "en" }, "password", "validation.tooShort"],
      [{ email: uniqueEmail(), password: PASSWORD, displayName: "x".repeat(1_000_000), locale: "en" }, "displayName", "validation.tooLong"],
      [{ email: uniqueEmail(), password: PASSWORD, displayName: "   ", locale: "en" }, "displayName", "validation.required"],
      [{ email: uniqueEmail(), password: PASSWORD, displayName: "A", locale: "fr" }, "locale", "validation.invalidChoice"],
      [{ email: ["a@b.nl"], password: 12345678901, displayName: "A", locale: "en" }, "email", "validation.invalid"],
    ];
    for (const [input, field, key] of cases) {
      const error = await refusal(register(input, "3.3.3.3"));
      expect(error.code).toBe("validation");
      expect(error.fieldErrors[field]?.key, JSON.stringify(input).slice(0, 80)).toBe(key);
    }
    expect(await db().user.count()).toBe(before);
  });

  it("gives one generic answer for an unknown address and a wrong password", async () => {
    const { email } = await newPerson();
    const wrongPassword = await refusal(signIn({ email, password: "wrong password!" }, "4.4.4.4"));
    const unknown = await refusal(signIn({ email: uniqueEmail(), password: PASSWORD }, "4.4.4.5"));
    expect(wrongPassword.messageKey).toBe("auth.invalidCredentials");
    expect(unknown.messageKey).toBe(wrongPassword.messageKey);
    expect(unknown.status).toBe(401);
  });

  it("slows wrong passwords from one address, even the right one afterwards, without keeping the owner out elsewhere", async () => {
    const { userId, email } = await newPerson();
    let limited = null;
    for (let attempt = 0; attempt < 10 && !limited; attempt++) {
      const error = await refusal(signIn({ email, password: "wrong password!" }, "5.5.5.5"));
      if (error.code === "rate_limited") limited = error;
    }
    expect(limited?.values.retryAfter).toBeGreaterThanOrEqual(1);
    expect((await refusal(signIn({ email, password: PASSWORD }, "5.5.5.5"))).code).toBe("rate_limited");
    await expect(signIn({ email, password: PASSWORD }, "5.5.5.6")).resolves.toEqual({ userId });
  });

  it("changes the password, ends every session and accepts only the new password", async () => {
    const { userId, email } = await newPerson();
    const cookie = await startSession(userId);
    const sessionCookie = cookie.split(";")[0];
    expect((await authenticate(sessionCookie)).user?.id).toBe(userId);

    const mismatch = await refusal(changePassword(userId, { currentPassword: PASSWORD, newPassword: "new password 123", confirmPassword: "other" }));
    expect(mismatch.fieldErrors.confirmPassword.key).toBe("validation.passwordsDiffer");
    const wrong = await refusal(
      changePassword(userId, { currentPassword: "nope nope nope", newPassword: "new password 123", confirmPassword: "new password 123" }),
    );
    expect(wrong.fieldErrors.currentPassword.key).toBe("auth.wrongPassword");
    expect((await authenticate(sessionCookie)).user?.id).toBe(userId);

    await changePassword(userId, { currentPassword: PASSWORD, newPassword: "new password 123", confirmPassword: "new password 123" });
    expect((await authenticate(sessionCookie)).user).toBeNull();
    await refusal(signIn({ email, password: PASSWORD }, "6.6.6.6"));
    await expect(signIn({ email, password: "new password 123" }, "6.6.6.6")).resolves.toEqual({ userId });
  });

  it("treats forged, expired and oversized session cookies as signed out", async () => {
    const { userId } = await newPerson();
    expect((await authenticate("meedoen_session=forged-session-id")).user).toBeNull();
    expect((await authenticate(`meedoen_session=${"a".repeat(5000)}`)).user).toBeNull();
    const session = await lucia().createSession(userId, {});
    await db().session.update({ where: { id: hashSessionToken(session.id) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await authenticate(`meedoen_session=${session.id}`);
    expect(expired.user).toBeNull();
    expect(expired.setCookies[0]).toMatch(/meedoen_session=;/);
  });
});

describe("profile", () => {
  it("saves every profile fact and reads them back", async () => {
    const { userId } = await newPerson();
    await updateProfile(userId, validProfile);
    const profile = await getProfile(userId);
    expect(profile).toMatchObject({
      displayName: "Olena K.",
      locale: "uk",
      isNewcomer: true,
      isVolunteer: false,
      municipality: { code: "GM0479", name: "Zaanstad" },
      interests: ["cycling", "yoga"],
      sectors: ["healthcare"],
      availability: ["2-evening", "6-morning"],
    });
    expect(profile.languages).toEqual([
      { language: "en", level: "B1" },
      { language: "nl", level: "A2" },
      { language: "uk", level: "native" },
    ]);
  });

  it("refuses unknown codes and keeps the previous profile whole", async () => {
    const { userId } = await newPerson();
    await updateProfile(userId, validProfile);
    const before = await getProfile(userId);
    const bad: [Record<string, unknown>, string, string][] = [
      [{ municipalityCode: "GM9999" }, "municipalityCode", "profile.unknownMunicipality"],
      [{ municipalityCode: "Amsterdam" }, "municipalityCode", "validation.invalid"],
      [{ languages: ["xx"], levels: ["B1"] }, "languages", "profile.unknownLanguage"],
      [{ languages: ["nl"], levels: ["B7"] }, "languages", "profile.levelMissing"],
      [{ languages: ["nl", "nl"], levels: ["A1", "B1"] }, "languages", "profile.duplicateLanguage"],
      [{ interests: ["skydiving-on-mars"] }, "interests", "validation.invalidChoice"],
      [{ sectors: ["<script>"] }, "sectors", "validation.invalidChoice"],
      [{ availability: ["8-morning"] }, "availability", "validation.invalid"],
      [{ availability: "1-morning" }, "availability", "validation.invalid"],
      [{ displayName: "y".repeat(61) }, "displayName", "validation.tooLong"],
      [{ languages: Array.from({ length: 13 }, () => "nl") }, "languages", "validation.tooMany"],
    ];
    for (const [change, field, key] of bad) {
      const error = await refusal(updateProfile(userId, { ...validProfile, ...change }));
      expect(error.fieldErrors[field]?.key, JSON.stringify(change).slice(0, 60)).toBe(key);
    }
    expect(await getProfile(userId)).toEqual(before);
  });

  it("stores a name with markup as plain text", async () => {
    const { userId } = await newPerson();
    await updateProfile(userId, { ...validProfile, displayName: "<script>alert(1)</script>" });
    expect((await getProfile(userId)).displayName).toBe("<script>alert(1)</script>");
  });

  it("exports everything about the person and nothing about others", async () => {
    const { userId, email } = await newPerson();
    const other = await newPerson();
    await updateProfile(userId, validProfile);
    await startSession(userId);
    const exported = await exportMyData(userId);
    expect(exported.account.email).toBe(email);
    expect(exported.profile.municipality?.name).toBe("Zaanstad");
    expect(exported.profile.languages).toHaveLength(3);
    expect(exported.sessions).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain(other.email);
    expect(JSON.stringify(exported)).not.toContain("argon2");
  });

  it("deletes the account with every personal fact, only after the password and confirmation", async () => {
    const { userId } = await newPerson();
    await updateProfile(userId, validProfile);
    await startSession(userId);
    expect((await refusal(deleteAccount(userId, { password: PASSWORD }))).fieldErrors.confirm).toBeDefined();
    expect((await refusal(deleteAccount(userId, { password: "wrong one!", confirm: "on" }))).fieldErrors.password.key).toBe("auth.wrongPassword");
    expect(await db().user.count({ where: { id: userId } })).toBe(1);

    await deleteAccount(userId, { password: PASSWORD, confirm: "on" });
    const left = await Promise.all([
      db().user.count({ where: { id: userId } }),
      db().session.count({ where: { userId } }),
      db().userLanguage.count({ where: { userId } }),
      db().userInterest.count({ where: { userId } }),
      db().userSector.count({ where: { userId } }),
      db().userAvailability.count({ where: { userId } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe("roles", () => {
  it("lets only an admin grant and revoke organiser rights", async () => {
    const admin = await newPerson();
    await db().user.update({ where: { id: admin.userId }, data: { isAdmin: true } });
    const volunteer = await newPerson({ isVolunteer: "on" });
    const outsider = await newPerson();

    expect((await refusal(setOrganiser(outsider.userId, volunteer.userId, true))).code).toBe("not_allowed");
    expect((await refusal(listPeopleForAdmin(outsider.userId, "", 1))).code).toBe("not_allowed");
    expect((await getProfile(volunteer.userId)).isOrganiser).toBe(false);

    await setOrganiser(admin.userId, volunteer.userId, true);
    expect((await getProfile(volunteer.userId)).isOrganiser).toBe(true);
    const found = await listPeopleForAdmin(admin.userId, volunteer.email, 1);
    expect(found.people.map((person) => person.id)).toEqual([volunteer.userId]);

    await setOrganiser(admin.userId, volunteer.userId, false);
    expect((await getProfile(volunteer.userId)).isOrganiser).toBe(false);
    expect((await refusal(setOrganiser(admin.userId, "no-such-user", true))).code).toBe("not_found");
  });
});
