import { EventEmitter } from "node:events";

/**
 * A typed, in-process channel from domain code to the realtime layer: the domain publishes what
 * happened and never imports Socket.IO; server/realtime subscribes and forwards to sockets.
 * One emitter per channel; the process holds one copy of this module (decisions/023).
 */
export function domainBus<T>(name: string) {
  const bus = new EventEmitter().setMaxListeners(50);
  return {
    publish(event: T): void {
      bus.emit(name, event);
    },
    subscribe(listener: (event: T) => void): () => void {
      bus.on(name, listener);
      return () => bus.off(name, listener);
    },
  };
}
