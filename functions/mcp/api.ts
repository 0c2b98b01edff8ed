// In-process calls to Reelsmith's own HTTP API with the MCP caller's key: auth, validation and limits apply as to any client.
import type { ExecutionContext } from "hono";
import type { ChatAnswer } from "../chat-stream.ts";
import type { Lang } from "../context.ts";

/** What the MCP endpoint calls into: the Worker's own Hono app. */
export interface ApiApp {
  fetch(req: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response>;
}

/** The API's error: `{code, message, hint, action?}` and any data it adds (`missing` parts, a `reason` …). */
export type ApiError = NonNullable<ChatAnswer["error"]>;

/** A refusal by the API (an answer outside 2xx, or an error event in a chat stream), with its JSON error. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

interface RequestOptions {
  /** sent as JSON */
  body?: unknown;
  accept?: string;
  headers?: Record<string, string>;
}

export class ApiCaller {
  constructor(
    private readonly app: ApiApp,
    private readonly env: Env,
    private readonly ctx: ExecutionContext,
    /** the origin the MCP client reached, so links in answers open from where it is */
    readonly origin: string,
    private readonly authorization: string,
    readonly lang: Lang,
  ) {}

  /** One API request, answered as the API answered it. */
  raw(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers = new Headers({
      ...opts.headers,
      Authorization: this.authorization,
      "Accept-Language": this.lang,
      Accept: opts.accept ?? "application/json",
    });
    if (opts.body !== undefined) headers.set("Content-Type", "application/json");
    const req = new Request(this.origin + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    return Promise.resolve(this.app.fetch(req, this.env, this.ctx));
  }

  /** One API request; a non-2xx answer throws its JSON error as an `ApiFailure`. */
  async fetch(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const res = await this.raw(method, path, opts);
    if (res.ok) return res;
    const body = (await res.json().catch(() => null)) as { error?: ApiError } | null;
    throw new ApiFailure(body?.error ?? { code: "internal", message: res.statusText, hint: "" });
  }

  async json<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    return (await (await this.fetch(method, path, opts)).json()) as T;
  }
}
