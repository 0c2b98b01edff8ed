// One simulated user of the public HTTP API for benches: its own API key, timed calls per route, SSE, parts, exports.
import { createParser } from "eventsource-parser";

/** Latencies per route and every failure, shared by all the users of a run. */
export class Book {
  readonly latency = new Map<string, number[]>();
  readonly errors: string[] = [];
  /** 429 answers waited out and retried (fair-use limits): not errors, but counted */
  throttled = 0;
  /**
   * Requests the local runtime's proxy dropped before the Worker saw them, sent again: `wrangler dev`'s entry worker
   * reuses a pooled connection to the Worker just as workerd closes it for idling 5 s, and answers a body-carrying
   * request with 503 "Your worker restarted mid-request" (it retries only GET and HEAD itself). Production has no
   * such hop. Counted, not hidden; a re-sent message would show as a duplicate in the visit's checks.
   */
  proxyRetries = 0;
  /**
   * PUT and GET requests whose connection broke before an answer (EPIPE, socket closed), sent again after a pause as
   * the page does for upload parts (web/src/model/multipart.ts: 4 tries, backoff from 1 s). Both are idempotent.
   */
  networkRetries = 0;

  time(route: string, ms: number): void {
    const list = this.latency.get(route) ?? [];
    list.push(ms);
    this.latency.set(route, list);
  }

  fail(what: string): void {
    if (this.errors.length < 200) this.errors.push(what);
    else this.errors[199] = `${what} (and more)`;
  }
}

/** `/api/projects/prj_ab12/uploads` → `/api/projects/:id/uploads`, `/parts/3` → `/parts/:n`. */
export const routeOf = (method: string, path: string) =>
  `${method} ${path
    .split("?")[0]
    .replace(/\/(prj|upl|exp|key)_[\w-]+/g, "/:id")
    .replace(/\/parts\/\d+/, "/parts/:n")}`;

export interface ChatEventLike {
  type: string;
  text?: string;
  [k: string]: unknown;
}

export interface ChatTurn {
  events: ChatEventLike[];
  /** ms from sending to the first event, and to `done` */
  firstMs: number;
  doneMs: number;
}

export interface ExportInfo {
  id: string;
  status: "pending" | "processing" | "completed" | "failed";
  progress: number;
  size?: number;
  error?: string;
  errorCode?: string;
}

/** Epoch milliseconds with sub-millisecond precision (comparable with the fake upstream's "sent at" stamps). */
export const epochMs = () => performance.timeOrigin + performance.now();

/** Reads an SSE body to its end, handing each event's data over with the epoch ms its chunk arrived at. */
export async function readSse(
  body: ReadableStream<BufferSource>,
  onEvent: (data: string, at: number) => void,
) {
  let at = 0;
  const parser = createParser({ onEvent: (ev) => onEvent(ev.data, at) });
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    at = epochMs();
    parser.feed(r.value);
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: ${status} ${body.slice(0, 300)}`);
  }
}

const MAX_THROTTLE_RETRIES = 5;
/** As the page's part uploads: 4 tries in all. */
const MAX_NETWORK_RETRIES = 3;
/** Under load the local proxy drops many first tries (18 of 30 upload completes in a 10-user run): room for a few. */
const MAX_PROXY_RETRIES = 5;
const PROXY_DROP = "Your worker restarted mid-request";
/** The page sets no timeout; a request still unanswered after 5 min is counted as an error (the route table shows the slow ones). */
const REQUEST_TIMEOUT_MS = 300_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class BenchUser {
  private constructor(
    readonly origin: string,
    readonly book: Book,
    private readonly key: string,
  ) {}

  /** A new user: a cookie from the first request, then an API key minted with it; every later call uses the key. */
  static async create(origin: string, book: Book): Promise<BenchUser> {
    const me = await fetch(`${origin}/api/me`);
    const cookie = me.headers.get("Set-Cookie")?.split(";")[0] ?? "";
    await me.arrayBuffer();
    const res = await fetch(`${origin}/api/keys`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ label: "bench" }),
    });
    const body = await res.text();
    if (!res.ok) throw new HttpError(res.status, body, "POST /api/keys");
    return new BenchUser(origin, book, (JSON.parse(body) as { key: string }).key);
  }

  /** The Authorization header this user sends, for clients that build their own requests. */
  get authorization(): string {
    return `Bearer ${this.key}`;
  }

  /** A timed request; waits out 429 (Retry-After) a few times; throws HttpError on any other failure. */
  async request(
    method: string,
    path: string,
    init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ) {
    const route = routeOf(method, path);
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { Authorization: `Bearer ${this.key}`, ...init.headers };
      if (init.json !== undefined) headers["Content-Type"] = "application/json";
      const started = performance.now();
      const res = await fetch(this.origin + path, {
        method,
        headers,
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).catch((e: Error) => {
        const idempotent = method === "PUT" || method === "GET";
        if (!idempotent || attempt >= MAX_NETWORK_RETRIES || e.name === "TimeoutError")
          throw new Error(`${route}: ${e.message}`, { cause: e.cause });
        return null;
      });
      if (!res) {
        this.book.networkRetries++;
        await sleep(500 * 2 ** (attempt + 1));
        continue;
      }
      if (
        res.status === 503 &&
        attempt < MAX_PROXY_RETRIES &&
        res.headers.get("content-type")?.startsWith("text/plain")
      ) {
        const text = await res.text();
        if (!text.startsWith(PROXY_DROP)) return { res: new Response(text, res), route, started };
        this.book.proxyRetries++;
        await sleep(100 * (attempt + 1));
        continue;
      }
      if (res.status === 429 && attempt < MAX_THROTTLE_RETRIES) {
        await res.arrayBuffer();
        this.book.throttled++;
        await sleep(Math.min(60, Number(res.headers.get("Retry-After")) || 1) * 1000);
        continue;
      }
      return { res, route, started };
    }
  }

  /** A JSON call, timed to its last byte. */
  async json<T>(method: string, path: string, json?: unknown, headers?: Record<string, string>): Promise<T> {
    const { res, route, started } = await this.request(method, path, { json, headers });
    const text = await res.text();
    this.book.time(route, performance.now() - started);
    if (!res.ok) throw new HttpError(res.status, text, route);
    return (text ? JSON.parse(text) : {}) as T;
  }

  createProject(preset = "xiaohongshu"): Promise<{ id: string }> {
    return this.json("POST", "/api/projects", { preset });
  }

  /** One chat message over SSE, read to its `done` event; `onEvent` sees each event as it arrives. */
  async chat(
    projectId: string,
    text: string,
    onEvent?: (ev: ChatEventLike, at: number) => void,
  ): Promise<ChatTurn> {
    const path = `/api/projects/${projectId}/messages`;
    const { res, route, started } = await this.request("POST", path, {
      json: { text },
      headers: { Accept: "text/event-stream" },
    });
    if (!res.ok || !res.body) throw new HttpError(res.status, await res.text(), route);
    const events: ChatEventLike[] = [];
    let firstMs = Number.NaN;
    await readSse(res.body, (data, at) => {
      if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
      const ev = JSON.parse(data) as ChatEventLike;
      events.push(ev);
      onEvent?.(ev, at);
    });
    const doneMs = performance.now() - started;
    this.book.time(`${route} (SSE, first event)`, firstMs);
    this.book.time(`${route} (SSE, to done)`, doneMs);
    if (events.at(-1)?.type !== "done") throw new Error(`${route}: the stream ended without done`);
    return { events, firstMs, doneMs };
  }

  /** Plans an upload, sends its parts (`inFlight` at once), completes it and waits for the editor; answers it. */
  async upload(
    projectId: string,
    file: { name: string; type: string; bytes: Uint8Array },
    inFlight = 2,
  ): Promise<{ id: string; state: string; parts: number }> {
    const size = file.bytes.length;
    const plan = await this.json<{ id: string; partSize: number; partCount: number }>(
      "POST",
      `/api/projects/${projectId}/uploads`,
      { name: file.name, size, type: file.type },
    );
    let next = 1;
    await Promise.all(
      Array.from({ length: Math.min(inFlight, plan.partCount) }, async () => {
        for (let n = next++; n <= plan.partCount; n = next++)
          await this.sendPart(plan.id, n, plan.partSize, file.bytes);
      }),
    );
    const done = await this.complete<{ id: string; state: string }>(plan.id);
    return { ...done, parts: plan.partCount };
  }

  /**
   * Completes an upload whose parts are stored and waits until the editor has it: complete answers at once and
   * the editor then fetches and measures the file, read here as the page reads it (after 0.25 s, then 1.5× longer each time, up to every 2 s).
   */
  async complete<T extends { state: string }>(uploadId: string): Promise<T> {
    const started = performance.now();
    let up = await this.json<T>("POST", `/api/uploads/${uploadId}/complete`, {});
    for (let wait = 250; up.state === "sent"; wait = Math.min(wait * 1.5, 2000)) {
      await sleep(wait);
      up = await this.json<T>("GET", `/api/uploads/${uploadId}`);
    }
    this.book.time("upload handed over (complete → ready)", performance.now() - started);
    return up;
  }

  /** Sends part `n` of `bytes` as raw bytes with its length. */
  async sendPart(uploadId: string, n: number, partSize: number, bytes: Uint8Array): Promise<void> {
    const part = bytes.subarray((n - 1) * partSize, Math.min(bytes.length, n * partSize));
    const path = `/api/uploads/${uploadId}/parts/${n}`;
    const { res, route, started } = await this.request("PUT", path, {
      body: part as Uint8Array<ArrayBuffer>,
      headers: { "Content-Length": String(part.length) },
    });
    const text = await res.text();
    this.book.time(route, performance.now() - started);
    if (!res.ok) throw new HttpError(res.status, text, route);
  }

  /** Starts an export and polls it every `pollMs` until it ends or `timeoutMs` passes. */
  async exportAndWait(projectId: string, pollMs = 1000, timeoutMs = 15 * 60_000): Promise<ExportInfo> {
    const started = await this.json<ExportInfo>("POST", `/api/projects/${projectId}/exports`, {});
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const info = await this.json<ExportInfo>("GET", `/api/exports/${started.id}`);
      if (info.status === "completed" || info.status === "failed") return info;
      if (Date.now() > deadline)
        throw new Error(`export ${started.id} still ${info.status} after ${timeoutMs} ms`);
      await sleep(pollMs);
    }
  }

  /** Downloads a finished export whole; answers its size and whether it starts like an MP4. */
  async download(exportId: string): Promise<{ bytes: number; mp4: boolean }> {
    const { res, route, started } = await this.request("GET", `/api/exports/${exportId}/download`);
    const body = new Uint8Array(await res.arrayBuffer());
    this.book.time(route, performance.now() - started);
    if (!res.ok) throw new HttpError(res.status, new TextDecoder().decode(body.slice(0, 300)), route);
    return { bytes: body.length, mp4: new TextDecoder().decode(body.slice(4, 8)) === "ftyp" };
  }
}
