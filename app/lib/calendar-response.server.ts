import { config } from "./config.server";

export function originOf(request: Request) {
  return config().PUBLIC_ORIGIN ?? new URL(request.url).origin;
}

/** Serves an iCalendar body, turning a missing activity, feed or token into a plain 404. */
export async function calendarResponse(build: () => Promise<string>, options: { filename: string; maxAge: number; private?: boolean }) {
  try {
    return new Response(await build(), {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `inline; filename="${options.filename}"`,
        "Cache-Control": `${options.private ? "private" : "public"}, max-age=${options.maxAge}`,
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "not_found") return new Response("Not found", { status: 404 });
    throw error;
  }
}
