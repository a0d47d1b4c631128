import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|file:)/, "must start with postgres://, postgresql:// or file:")
    .optional(),
  SQLITE_PATH: z.string().min(1).default("data/meedoen.db"),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional(),
  /** Prefix for every Redis key and stream, so several deployments (or test runs) can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,40}$/, "letters, digits and : . - _ only").default("meedoen:"),
  /** The origin users reach us at; mutations from any other Origin are refused. */
  PUBLIC_ORIGIN: z.string().url().optional(),
  COOKIE_SECURE: booleanFlag,
  DEMO_DATA: booleanFlag,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Config = z.infer<typeof ConfigSchema> & { database: DatabaseTarget };
export type DatabaseTarget = { provider: "sqlite"; file: string } | { provider: "postgres"; url: string };

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration in environment variables:\n${lines.join("\n")}`);
  }
  const values = result.data;
  const url = values.DATABASE_URL;
  const database: DatabaseTarget = url?.startsWith("postgres")
    ? { provider: "postgres", url }
    : { provider: "sqlite", file: url ? url.slice("file:".length) : values.SQLITE_PATH };
  return { ...values, database };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
