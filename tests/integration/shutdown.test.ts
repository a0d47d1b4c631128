import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { startServer } from "../../server/app";

describe("graceful shutdown", () => {
  it("finishes although a client started a request and never completed it", async () => {
    const server = await startServer({ port: 0, host: "127.0.0.1" });
    const stalled = connect(server.port, "127.0.0.1");
    await new Promise<void>((resolve) => stalled.once("connect", () => resolve()));
    // A form promised 1,000 bytes and sent 9: the request stays in flight (a phone that lost signal).
    stalled.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: http://127.0.0.1:${server.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a%4`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const closed = await Promise.race([server.close().then(() => "closed"), new Promise((resolve) => setTimeout(() => resolve("still open"), 20_000))]);
    stalled.destroy();
    expect(closed).toBe("closed");
  }, 40_000);
});
