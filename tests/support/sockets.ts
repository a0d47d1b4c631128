import { io as connect, type Socket } from "socket.io-client";
import { startSession } from "~/domain/auth/lucia.server";

/** A signed-in Socket.IO client for a person, without going through the sign-in form. */
export async function socketFor(baseUrl: string, userId: string, options: { reconnection?: boolean } = {}): Promise<Socket> {
  const cookie = (await startSession(userId)).split(";")[0];
  const socket = connect(baseUrl, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: options.reconnection ?? false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Waits for one event on a socket, failing after a while instead of hanging the test. */
export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
