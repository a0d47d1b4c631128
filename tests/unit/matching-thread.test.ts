import { describe, expect, it } from "vitest";
import { matchJob } from "~/domain/matching/engine/job";
import { matchInWorker } from "~/domain/matching/matching-thread.server";
import { population } from "../load/matching";

describe("matching in a worker thread", () => {
  it("gives the same result as the engine on the main thread", async () => {
    const input = population(300, 80);
    const { runtimeMs, ...inWorker } = await matchInWorker(input);
    const { runtimeMs: _, ...here } = matchJob(input);
    expect(inWorker).toEqual(here);
    expect(inWorker.result.matched).toBeGreaterThan(0);
    expect(runtimeMs).toBeGreaterThanOrEqual(0);
  });

  it("keeps the event loop turning while a large matching runs", async () => {
    const input = population(8_000, 1_600);
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks++;
      if (!done) setTimeout(tick, 1);
    };
    setTimeout(tick, 1);
    const job = matchInWorker(input).finally(() => (done = true));
    // The main thread is free while the worker matches: timers fire, many times over.
    const ticksWhileRunning = await new Promise<number>((resolve) => {
      const check = () => (ticks >= 20 ? resolve(ticks) : setTimeout(check, 5));
      check();
    });
    expect(ticksWhileRunning).toBeGreaterThanOrEqual(20);
    expect(done).toBe(false);
    expect((await job).result.matched).toBeGreaterThan(0);
  }, 60_000);

  it("rejects with a clear error when the worker fails, instead of hanging", async () => {
    const input = population(10, 5);
    // Breaks the engine, inside the worker: a request without its list of languages.
    const broken = { ...input, requests: [{ ...input.requests[0], speaks: null as unknown as string[] }] };
    await expect(matchInWorker(broken)).rejects.toThrow(/matching worker failed/);
  });
});
