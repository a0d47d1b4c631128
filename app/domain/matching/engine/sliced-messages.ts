/**
 * Large values across a thread boundary in slices. Structured clone serializes a message on the
 * sending thread and deserializes it on the receiving one, all at once: 50,000 requests are half
 * a second of the server's event loop in one piece, so they go a few thousand at a time, with
 * the event loop free between slices.
 */

/** Items per message: a few milliseconds of cloning each. */
const SLICE = 2_000;

type Listener = (message: unknown) => void;
type Port = { postMessage(message: unknown): void; on(event: "message", listener: Listener): unknown; off(event: "message", listener: Listener): unknown };
type Slice = { key: string; items: unknown[] };
type Last = { rest: unknown };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Sends each of `arrays` in slices, then `rest` (the small remainder of the value) last. */
export async function postSliced(port: Port, arrays: Record<string, readonly unknown[]>, rest: unknown) {
  for (const [key, items] of Object.entries(arrays)) {
    for (let start = 0; start < items.length; start += SLICE) {
      port.postMessage({ key, items: items.slice(start, start + SLICE) } satisfies Slice);
      await nextTurn();
    }
  }
  port.postMessage({ rest } satisfies Last);
}

/** Collects what `postSliced` sends: the arrays, joined again, and the remainder. */
export function receiveSliced(port: Port): Promise<{ arrays: Record<string, unknown[]>; rest: unknown }> {
  const arrays: Record<string, unknown[]> = {};
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      if ("rest" in (message as Last)) {
        // A listening port keeps its thread alive: the worker could never exit.
        port.off("message", listener);
        return resolve({ arrays, rest: (message as Last).rest });
      }
      const { key, items } = message as Slice;
      const list = (arrays[key] ??= []);
      for (const item of items) list.push(item);
    };
    port.on("message", listener);
  });
}
