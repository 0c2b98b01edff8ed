// Exports driven by the DO alarm to a file in R2: both poll shapes, retries, failures, idempotency, Range downloads.
import { env, runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { type Client, chat, createProject, fake, newUser, waitFor } from "./helpers.ts";
import { userIdOf, userStub } from "./upload-helpers.ts";

beforeEach(() => fake.reset());

/** A project whose draft is ready: one silent edit puts something on the timeline. */
async function readyProject(u: Client) {
  const p = await createProject(u);
  await chat(u, p.id, "[scenario:silent-edit] add a clip");
  const got = await u.json(`/api/projects/${p.id}`);
  expect(got.body.ready).toBe(true);
  return p;
}

async function finished(u: Client, id: string) {
  return waitFor(async () => {
    const r = await u.json(`/api/exports/${id}`);
    return r.body.status === "completed" || r.body.status === "failed" ? r.body : null;
  }, 20_000);
}

describe("export to a file in R2", () => {
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

      const listed = await env.MEDIA.list({ prefix: `exports/${p.id}/` });
      expect(listed.objects).toHaveLength(1);

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

  it("returns the same export for the same Idempotency-Key", async () => {
    const u = newUser();
    const p = await readyProject(u);
    const a = await u.json(`/api/projects/${p.id}/exports`, {}, { headers: { "Idempotency-Key": "k-1" } });
    const b = await u.json(`/api/projects/${p.id}/exports`, {}, { headers: { "Idempotency-Key": "k-1" } });
    expect(b.body.id).toBe(a.body.id);
    expect((await fake.inspect()).requests.filter((q) => q.endpoint === "render")).toHaveLength(1);
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

  it("reports a failed render with its reason", async () => {
    const u = newUser();
    const p = await readyProject(u);
    await fake.renderPlan({ error: "encoder crashed" });
    const { body } = await u.json(`/api/projects/${p.id}/exports`, {});
    const done = await finished(u, body.id);
    expect(done).toMatchObject({ status: "failed", error: "encoder crashed" });
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
