/** Reads a zod schema's structure, so tests can compare a document or a value with it field by field. */
import { z } from "zod";

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return unwrap(schema.unwrap());
  if (schema instanceof z.ZodDefault) return unwrap(schema._def.innerType);
  if (schema instanceof z.ZodEffects) return unwrap(schema.innerType());
  return schema;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Every field as a dotted path, `[]` marking list entries: `activities.signUps`, `activities.signUps[].title`, … */
export function fieldPaths(schema: z.ZodTypeAny, path = ""): string[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as z.ZodRawShape).flatMap(([key, child]) => [join(path, key), ...fieldPaths(child, join(path, key))]);
  }
  if (inner instanceof z.ZodArray) return fieldPaths(inner.element, `${path}[]`);
  return [];
}

/**
 * Every list of records (objects) the schema defines, with the number of entries `value` has in
 * it, counted across all parents (`buddies.matches[].messages` sums the messages of every match).
 */
export function recordListSizes(schema: z.ZodTypeAny, value: unknown): Record<string, number> {
  const sizes: Record<string, number> = {};
  const walk = (node: z.ZodTypeAny, values: unknown[], path: string) => {
    const inner = unwrap(node);
    if (inner instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(inner.shape as z.ZodRawShape)) {
        const children = values.flatMap((v) => (v && typeof v === "object" && key in v ? [(v as Record<string, unknown>)[key]] : []));
        walk(
          child,
          children.filter((v) => v !== null),
          join(path, key),
        );
      }
    } else if (inner instanceof z.ZodArray && unwrap(inner.element) instanceof z.ZodObject) {
      const items = values.flatMap((v) => (Array.isArray(v) ? v : []));
      sizes[path] = items.length;
      walk(inner.element, items, `${path}[]`);
    }
  };
  walk(schema, [value], "");
  return sizes;
}
