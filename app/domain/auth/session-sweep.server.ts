import { claimLease, instanceName } from "~/lib/lease.server";
import { lucia } from "./lucia.server";

/**
 * Expired sessions are refused when they are used, but their rows stayed for ever. Every instance
 * runs this on a timer; the lease lets one of them delete the expired rows once per period.
 */
export const SESSION_SWEEP = { lease: "session-sweep", everyMs: 60 * 60_000 } as const;

export async function sweepExpiredSessions({ holder = instanceName(), now = new Date() } = {}): Promise<{ swept: boolean; holder: string }> {
  if (!(await claimLease(SESSION_SWEEP.lease, holder, SESSION_SWEEP.everyMs, now))) return { swept: false, holder };
  await lucia().deleteExpiredSessions();
  return { swept: true, holder };
}
