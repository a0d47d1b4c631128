import { io as connect, type Socket } from "socket.io-client";
import { afterEach } from "vitest";
import { startSession } from "~/domain/auth/lucia.server";

type Options = { reconnection?: boolean };

/** A Socket.IO client on a given session cookie (`name=value`), sending the Origin a browser would. */
export async function socketWithCookie(baseUrl: string, cookie: string, options: Options = {}): Promise<Socket> {
  const socket = connect(baseUrl, {
    transports: ["websocket"],
    extraHeaders: { cookie, origin: baseUrl },
    reconnection: options.reconnection ?? false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** A signed-in Socket.IO client for a person, without going through the sign-in form. */
export async function socketFor(baseUrl: string, userId: string, options: Options = {}): Promise<Socket> {
  return socketWithCookie(baseUrl, (await startSession(userId)).split(";")[0], options);
}

/** Sockets a test file opens through these, closed after each test so none leaks into the next. */
export function useSockets(target: { url: string }) {
  const open: Socket[] = [];
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  const kept = (socket: Socket) => (open.push(socket), socket);
  return {
    as: async (userId: string, options?: Options) => kept(await socketFor(target.url, userId, options)),
    withCookie: async (cookie: string) => kept(await socketWithCookie(target.url, cookie)),
  };
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
