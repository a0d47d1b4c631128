import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-pg/client";
import { config, type DatabaseTarget } from "./config.server";
import type { RawRow } from "./raw-rows.server";
import { countingStatements } from "./statement-count.server";
import { sqliteAdapterWithOneLock } from "./sqlite-adapter.server";

export { statementsDuring } from "./statement-count.server";

/**
 * Both generated clients have the same models (one source schema); the SQLite client's type
 * is the one the code is written against. Code must stay within what both providers support
 * (no `mode: "insensitive"`, no provider-specific raw SQL without a branch).
 */
export type Db = PrismaClient;

type Driver = { provider: string; queryRaw(query: { sql: string; args: unknown[]; argTypes: { scalarType: string; arity: "scalar" }[] }): Promise<ResultSet> };
type ResultSet = { columnNames: string[]; rows: unknown[][] };
/** Each client's connected driver adapter, for rawRows. */
const drivers = new WeakMap<object, Driver>();

export function createDb(target: DatabaseTarget): Db {
  let client: Db;
  const connected = (driver: unknown) => drivers.set(client, driver as Driver);
  if (target.provider === "postgres") {
    client = new PostgresPrismaClient({ adapter: countingStatements(new PrismaPg({ connectionString: target.url, max: 10 }), connected) }) as unknown as Db;
    return client;
  }
  mkdirSync(dirname(target.file), { recursive: true });
  // One connection, and every query takes its turn behind one lock (decision 022). The busy
  // timeout is for other processes on the same file (a second instance, the migration runner).
  const adapter = sqliteAdapterWithOneLock({ url: `file:${target.file}`, timeout: 5000 });
  client = new PrismaClient({ adapter: countingStatements(adapter, connected) });
  return client;
}

const argType = (value: unknown) => ({
  scalarType: value instanceof Date ? "datetime" : typeof value === "number" ? "float" : typeof value === "boolean" ? "boolean" : "string",
  arity: "scalar" as const,
});

/**
 * A statement straight through the client's driver adapter, outside Prisma's query compiler, which costs more
 * than the statement on the hottest paths (a joiner's facts, a vote, a session look-up; decision
 * 033). The same driver, lock (decision 022) and statement count as any Prisma query; the rows are
 * as the driver has them (read them with app/lib/raw-rows.server.ts).
 */
export async function rawRows(query: Prisma.Sql, client: Db = db()): Promise<RawRow[]> {
  if (!drivers.has(client)) await client.$connect();
  const driver = drivers.get(client)!;
  const result = await driver.queryRaw({
    // Prisma.Sql renders `?` placeholders as .sql and `$1` ones as .text.
    sql: driver.provider === "postgres" ? query.text : query.sql,
    args: query.values,
    argTypes: query.values.map(argType),
  });
  return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])));
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
