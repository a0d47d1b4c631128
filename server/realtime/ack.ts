import type { ZodTypeAny, z } from "zod";
import { DomainError, isDomainError } from "../../app/domain/errors.ts";
import { serverT } from "../../app/lib/i18n.server.ts";
import { isLocale, type Locale } from "../../app/lib/locales.ts";
import { parseInput } from "../../app/lib/validation.server.ts";
import { log } from "../logger.ts";
import type { AppSocket } from "./types.ts";

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; messageKey: string; message: string; fieldErrors?: Record<string, string> } };

/** Maps a thrown error to an acknowledgement in the person's language. */
export function errorAck(error: unknown, locale: Locale): Ack<never> {
  const known = isDomainError(error) ? (error as DomainError) : null;
  if (!known) log.error("socket handler failed", { error: (error as Error)?.message });
  const t = serverT(locale);
  const code = known?.code ?? "internal";
  const messageKey = known?.messageKey ?? "errors.server";
  const fieldErrors = known ? Object.fromEntries(Object.entries(known.fieldErrors).map(([field, e]) => [field, t(e.key, e.values)])) : undefined;
  return { ok: false, error: { code, messageKey, message: t(messageKey, known?.values), fieldErrors } };
}

/** Every event name a handler was registered for: the authorisation matrix test requires a row for each. */
export const registeredEvents = new Set<string>();

/**
 * Registers an event whose payload is validated by `schema` and whose answer always goes
 * back through the acknowledgement, as data or as a typed error; never both, never neither.
 */
export function handle<S extends ZodTypeAny, T>(socket: AppSocket, event: string, schema: S, handler: (input: z.output<S>) => Promise<T> | T) {
  registeredEvents.add(event);
  socket.on(event, async (payload: unknown, ack: unknown) => {
    if (typeof ack !== "function") return; // Without an acknowledgement there is nobody to answer.
    const locale = isLocale(socket.data.user.locale) ? socket.data.user.locale : "en";
    try {
      const data = await handler(parseInput(schema, payload));
      ack({ ok: true, data } satisfies Ack<T>);
    } catch (error) {
      ack(errorAck(error, locale));
    }
  });
}
