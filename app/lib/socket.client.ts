import type { Socket } from "socket.io-client";

let connecting: Promise<Socket> | undefined;

/**
 * One Socket.IO connection per tab, opened on first use. The client library is loaded on demand,
 * so pages that never need live updates never download it.
 */
export function liveSocket(): Promise<Socket> {
  connecting ??= import("socket.io-client").then(({ io }) => io({ transports: ["websocket", "polling"] }));
  return connecting;
}
