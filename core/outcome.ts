// Typed outcomes for the Durable Object's RPC methods: a value, or an expected failure as data, never an exception.
import { type Failure, ReelsmithError } from "./errors.ts";

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/**
 * Runs `fn`: its value, or the catalogue failure it raised (not found, busy, a refused file …) as a value.
 * Anything else is a fault and is thrown on, so it still surfaces as one.
 */
export async function settle<T>(fn: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    const known = ReelsmithError.from(e);
    if (!known) throw e;
    if (known.detail) console.warn(`${known.code}: ${known.detail}`);
    return { ok: false, failure: known.failure() };
  }
}

/** The value, or the failure raised as a ReelsmithError on this side of the boundary (for the error handler). */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw ReelsmithError.of(outcome.failure);
}
