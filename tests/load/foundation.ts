import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { load, root, startServerProcess } from "./support.ts";

/** Start-up time to the first page, the JavaScript a first visit downloads, and page throughput. */
export async function foundation(args: { duration: number }) {
  const server = await startServerProcess({ DEMO_DATA: "true" });
  try {
    const html = await (await fetch(server.url)).text();
    const scripts = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    const files = scripts.map((src) => join(root, "public", src));
    const rawBytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
    const home = await load(`${server.url}/`, { duration: args.duration, headers: { "accept-language": "uk" } });
    const health = await load(`${server.url}/healthz`, { duration: args.duration });
    return {
      bench: "foundation",
      start_to_first_page_ms: server.startMs,
      first_visit_js: { files: files.length, kb: Math.round(rawBytes / 1024), gzip_kb: Math.round(gzipBytes / 1024) },
      home_page: home,
      healthz: health,
    };
  } finally {
    await server.stop();
  }
}
