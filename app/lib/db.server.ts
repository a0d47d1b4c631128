import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client";
import { config, type DatabaseTarget } from "./config.server";
import { countingStatements } from "./statement-count.server";
import { sqliteAdapterWithOneLock } from "./sqlite-adapter.server";

export { statementsDuring } from "./statement-count.server";

/**
 * Both generated clients have the same models (one source schema); the SQLite client's type
 * is the one the code is written against. Code must stay within what both providers support
 * (no `mode: "insensitive"`, no provider-specific raw SQL without a branch).
 */
export type Db = PrismaClient;

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "postgres") {
    const client = new PostgresPrismaClient({ adapter: countingStatements(new PrismaPg({ connectionString: target.url, max: 10 })) });
    return client as unknown as Db;
  }
  mkdirSync(dirname(target.file), { recursive: true });
  // One connection, and every query takes its turn behind one lock (decision 022). The busy
  // timeout is for other processes on the same file (a second instance, the migration runner).
  const adapter = sqliteAdapterWithOneLock({ url: `file:${target.file}`, timeout: 5000 });
  return new PrismaClient({ adapter: countingStatements(adapter) });
}

/** The provider db() talks to, for the few statements that must be written per provider. */
export const dbProvider = () => config().database.provider;

let client: Db | undefined;

export function db(): Db {
  client ??= createDb(config().database);
  return client;
}

/** Disconnects; the next db() connects again (to DATABASE_URL as it is then). */
export async function closeDb(): Promise<void> {
  const closing = client;
  client = undefined;
  await closing?.$disconnect();
}
