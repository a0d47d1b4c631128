import type { Server, Socket } from "socket.io";
import type { AuthUser } from "../../app/domain/auth/lucia.server.ts";

/** The session is kept so that its end (sign-out, expiry) can end the socket too. */
export type SocketData = { user: AuthUser; session: { id: string } };
export type AppServer = Server<Record<string, never>, Record<string, (...args: never[]) => void>, Record<string, never>, SocketData>;
export type AppSocket = Socket<Record<string, (...args: never[]) => void>, Record<string, (...args: never[]) => void>, Record<string, never>, SocketData>;
