// Worker-test helpers: a cookie-keeping browser-like client over SELF, SSE parsing, the fake upstream's controls.
import { env, SELF } from "cloudflare:test";
import { fakeControl } from "../fake-upstream/control.ts";

export const ORIGIN = "https://reelsmith.test";
export const fake = fakeControl(env.UPSTREAM_URL);

export interface Client {
  (path: string, init?: RequestInit): Promise<Response>;
  json<T = any>(
    path: string,
    body?: unknown,
    init?: RequestInit,
  ): Promise<{ status: number; body: T; res: Response }>;
  cookie(): string;
}

/** A browser-like user: keeps its cookie and sends same-origin headers on unsafe requests. */
export function newUser(opts: { headers?: Record<string, string> } = {}): Client {
  let cookie = "";
  const call = (async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(opts.headers ?? {})) if (!headers.has(k)) headers.set(k, v);
    if (cookie && !headers.has("Cookie")) headers.set("Cookie", cookie);
    if (init.method && init.method !== "GET" && !headers.has("Origin")) headers.set("Origin", ORIGIN);
    const res = await SELF.fetch(ORIGIN + path, { ...init, headers });
    const set = res.headers.get("Set-Cookie");
    if (set) cookie = set.split(";")[0];
    return res;
  }) as Client;
  call.json = async (path, body, init = {}) => {
    const res = await call(path, {
      method: body === undefined ? (init.method ?? "GET") : (init.method ?? "POST"),
      ...init,
      headers: { "Content-Type": "application/json", Accept: "application/json", ...(init.headers ?? {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, res };
  };
  call.cookie = () => cookie;
  return call;
}

export interface SseEvent {
  event: string;
  data: any;
}

/** Reads a whole SSE response into its events (comments dropped). */
export async function readSse(res: Response): Promise<{ events: SseEvent[]; raw: string }> {
  const raw = await res.text();
  const events: SseEvent[] = [];
  for (const block of raw.split("\n\n")) {
    const lines = block.split("\n").filter((l) => l && !l.startsWith(":"));
    if (lines.length === 0) continue;
    const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
    const data = lines
      .filter((l) => l.startsWith("data: "))
      .map((l) => l.slice(6))
      .join("\n");
    events.push({ event, data: data ? JSON.parse(data) : null });
  }
  return { events, raw };
}

export async function createProject(
  user: Client,
  preset = "xiaohongshu",
  extra: Record<string, unknown> = {},
) {
  const { status, body } = await user.json("/api/projects", { preset, ...extra });
  if (status !== 201) throw new Error(`create project: ${status} ${JSON.stringify(body)}`);
  return body as { id: string; title: string; preset: string; language: string };
}

/** Sends a chat message as SSE and returns its events. */
export async function chat(
  user: Client,
  projectId: string,
  text: string,
  headers: Record<string, string> = {},
) {
  const res = await user(`/api/projects/${projectId}/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/event-stream", ...headers },
    body: JSON.stringify({ text }),
  });
  return { res, ...(await readSse(res)) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value, or fails after `ms`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error("waitFor: timed out");
    await sleep(50);
  }
}

/** A project whose draft is ready: one silent edit puts something on the timeline. */
export async function readyProject(u: Client) {
  const p = await createProject(u);
  await chat(u, p.id, "[scenario:silent-edit] add a clip");
  const got = await u.json(`/api/projects/${p.id}`);
  if (got.body.ready !== true) throw new Error("the edit left nothing to export");
  return p;
}

/** The export once it has completed or failed. */
export async function finished(u: Client, id: string) {
  return waitFor(async () => {
    const r = await u.json(`/api/exports/${id}`);
    return r.body.status === "completed" || r.body.status === "failed" ? r.body : null;
  }, 20_000);
}

/** An integration: a key minted by a browser user, sent as a bearer token; with the key's webhook secret. */
export async function keyUser(label = "integration") {
  const owner = newUser();
  const { status, body } = await owner.json("/api/keys", { label });
  if (status !== 201) throw new Error(`mint key: ${status} ${JSON.stringify(body)}`);
  const client = newUser({ headers: { Authorization: `Bearer ${body.key}` } });
  return {
    client,
    owner,
    key: body.key as string,
    keyId: body.id as string,
    webhookSecret: body.webhookSecret as string,
  };
}
