import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const buildDir = new URL("../../public/build/", import.meta.url).pathname;

function allScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allScripts(join(dir, entry.name)) : entry.name.endsWith(".js") ? [join(dir, entry.name)] : [],
  );
}

describe("the browser bundle", () => {
  it("carries no server-only code (validation, database, password hashing)", () => {
    expect(existsSync(buildDir), "run `npm run build` first").toBe(true);
    const code = allScripts(buildDir)
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    expect(code).not.toMatch(/ZodError/);
    expect(code).not.toMatch(/PrismaClient|@prisma\/client/);
    expect(code).not.toMatch(/argon2/);
    expect(code).not.toMatch(/meedoen-demo/);
  });
});
