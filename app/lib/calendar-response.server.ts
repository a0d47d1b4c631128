import { config } from "./config.server";
import { httpFailure } from "./http.server";

export function originOf(request: Request) {
  return config().PUBLIC_ORIGIN ?? new URL(request.url).origin;
}

/**
 * Serves an iCalendar body (or, with `contentType`, another feed: Atom). Calendar apps and feed
 * readers read no pages, so a failure is a plain-text answer with the status `httpFailure` gives
 * it (a missing activity, feed or token: 404; no database: 503). A body built for one reader
 * (`personal`: it holds what only they may see) is never stored by any cache.
 */
export async function calendarResponse(
  build: () => Promise<string | { body: string; personal: boolean }>,
  options: { filename?: string; maxAge: number; private?: boolean; contentType?: string },
) {
  try {
    const built = await build();
    const { body, personal } = typeof built === "string" ? { body: built, personal: false } : built;
    return new Response(body, {
      headers: {
        "Content-Type": options.contentType ?? "text/calendar; charset=utf-8",
        ...(options.filename ? { "Content-Disposition": `inline; filename="${options.filename}"` } : {}),
        "Cache-Control": personal ? "private, no-store" : `${options.private ? "private" : "public"}, max-age=${options.maxAge}`,
      },
    });
  } catch (error) {
    return plainTextFailure(error);
  }
}

/** A refusal as a short plain-text answer, for clients that read no pages (calendar apps, crawlers fetching images). */
export function plainTextFailure(error: unknown): Response {
  const failure = httpFailure(error);
  if (!failure) throw error;
  return new Response(failure.code, { status: failure.status, headers: { ...failure.headers, "Content-Type": "text/plain; charset=utf-8" } });
}
