import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { createElement, type ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { nulSafeDestination, withoutNulBytes } from "~/lib/nul-safe-stream.server";

/** Renders like entry.server.tsx: React 18's Node renderer piped into `destination`, bytes collected as they leave. */
function renderThrough(element: ReactElement, destination: NodeJS.ReadWriteStream | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        parts.push(Buffer.from(chunk));
        done();
      },
      final(done) {
        resolve(Buffer.concat(parts));
        done();
      },
    });
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        if (destination) {
          destination.pipe(sink);
          pipe(destination as unknown as Writable);
        } else pipe(sink);
      },
      onShellError: reject,
    });
  });
}

// The web-streams build (what Deno and workers get); its types are declared on "react-dom/server".
const { renderToReadableStream } = createRequire(import.meta.url)("react-dom/server.browser") as Pick<
  typeof import("react-dom/server"),
  "renderToReadableStream"
>;

/** React's web-streams renderer encodes every string whole, so its bytes are what was meant. */
async function intended(element: ReactElement): Promise<Buffer> {
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  return Buffer.from(await new Response(stream).arrayBuffer());
}

// Two-, three- and four-byte characters in short strings, the kind React packs into its 2 KB views.
const SCRIPTS = ["Людина", "مرحبا", "…—’", "🇺🇦🌍"];

/** A page of many short multi-byte strings after `prefix` ASCII bytes, so that every 2 KB boundary moves by one byte per step. */
const page = (prefix: number, script: string) =>
  createElement(
    "html",
    { lang: "uk" },
    createElement(
      "body",
      null,
      createElement("p", null, "x".repeat(prefix)),
      createElement(
        "ul",
        null,
        Array.from({ length: 160 }, (_, index) =>
          createElement("li", { key: index, title: `${script} ${index}` }, `${script} ${index}`, createElement("b", null, script)),
        ),
      ),
    ),
  );

describe("NUL-safe destination for React 18's streaming renderer", () => {
  it("turns out React 18 does send NUL bytes without it (the bug this guards against)", async () => {
    const raw = await Promise.all([0, 1, 2, 3].map((prefix) => renderThrough(page(prefix, "Людина"), null)));
    expect(raw.some((bytes) => bytes.includes(0))).toBe(true);
  });

  it("sends exactly the bytes React meant, with the 2 KB boundary at every offset inside 2-, 3- and 4-byte characters", async () => {
    let withNulBefore = 0;
    for (const script of SCRIPTS) {
      for (let prefix = 0; prefix < 12; prefix++) {
        const element = page(prefix, script);
        const [raw, fixed, meant] = await Promise.all([renderThrough(element, null), renderThrough(element, nulSafeDestination()), intended(element)]);
        if (raw.includes(0)) withNulBefore++;
        expect(fixed.includes(0), `${script} +${prefix}`).toBe(false);
        expect(fixed.equals(meant), `${script} +${prefix}`).toBe(true);
        expect(new TextDecoder("utf-8", { fatal: true }).decode(fixed)).not.toContain("\uFFFD");
      }
    }
    // Most of these pages had a NUL before: the test exercises the boundaries it claims to.
    expect(withNulBefore).toBeGreaterThan(SCRIPTS.length * 6);
  });

  it("removes 0x00 bytes wherever they are and leaves other chunks untouched", () => {
    const clean = Buffer.from("Людина");
    expect(withoutNulBytes(clean)).toBe(clean);
    expect(withoutNulBytes(Buffer.from([0, 0xd0, 0x9b, 0, 0, 0x41, 0]))).toEqual(Buffer.from([0xd0, 0x9b, 0x41]));
    expect(withoutNulBytes(Buffer.from([0, 0, 0]))).toEqual(Buffer.alloc(0));
  });
});
