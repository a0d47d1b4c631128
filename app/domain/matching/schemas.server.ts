import { z } from "zod";
import { BUDDY_KINDS, COMMITMENTS, END_REASONS, JOB_GOALS, PRACTISE_LANGUAGES } from "~/lib/reference/buddies";
import { LANGUAGE_LEVELS } from "~/lib/reference/languages";
import { SECTORS } from "~/lib/reference/sectors";
import { checkbox, plainText } from "~/lib/validation.server";

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values as unknown as [T[number], ...T[number][]]))
    .max(values.length)
    .transform((items) => [...new Set(items)]);

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .max(6)
    .transform((value) => Number(value))
    .pipe(z.number().int().min(min).max(max));

export const OfferInput = z
  .object({
    kind: z.enum(BUDDY_KINDS),
    helpsWith: z.array(z.string().max(20)).max(10),
    sectors: list(SECTORS),
    capacity: wholeNumber(1, 10),
    commitment: z.enum(COMMITMENTS),
    travelKm: wholeNumber(0, 100),
    onlineOk: checkbox,
    onlineOnly: checkbox,
  })
  .superRefine((input, ctx) => {
    const allowed: readonly string[] = input.kind === "language" ? PRACTISE_LANGUAGES : JOB_GOALS;
    if (input.helpsWith.length === 0) ctx.addIssue({ code: "custom", path: ["helpsWith"], params: { key: "buddies.errors.helpsWithRequired" } });
    else if (input.helpsWith.some((value) => !allowed.includes(value))) {
      ctx.addIssue({ code: "custom", path: ["helpsWith"], params: { key: "buddies.errors.unknownLanguage" } });
    }
    if (input.kind === "job" && input.sectors.length === 0)
      ctx.addIssue({ code: "custom", path: ["sectors"], params: { key: "buddies.errors.sectorRequired" } });
  })
  .transform((input) => ({
    ...input,
    helpsWith: [...new Set(input.helpsWith)],
    sectors: input.kind === "job" ? input.sectors : [],
    onlineOk: input.onlineOk || input.onlineOnly,
  }));

export const RequestInput = z
  .object({
    kind: z.enum(BUDDY_KINDS),
    targetLanguage: z.string().max(10).optional(),
    targetLevel: z.string().max(10).optional(),
    targetSector: z.string().max(40).optional(),
    goals: list(JOB_GOALS),
    onlineOk: checkbox,
    note: z
      .string()
      .max(4000)
      .optional()
      .transform((value) => (value ?? "").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim())
      .pipe(z.string().max(1000)),
  })
  .transform((input, ctx) => {
    const fail = (path: string, key: string) => {
      ctx.addIssue({ code: "custom", path: [path], params: { key } });
      return z.NEVER;
    };
    if (input.kind === "language") {
      if (!(PRACTISE_LANGUAGES as readonly string[]).includes(input.targetLanguage ?? "")) return fail("targetLanguage", "buddies.errors.unknownLanguage");
      if (!(LANGUAGE_LEVELS as readonly string[]).includes(input.targetLevel ?? "")) return fail("targetLevel", "profile.levelMissing");
      return {
        kind: input.kind,
        targetLanguage: input.targetLanguage!,
        targetLevel: input.targetLevel!,
        targetSector: null,
        goals: [],
        onlineOk: input.onlineOk,
        note: input.note,
      };
    }
    if (!(SECTORS as readonly string[]).includes(input.targetSector ?? "")) return fail("targetSector", "buddies.errors.sectorRequired");
    return {
      kind: input.kind,
      targetLanguage: null,
      targetLevel: null,
      targetSector: input.targetSector!,
      goals: input.goals,
      onlineOk: input.onlineOk,
      note: input.note,
    };
  });

export const EndInput = z.object({ reason: z.enum(END_REASONS) });
export const CheckInInput = z.object({
  stage: z.enum(["four-weeks", "end"]),
  rating: z.coerce.number().int().min(1).max(5),
  note: z
    .string()
    .max(4000)
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(z.string().max(1000)),
});
export const ReportInput = z.object({
  reason: z
    .string()
    .max(8000)
    .transform((value) => value.trim())
    .pipe(z.string().min(1).max(2000)),
});
export const MessageInput = z.object({
  matchId: z.string().min(1).max(64),
  body: plainText(2000),
});
