/**
 * Tells a database that cannot be reached (down, restarting, refusing connections, timing out)
 * from a bug, so that the first becomes a calm 503 page and the second a 500 with a log line.
 */
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|Can't reach database|not currently accepting connections|the database system is (starting up|shutting down|in recovery)|terminating connection|Connection terminated|timeout exceeded when trying to connect|too many clients|database timeout|SQLITE_CANTOPEN|SQLITE_BUSY/i;

// SQLSTATE class 08 (connection exception) and the operator-intervention codes of class 57.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-4]|53300)$/;
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1017"]);
const NETWORK_ERRNO = /^E(CONNREFUSED|CONNRESET|TIMEDOUT|NOTFOUND|HOSTUNREACH|PIPE)$/;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { message, code, originalCode } = current as { message?: unknown; code?: unknown; originalCode?: unknown };
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    for (const value of [code, originalCode]) {
      if (typeof value !== "string") continue;
      if (PRISMA_UNREACHABLE.has(value) || UNAVAILABLE_SQLSTATE.test(value) || NETWORK_ERRNO.test(value)) return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** For what a page can do without (a badge, a notice): its fallback while the database cannot be reached; bugs still throw. */
export async function unlessDatabaseDown<T>(work: Promise<T>, fallback: T): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return fallback;
    throw error;
  }
}
