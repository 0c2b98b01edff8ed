// Exports as the user sees them after edits: outdated once the draft moves on, listed with time and length,
// their poster copied into R2, downloads named after the project, and public share links for one export.
import { env, SELF } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { type Client, chat, createProject, fake, newUser, ORIGIN, waitFor } from "./helpers.ts";

beforeEach(() => fake.reset());

async function exportNow(u: Client, projectId: string) {
  const { body } = await u.json(`/api/projects/${projectId}/exports`, {});
  return waitFor(async () => {
    const r = await u.json(`/api/exports/${body.id}`);
    return r.body.status === "completed" ? r.body : null;
  }, 20_000);
}

async function editedProject(u: Client, title = "Spring Sale") {
  const p = await createProject(u, "xiaohongshu", { title });
  await chat(u, p.id, "[scenario:silent-edit] add a clip");
  return p;
}

describe("export history", () => {
  it("marks an export made from an older draft as outdated and lists past exports with time and length", async () => {
    await fake.config({ renderMs: 100 });
    const u = newUser();
    const p = await editedProject(u);
    const first = await exportNow(u, p.id);
    expect(first).toMatchObject({ outdated: false, duration: 10, completedAt: expect.any(Number) });

    await chat(u, p.id, "[scenario:silent-edit] add music");
    expect((await u.json(`/api/exports/${first.id}`)).body.outdated).toBe(true);
    const second = await exportNow(u, p.id);
    expect(second.outdated).toBe(false);

    const { body } = await u.json(`/api/projects/${p.id}`);
    expect(body.exports.map((e: { id: string; outdated: boolean }) => [e.id, e.outdated])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    for (const e of body.exports) expect(e).toMatchObject({ createdAt: expect.any(Number), duration: 10 });
  });

  it("copies the poster into R2, serves it, and shows it in the project list", async () => {
    await fake.config({ renderMs: 100 });
    const u = newUser();
    const p = await editedProject(u);
    const done = await exportNow(u, p.id);
    expect(done.coverUrl).toBe(`/api/exports/${done.id}/cover`);
    const cover = await u(done.coverUrl);
    expect(cover.status).toBe(200);
    expect(cover.headers.get("Content-Type")).toBe("image/png");
    expect(new Uint8Array(await cover.arrayBuffer()).slice(0, 4)).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    );
    const stored = await env.MEDIA.list({ prefix: `exports/${p.id}/` });
    expect(stored.objects.map((o) => o.key).sort()).toEqual([
      `exports/${p.id}/${done.id}.cover`,
      `exports/${p.id}/${done.id}.mp4`,
    ]);
    const list = await u.json("/api/projects");
    expect(list.body.projects).toMatchObject([{ id: p.id, title: "Spring Sale", coverUrl: done.coverUrl }]);
    expect((await newUser()(done.coverUrl)).status).toBe(404);
    await u.json(`/api/projects/${p.id}`, undefined, { method: "DELETE" });
    expect((await env.MEDIA.list({ prefix: `exports/${p.id}/` })).objects).toEqual([]);
  });

  it("names the download after the project, in Unicode with an ASCII fallback", async () => {
    await fake.config({ renderMs: 100 });
    await fake.renderPlan({ cover: false });
    const u = newUser();
    const p = await editedProject(u, "春季新品 Café");
    const done = await exportNow(u, p.id);
    expect(done.coverUrl).toBeUndefined();
    const file = await u(done.downloadUrl);
    await file.body?.cancel();
    expect(file.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Cafe.mp4"; filename*=UTF-8''%E6%98%A5%E5%AD%A3%E6%96%B0%E5%93%81%20Caf%C3%A9.mp4`,
    );
  });
});

describe("sharing one export", () => {
  it("gives the owner a public, expiring link that shows this video and nothing else of the user", async () => {
    await fake.config({ renderMs: 100 });
    const u = newUser();
    const p = await editedProject(u, "Cafe opening");
    const done = await exportNow(u, p.id);
    expect((await newUser().json(`/api/exports/${done.id}/share`, {})).status).toBe(404);
    const { status, body } = await u.json(`/api/exports/${done.id}/share`, {});
    expect(status).toBe(201);
    expect(body.url).toMatch(new RegExp(`^${ORIGIN}/s/[A-Za-z0-9_-]{80,}$`));
    expect(body.expiresAt).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const userId = (await u.json("/api/me")).body.userId as string;
    expect(body.url).not.toContain(userId.slice(2));
    expect(body.url).not.toContain(done.id.slice(4));

    // No cookie: the link alone opens the page, its facts, the video and the poster.
    const page = await SELF.fetch(`${body.url}?lang=zh`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain(`<meta property="og:image" content="${body.url}/cover" />`);
    expect(html).toContain(`<meta property="og:video" content="${body.url}/video" />`);
    expect(html).toContain("<title>Cafe opening</title>");
    const info = (await (await SELF.fetch(`${body.url}/info`)).json()) as Record<string, unknown>;
    expect(info).toEqual({
      title: "Cafe opening",
      preset: "xiaohongshu",
      duration: 10,
      size: expect.any(Number),
      videoUrl: expect.stringMatching(/^\/s\/.+\/video$/),
      coverUrl: expect.stringMatching(/^\/s\/.+\/cover$/),
      expiresAt: body.expiresAt,
    });
    expect(JSON.stringify(info)).not.toMatch(/prj_|exp_|u_[0-9a-f]/);
    const video = await SELF.fetch(`${body.url}/video`, { headers: { Range: "bytes=0-9" } });
    expect(video.status).toBe(206);
    await video.body?.cancel();
    expect((await SELF.fetch(`${body.url}/cover`)).headers.get("Content-Type")).toBe("image/png");

    // A bent token opens nothing (bent mid-token: a last base64url character may carry only padding bits).
    const at = body.url.length - 20;
    const bent = `${body.url.slice(0, at)}${body.url[at] === "A" ? "B" : "A"}${body.url.slice(at + 1)}`;
    expect((await SELF.fetch(`${bent}/video`)).status).toBe(404);
    expect((await SELF.fetch(bent)).status).toBe(404);
  });
});
