import { randomUUID } from "node:crypto";
import { publicOrigin } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { hit, RULES } from "~/lib/rate-limit.server";
import { parseInput } from "~/lib/validation.server";
import { DomainError, ValidationFailed } from "../errors";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./password.server";
import { publishAccessChange } from "~/lib/access-events.server";
import { endAllSessions } from "./lucia.server";
import { admitSignIn } from "./sign-in-throttle.server";
import { erasePerson } from "../people/deletion.server";
import { writeVerificationMail } from "./email-verification.server";
import { ChangePasswordInput, DeleteAccountInput, RegisterInput, SignInInput } from "./schemas.server";

const InvalidCredentials = () => new DomainError("invalid_credentials", "auth.invalidCredentials");

/** Opens an account and mails the link that confirms its address (in one transaction: never one without the other). */
export async function register(input: unknown, clientAddress: string, origin = publicOrigin()): Promise<{ userId: string }> {
  const data = parseInput(RegisterInput, input);
  await hit(RULES.registerPerAddress, clientAddress);
  const existing = await db().user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw ValidationFailed({ email: { key: "auth.emailTaken" } });
  const id = randomUUID();
  try {
    const passwordHash = await hashPassword(data.password);
    await db().$transaction(async (tx) => {
      const account = await tx.user.create({
        data: {
          id,
          email: data.email,
          passwordHash,
          displayName: data.displayName,
          locale: data.locale,
          isNewcomer: data.isNewcomer,
          isVolunteer: data.isVolunteer,
        },
      });
      await writeVerificationMail(tx, account, origin);
    });
  } catch (error) {
    // Two registrations with one address at the same moment: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw ValidationFailed({ email: { key: "auth.emailTaken" } });
    throw error;
  }
  return { userId: id };
}

export async function signIn(input: unknown, clientAddress: string): Promise<{ userId: string }> {
  const data = parseInput(SignInInput, input);
  const attempt = await admitSignIn(data.email, clientAddress);
  const user = await db().user.findUnique({ where: { email: data.email }, select: { id: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, data.password) : await verifyAgainstNothing(data.password);
  if (!user || !valid) throw InvalidCredentials();
  await attempt.succeeded();
  return { userId: user.id };
}

/** Changes the password and ends every session of the person; the caller starts a new one. */
export async function changePassword(userId: string, input: unknown): Promise<void> {
  const data = parseInput(ChangePasswordInput, input);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw ValidationFailed({ currentPassword: { key: "auth.wrongPassword" } });
  }
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(data.newPassword) } });
  await endAllSessions(userId);
}

/** Erases the person after the password and the confirmation: see people/deletion.server.ts. */
export async function deleteAccount(userId: string, input: unknown): Promise<void> {
  const data = parseInput(DeleteAccountInput, input);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, data.password))) {
    throw ValidationFailed({ password: { key: "auth.wrongPassword" } });
  }
  await erasePerson(userId);
  // The sessions went with the account; the sockets they opened must go too.
  publishAccessChange({ kind: "all-sessions-ended", userId });
}
