import { describe, expect, it } from "vitest";
import { TurnLock } from "~/lib/sqlite-adapter.server";

describe("TurnLock", () => {
  it("gives turns in arrival order, one at a time", async () => {
    const lock = new TurnLock();
    const order: string[] = [];
    let inside = 0;
    const turn = (name: string) =>
      lock.run(async () => {
        inside++;
        expect(inside).toBe(1);
        order.push(name);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inside--;
      });
    await Promise.all(["a", "b", "c", "d"].map(turn));
    expect(order).toEqual(["a", "b", "c", "d"]);
  });

  it("ends a turn once however often its end is called, and after a failure", async () => {
    const lock = new TurnLock();
    const end = await lock.take();
    const next = lock.take();
    end();
    end();
    const endNext = await next;
    let third = false;
    const waiting = lock.take().then((endThird) => {
      third = true;
      return endThird;
    });
    await Promise.resolve();
    // The first turn's second end() must not have handed a turn to the third caller.
    expect(third).toBe(false);
    endNext();
    (await waiting)();
    await expect(lock.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await lock.run(async () => "free again")).toBe("free again");
  });
});
