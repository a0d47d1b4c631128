import type { ServerBuild } from "@remix-run/node";

export type BuiltRoute = { id: string; pattern: string; hasAction: boolean; hasParams: boolean };

/**
 * Every route of the server build (`npm run build`) with its full URL pattern, so that a test
 * can walk all of them instead of a hand-picked few that drift out of date.
 */
export async function builtRoutes(): Promise<BuiltRoute[]> {
  const build = (await import(new URL("../../build/index.js", import.meta.url).href)) as ServerBuild;
  const fullPath = (id: string): string => {
    const route = build.routes[id]!;
    const own = route.path ?? "";
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, own].filter(Boolean).join("/");
  };
  return Object.values(build.routes)
    .filter((route) => route && route.id !== "root")
    .map((route) => {
      const pattern = `/${fullPath(route!.id)}`;
      return { id: route!.id, pattern, hasAction: typeof route!.module.action === "function", hasParams: /(^|\/)(:|\*)/.test(pattern) };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Fills `:name` segments with the given values (or `fallback`); a splat becomes `fallback`. */
export function fill(pattern: string, values: Record<string, string>, fallback = "unknown") {
  return pattern.replace(/:(\w+)|\*/g, (_, name: string | undefined) => (name ? (values[name] ?? fallback) : fallback));
}
