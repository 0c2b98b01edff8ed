// The JSON error shape for every failure: catalogue errors as they are, anything else logged and hidden.
import type { Context } from "hono";
import type { z } from "zod";
import { apiError, type ErrorCode, type ErrorExtra, ReelsmithError } from "../core/errors.ts";
import type { Lang } from "./context.ts";

export function langOf(c: Context): Lang {
  const q = c.req.query("lang");
  if (q === "zh" || q === "en") return q;
  return /^zh\b/i.test(c.req.header("Accept-Language") ?? "") ? "zh" : "en";
}

/** Answers a catalogue error right away. */
export function fail(c: Context, code: ErrorCode, extra?: ErrorExtra): Response {
  const err = new ReelsmithError(code, { extra });
  return c.json(err.body(langOf(c)), err.status as 400);
}

/** The response for any thrown error; unexpected ones are logged by name and message only. */
export function errorResponse(c: Context, err: unknown): Response {
  const known = ReelsmithError.from(err);
  if (known) {
    if (known.detail) console.warn(`${known.code}: ${known.detail}`);
    return c.json(known.body(langOf(c)), known.status as 400);
  }
  const e = err as Error;
  console.error(`${c.req.method} ${new URL(c.req.url).pathname}: ${e?.name}: ${e?.message}`);
  return c.json(apiError("internal", langOf(c)), 500);
}

/** Parses a JSON body with a schema; a bad body is a 400 naming the first problem. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw = await c.req.text();
  let json: unknown;
  if (raw.trim() !== "") {
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ReelsmithError("bad_request", { extra: { problem: "The body is not valid JSON." } });
    }
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const problem = `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`;
  throw new ReelsmithError("bad_request", { extra: { problem } });
}
