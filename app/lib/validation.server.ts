import { z } from "zod";
import { ValidationFailed, type FieldError, type FieldErrors } from "~/domain/errors";

/** Turns one zod issue into a translation key with its interpolation values. */
export function issueToFieldError(issue: z.ZodIssue): FieldError {
  switch (issue.code) {
    case "invalid_type":
      return issue.received === "undefined" || issue.received === "null" ? { key: "validation.required" } : { key: "validation.invalid" };
    case "too_small":
      if (issue.type === "string" && issue.minimum === 1) return { key: "validation.required" };
      return issue.type === "array"
        ? { key: "validation.tooFew", values: { count: Number(issue.minimum) } }
        : { key: "validation.tooShort", values: { count: Number(issue.minimum) } };
    case "too_big":
      return issue.type === "array"
        ? { key: "validation.tooMany", values: { count: Number(issue.maximum) } }
        : { key: "validation.tooLong", values: { count: Number(issue.maximum) } };
    case "invalid_enum_value":
    case "invalid_literal":
    case "invalid_union":
      return { key: "validation.invalidChoice" };
    case "invalid_string":
      return { key: issue.validation === "email" ? "validation.email" : "validation.invalid" };
    case "custom":
      return { key: (issue.params?.key as string | undefined) ?? "validation.invalid" };
    default:
      return { key: "validation.invalid" };
  }
}

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    // Errors on an element of a list (languages.2.level) are shown beside the list.
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[field] ??= issueToFieldError(issue);
  }
  return errors;
}

/**
 * NUL is never meaningful in text a person sends, and PostgreSQL refuses it outright; removing it
 * before validation keeps a stray byte from becoming a database error.
 */
export function withoutNul(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => withoutNul(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNul(item, depth + 1)]));
}

export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(withoutNul(input));
  if (!result.success) throw ValidationFailed(toFieldErrors(result.error));
  return result.data;
}

/**
 * Text a person types: trimmed, without control characters that break layouts or logs.
 * A paste far over the limit is refused before the work of cleaning it, with the same
 * "at most {max}" answer as a text just over it (not the internal first limit).
 */
const cleanedText = (max: number) =>
  z
    .string()
    .superRefine((value, ctx) => {
      if (value.length > max * 2) ctx.addIssue({ code: z.ZodIssueCode.too_big, type: "string", maximum: max, inclusive: true, fatal: true });
    })
    .transform((value) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").trim());

export const plainText = (max: number) => cleanedText(max).pipe(z.string().min(1).max(max));

/** The same, where leaving the field empty is fine (missing becomes ""). */
export const optionalPlainText = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => value ?? "")
    .pipe(cleanedText(max).pipe(z.string().max(max)));

export const email = z
  .string()
  .max(254)
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.string().email().max(254));

export const password = z.string().min(10).max(200);

/** HTML checkboxes send "on" when ticked and nothing when not. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.undefined()])
  .transform((value) => value === "on" || value === "true" || value === "1");

/** Reads a FormData into a plain object; names listed in `lists` become arrays. */
export function formToObject(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).map((value) => (typeof value === "string" ? value.replaceAll("\u0000", "") : ""));
    result[key] = lists.includes(key) ? values : values[0];
  }
  for (const key of lists) result[key] ??= [];
  return result;
}
