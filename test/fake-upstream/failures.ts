// The fake's error answers: each code with its HTTP status and default message, in the endpoint's envelope style.
import { z } from "zod";
import { errorEnvelope, UpstreamCode } from "../../core/contract.ts";
import type { Endpoint } from "./control-schema.ts";
import { usesSuccessEnvelope } from "./endpoints.ts";

/** HTTP status for the upstream's own codes; codes 400–599 are their own status. */
const HTTP_STATUS: Record<number, number> = {
  [UpstreamCode.TokenInvalid]: 401,
  [UpstreamCode.SessionNotFound]: 404,
  [UpstreamCode.OutOfCredits]: 403,
  [UpstreamCode.UnsupportedFile]: 415,
  [UpstreamCode.FileTooLarge]: 413,
};

const MESSAGES: Record<number, string> = {
  [UpstreamCode.TokenInvalid]: "Token invalid or expired",
  [UpstreamCode.SessionNotFound]: "Session not found",
  [UpstreamCode.OutOfCredits]: "Insufficient credits",
  [UpstreamCode.UnsupportedFile]: "Unsupported file type",
  [UpstreamCode.FileTooLarge]: "File too large",
  [UpstreamCode.MissingClientId]: "X-Client-Id header is required",
  [UpstreamCode.ExportBlocked]: "Export is not available on the free plan",
  [UpstreamCode.RateLimited]: "Too many requests, try again later",
};

export function failure(
  endpoint: Endpoint,
  code: number,
  opts: { message?: string; sessionId?: string | null } = {},
): Response {
  if (endpoint === "runSse" && code === UpstreamCode.SessionNotFound) {
    return Response.json({ detail: `Session not found: ${opts.sessionId ?? ""}` }, { status: 404 });
  }
  const message = opts.message ?? MESSAGES[code] ?? "Internal server error";
  const status = HTTP_STATUS[code] ?? (code >= 400 && code < 600 ? code : 500);
  const body = usesSuccessEnvelope(endpoint)
    ? { success: false, error: message, code }
    : errorEnvelope(code, message);
  return Response.json(body, { status });
}

/** A request body that does not match the contract: 422, as the ADK server (FastAPI) answers. */
export const invalidBody = (endpoint: Endpoint, error: z.ZodError) =>
  failure(endpoint, 422, { message: z.prettifyError(error) });
