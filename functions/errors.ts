// The JSON error shape for every failure: catalogue errors as they are, anything else logged and hidden.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { type ErrorCode, type ErrorExtra, ReelsmithError } from "../core/errors.ts";
import type { Lang } from "./context.ts";

export function langOf(c: Context): Lang {
  const q = c.req.query("lang");
  if (q === "zh" || q === "en") return q;
  return /^zh\b/i.test(c.req.header("Accept-Language") ?? "") ? "zh" : "en";
}

/** Answers a catalogue error right away. */
export function fail(c: Context, code: ErrorCode, extra?: ErrorExtra): Response {
  return respond(c, new ReelsmithError(code, { extra }));
}

/** The catalogue error a framework refusal stands for (a body that is not JSON, not said to be, or over the cap). */
function fromHttpException(e: HTTPException): ReelsmithError {
  if (e.status === 413) return new ReelsmithError("request_too_large");
  if (e.status === 404) return new ReelsmithError("not_found");
  if (e.status === 400)
    return new ReelsmithError("bad_request", { extra: { problem: "The body is not valid JSON." } });
  if (e.status === 415)
    return new ReelsmithError("bad_request", {
      extra: { problem: "Send the body as JSON, with Content-Type: application/json." },
    });
  return new ReelsmithError("internal", { detail: e.message });
}

/** The response for any thrown error; unexpected ones are logged by name and message only. */
export function errorResponse(c: Context, err: unknown): Response {
  const known = ReelsmithError.from(err) ?? (err instanceof HTTPException ? fromHttpException(err) : null);
  if (known) {
    if (known.detail) console.warn(`${known.code}: ${known.detail}`);
    return respond(c, known);
  }
  const e = err as Error;
  console.error(`${c.req.method} ${new URL(c.req.url).pathname}: ${e?.name}: ${e?.message}`);
  return respond(c, new ReelsmithError("internal"));
}

/** The error as JSON, with the headers its code calls for (Retry-After, Content-Range). */
function respond(c: Context, err: ReelsmithError): Response {
  const headers: Record<string, string> = {};
  const { retryAfter, size } = err.extra;
  if (typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
  if (err.code === "range_not_satisfiable" && typeof size === "number")
    headers["Content-Range"] = `bytes */${size}`;
  return c.json(err.body(langOf(c)), err.status as 400, headers);
}
