/**
 * Every kind of mail Meedoen sends, and whether a person may turn it off. Pure and free of server
 * imports: the account page lists the choices from here, and `enqueueMail` asks it before writing.
 *
 * Essential mails answer something the person did or change something they signed up for (a reset
 * link, a sign-up confirmation, a cancelled activity): they always go, and carry no unsubscribe.
 * Optional mails are grouped into a few choices a person understands; a choice turns off every
 * kind in it. A kind that is not listed here is treated as essential, so that a mail somebody adds
 * without deciding is sent and never silently dropped (a test lists the kinds, so it is noticed).
 */

export const ESSENTIAL_KINDS = [
  "password-reset",
  "verify-address",
  "signup-going",
  "signup-waitlisted",
  "signup-pending",
  "signup-promoted",
  "signup-called-off",
  // A changed time or place of something you signed up for is part of that sign-up.
  "activity-changed",
] as const;

/** The choices on the account page, in the order shown; `byDefault` is what a person gets before choosing. */
export const MAIL_CHOICES = {
  reminders: { kinds: ["activity-reminder"], byDefault: true },
  // Being chosen to support someone's perspective plan is buddy news too (decisions/042).
  buddy: {
    kinds: ["buddy-proposed", "buddy-accepted", "buddy-declined", "buddy-ended", "buddy-expiry-warning", "buddy-check-in", "plan-shared"],
    byDefault: true,
  },
  organiser: { kinds: ["organiser-message"], byDefault: true },
  // Opt-in: a weekly mail nobody asked for would be unwelcome.
  digest: { kinds: ["weekly-digest"], byDefault: false },
} as const satisfies Record<string, { kinds: readonly string[]; byDefault: boolean }>;

export type MailChoice = keyof typeof MAIL_CHOICES;
export type EssentialKind = (typeof ESSENTIAL_KINDS)[number];
export type OptionalKind = (typeof MAIL_CHOICES)[MailChoice]["kinds"][number];
export type MailKind = EssentialKind | OptionalKind;

export const MAIL_CHOICE_NAMES = Object.keys(MAIL_CHOICES) as MailChoice[];

export function isMailChoice(value: unknown): value is MailChoice {
  return typeof value === "string" && Object.hasOwn(MAIL_CHOICES, value);
}

/** The choice that turns this kind off, or null for an essential (or unknown) kind. */
export function choiceOfKind(kind: string): MailChoice | null {
  return MAIL_CHOICE_NAMES.find((choice) => (MAIL_CHOICES[choice].kinds as readonly string[]).includes(kind)) ?? null;
}

export const isEssentialKind = (kind: string) => choiceOfKind(kind) === null;

/** A person's choices from their stored rows: a choice without a row has its default. */
export function effectiveChoices(rows: { choice: string; enabled: boolean }[]): Record<MailChoice, boolean> {
  const stored = new Map(rows.map((row) => [row.choice, row.enabled]));
  return Object.fromEntries(MAIL_CHOICE_NAMES.map((choice) => [choice, stored.get(choice) ?? MAIL_CHOICES[choice].byDefault])) as Record<MailChoice, boolean>;
}
