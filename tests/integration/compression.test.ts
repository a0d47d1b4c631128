import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useServer } from "../support/server";

const target = useServer();

type Raw = { status: number; encoding: string | undefined; vary: string | undefined; wire: Buffer };

/** node:http, not fetch: fetch would decompress and hide what travelled. */
function get(path: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, target.url), { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], vary: res.headers.vary, wire: Buffer.concat(parts) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressed answers", () => {
  it("sends the streamed activities page in brotli or gzip, whole, and plain to a client that asks for neither", async () => {
    const plain = await get("/activities");
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    const html = plain.wire.toString("utf8");
    expect(html).toContain("</html>");

    const br = await get("/activities", "gzip, deflate, br");
    expect(br.encoding).toBe("br");
    expect(br.vary).toMatch(/Accept-Encoding/i);
    const unpacked = brotliDecompressSync(br.wire).toString("utf8");
    expect(unpacked).toContain("</html>");
    expect(unpacked.length).toBeGreaterThan(html.length * 0.9); // the same page (nonces differ)
    expect(br.wire.length).toBeLessThan(html.length / 3);

    const gzip = await get("/activities", "gzip");
    expect(gzip.encoding).toBe("gzip");
    expect(gunzipSync(gzip.wire).toString("utf8")).toContain("</html>");
  });

  it("compresses the browser's scripts and the page data too", async () => {
    const page = (await get("/activities")).wire.toString("utf8");
    const scripts = [...new Set(page.match(/\/build\/[^"]+\.js/g))];
    expect(scripts.length).toBeGreaterThan(3);
    for (const script of scripts) {
      const [plain, packed] = [await get(script), await get(script, "br")];
      expect(packed.status, script).toBe(200);
      // Below a kilobyte compression saves less than its headers cost.
      expect(packed.encoding, script).toBe(plain.wire.length >= 1024 ? "br" : undefined);
    }

    const data = await get("/activities.data", "br");
    expect(data.status).toBe(200);
    expect(data.encoding).toBe("br");
  });

  it("leaves small answers alone", async () => {
    const health = await get("/healthz", "br");
    expect(health.status).toBe(200);
    expect(health.encoding).toBeUndefined();
  });
});
