import { data, redirect, type AppLoadContext, type HeadersFunction } from "@remix-run/node";
import { isDomainError, type FieldErrors } from "~/domain/errors";

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

/**
 * For loaders: a domain refusal (not found, not allowed, …) becomes the matching HTTP answer,
 * which the error boundary shows in the reader's language; anything else stays an error.
 */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isDomainError(error)) throw new Response(error.code, { status: error.status });
    throw error;
  }
}

/**
 * Runs a mutation and turns a domain error into a 4xx answer the form can show next to
 * its fields; anything else is a bug and goes to the error boundary.
 */
export async function runAction<T>(work: () => Promise<T>, values: Record<string, unknown> = {}) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) throw error;
    if (!isDomainError(error)) throw error;
    const fieldErrors = error.fieldErrors;
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    const failure: ActionFailure = {
      ok: false,
      formError: hasFieldErrors ? null : { key: error.messageKey, values: error.values },
      fieldErrors,
      values,
    };
    const headers: Record<string, string> = {};
    if (error.code === "rate_limited") headers["Retry-After"] = String(error.values.retryAfter ?? 60);
    return data(failure, { status: error.status, headers });
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
