// The only code that talks to the upstream: bearer token, attribution headers, token refresh on 1001, one wait on 429.
import type { z } from "zod";
import { AnonymousToken, Credits, Headers, Paths, UpstreamCode, unwrapEnvelope } from "../core/contract.ts";
import { type CatalogueContext, ReelsmithError } from "../core/errors.ts";
import pkg from "../package.json";
import type { IdentityStore } from "./identity.ts";

export type Platform = "web" | "api";

export interface UpstreamConfig {
  upstreamUrl: string;
  rateLimitWaitMs: number;
}

interface CallOptions {
  method?: "GET" | "POST" | "PUT";
  json?: unknown;
  form?: FormData;
  platform: Platform;
  signal?: AbortSignal;
}

/** An upstream failure before it becomes a catalogue error: the upstream code (or HTTP status) and its wording. */
interface Failure {
  code: number;
  detail: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class UpstreamClient {
  constructor(
    private readonly identity: IdentityStore,
    private readonly cfg: UpstreamConfig,
  ) {}

  /** A JSON endpoint: unwraps either envelope and validates `data` with the schema. */
  async call<T>(path: string, schema: z.ZodType<T>, opts: CallOptions): Promise<T> {
    const res = await this.send(path, opts);
    const parsed = schema.safeParse(await readData(res));
    if (!parsed.success) throw this.error({ code: -1, detail: `unexpected answer from ${path}` });
    return parsed.data;
  }

  /** Stores the user's own upstream token after checking it works; the previous token comes back on failure. */
  async adoptUserToken(token: string, platform: Platform): Promise<{ tokenSource: "user" }> {
    const previous = {
      token: this.identity.get("upstream_token"),
      source: this.identity.get("token_source"),
    };
    this.identity.set("upstream_token", token);
    this.identity.set("token_source", "user");
    try {
      await this.call(Paths.credits, Credits, { platform });
    } catch (e) {
      if (previous.token) this.identity.set("upstream_token", previous.token);
      else this.identity.delete("upstream_token");
      if (previous.source) this.identity.set("token_source", previous.source);
      else this.identity.delete("token_source");
      // The service saying no to the token is about what the user pasted, not the service failing.
      if (ReelsmithError.from(e)?.code === "upstream_auth_failed")
        throw new ReelsmithError("upstream_token_refused");
      throw e;
    }
    return { tokenSource: "user" };
  }

  /** Whether a token is held; reading the balance without one answers nothing rather than minting one. */
  hasToken(): boolean {
    return this.identity.get("upstream_token") !== undefined;
  }

  /** A streaming or binary endpoint: the raw response once it is known not to be an error. */
  open(path: string, opts: CallOptions): Promise<Response> {
    return this.send(path, opts);
  }

  /** Sends with auth; on 1001 gets a new token and retries once; on 429 waits and retries once. */
  private async send(path: string, opts: CallOptions): Promise<Response> {
    let refreshed = false;
    let waited = false;
    for (;;) {
      const token = await this.token();
      const res = await this.fetch(path, {
        method: opts.method ?? (opts.json !== undefined || opts.form ? "POST" : "GET"),
        headers: this.headers(opts, token),
        body: opts.form ?? (opts.json !== undefined ? JSON.stringify(opts.json) : undefined),
        signal: opts.signal,
      });
      const failure = await failureOf(res);
      if (!failure) return res;
      if (
        failure.code === UpstreamCode.TokenInvalid &&
        !refreshed &&
        this.identity.get("token_source") !== "user"
      ) {
        refreshed = true;
        this.identity.delete("upstream_token");
        continue;
      }
      if (failure.code === UpstreamCode.RateLimited && !waited) {
        waited = true;
        await sleep(this.cfg.rateLimitWaitMs);
        continue;
      }
      throw this.error(failure);
    }
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(this.cfg.upstreamUrl + path, init);
    } catch (e) {
      if ((e as Error).name === "AbortError") throw e;
      throw new ReelsmithError("upstream_unavailable", { detail: (e as Error).message });
    }
  }

  private headers(opts: CallOptions, token: string): Record<string, string> {
    const h: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      [Headers.source]: "reelsmith",
      [Headers.version]: pkg.version,
      [Headers.platform]: opts.platform,
    };
    if (opts.json !== undefined) h["Content-Type"] = "application/json";
    return h;
  }

  /** The stored token, or a new anonymous one for this user's persistent client id. */
  private async token(): Promise<string> {
    const stored = this.identity.get("upstream_token");
    const userToken = this.identity.get("token_source") === "user";
    const expires = Number(this.identity.get("token_expires_at") ?? 0);
    if (stored && (userToken || expires > Date.now() + 60_000)) return stored;
    const clientId = this.identity.getOrCreate("client_id", () => crypto.randomUUID());
    for (let waited = false; ; waited = true) {
      const res = await this.fetch(Paths.anonymousToken, {
        method: "POST",
        headers: {
          [Headers.clientId]: clientId,
          [Headers.source]: "reelsmith",
          [Headers.version]: pkg.version,
        },
      });
      const failure = await failureOf(res);
      if (failure?.code === UpstreamCode.RateLimited && !waited) {
        await sleep(this.cfg.rateLimitWaitMs);
        continue;
      }
      if (failure) throw this.error(failure);
      const parsed = AnonymousToken.safeParse(await readData(res));
      if (!parsed.success) throw this.error({ code: -1, detail: "unexpected token answer" });
      const t = parsed.data;
      this.identity.set("upstream_token", t.token);
      this.identity.set("upstream_user_id", t.user_id);
      this.identity.set("token_expires_at", String(Date.parse(t.expires_at) || Date.now() + 7 * 86_400_000));
      this.identity.set("token_source", "anonymous");
      return t.token;
    }
  }

  /** What the catalogue words errors with for this user (anonymous users get the registration link). */
  catalogueContext(): CatalogueContext {
    return {
      userId: this.identity.get("upstream_user_id"),
      registered: this.identity.get("token_source") === "user",
    };
  }

  private error(f: Failure): ReelsmithError {
    return ReelsmithError.fromUpstream(f.code, this.catalogueContext(), f.detail);
  }
}

/** JSON answers with an error envelope, and HTTP errors, are failures; anything else passes. */
async function failureOf(res: Response): Promise<Failure | null> {
  const isJson = (res.headers.get("content-type") ?? "").includes("json");
  const body = isJson
    ? await res
        .clone()
        .json()
        .catch(() => null)
    : null;
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const envelopeSaysError = (typeof b.code === "number" && b.code !== 0) || b.success === false;
  if (res.ok && !envelopeSaysError) return null;
  const un = unwrapEnvelope(body, res.status);
  if (un.ok) return { code: res.status, detail: `HTTP ${res.status}` };
  // /run_sse answers an unknown session with HTTP 404 {"detail":"Session not found: <sid>"}: that is 1002.
  if (res.status === 404 && /^Session not found/i.test(un.message))
    return { code: UpstreamCode.SessionNotFound, detail: un.message };
  return { code: un.code === -1 ? res.status : un.code, detail: un.message };
}

/** `data` of an envelope, or the body itself for endpoints that answer bare objects. */
async function readData(res: Response): Promise<unknown> {
  const body = await res.json().catch(() => null);
  if (body && typeof body === "object" && ("code" in body || "success" in body)) {
    const un = unwrapEnvelope(body, res.status);
    return un.ok ? un.data : null;
  }
  return body;
}
