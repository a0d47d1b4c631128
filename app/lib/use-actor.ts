import { useRouteLoaderData } from "@remix-run/react";
import type { Actor } from "~/domain/policy/rules";

/** The signed-in person as the policy sees them, for components that hide what is not allowed. */
export function useActor(): Actor | null {
  const root = useRouteLoaderData<{ user: Actor | null }>("root");
  return root?.user ?? null;
}
