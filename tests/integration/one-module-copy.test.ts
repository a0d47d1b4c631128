/**
 * The process holds one copy of each app module (decisions/023): the pages the server renders
 * run the very modules that server/ and the tests import. Before, the Remix bundle carried its
 * own copies, so every database client, event bus and error class existed twice and had to be
 * shared through globalThis (`singleton()`) and recognised by name.
 */
import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import { loadBuild } from "../../server/app";

describe("one copy of the app's modules", () => {
  it("gives the server the source route modules, not the bundle's copies", async () => {
    const build = await loadBuild();
    expect(build.entry.module).toBe(await import("~/entry.server"));
    expect(build.routes["root"]!.module).toBe(await import("~/root"));
    expect(build.routes["routes/activities.$id"]!.module).toBe(await import("~/routes/activities.$id"));
    expect(Object.keys(build.routes).length).toBeGreaterThan(30);
  });

  it("recognises the domain's errors by class, wherever they were thrown", async () => {
    const { httpFailure } = await import("~/lib/http.server");
    expect(httpFailure(new DomainError("not_found", "activities.errors.notFound"))?.status).toBe(404);
    // An error that only calls itself a DomainError is a bug like any other (500), not a refusal.
    const impostor = Object.assign(new Error("not_found: x"), { name: "DomainError", code: "not_found", status: 404 });
    expect(httpFailure(impostor)).toBeNull();
  });
});
