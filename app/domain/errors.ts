/**
 * Typed errors thrown by domain functions. They carry an i18n key, never English text, so
 * that every adapter (HTTP, Socket.IO) can answer in the reader's language.
 */
export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;

export type ErrorCode =
  "validation" | "unauthenticated" | "not_allowed" | "not_found" | "conflict" | "invalid_credentials" | "rate_limited" | "payload_too_large";

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  not_allowed: 403,
  not_found: 404,
  conflict: 409,
  invalid_credentials: 401,
  rate_limited: 429,
  payload_too_large: 413,
};

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly fieldErrors: FieldErrors = {},
    readonly values: Record<string, string | number> = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "DomainError";
    this.status = STATUS[code];
  }
}

export const ValidationFailed = (fieldErrors: FieldErrors, messageKey = "errors.validation") => new DomainError("validation", messageKey, fieldErrors);
export const NotAllowed = (messageKey = "errors.notAllowed") => new DomainError("not_allowed", messageKey);
export const NotFound = (messageKey = "errors.notFound") => new DomainError("not_found", messageKey);
export const Unauthenticated = () => new DomainError("unauthenticated", "errors.unauthenticated");
/**
 * How long to wait goes with the translation values: `count` for the message (seconds for short
 * waits, minutes otherwise, or always minutes for a key of the caller's own) and `retryAfter` in
 * whole seconds for the Retry-After header.
 */
export const RateLimited = (retryAfterSeconds: number, messageKey?: string) => {
  const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
  const minutes = Math.ceil(retryAfter / 60);
  if (messageKey) return new DomainError("rate_limited", messageKey, {}, { count: minutes, retryAfter });
  return retryAfter < 60
    ? new DomainError("rate_limited", "errors.rateLimitedSeconds", {}, { count: retryAfter, retryAfter })
    : new DomainError("rate_limited", "errors.rateLimited", {}, { count: minutes, retryAfter });
};

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
