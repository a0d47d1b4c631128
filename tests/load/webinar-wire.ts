/** What the webinar benchmark's parent, its client processes and its bare server agree on. */

/** Fan-out messages are `${FANOUT_PREFIX} <index> <sent at>`, so a receiver can time them. */
export const FANOUT_PREFIX = "bench-fanout";
/** Wall-clock milliseconds with sub-millisecond precision: senders and receivers are different processes. */
export const wallClock = () => performance.timeOrigin + performance.now();
