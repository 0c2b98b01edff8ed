// Calls to the Reelsmith API in the current language; failures become ApiError with the server's message and hint.
import { type ErrorAction, entryFor, isErrorCode } from "../../../core/errors.ts";
import type { ErrorInfo } from "./api-types.ts";
import { type Lang, lang, TEXT, t } from "./i18n.ts";

export class ApiError extends Error implements ErrorInfo {
  readonly code: string;
  readonly hint: string;
  readonly action?: ErrorAction;
  /** HTTP status; 0 when the request never got an answer */
  readonly status: number;
  private readonly limit: Pick<ErrorInfo, "maxUploadBytes" | "limitBy">;

  constructor(status: number, info: ErrorInfo) {
    super(info.message);
    this.name = "ApiError";
    this.status = status;
    this.code = info.code;
    this.hint = info.hint;
    this.action = info.action;
    this.limit = { maxUploadBytes: info.maxUploadBytes, limitBy: info.limitBy };
  }

  /** A dropped connection, a timeout or a server-side hiccup: trying again may work. */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }

  info(): ErrorInfo {
    return { code: this.code, message: this.message, hint: this.hint, action: this.action, ...this.limit };
  }

  static network(): ApiError {
    return new ApiError(0, { code: "network", message: t.value.networkError, hint: t.value.networkHint });
  }

  /** Reads the `{"error":{…}}` body of a failed response. */
  static async of(res: Response): Promise<ApiError> {
    const body = await res.json().catch(() => null);
    const e = body?.error;
    if (e && typeof e.message === "string") return new ApiError(res.status, e);
    return new ApiError(res.status, {
      code: `http_${res.status}`,
      message: t.value.networkError,
      hint: t.value.networkHint,
    });
  }
}

export const langHeaders = () => ({ "Accept-Language": lang.value });

/**
 * An error's message and hint in `lang`: catalogue errors are worded again from their code (the page may have
 * switched language since), others keep the words they came with.
 */
export function localizeError(e: ErrorInfo, to: Lang): Pick<ErrorInfo, "message" | "hint"> {
  if (e.code === "network") return { message: TEXT[to].networkError, hint: TEXT[to].networkHint };
  if (!isErrorCode(e.code)) return e;
  const anonymous = e.action?.kind === "register";
  const entry = entryFor(e.code, {
    ...(anonymous ? { userId: "" } : {}),
    maxUploadBytes: e.maxUploadBytes,
    limitBy: e.limitBy,
  });
  return { message: entry.message[to], hint: entry.hint[to] };
}

/** fetch with the language header and a JSON body; rejects with ApiError on a failure answer or no answer. */
export async function request(
  path: string,
  init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...langHeaders(), ...init.headers };
  if (init.json !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  } catch {
    throw ApiError.network();
  }
  if (!res.ok) throw await ApiError.of(res);
  return res;
}

export async function getJson<T>(path: string, init?: Parameters<typeof request>[1]): Promise<T> {
  return (await request(path, init)).json() as Promise<T>;
}
