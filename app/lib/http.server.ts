import { data, redirect, type AppLoadContext, type HeadersFunction } from "@remix-run/node";
import { isDomainError, type FieldErrors } from "~/domain/errors";
import { isDatabaseUnavailable } from "./database-unavailable";

export type ActionFailure = {
  ok: false;
  formError: { key: string; values?: Record<string, string | number> } | null;
  fieldErrors: FieldErrors;
  /** What the person typed (never passwords), so a form re-rendered without JavaScript keeps it. */
  values: Record<string, unknown>;
};

/** Only same-site paths: an open redirect would let a phishing link borrow our domain. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}

export function requireUser(context: AppLoadContext, request: Request) {
  const { user, session } = context.auth;
  if (!user || !session) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { user, session };
}

/** What an error means over HTTP: the status, a translated message and the headers that go with it. */
export type HttpFailure = {
  status: number;
  code: string;
  messageKey: string;
  values: Record<string, string | number>;
  fieldErrors: FieldErrors;
  headers: Record<string, string>;
};

/** How long a client should wait before trying again when the database cannot be reached. */
const UNAVAILABLE_RETRY_SECONDS = 30;

/**
 * The one mapping from an error to an HTTP answer (the socket transport has its own, in
 * server/realtime/ack.ts): a domain refusal keeps its status and message, a database that cannot
 * be reached is a 503 (try again, nothing is wrong with the request), and anything else is null:
 * a bug, left to become a 500 with a log line. Never a "not found" for a failure.
 */
export function httpFailure(error: unknown): HttpFailure | null {
  if (isDomainError(error)) {
    const headers: Record<string, string> = {};
    if (error.code === "rate_limited") headers["Retry-After"] = String(error.values.retryAfter ?? 60);
    return { status: error.status, code: error.code, messageKey: error.messageKey, values: error.values, fieldErrors: error.fieldErrors, headers };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      code: "unavailable",
      messageKey: "errors.unavailable",
      values: {},
      fieldErrors: {},
      headers: { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) },
    };
  }
  return null;
}

/** The body of an error answer thrown from a loader; the error boundary reads it (see root.tsx). */
export type ErrorAnswer = { code: string; messageKey: string; values: Record<string, string | number> };

/** Throws what `error` means over HTTP (a thrown Response stays as it is; a bug stays an error). */
export function throwAsHttp(error: unknown): never {
  if (error instanceof Response) throw error;
  const failure = httpFailure(error);
  if (!failure) throw error;
  const body: ErrorAnswer = { code: failure.code, messageKey: failure.messageKey, values: failure.values };
  throw data(body, { status: failure.status, headers: failure.headers });
}

/**
 * For loaders: a domain refusal (not found, not allowed, …) or an unreachable database becomes the
 * matching HTTP answer, which the error boundary shows in the reader's language inside the app's
 * navigation; anything else stays an error.
 */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    return throwAsHttp(error);
  }
}

/**
 * For pages that explain a refusal themselves (the live room, the ticket): a domain refusal comes
 * back as its failure, to be shown with the status it carries; an unreachable database and bugs are
 * thrown as `orHttpError` throws them.
 */
export async function orRefusal<T>(work: Promise<T>): Promise<{ value: T; refusal: null } | { value: null; refusal: HttpFailure }> {
  try {
    return { value: await work, refusal: null };
  } catch (error) {
    const failure = httpFailure(error);
    if (failure && isDomainError(error)) return { value: null, refusal: failure };
    return throwAsHttp(error);
  }
}

/**
 * Runs a mutation and turns a domain error (or an unreachable database) into an answer the form
 * can show next to its fields, with what the person typed; anything else is a bug and goes to the
 * error boundary.
 */
export async function runAction<T>(work: () => Promise<T>, values: Record<string, unknown> = {}) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) throw error;
    const failure = httpFailure(error);
    if (!failure) throw error;
    const hasFieldErrors = Object.keys(failure.fieldErrors).length > 0;
    const answer: ActionFailure = {
      ok: false,
      formError: hasFieldErrors ? null : { key: failure.messageKey, values: failure.values },
      fieldErrors: failure.fieldErrors,
      values,
    };
    return data(answer, { status: failure.status, headers: failure.headers });
  }
}

/**
 * A route's `headers` export: Remix sends an action's own headers (other than cookies) with the
 * page only through it, so routes whose actions can be rate-limited pass Retry-After on.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
