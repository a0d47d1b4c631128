import { expect } from "vitest";
import { DomainError } from "~/domain/errors";

/** Awaits work that must be refused, and returns the typed error it was refused with. */
export async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
