import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAppStyles } from "../../server/http/app-styles";

const sheet = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "app-styles-")), name);
  writeFileSync(file, text);
  return file;
};

describe("the stylesheet written into each page", () => {
  it("is hashed as the browser will hash it: CRLF and CR line ends become LF", () => {
    const lf = loadAppStyles(sheet("lf.css", "body {\n  color: green;\n}\n"));
    const crlf = loadAppStyles(sheet("crlf.css", "body {\r\n  color: green;\r\n}\r\n"));
    const cr = loadAppStyles(sheet("cr.css", "body {\r  color: green;\r}\r"));
    expect(crlf).toEqual(lf);
    expect(cr).toEqual(lf);
    expect(lf.cspSource).toBe(`'sha256-${createHash("sha256").update("body {\n  color: green;\n}\n").digest("base64")}'`);
  });

  it("refuses a sheet that would end the <style> element early", () => {
    expect(() => loadAppStyles(sheet("bad.css", 'a::after { content: "</STYLE><script>"; }'))).toThrow(/<\/style/);
  });
});
