import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { i18nFor } from "~/lib/i18n";
import { MAX_SOCKET_PAYLOAD_BYTES } from "~/lib/realtime-limits";
import { sendEvent } from "~/lib/socket.client";
import { resources } from "~/locales/index.server";

/**
 * A real Socket.IO server with one handler per way an answer can go wrong; the browser helper
 * must turn each into a sentence for the person, never an exception.
 */
const http = createServer();
const server = new Server(http, { maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES });
server.on("connection", (socket) => {
  socket.on("echo", (payload, ack) => ack({ ok: true, data: payload }));
  socket.on("silent", () => undefined);
  socket.on("drop", () => socket.disconnect(true));
  socket.on("refuse", (_payload, ack) =>
    ack({ ok: false, error: { code: "validation", message: "Деякі відповіді потребують уваги.", fieldErrors: { body: "Не більше 500 символів." } } }),
  );
  socket.on("garbled", (_payload, ack) => ack("not an answer"));
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
});

async function connected(): Promise<Socket> {
  const socket = connect(url, { transports: ["websocket"], forceNew: true, reconnection: false });
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return socket;
}

const { t } = i18nFor("uk", resources.uk);
const ukrainian = /^[\u0400-\u04FF]/;

describe("sending a live event from the browser", () => {
  it("returns the data of a good answer", async () => {
    const socket = await connected();
    expect(await sendEvent(socket, "echo", { body: "Привіт" }, t)).toEqual({ ok: true, data: { body: "Привіт" } });
    socket.close();
  });

  it("turns a missing answer into a translated timeout, keeping the connection", async () => {
    const socket = await connected();
    const outcome = await sendEvent(socket, "silent", {}, t, 200);
    expect(outcome).toMatchObject({ ok: false, code: "timeout", message: expect.stringMatching(ukrainian) });
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it("turns a connection dropped while waiting into a translated message, not an uncaught 'socket has been disconnected'", async () => {
    const socket = await connected();
    const outcome = await sendEvent(socket, "drop", {}, t);
    expect(outcome).toMatchObject({ ok: false, code: "disconnected", message: expect.stringMatching(ukrainian) });
  });

  it("says there is no connection instead of leaving the event in Socket.IO's buffer", async () => {
    const socket = await connected();
    socket.disconnect();
    expect(await sendEvent(socket, "echo", {}, t)).toMatchObject({ ok: false, code: "offline", message: expect.stringMatching(ukrainian) });
  });

  it("shows the server's field error, which is more precise than its form-level message", async () => {
    const socket = await connected();
    expect(await sendEvent(socket, "refuse", {}, t)).toEqual({ ok: false, code: "validation", message: "Не більше 500 символів." });
    expect(await sendEvent(socket, "garbled", {}, t)).toMatchObject({ ok: false, code: "unreadable", message: expect.stringMatching(ukrainian) });
    socket.close();
  });

  it("refuses to send a payload over the frame limit, so the server never closes the connection over it", async () => {
    const socket = await connected();
    const outcome = await sendEvent(socket, "echo", { body: "ї".repeat(MAX_SOCKET_PAYLOAD_BYTES) }, t);
    expect(outcome).toMatchObject({ ok: false, code: "tooLarge", message: expect.stringMatching(ukrainian) });
    expect(socket.connected).toBe(true);
    expect((await sendEvent(socket, "echo", { body: "ok" }, t)).ok).toBe(true);
    socket.close();
  });
});
