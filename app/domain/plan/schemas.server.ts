import { z } from "zod";
import { THEMES } from "~/lib/reference/activities";
import { optionalPlainText, plainText } from "~/lib/validation.server";
import { isObstacleOf, PLAN_LIMITS } from "./obstacles";

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "plan.errors.date" })
  .transform((value) => new Date(`${value}T12:00:00.000Z`))
  .refine((date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 2000 && date.getUTCFullYear() <= 2100, { params: { key: "plan.errors.date" } });
const optionalDate = z.preprocess((value) => (value === "" ? undefined : value), calendarDate.optional());

export const PerspectiveInput = z.object({ perspective: optionalPlainText(PLAN_LIMITS.perspective) });

export const DomainInput = z
  .object({
    domain: z.enum(THEMES),
    situation: optionalPlainText(PLAN_LIMITS.situation),
    goals: optionalPlainText(PLAN_LIMITS.goals),
    obstacles: z.array(z.string().max(60)).max(20),
    obstacleNote: optionalPlainText(PLAN_LIMITS.obstacleNote),
  })
  .superRefine((input, ctx) => {
    if (input.obstacles.some((key) => !isObstacleOf(input.domain, key)))
      ctx.addIssue({ code: "custom", path: ["obstacles"], params: { key: "validation.invalidChoice" } });
  })
  .transform((input) => ({ ...input, obstacles: [...new Set(input.obstacles)] }));

export const BreakthroughInput = z.object({
  text: plainText(PLAN_LIMITS.breakthrough),
  happenedOn: calendarDate,
  helpedBy: optionalPlainText(PLAN_LIMITS.helpedBy),
  domain: z.preprocess((value) => (value === "" ? undefined : value), z.enum(THEMES).optional()),
});

export const StepInput = z.object({
  text: plainText(PLAN_LIMITS.step),
  owner: optionalPlainText(PLAN_LIMITS.owner),
  dueOn: optionalDate,
});

export const ShareInput = z.object({ userId: z.string().min(1).max(64), access: z.enum(["view", "edit"]) });
export const ItemInput = z.object({ id: z.string().min(1).max(64) });
