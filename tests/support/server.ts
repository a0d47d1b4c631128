import { afterAll, beforeAll } from "vitest";
import { startServer, type RunningServer } from "../../server/app";

/** Starts the real Express + Remix + Socket.IO server on a free port for the file's tests. */
export function useServer() {
  const holder = {} as { server: RunningServer; url: string };
  beforeAll(async () => {
    holder.server = await startServer({ port: 0, host: "127.0.0.1" });
    holder.url = holder.server.url;
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  return holder;
}
