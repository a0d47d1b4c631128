import { z } from "zod";
import { isLoopback } from "./loopback";
import { parseS3Config, S3ConfigError, type S3Config } from "./images/s3-config";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^(postgres(ql)?:\/\/|file:)/, "must start with postgres://, postgresql:// or file:")
      .optional(),
    SQLITE_PATH: z.string().min(1).default("data/meedoen.db"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
    /** Prefix for every Redis key and stream, so several deployments (or test runs) can share one Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,40}$/, "letters, digits and : . - _ only")
      .default("meedoen:"),
    /** The origin users reach us at; mutations from any other Origin are refused. */
    PUBLIC_ORIGIN: z.string().url().optional(),
    COOKIE_SECURE: booleanFlag,
    DEMO_DATA: booleanFlag,
    /** Demo data on a public address, knowingly (a public demo site); see refuseDemoOnPublicOrigin. */
    ALLOW_PUBLIC_DEMO_DATA: booleanFlag,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** smtp://user:pass@host:587 (STARTTLS) or smtps://…:465; unset keeps mails in the outbox for /admin/outbox. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Meedoen <no-reply@meedoen.invalid>"),
    /** The Telegram Bot API (decision 037); tests point it at a stand-in on this machine. */
    TELEGRAM_API_URL: z
      .string()
      .url()
      .regex(/^https?:\/\//, "must start with http:// or https://")
      .default("https://api.telegram.org")
      .transform((value) => value.replace(/\/+$/, "")),
    /**
     * Lets webhooks reach loopback and private addresses. Off by default and in production: it
     * exists for tests whose receiving server listens on 127.0.0.1 (decision 037).
     */
    WEBHOOK_ALLOW_PRIVATE_HOSTS: booleanFlag,
    /**
     * Key material for the channels' sealed secrets (bot tokens, webhook secrets), at least 32
     * characters. Unset, the key is derived from an installation secret in the database, which
     * protects against a leaked table or log, not against a copy of the whole database.
     */
    CHANNEL_SECRET_KEY: z.string().min(32).optional(),
    /**
     * Cover pictures in an S3-compatible bucket instead of IMAGES_DIR (decision 047):
     * https://ACCESS_KEY:SECRET@host/bucket[/prefix], checked by parseS3Config.
     */
    S3_URL: z.string().optional(),
    S3_REGION: z.string().optional(),
    /** Where browsers read the pictures (a CDN, a public bucket domain); default S3_URL's bucket and prefix. */
    S3_PUBLIC_URL: z.string().optional(),
  })
  .superRefine(refuseDemoOnPublicOrigin)
  .superRefine(checkS3);

/** A malformed S3_URL stops the start, with a message that names what is wrong but never the secret. */
function checkS3(values: { S3_URL?: string; S3_REGION?: string; S3_PUBLIC_URL?: string }, ctx: z.RefinementCtx) {
  try {
    parseS3Config(values);
  } catch (error) {
    if (!(error instanceof S3ConfigError)) throw error;
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [error.variable], message: error.problem });
  }
}

/**
 * The demo accounts, an admin among them, share a password printed in the README. That is fine on
 * a laptop (`npm start` leaves PUBLIC_ORIGIN unset) and dangerous anywhere people can reach, so a
 * public PUBLIC_ORIGIN with DEMO_DATA stops the start unless ALLOW_PUBLIC_DEMO_DATA says it is meant.
 */
function refuseDemoOnPublicOrigin(values: { DEMO_DATA: boolean; ALLOW_PUBLIC_DEMO_DATA: boolean; PUBLIC_ORIGIN?: string }, ctx: z.RefinementCtx) {
  if (!values.DEMO_DATA || values.ALLOW_PUBLIC_DEMO_DATA || !values.PUBLIC_ORIGIN) return;
  if (isLoopback(new URL(values.PUBLIC_ORIGIN).hostname)) return;
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    path: ["DEMO_DATA"],
    message:
      `refused with PUBLIC_ORIGIN=${values.PUBLIC_ORIGIN}: the demo accounts (an admin among them) share a published ` +
      "password. Unset DEMO_DATA, or set ALLOW_PUBLIC_DEMO_DATA=true if this is meant to be a public demo.",
  });
}

export type Config = z.infer<typeof ConfigSchema> & { database: DatabaseTarget; s3: S3Config | null };
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
  return { ...values, database, s3: parseS3Config(values) };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For a process that points at another database while it runs (the tests' template set-up). */
export function forgetConfig(): void {
  cached = undefined;
}

/** Cookies carry `Secure` when asked to, or when people reach us over https. */
export const secureCookies = () => config().COOKIE_SECURE || config().PUBLIC_ORIGIN?.startsWith("https:") === true;

/** Where links in mails point: PUBLIC_ORIGIN, or this machine when it is not set (`npm start`). */
export function publicOrigin(): string {
  return config().PUBLIC_ORIGIN ?? `http://localhost:${config().PORT}`;
}
