// Shared by the engine server tests: a running engine on a temp folder, an HTTP client, media made with ffmpeg.
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type AdkEvent, Headers, Paths, runSseBody } from "../../core/contract.ts";
import { createEngine, type EngineOptions } from "../../engine/server/index.ts";

const run = promisify(execFile);

export const tempDir = (prefix: string) => mkdtemp(join(tmpdir(), `reelsmith-${prefix}-`));

export async function startEngine(opts: Partial<EngineOptions> & { dataDir: string }) {
  const engine = await createEngine({ port: 0, ...opts });
  const { url } = await engine.start();
  return { engine, url, client: new EngineClient(url) };
}

export const ATTRIBUTION = {
  [Headers.source]: "reelsmith",
  [Headers.version]: "test",
  [Headers.platform]: "api",
};

/** A thin client over the upstream API: parsed JSON and status, no envelope magic. */
export class EngineClient {
  token = "";

  constructor(readonly url: string) {}

  async request(
    method: string,
    path: string,
    init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (init.json !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, body: body as any, headers: res.headers };
  }

  async login(clientId: string) {
    const res = await this.request("POST", Paths.anonymousToken, {
      headers: { [Headers.clientId]: clientId },
    });
    this.token = res.body.data.token;
    return res.body.data as { token: string; user_id: string; credits: number; expires_at: string };
  }

  async newSession(taskName = "project") {
    const res = await this.request("POST", Paths.createSession, {
      json: { task_name: taskName, language: "zh" },
    });
    return res.body.data as { task_id: string; session_id: string; user_id: string };
  }

  upload(sid: string, files: { name: string; bytes: Uint8Array; type?: string }[]) {
    const form = new FormData();
    for (const f of files)
      form.append(
        "files",
        new Blob([Buffer.from(f.bytes)], { type: f.type ?? "application/octet-stream" }),
        f.name,
      );
    return this.request("POST", Paths.upload(sid), { body: form });
  }

  async state(sid: string) {
    return (await this.request("GET", Paths.state(sid))).body;
  }

  /** Sends one message and returns the status and every `data:` event of the stream. */
  async chat(sid: string, text: string, streaming = true) {
    const res = await fetch(`${this.url}${Paths.runSse}`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${this.token}`,
        "Content-Type": "application/json",
        Accept: "text/event-stream",
      },
      body: JSON.stringify({ ...runSseBody(sid, text), streaming }),
    });
    const raw = await res.text();
    const events = raw
      .split("\n")
      .filter((l) => l.startsWith("data:"))
      .map((l) => JSON.parse(l.slice(5)) as AdkEvent);
    return { status: res.status, contentType: res.headers.get("content-type"), raw, events };
  }

  submitRender(id: string, sid: string, draft: unknown, headers: Record<string, string> = ATTRIBUTION) {
    return this.request("POST", Paths.render, {
      json: { id, sessionId: sid, draft, output: { format: "mp4", quality: "high" } },
      headers,
    });
  }

  /** Polls until the render leaves pending/processing (or `until` says stop), returning the last answer's data. */
  async pollRender(
    id: string,
    until = (d: { status: string; progress: number }) => d.status !== "pending" && d.status !== "processing",
    timeoutMs = 150_000,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await this.request("GET", Paths.renderPoll(id));
      if (until(body.data) || Date.now() > deadline) return body.data;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** Phone-camera sized JPEGs (3024×4032), each a different test pattern. */
export async function makePhotos(dir: string, count = 3): Promise<{ name: string; bytes: Uint8Array }[]> {
  const sources = ["testsrc2", "smptebars", "rgbtestsrc"];
  const out = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `IMG_00${i + 1}.jpg`);
    await ffmpeg([
      "-f",
      "lavfi",
      "-i",
      `${sources[i % 3]}=size=3024x4032:rate=1`,
      "-frames:v",
      "1",
      "-q:v",
      "4",
      path,
    ]);
    out.push({ name: `IMG_00${i + 1}.jpg`, bytes: await readFile(path) });
  }
  return out;
}

export async function makePng(dir: string, name = "pattern.png"): Promise<Uint8Array> {
  const path = join(dir, name);
  await ffmpeg(["-f", "lavfi", "-i", "testsrc=size=320x240:rate=1", "-frames:v", "1", path]);
  return new Uint8Array(await readFile(path));
}

export async function ffmpeg(args: string[]): Promise<void> {
  await run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args], { maxBuffer: 16 * 1024 * 1024 });
}

export interface Probe {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; profile?: string }[];
  format: { duration: string; format_name: string };
}

export async function ffprobe(path: string): Promise<Probe> {
  const { stdout } = await run("ffprobe", [
    "-v",
    "error",
    "-print_format",
    "json",
    "-show_format",
    "-show_streams",
    path,
  ]);
  return JSON.parse(stdout) as Probe;
}
