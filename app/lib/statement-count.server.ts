/**
 * Counts the SQL statements the database clients send, so that a test can hold an operation to a
 * budget ("a chat message costs at most two statements"): a cost that a timed benchmark only
 * shows as a trend is then a failing test. Transaction control (BEGIN, COMMIT, ROLLBACK) is not
 * counted; every query and write the engine sends is, in or outside a transaction.
 */
type Factory = { connect: () => Promise<Adapter> };
type Adapter = {
  queryRaw: (query: never) => Promise<unknown>;
  executeRaw: (query: never) => Promise<unknown>;
  startTransaction: (...args: never[]) => Promise<Transaction>;
};
type Transaction = { queryRaw: (query: never) => Promise<unknown>; executeRaw: (query: never) => Promise<unknown> };

let sent = 0;
const control = (query: { sql?: string }) => /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(query.sql ?? "");

function counted<T extends Transaction>(inner: T): T {
  return {
    ...inner,
    queryRaw: (query: never) => {
      sent++;
      return inner.queryRaw(query);
    },
    executeRaw: (query: never) => {
      if (!control(query)) sent++;
      return inner.executeRaw(query);
    },
  };
}

/**
 * The same driver adapter factory, whose connections count what they send. Wraps by copying
 * the methods onto a plain object, since the adapters' methods are class members (bound below).
 */
export function countingStatements<F extends Factory>(factory: F, connected?: (adapter: Awaited<ReturnType<F["connect"]>>) => void): F {
  const bind = <O extends object>(object: O): O => {
    const copy = {} as O;
    for (let proto: object | null = object; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const key of Reflect.ownKeys(proto)) {
        if (key === "constructor" || key in copy) continue;
        const value = (object as Record<string | symbol, unknown>)[key];
        (copy as Record<string | symbol, unknown>)[key] = typeof value === "function" ? value.bind(object) : value;
      }
    }
    return copy;
  };
  const wrapped = bind(factory);
  wrapped.connect = async () => {
    const adapter = counted(bind(await factory.connect()));
    const startTransaction = adapter.startTransaction;
    adapter.startTransaction = async (...args: never[]) => counted(bind(await startTransaction(...args)));
    connected?.(adapter as Awaited<ReturnType<F["connect"]>>);
    return adapter;
  };
  return wrapped;
}

/**
 * How many statements `work` sent, with its result. A process-wide count: whatever else runs
 * meanwhile counts too, so a test measures one operation at a time, with nothing in the background.
 */
export async function statementsDuring<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = sent;
  const result = await work();
  return { result, statements: sent - before };
}
