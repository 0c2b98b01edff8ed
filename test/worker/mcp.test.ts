// The /mcp endpoint through the official MCP SDK client: key-only auth, the tool list, a whole job from presets to
// a downloaded file with progress along the way, and Reelsmith's errors as tool errors — never the upstream token.

import { SELF } from "cloudflare:test";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult, Progress } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createProject, fake, newUser, ORIGIN } from "./helpers.ts";
import { pngBytes, serveRemote } from "./upload-helpers.ts";

beforeEach(() => fake.reset());
afterEach(() => vi.restoreAllMocks());

/** Every response body the MCP endpoint sent in this test, to scan for the upstream token. */
let seen: Promise<string>[] = [];
beforeEach(() => {
  seen = [];
});

async function mintKey(): Promise<string> {
  const { status, body } = await newUser().json("/api/keys", { label: "agent" });
  expect(status).toBe(201);
  return body.key;
}

async function connect(key: string, headers: Record<string, string> = {}): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${ORIGIN}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${key}`, ...headers } },
    fetch: async (url, init) => {
      const res = await SELF.fetch(url, init);
      const [mine, theirs] = res.body ? res.body.tee() : [null, null];
      if (mine) seen.push(new Response(mine).text());
      return new Response(theirs, res);
    },
  });
  const client = new Client({ name: "reelsmith-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

type Result = CallToolResult & { structuredContent: any };

async function call(client: Client, name: string, args: Record<string, unknown> = {}, progress?: Progress[]) {
  const onprogress = progress ? (p: Progress) => void progress.push(p) : undefined;
  return (await client.callTool({ name, arguments: args }, undefined, { onprogress })) as Result;
}

/** The tool's answer, failing the test with the tool error when it is one. */
async function ok(client: Client, name: string, args: Record<string, unknown> = {}, progress?: Progress[]) {
  const r = await call(client, name, args, progress);
  if (r.isError) throw new Error(`${name}: ${JSON.stringify(r.structuredContent)}`);
  expect(JSON.parse((r.content[0] as { text: string }).text)).toEqual(r.structuredContent);
  return r.structuredContent;
}

describe("who may call /mcp", () => {
  const initialize = {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "curl", version: "1" } },
  };
  const post = (headers: Record<string, string>) =>
    SELF.fetch(`${ORIGIN}/mcp`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        ...headers,
      },
      body: JSON.stringify(initialize),
    });

  it("answers 401 with the JSON error and a Bearer challenge without a key, with a wrong key, or with a cookie", async () => {
    const browser = newUser();
    await browser.json("/api/me");
    const key = await mintKey();
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: "Bearer rs_nope" },
      { Authorization: `Bearer ${key.slice(0, -4)}0000` },
      { Authorization: `Basic ${btoa("a:b")}` },
      { Cookie: browser.cookie() },
    ];
    for (const headers of attempts) {
      const res = await post(headers);
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect(res.headers.get("Set-Cookie")).toBeNull();
      expect(await res.json()).toMatchObject({
        error: { code: "unauthorized", message: expect.any(String), hint: expect.any(String) },
      });
    }
    await expect(connect("rs_nope")).rejects.toThrow();
  });

  it("answers a revoked key 401", async () => {
    const u = newUser();
    const { body } = await u.json("/api/keys", {});
    expect((await post({ Authorization: `Bearer ${body.key}` })).status).toBe(200);
    await u.json(`/api/keys/${body.id}`, undefined, { method: "DELETE" });
    expect((await post({ Authorization: `Bearer ${body.key}` })).status).toBe(401);
  });

  it("has no sessions: GET and DELETE answer 405", async () => {
    const key = await mintKey();
    for (const method of ["GET", "DELETE"]) {
      const res = await SELF.fetch(`${ORIGIN}/mcp`, { method, headers: { Authorization: `Bearer ${key}` } });
      expect(res.status).toBe(405);
      expect(res.headers.get("Allow")).toBe("POST");
    }
  });
});

describe("tools", () => {
  it("lists every tool with a described input schema", async () => {
    const client = await connect(await mintKey());
    expect(client.getServerVersion()?.name).toBe("reelsmith");
    expect(client.getInstructions()).toMatch(/create_project/);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "create_project",
      "get_download_link",
      "get_export",
      "get_project",
      "import_url",
      "list_presets",
      "list_projects",
      "send_instruction",
      "start_export",
    ]);
    for (const t of tools) expect(t.description, t.name).toBeTruthy();
    const create = tools.find((t) => t.name === "create_project")!;
    expect(create.inputSchema.required).toEqual(["preset"]);
    expect((create.inputSchema.properties as any).preset.enum).toContain("xiaohongshu");
  });

  it("does a whole job: presets → project → photo by URL → instruction with progress → export → download", async () => {
    await fake.config({ renderMs: 300, renderFileBytes: 50_000 });
    serveRemote({
      "https://media.example.com/shop.png": () =>
        new Response(pngBytes(), { headers: { "Content-Length": String(pngBytes().length) } }),
    });
    const client = await connect(await mintKey());

    const { presets } = await ok(client, "list_presets");
    expect(presets.find((p: any) => p.id === "douyin")).toMatchObject({
      canvas: { width: 1080, height: 1920 },
      uploadLimit: { bytes: expect.any(Number) },
    });

    const project = await ok(client, "create_project", { preset: "douyin", title: "Spring Sale" });
    expect(project).toMatchObject({
      id: expect.stringMatching(/^prj_/),
      preset: "douyin",
      title: "Spring Sale",
    });

    const upload = await ok(client, "import_url", {
      projectId: project.id,
      url: "https://media.example.com/shop.png",
    });
    expect(upload).toMatchObject({ name: "shop.png", source: "url", state: "ready" });

    const progress: Progress[] = [];
    const answer = await ok(
      client,
      "send_instruction",
      { projectId: project.id, text: "[scenario:edit] make a 15 second promo" },
      progress,
    );
    expect(answer.text).toBeTruthy();
    expect(answer.state.changes.length).toBeGreaterThan(0);
    // Statuses, the reply and the new summary arrived one by one, in order, before the answer.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.map((p) => p.progress)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.map((p) => p.message)).toEqual(
      expect.arrayContaining([answer.text, answer.state.summary]),
    );

    const state = await ok(client, "get_project", { projectId: project.id });
    expect(state).toMatchObject({ ready: true, summary: answer.state.summary, project: { id: project.id } });
    expect(state.uploads).toHaveLength(1);
    expect(state).not.toHaveProperty("draft");

    const listed = await ok(client, "list_projects");
    expect(listed.projects.map((p: any) => p.id)).toEqual([project.id]);

    const started = await ok(client, "start_export", { projectId: project.id, idempotencyKey: "k1" });
    expect(started).toMatchObject({ id: expect.stringMatching(/^exp_/), status: "pending" });
    expect((await ok(client, "start_export", { projectId: project.id, idempotencyKey: "k1" })).id).toBe(
      started.id,
    );

    const waiting: Progress[] = [];
    const done = await ok(client, "get_export", { exportId: started.id, waitSeconds: 20 }, waiting);
    expect(done).toMatchObject({ status: "completed", progress: 100, size: 50_000 });
    expect(waiting.every((p) => p.total === 100)).toBe(true);

    const links = await ok(client, "get_download_link", { exportId: started.id });
    expect(links.downloadUrl).toBe(`${ORIGIN}/api/exports/${started.id}/download`);
    // Without the key the download is someone else's: not found.
    expect((await SELF.fetch(links.downloadUrl)).status).toBe(404);
    const publicVideo = await SELF.fetch(links.videoUrl);
    expect(publicVideo.status).toBe(200);
    expect((await publicVideo.arrayBuffer()).byteLength).toBe(50_000);
    expect((await SELF.fetch(links.pageUrl)).status).toBe(200);

    const { tokens } = await fake.inspect();
    expect(tokens.length).toBeGreaterThan(0);
    const everything = (await Promise.all(seen)).join("\n");
    for (const t of tokens) expect(everything).not.toContain(t.token);
  });

  it("downloads with the key it was called with", async () => {
    await fake.config({ renderMs: 100, renderFileBytes: 1000 });
    const key = await mintKey();
    const client = await connect(key);
    const p = await ok(client, "create_project", { preset: "tiktok" });
    await ok(client, "send_instruction", { projectId: p.id, text: "[scenario:silent-edit] add a clip" });
    const exp = await ok(client, "start_export", { projectId: p.id });
    await ok(client, "get_export", { exportId: exp.id, waitSeconds: 20 });
    const { downloadUrl } = await ok(client, "get_download_link", { exportId: exp.id });
    const file = await SELF.fetch(downloadUrl, { headers: { Authorization: `Bearer ${key}` } });
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(1000);
  });
});

describe("tool errors carry Reelsmith's code and message", () => {
  const errorOf = (r: Result) => {
    expect(r.isError).toBe(true);
    expect(JSON.parse((r.content[0] as { text: string }).text)).toEqual(r.structuredContent);
    return r.structuredContent.error;
  };

  it("for a refusal by the API: another user's project, an unfinished export, a refused address", async () => {
    const other = newUser();
    const theirs = await createProject(other);
    const client = await connect(await mintKey());
    expect(errorOf(await call(client, "get_project", { projectId: theirs.id }))).toMatchObject({
      code: "not_found",
      message: "Not found.",
      hint: expect.any(String),
    });
    expect(errorOf(await call(client, "start_export", { projectId: theirs.id })).code).toBe("not_found");

    const mine = await ok(client, "create_project", { preset: "reels" });
    expect(errorOf(await call(client, "start_export", { projectId: mine.id })).code).toBe("not_ready");
    const refused = errorOf(
      await call(client, "import_url", { projectId: mine.id, url: "https://127.0.0.1/a.png" }),
    );
    expect(refused).toMatchObject({ code: "url_refused", reason: "ip_literal" });

    await fake.config({ renderMs: 1500 });
    await ok(client, "send_instruction", { projectId: mine.id, text: "[scenario:silent-edit] add a clip" });
    const exp = await ok(client, "start_export", { projectId: mine.id });
    expect(errorOf(await call(client, "get_download_link", { exportId: exp.id }))).toMatchObject({
      code: "export_pending",
      message: "This export has not finished yet.",
    });
    // Let it finish: the DO's alarm would otherwise poll a render the next test's reset forgets.
    expect((await ok(client, "get_export", { exportId: exp.id, waitSeconds: 20 })).status).toBe("completed");
  });

  it("for a file the editor refuses after it was brought in: the editor's reason", async () => {
    serveRemote({
      "https://media.example.com/odd.png": () =>
        new Response(pngBytes(), { headers: { "Content-Length": String(pngBytes().length) } }),
    });
    const client = await connect(await mintKey());
    const p = await ok(client, "create_project", { preset: "reels" });
    await fake.fault({ endpoint: "upload", code: 4001 });
    const refused = errorOf(
      await call(client, "import_url", { projectId: p.id, url: "https://media.example.com/odd.png" }),
    );
    expect(refused).toMatchObject({ code: "unsupported_media" });
  });

  it("for a failed export: its own reason (a full disk), not a generic failure", async () => {
    const client = await connect(await mintKey());
    const p = await ok(client, "create_project", { preset: "reels" });
    await ok(client, "send_instruction", { projectId: p.id, text: "[scenario:silent-edit] add a clip" });
    await fake.renderPlan({ error: "Error writing trailer: No space left on device" });
    const exp = await ok(client, "start_export", { projectId: p.id });
    expect((await ok(client, "get_export", { exportId: exp.id, waitSeconds: 20 })).status).toBe("failed");
    expect(errorOf(await call(client, "get_download_link", { exportId: exp.id }))).toMatchObject({
      code: "render_no_space",
      message: "The export failed: the video engine ran out of disk space.",
    });
  });

  it("for an error in the chat stream, after the progress that came before it", async () => {
    const client = await connect(await mintKey());
    const p = await ok(client, "create_project", { preset: "shorts" });
    const progress: Progress[] = [];
    const error = errorOf(
      await call(client, "send_instruction", { projectId: p.id, text: "[scenario:error-code] hi" }, progress),
    );
    expect(error).toMatchObject({
      code: "upstream_unavailable",
      message: "The video service had a problem.",
      hint: expect.any(String),
      action: { kind: "retry" },
    });
    expect(progress.map((p) => p.message)).toEqual([
      "Sending to the editing agent…",
      error.message,
      expect.any(String),
      "Done — the timeline did not change.",
    ]);
  });

  it("for a second instruction while one runs: busy", async () => {
    await fake.config({ slowReplyMs: 1000 });
    const key = await mintKey();
    const client = await connect(key);
    const p = await ok(client, "create_project", { preset: "weixin" });
    // The first one, through the API: its stream is open once the turn runs.
    const first = await SELF.fetch(`${ORIGIN}/api/projects/${p.id}/messages`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${key}`,
        "Content-Type": "application/json",
        Accept: "text/event-stream",
      },
      body: JSON.stringify({ text: "[scenario:slow] hello" }),
    });
    expect(first.status).toBe(200);
    expect(errorOf(await call(client, "send_instruction", { projectId: p.id, text: "again" })).code).toBe(
      "busy",
    );
    await first.text();
  });

  it("in the language the client asks for", async () => {
    const client = await connect(await mintKey(), { "Accept-Language": "zh-CN" });
    const error = errorOf(await call(client, "get_project", { projectId: "prj_missing" }));
    expect(error).toMatchObject({ code: "not_found", message: "未找到。" });
  });

  it("for inputs the schema refuses, before the API is called", async () => {
    const client = await connect(await mintKey());
    const r = await call(client, "create_project", { preset: "myspace" });
    expect(r.isError).toBe(true);
    expect((r.content[0] as { text: string }).text).toMatch(/preset/);
    expect((await ok(client, "list_projects")).projects).toEqual([]);
  });
});
