/**
 * Prisma's better-sqlite3 adapter with one lock for everything (decision 022).
 *
 * The adapter has a single connection, and only interactive transactions take its lock. A
 * query from another request that arrives while a transaction is open would run on that same
 * connection, inside the transaction: it sees uncommitted rows, and it is undone if the
 * transaction rolls back although its caller was told it succeeded. Here every query that is not
 * part of the transaction waits its turn behind the same lock, first come first served, so a
 * transaction is alone on the connection from BEGIN to COMMIT or ROLLBACK.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/** A lock handed from holder to holder in arrival order. */
export class TurnLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  /** Resolves when it is the caller's turn, with the function that ends the turn (once). */
  async take(): Promise<() => void> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#held = true;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#held = false;
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const end = await this.take();
    try {
      return await work();
    } finally {
      end();
    }
  }
}

/** The engine sends COMMIT and ROLLBACK as SQL through the transaction, then calls commit()/rollback(). */
const isCommit = (query: Query) => /^\s*COMMIT\b/i.test(query.sql);

function transactionHoldingTurn(inner: Transaction, endTurn: () => void): Transaction {
  const finish = async (close: () => Promise<void>) => {
    try {
      await close();
    } finally {
      endTurn();
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: async (query) => {
      if (!isCommit(query)) return inner.executeRaw(query);
      try {
        return await inner.executeRaw(query);
      } catch (error) {
        // A failed COMMIT leaves the connection inside the transaction and the engine never calls
        // commit() or rollback() (prisma/orm#29933): end it here, or every later query would wait
        // for a turn that never ends.
        await inner.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
        await finish(() => inner.rollback());
        throw error;
      }
    },
    commit: () => finish(() => inner.commit()),
    rollback: () => finish(() => inner.rollback()),
  };
}

function adapterWithOneLock(inner: Adapter): Adapter {
  const lock = new TurnLock();
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => lock.run(() => inner.queryRaw(query)),
    executeRaw: (query) => lock.run(() => inner.executeRaw(query)),
    executeScript: (script) => lock.run(() => inner.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const endTurn = await lock.take();
      try {
        return transactionHoldingTurn(await inner.startTransaction(isolationLevel), endTurn);
      } catch (error) {
        endTurn();
        throw error;
      }
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    dispose: () => inner.dispose(),
  };
}

/** Drop-in for `new PrismaBetterSQLite3(config)`: the same factory, whose connections take one lock. */
export function sqliteAdapterWithOneLock(
  ...args: ConstructorParameters<typeof PrismaBetterSQLite3>
): Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb"> {
  const factory = new PrismaBetterSQLite3(...args);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => adapterWithOneLock(await factory.connect()),
    connectToShadowDb: async () => adapterWithOneLock(await factory.connectToShadowDb()),
  };
}
