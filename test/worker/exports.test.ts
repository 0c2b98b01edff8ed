// Exports driven by the DO alarm to a file in R2: both poll shapes, retries, failures, idempotency, Range downloads,
// and the address rules for what the upstream says to fetch.
import { env, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Paths, readRenderPoll } from "../../core/contract.ts";
import { IdentityStore } from "../../durable/identity.ts";
import { copyRenderOutput } from "../../durable/render-output.ts";
import { UpstreamClient } from "../../durable/upstream-client.ts";
import { createProject, fake, finished, newUser, readyProject, waitFor } from "./helpers.ts";
import { sha256, userIdOf, userStub } from "./upload-helpers.ts";

beforeEach(() => fake.reset());
afterEach(() => vi.restoreAllMocks());

describe("export to a file in R2", () => {
  it("stores a video served without Content-Length in parts, byte for byte, whatever its size", async () => {
    for (const size of [300_000, 8 * 1024 * 1024, 20 * 1024 * 1024 + 5]) {
      await fake.config({ renderMs: 100, renderFileBytes: size });
      await fake.renderPlan({ chunked: true });
      const u = newUser();
      const p = await readyProject(u);
      const created = await u.json(`/api/projects/${p.id}/exports`, {});
      const done = await finished(u, created.body.id);
      expect(done).toMatchObject({ status: "completed", size });
      const stored = await (await u(done.downloadUrl)).arrayBuffer();
      const render = (await fake.inspect()).requests.filter((q) => q.endpoint === "render").at(-1);
      const renderId = (render?.body as { id?: string } | undefined)?.id ?? "";
      const served = await (await fetch(`${env.UPSTREAM_URL}/renders/${renderId}.mp4`)).arrayBuffer();
      // compared by digest: a deep compare of 20 MB arrays would take the isolate's memory
      expect(stored.byteLength).toBe(size);
      expect(await sha256(stored)).toBe(await sha256(served));
      // written in 8 MiB parts (a multipart object's etag ends in its part count), never held whole
      const video = (await env.MEDIA.list({ prefix: `exports/${p.id}/` })).objects.find((o) =>
        o.key.endsWith(".mp4"),
      );
      const parts = Math.ceil(size / (8 * 1024 * 1024));
      if (size >= 8 * 1024 * 1024) expect(video?.etag).toMatch(new RegExp(`-${parts}$`));
      else expect(video?.etag).not.toContain("-");
    }
  });

  for (const shape of ["A", "B"] as const) {
    it(`drives a render to completion from the alarm (poll shape ${shape}) and serves the file`, async () => {
      await fake.config({ pollShape: shape, renderMs: 300, renderFileBytes: 100_000 });
      const u = newUser();
      const p = await readyProject(u);
      const created = await u.json(`/api/projects/${p.id}/exports`, {});
      expect(created.status).toBe(202);
      expect(created.body).toMatchObject({ id: expect.stringMatching(/^exp_/), status: "pending" });

      const done = await finished(u, created.body.id);
      expect(done).toMatchObject({ status: "completed", progress: 100, size: 100_000 });
      expect(done.downloadUrl).toBe(`/api/exports/${created.body.id}/download`);

      const file = await u(done.downloadUrl);
      expect(file.status).toBe(200);
      expect(file.headers.get("Content-Disposition")).toMatch(/^attachment;/);
      expect(file.headers.get("Accept-Ranges")).toBe("bytes");
      const bytes = new Uint8Array(await file.arrayBuffer());
      expect(bytes.length).toBe(100_000);

      const part = await u(done.downloadUrl, { headers: { Range: "bytes=10-19" } });
      expect(part.status).toBe(206);
      expect(part.headers.get("Content-Range")).toBe("bytes 10-19/100000");
      expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(10, 20));
      expect((await u(done.downloadUrl, { headers: { Range: "bytes=200000-" } })).status).toBe(416);

      // The video and its poster, which the fake makes as the engine does.
      const listed = await env.MEDIA.list({ prefix: `exports/${p.id}/` });
      expect(listed.objects.map((o) => o.key.split(".").at(-1)).sort()).toEqual(["cover", "mp4"]);

      // Every upstream render request carried the attribution headers.
      const renders = (await fake.inspect()).requests.filter((q) => q.endpoint === "render");
      expect(renders).toHaveLength(1);
      expect(renders[0].headers).toMatchObject({
        "x-skill-source": "reelsmith",
        "x-skill-version": expect.stringMatching(/^\d+\.\d+\.\d+/),
        "x-skill-platform": "web",
      });
      expect(renders[0].body).toMatchObject({
        id: expect.stringMatching(/^render_\d+/),
        sessionId: expect.any(String),
      });
    });
  }

  it("arms the alarm while renders are pending and clears it once the last one has ended", async () => {
    await fake.config({ renderMs: 400 });
    const u = newUser();
    const p = await readyProject(u);
    const stub = userStub(await userIdOf(u));
    const armed = () =>
      runInDurableObject(stub, async (_, state) => ({
        alarm: await state.storage.getAlarm(),
        jobs: state.storage.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM jobs`).one().n,
      }));
    const first = await u.json(`/api/projects/${p.id}/exports`, {});
    const second = await u.json(`/api/projects/${p.id}/exports`, {});
    // (while the alarm handler itself runs, the alarm reads as unset until it re-arms: wait for an armed reading)
    const pending = await waitFor(async () => {
      const now = await armed();
      return now.alarm === null ? null : now;
    });
    expect(pending.jobs).toBe(2);
    expect((await finished(u, first.body.id)).status).toBe("completed");
    expect((await finished(u, second.body.id)).status).toBe("completed");
    await waitFor(async () => ((await armed()).alarm === null ? true : null));
    expect(await armed()).toEqual({ alarm: null, jobs: 0 });
    const polls = (await fake.inspect()).requests.filter((q) => q.endpoint === "renderPoll").length;
    await new Promise((r) => setTimeout(r, 300));
    expect((await fake.inspect()).requests.filter((q) => q.endpoint === "renderPoll")).toHaveLength(polls);
  });

  it("shows progress while the render runs", async () => {
    await fake.config({ renderMs: 2000 });
    const u = newUser();
    const p = await readyProject(u);
    const { body } = await u.json(`/api/projects/${p.id}/exports`, {});
    const mid = await waitFor(async () => {
      const r = await u.json(`/api/exports/${body.id}`);
      return r.body.status === "processing" && r.body.progress > 0 && r.body.progress < 100 ? r.body : null;
    });
    expect(mid.downloadUrl).toBeUndefined();
    expect((await finished(u, body.id)).status).toBe("completed");
  });

  it("refuses to export an empty draft with a clear error", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await u.json(`/api/projects/${p.id}/exports`, {});
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("not_ready");
    expect((await fake.inspect()).requests.filter((q) => q.endpoint === "render")).toHaveLength(0);
  });

  it("returns the same export for the same Idempotency-Key on the same project, and only there", async () => {
    const u = newUser();
    const p = await readyProject(u);
    const q = await readyProject(u);
    const key = { headers: { "Idempotency-Key": "k-1" } };
    const a = await u.json(`/api/projects/${p.id}/exports`, {}, key);
    const b = await u.json(`/api/projects/${p.id}/exports`, {}, key);
    expect(b.body.id).toBe(a.body.id);
    const other = await u.json(`/api/projects/${q.id}/exports`, {}, key);
    expect(other.status).toBe(202);
    expect(other.body).toMatchObject({ projectId: q.id });
    expect(other.body.id).not.toBe(a.body.id);
    expect((await fake.inspect()).requests.filter((r) => r.endpoint === "render")).toHaveLength(2);
  });

  it("retries a failed submit once with a new render id", async () => {
    const u = newUser();
    const p = await readyProject(u);
    await fake.fault({ endpoint: "render", code: 500 });
    const { body, status } = await u.json(`/api/projects/${p.id}/exports`, {});
    expect(status).toBe(202);
    const submits = (await fake.inspect()).requests.filter((q) => q.endpoint === "render");
    expect(submits).toHaveLength(2);
    expect((submits[0].body as { id: string }).id).not.toBe((submits[1].body as { id: string }).id);
    expect((await finished(u, body.id)).status).toBe("completed");
  });

  it("reports a failed render in the catalogue's words, in the reader's language, never the upstream's", async () => {
    const u = newUser();
    const p = await readyProject(u);
    await fake.renderPlan({ error: "ffmpeg: Error while filtering: Invalid argument" });
    const { body } = await u.json(`/api/projects/${p.id}/exports`, {});
    const done = await finished(u, body.id);
    expect(done).toMatchObject({
      status: "failed",
      error: {
        code: "render_failed",
        message: "The export failed.",
        hint: "Try exporting again.",
        action: { kind: "retry" },
      },
    });
    const zh = await u.json(`/api/exports/${body.id}`, undefined, {
      headers: { "Accept-Language": "zh-CN" },
    });
    expect(zh.body.error).toMatchObject({ code: "render_failed", message: "导出失败。" });
    const project = await u.json(`/api/projects/${p.id}`);
    expect(JSON.stringify([done, zh.body, project.body])).not.toMatch(/ffmpeg|filtering/);
    expect((await u(`/api/exports/${body.id}/download`)).status).toBe(404);
  });

  it("says when the engine's disk is full, in EN and ZH, instead of only asking to export again", async () => {
    const u = newUser();
    const p = await readyProject(u);
    await fake.renderPlan({ error: "Error writing trailer: No space left on device" });
    const { body } = await u.json(`/api/projects/${p.id}/exports`, {});
    const done = await finished(u, body.id);
    expect(done).toMatchObject({
      status: "failed",
      error: {
        code: "render_no_space",
        message: "The export failed: the video engine ran out of disk space.",
        action: { kind: "retry" },
      },
    });
    const zh = await u.json(`/api/exports/${body.id}`, undefined, { headers: { "Accept-Language": "zh" } });
    expect(zh.body.error).toMatchObject({
      code: "render_no_space",
      message: "导出失败：视频引擎的磁盘空间不足。",
    });
    expect(JSON.stringify([done, zh.body])).not.toMatch(/trailer|device/);
    expect((await u(`/api/exports/${body.id}/download`)).status).toBe(404);
  });

  it("explains a free-plan export block (402) without retrying", async () => {
    const u = newUser();
    const p = await readyProject(u);
    await fake.fault({ endpoint: "render", code: 402 });
    const r = await u.json(`/api/projects/${p.id}/exports`, {});
    expect(r.status).toBe(402);
    expect(r.body.error.code).toBe("export_blocked");
    expect((await fake.inspect()).requests.filter((q) => q.endpoint === "render")).toHaveLength(1);
  });

  it("keeps exports private to their owner", async () => {
    const u = newUser();
    const p = await readyProject(u);
    const { body } = await u.json(`/api/projects/${p.id}/exports`, {});
    await finished(u, body.id);
    const other = newUser();
    expect((await other.json(`/api/exports/${body.id}`)).status).toBe(404);
    expect((await other(`/api/exports/${body.id}/download`)).status).toBe(404);
  });
});

describe("render output addresses", () => {
  it("are fetched only when public https or on a configured origin; else the upstream's own download route serves", async () => {
    await fake.config({ renderMs: 50, renderFileBytes: 4000 });
    await fake.renderPlan({ cover: true });
    const u = newUser();
    const p = await readyProject(u);
    const { body } = await u.json(`/api/projects/${p.id}/exports`, {});
    expect((await finished(u, body.id)).coverUrl).toBeDefined();
    const stub = userStub(await userIdOf(u));
    await runInDurableObject(stub, async (_, state) => {
      const sql = state.storage.sql;
      const row = sql
        .exec<{ id: string; project_id: string; render_id: string }>(
          `SELECT id, project_id, render_id FROM exports WHERE id = ?`,
          body.id,
        )
        .one();
      const client = new UpstreamClient(new IdentityStore(sql), {
        upstreamUrl: env.UPSTREAM_URL,
        rateLimitWaitMs: 10,
      });
      const poll = readRenderPoll(
        await (await client.open(Paths.renderPoll(row.render_id), { platform: "api" })).json(),
      )!;
      expect(poll.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      // Every address fetched is recorded; a public CDN address is served here, redirecting to the loopback one.
      const hop = "https://cdn.example.com/render.mp4";
      const fetched: string[] = [];
      const real = globalThis.fetch;
      vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
        const url = new Request(input as RequestInfo, init).url;
        fetched.push(url);
        if (url === hop) return new Response(null, { status: 302, headers: { Location: poll.url! } });
        return real(input as RequestInfo, init);
      });
      const copy = (id: string, trustedOrigins: string[], p = poll) =>
        copyRenderOutput(env.MEDIA, client, { ...row, id }, p, { trustedOrigins });

      // Not configured: the loopback address is never contacted; the authenticated download route serves the video.
      const downloads = async () =>
        (await fake.inspect()).requests.filter((q) => q.endpoint === "renderDownload").length;
      const before = await downloads();
      const untrusted = await copy("exp_untrusted", []);
      expect(fetched).not.toContain(poll.url);
      expect(fetched.some((f) => f.includes(poll.coverUrl!))).toBe(false);
      expect(untrusted).toMatchObject({ size: 4000, cover: null });
      expect(await downloads()).toBe(before + 1);

      // A public https address that redirects to the loopback one is refused at the hop.
      fetched.length = 0;
      await copy("exp_redirected", [], { ...poll, url: hop, coverUrl: undefined });
      expect(fetched).toContain(hop);
      expect(fetched).not.toContain(poll.url);

      // Configured: fetched from there directly, poster too.
      fetched.length = 0;
      const trusted = await copy("exp_trusted", [new URL(poll.url!).origin]);
      expect(fetched).toContain(poll.url);
      expect(trusted.cover).not.toBeNull();
    });
  });
});
