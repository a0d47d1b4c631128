import { sendDueDigests } from "../../app/domain/activities/digest.server.ts";
import { sendDueReminders } from "../../app/domain/activities/reminders.server.ts";
import { askCheckIns, expireProposals, warnExpiringProposals } from "../../app/domain/matching/matches.server.ts";

/**
 * Work that falls due with time: reminders before activities, proposals that lapse, the warning a
 * day before, the four-week check-in questions, the weekly digest (decision 039). Every instance runs the list once a minute; each
 * step claims its items inside the transaction that writes their notices and outbox mails
 * (decision 036), so instances running at the same moment do each item once, and an instance
 * that stops half-way leaves nothing half-done.
 */
const STEPS: [name: string, run: (now: Date) => Promise<unknown>][] = [
  ["reminders", sendDueReminders],
  ["proposal expiry warnings", warnExpiringProposals],
  ["proposal expiry", expireProposals],
  ["buddy check-ins", askCheckIns],
  // Due from Monday 08:00 Amsterdam; each person's week claimed with its mail (DigestRun).
  ["weekly digests", sendDueDigests],
];

/** Runs every step once; a failing step is reported and does not stop the others. */
export async function runDueWork(onError: (step: string, error: Error) => void, now = new Date()) {
  for (const [name, run] of STEPS) {
    await run(now).catch((error: Error) => onError(name, error));
  }
}

/** Reminders go out within a minute of their time, which is also plenty for the rest. */
const EVERY_MS = 60_000;

/** Starts the minute's round on this instance, one round at a time; returns its stop. */
export function startDueWork(onError: (step: string, error: Error) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueWork(onError).finally(() => (running = false));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
