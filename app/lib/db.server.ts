import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client";
import { config, type DatabaseTarget } from "./config.server";
import { forgetSingleton, singleton } from "./singleton.server";

/**
 * Both generated clients have the same models (one source schema); the SQLite client's type
 * is the one the code is written against. Code must stay within what both providers support
 * (no `mode: "insensitive"`, no provider-specific raw SQL without a branch).
 */
export type Db = PrismaClient;

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "postgres") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) });
    return client as unknown as Db;
  }
  mkdirSync(dirname(target.file), { recursive: true });
  // WAL lets readers go on while one writer commits; the busy timeout makes a second writer
  // wait for the lock instead of failing at once with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}

export function db(): Db {
  return singleton("db", () => createDb(config().database));
}

export async function closeDb(): Promise<void> {
  const store = globalThis as unknown as { __meedoen?: Map<string, unknown> };
  const client = store.__meedoen?.get("db") as Db | undefined;
  forgetSingleton("db");
  await client?.$disconnect();
}
