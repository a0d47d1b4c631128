import { EventEmitter } from "node:events";
import { singleton } from "./singleton.server";

/**
 * A typed, in-process channel from domain code to the realtime layer: the domain publishes what
 * happened and never imports Socket.IO; server/realtime subscribes and forwards to sockets.
 * One emitter per channel for the whole process (see singleton.server.ts for why).
 */
export function domainBus<T>(name: string) {
  const emitter = () => singleton(`bus:${name}`, () => new EventEmitter().setMaxListeners(50));
  return {
    publish(event: T): void {
      emitter().emit(name, event);
    },
    subscribe(listener: (event: T) => void): () => void {
      emitter().on(name, listener);
      return () => emitter().off(name, listener);
    },
  };
}
