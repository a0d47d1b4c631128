import { config } from "../app/lib/config.server.ts";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

/**
 * Error texts from drivers can quote the values of a failed query. Logs must not carry personal
 * data, so e-mail addresses, session ids and long free text in quotes are masked before writing.
 */
export function redact(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "[e-mail]")
    .replace(/meedoen_session=[^;\s]+/g, "meedoen_session=[…]")
    .replace(/"[^"\n]{40,}"/g, '"[…]"');
}

/** One JSON object per line on stdout: easy to grep here, easy to ship to a log store later. */
function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (LEVELS[level] < LEVELS[config().LOG_LEVEL]) return;
  const safe = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, typeof value === "string" ? redact(value) : value]));
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...safe })}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
