// Engine errors as upstream envelopes: UpstreamError (an HTTPException) for expected ones, one onError for all.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { errorEnvelope, UpstreamCode } from "../../core/contract.ts";

const STATUS: Record<number, ContentfulStatusCode> = {
  [UpstreamCode.TokenInvalid]: 401,
  [UpstreamCode.SessionNotFound]: 404,
  [UpstreamCode.OutOfCredits]: 403,
  [UpstreamCode.UnsupportedFile]: 415,
  [UpstreamCode.FileTooLarge]: 413,
};

/** An upstream error code and message; codes 400–599 are their own HTTP status. */
export class UpstreamError extends HTTPException {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(STATUS[code] ?? (code >= 400 && code < 600 ? (code as ContentfulStatusCode) : 400), { message });
  }
}

export const sessionNotFound = (sid: string) =>
  new UpstreamError(UpstreamCode.SessionNotFound, `Session not found: ${sid}`);

/** The ADK server's own error body (FastAPI style), used by /run_sse. */
export const adkError = (status: ContentfulStatusCode, detail: string) =>
  new HTTPException(status, { res: Response.json({ detail }, { status }) });

export type EnvelopeEnv = { Variables: { envelope?: "success" } };

/** Render endpoints answer errors as `{success:false,error,code}`, the rest as `{code,message,data:null}`. */
export const successEnvelope = createMiddleware<EnvelopeEnv>(async (c, next) => {
  c.set("envelope", "success");
  await next();
});

export function onError(err: Error, c: Context<EnvelopeEnv>): Response {
  if (err instanceof UpstreamError) {
    const body =
      c.get("envelope") === "success"
        ? { success: false, error: err.message, code: err.code }
        : errorEnvelope(err.code, err.message);
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException) return err.getResponse();
  console.error(`engine: ${c.req.method} ${c.req.path} failed:`, err);
  return c.json(errorEnvelope(500, "Internal error"), 500);
}
