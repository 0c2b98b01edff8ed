// Per-user fair use with exact counts (429, Retry-After where waiting helps, clear EN/ZH words), the upstream token
// minted only when the editor is first needed, and the project list a page at a time.
import { runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { FAIR_USE } from "../../durable/fair-use.ts";
import { type Client, createProject, fake, newUser, readyProject, sleep } from "./helpers.ts";
import { userIdOf, userStub } from "./upload-helpers.ts";

beforeEach(() => fake.reset());

const MB = 1024 * 1024;

/** Moves every counted action of this user back by `ms`, as if that much time had passed. */
async function age(u: Client, ms: number) {
  await runInDurableObject(userStub(await userIdOf(u)), (_, state) => {
    state.storage.sql.exec(`UPDATE usage SET at = at - ?`, ms);
  });
}

describe("fair use", () => {
  it(`answers a message over ${FAIR_USE.messagesPerMinute} in a minute with 429 and when to send it`, async () => {
    const u = newUser();
    const p = await createProject(u);
    for (let i = 0; i < FAIR_USE.messagesPerMinute; i++) {
      const r = await u.json(`/api/projects/${p.id}/messages`, { text: "how do I upload?" });
      expect(r.status, `message ${i + 1}`).toBe(200);
    }
    const refused = await u.json(`/api/projects/${p.id}/messages`, { text: "how do I upload?" });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      code: "fair_use_limit",
      limit: "messages-per-minute",
      max: FAIR_USE.messagesPerMinute,
      message: `You can send up to ${FAIR_USE.messagesPerMinute} messages a minute.`,
      action: { kind: "wait" },
    });
    const wait = Number(refused.res.headers.get("Retry-After"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.body.error.retryAfter).toBe(wait);
    const zh = await u.json(
      `/api/projects/${p.id}/messages`,
      { text: "上传" },
      { headers: { "Accept-Language": "zh" } },
    );
    expect(zh.body.error.message).toBe(`每分钟最多可以发送 ${FAIR_USE.messagesPerMinute} 条消息。`);
    // Refused messages are not counted, and a minute later there is room again.
    await age(u, 60_000);
    expect((await u.json(`/api/projects/${p.id}/messages`, { text: "how do I upload?" })).status).toBe(200);
  });

  it("counts messages for the agent the same way, refusing the one over the limit before the agent sees it", async () => {
    const u = newUser();
    const p = await createProject(u);
    for (let i = 0; i < FAIR_USE.messagesPerMinute; i++) {
      const r = await u.json(`/api/projects/${p.id}/messages`, { text: `make it warmer ${i}` });
      expect(r.status, `message ${i + 1}`).toBe(200);
    }
    const turns = (await fake.inspect()).requests.filter((r) => r.endpoint === "runSse").length;
    const refused = await u.json(`/api/projects/${p.id}/messages`, { text: "make it warmer again" });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "fair_use_limit", limit: "messages-per-minute" });
    expect((await fake.inspect()).requests.filter((r) => r.endpoint === "runSse")).toHaveLength(turns);
  });

  it(`keeps at most ${FAIR_USE.projects} projects and ${FAIR_USE.apiKeys} API keys, saying what to remove`, async () => {
    const u = newUser();
    for (let i = 0; i < FAIR_USE.projects; i++) await createProject(u, "douyin", { title: `P${i}` });
    const extra = await u.json("/api/projects", { preset: "douyin" });
    expect(extra.status).toBe(429);
    expect(extra.body.error).toMatchObject({
      code: "fair_use_limit",
      limit: "projects",
      max: FAIR_USE.projects,
    });
    expect(extra.body.error.hint).toMatch(/^Delete projects/);
    const first = (await u.json("/api/projects?limit=1")).body.projects[0];
    await u.json(`/api/projects/${first.id}`, undefined, { method: "DELETE" });
    expect((await u.json("/api/projects", { preset: "douyin" })).status).toBe(201);

    for (let i = 0; i < FAIR_USE.apiKeys; i++) expect((await u.json("/api/keys", {})).status).toBe(201);
    const key = await u.json("/api/keys", {}, { headers: { "Accept-Language": "zh" } });
    expect(key.status).toBe(429);
    expect(key.body.error).toMatchObject({
      limit: "api-keys",
      message: `最多可以拥有 ${FAIR_USE.apiKeys} 个 API 密钥。`,
    });
  });

  it(`runs at most ${FAIR_USE.concurrentExports} exports at once`, async () => {
    await fake.config({ renderMs: 60_000 });
    const u = newUser();
    const p = await readyProject(u);
    const keyed = { headers: { "Idempotency-Key": "first" } };
    const first = await u.json(`/api/projects/${p.id}/exports`, {}, keyed);
    for (let i = 1; i < FAIR_USE.concurrentExports; i++)
      expect((await u.json(`/api/projects/${p.id}/exports`, {})).status).toBe(202);
    const over = await u.json(`/api/projects/${p.id}/exports`, {});
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({ limit: "concurrent-exports", max: FAIR_USE.concurrentExports });
    expect(Number(over.res.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    // Asking again for an export already started starts nothing: it is answered, limit or not.
    const again = await u.json(`/api/projects/${p.id}/exports`, {}, keyed);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    // Deleting the project ends its renders' polling, which would otherwise outlive this test.
    expect((await u.json(`/api/projects/${p.id}`, undefined, { method: "DELETE" })).status).toBe(200);
  });

  it(`takes at most ${FAIR_USE.uploadBytesPerDay / 1024 ** 3} GiB of uploads a day, counted when planned`, async () => {
    const u = newUser();
    const p = await createProject(u);
    const plan = (size: number) =>
      u.json(`/api/projects/${p.id}/uploads`, { name: "big.mp4", size, type: "video/mp4" });
    const each = 500 * MB;
    const fits = Math.floor(FAIR_USE.uploadBytesPerDay / each);
    for (let i = 0; i < fits; i++) expect((await plan(each)).status, `plan ${i + 1}`).toBe(201);
    const over = await plan(each);
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({
      limit: "upload-bytes-per-day",
      message: "You can upload up to 10 GB a day.",
    });
    const wait = Number(over.res.headers.get("Retry-After"));
    expect(wait).toBeGreaterThan(86_000);
    expect(wait).toBeLessThanOrEqual(86_400);
    // A small file still fits in what is left of the day.
    const room = FAIR_USE.uploadBytesPerDay - fits * each;
    if (room > 0) expect((await plan(room)).status).toBe(201);
  });
});

describe("the upstream token is minted only when the editor is first needed", () => {
  it("cookie-less reads and project edits mint nothing; the first message mints one", async () => {
    const browsers = Array.from({ length: 4 }, () => newUser());
    for (const u of browsers) {
      for (const path of [
        "/api/me",
        "/api/credits",
        "/api/projects",
        "/api/keys",
        "/api/webhooks/deliveries",
      ])
        expect((await u(path)).status, path).toBe(200);
      const p = await createProject(u);
      for (const path of [
        `/api/projects/${p.id}`,
        `/api/projects/${p.id}/messages/live`,
        "/api/exports/exp_x",
      ])
        await (await u(path)).body?.cancel();
    }
    expect((await fake.inspect()).tokens).toHaveLength(0);
    const credits = await browsers[0].json("/api/credits");
    expect(credits.body).toEqual({
      available: null,
      frozen: null,
      total: null,
      upstreamUserId: null,
      tokenSource: "none",
    });

    const u = browsers[0];
    const p = await createProject(u);
    await u.json(`/api/projects/${p.id}/messages`, { text: "[scenario:text] hi" });
    expect((await fake.inspect()).tokens).toHaveLength(1);
    expect((await u.json("/api/credits")).body).toMatchObject({
      available: expect.any(Number),
      tokenSource: "anonymous",
    });
  });
});

describe("the project list", () => {
  it("pages with a cursor: every project once, last changed first", async () => {
    const u = newUser();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      made.push((await createProject(u, "douyin", { title: `P${i}` })).id);
      await sleep(2);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const { body } = await u.json(`/api/projects?limit=3${q}`);
      seen.push(...body.projects.map((x: { id: string }) => x.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
    const bent = await u.json("/api/projects?cursor=eyJub3QiOiJ1cyJ9");
    expect(bent.status).toBe(400);
    expect(bent.body.error.problem).toMatch(/^cursor/);
    expect((await u.json("/api/projects?limit=1000")).status).toBe(400);
  });
});
