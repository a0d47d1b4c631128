import type { AppLoadContext } from "@remix-run/node";
import { changePlan, PLAN_INTENTS, type PlanIntent } from "~/domain/plan/plan.server";
import { NotFound } from "~/domain/errors";
import { requireUser, runAction } from "./http.server";
import { redirectWithNotice } from "./notice.server";
import { formToObject } from "./validation.server";

/**
 * The one action of both plan pages (`/plan`, the owner's, and `/plan/:id`, a supporter's): the
 * form's intent names the change, the domain function decides whether this person may make it.
 */
export async function planAction(request: Request, context: AppLoadContext, planId: string | null, page: string) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData(), ["obstacles"]);
  return runAction(async () => {
    const intent = input.intent as PlanIntent;
    if (!PLAN_INTENTS.includes(intent)) throw NotFound();
    const kept = await changePlan(user.id, planId, intent, input);
    throw await redirectWithNotice(kept ? page : "/plan", { key: `plan.notice.${intent}` });
  }, input);
}
