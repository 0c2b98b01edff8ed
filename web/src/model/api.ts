// The page's client of the Reelsmith API: Hono's typed client over the Worker's own route types (imported as types
// only, so no schema code reaches the bundle), the page's language on every call, and failures as ApiError with the
// server's words. The shapes the page reads are the routes' answers, named here.
import { type ClientResponse, hc, type InferResponseType, type parseResponse } from "hono/client";
import { type ErrorAction, entryFor, isErrorCode } from "../../../core/errors.ts";
import type { AppType } from "../../../functions/app.ts";
import { type Lang, lang, TEXT, t } from "./i18n.ts";

export const langHeaders = () => ({ "Accept-Language": lang.value });

const client = hc<AppType>(location.origin, { headers: langHeaders });
/** The API's routes under /api. */
export const api = client.api;
/** A shared export's public routes under /s. */
export const shared = client.s;

export type Preset = InferResponseType<typeof api.presets.$get, 200>["presets"][number];
export type ProjectDetails = InferResponseType<(typeof api.projects)[":id"]["$get"], 200>;
export type ProjectView = ProjectDetails["project"];
export type ProjectListItem = InferResponseType<typeof api.projects.$get, 200>["projects"][number];
export type TranscriptEntry = ProjectDetails["transcript"][number];
export type ExportView = InferResponseType<(typeof api.exports)[":id"]["$get"], 200>;
export type UploadView = InferResponseType<(typeof api.uploads)[":id"]["$get"], 200>;
export type SharedExportInfo = InferResponseType<(typeof shared)[":token"]["info"]["$get"], 200>;
/** A failure as the page shows it: the API's error, or one the page words itself (`network`). */
export type ErrorInfo = InferResponseType<typeof api.me.$get, 400>["error"];

export class ApiError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly action?: ErrorAction;
  /** HTTP status; 0 when the request never got an answer */
  readonly status: number;
  private readonly details: ErrorInfo;

  constructor(status: number, info: ErrorInfo) {
    super(info.message);
    this.name = "ApiError";
    this.status = status;
    this.code = info.code;
    this.hint = info.hint;
    this.action = info.action;
    this.details = info;
  }

  /** A dropped connection, a timeout or a server-side hiccup: trying again may work. */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }

  info(): ErrorInfo {
    return this.details;
  }

  static network(): ApiError {
    return new ApiError(0, { code: "network", message: t.value.networkError, hint: t.value.networkHint });
  }

  /** Reads the `{"error":{…}}` body of a failed response. */
  static async of(res: Response): Promise<ApiError> {
    const body = await res.json().catch(() => null);
    const e = (body as { error?: ErrorInfo } | null)?.error;
    if (e && typeof e.message === "string") return new ApiError(res.status, e);
    return new ApiError(res.status, {
      code: `http_${res.status}`,
      message: t.value.networkError,
      hint: t.value.networkHint,
    });
  }
}

/** What a typed call answers when it succeeds. */
type Answer<R extends ClientResponse<unknown>> = Awaited<ReturnType<typeof parseResponse<R>>>;

/** Awaits a typed request: its answer, or ApiError for a failure answer or no answer at all. */
export async function call<R extends ClientResponse<unknown>>(request: Promise<R>): Promise<Answer<R>> {
  const res = await open(request);
  return (res.status === 204 ? undefined : await res.json()) as Answer<R>;
}

/** Awaits a typed request whose body the caller reads itself (a stream); ApiError as `call` does. */
export async function open<R extends ClientResponse<unknown>>(request: Promise<R>): Promise<R> {
  let res: R;
  try {
    res = await request;
  } catch {
    throw ApiError.network();
  }
  if (!res.ok) throw await ApiError.of(res as unknown as Response);
  return res;
}

/**
 * An error's message and hint in `lang`: catalogue errors are worded again from their code and fields (the page
 * may have switched language since), others keep the words they came with.
 */
export function localizeError(e: ErrorInfo, to: Lang): Pick<ErrorInfo, "message" | "hint"> {
  if (e.code === "network") return { message: TEXT[to].networkError, hint: TEXT[to].networkHint };
  if (!isErrorCode(e.code)) return e;
  const anonymous = e.action?.kind === "register";
  const entry = entryFor(e.code, {
    ...(anonymous ? { userId: "" } : {}),
    maxUploadBytes: e.maxUploadBytes,
    limitBy: e.limitBy,
    ...(e.limit && e.max !== undefined ? { fairUse: { limit: e.limit, max: e.max } } : {}),
  });
  return { message: entry.message[to], hint: entry.hint[to] };
}
