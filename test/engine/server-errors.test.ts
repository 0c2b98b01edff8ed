// The engine's refusals, through HTTP: tokens, unknown sessions, uploads (type, size, sniffing, URLs), renders.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Paths } from "../../core/contract.ts";
import { emptyDraft } from "../../core/draft.ts";
import type { Engine } from "../../engine/server/index.ts";
import { EngineClient, makePng, startEngine, tempDir } from "./server-fixtures.ts";

const MAX_UPLOAD = 64 * 1024;
const EMPTY = emptyDraft();
let engine: Engine;
let client: EngineClient;
let sid: string;
let taskId: string;
let png: Uint8Array;
let files: Server;
let filesUrl: string;

/** A little origin for uploads by URL: a PNG, a file too big, a 404 and one that never answers. */
function fileServer(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === "/photo.png") return res.end(png);
    if (req.url === "/upl_0123.png") {
      res.setHeader("Content-Disposition", "inline; filename*=UTF-8''%E6%98%A5%E5%A4%A9%20sale.png");
      return res.end(png);
    }
    if (req.url === "/big.png") return res.end(Buffer.concat([Buffer.from(png), Buffer.alloc(MAX_UPLOAD)]));
    if (req.url === "/stall.png") return res.writeHead(200).write(png.subarray(0, 10));
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  const dir = await tempDir("errors");
  png = await makePng(dir);
  files = await fileServer();
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  ({ engine, client } = await startEngine({
    dataDir: `${dir}/data`,
    limits: { maxUploadBytes: MAX_UPLOAD, urlFetchTimeoutMs: 500 },
  }));
  await client.login("errors-client");
  ({ session_id: sid, task_id: taskId } = await client.newSession());
});

afterAll(async () => {
  files.closeAllConnections();
  files.close();
  await engine.close();
});

describe("tokens", () => {
  it("refuses a token request without X-Client-Id with 400", async () => {
    const anon = new EngineClient(client.url);
    const res = await anon.request("POST", Paths.anonymousToken);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 400, data: null });
  });

  it("hands a client its live token again instead of answering 429", async () => {
    const a = new EngineClient(client.url);
    const first = await a.login("same-client");
    const second = await a.login("same-client");
    const other = await a.login("other-client");
    expect(first.token).toMatch(/^nmv_usr_[0-9a-f]+$/);
    expect(first.user_id).toMatch(/^anon_/);
    expect(second).toEqual(first);
    expect(other.user_id).not.toBe(first.user_id);
    const days = (Date.parse(first.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it.each([
    ["no token", undefined],
    ["an unknown token", "nmv_usr_0000"],
    ["a malformed header", "Basic abc"],
  ])("answers 1001 to %s on every endpoint", async (_, token) => {
    const bad = new EngineClient(client.url);
    const headers: Record<string, string> =
      token === undefined ? {} : { Authorization: token.startsWith("Basic") ? token : `Bearer ${token}` };
    const calls = [
      bad.request("POST", Paths.createSession, { json: {}, headers }),
      bad.request("GET", Paths.credits, { headers }),
      bad.request("GET", Paths.state(sid), { headers }),
      bad.request("POST", Paths.claimToken, { json: { task_id: taskId, session_id: sid }, headers }),
      bad.request("POST", Paths.upload(sid), {
        json: { urls: [`${filesUrl}/photo.png`], source_type: "url" },
        headers,
      }),
      bad.request("POST", Paths.runSse, {
        json: {
          app_name: "nemo_agent",
          user_id: "me",
          session_id: sid,
          new_message: { parts: [{ text: "hi" }] },
        },
        headers,
      }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 1001, data: null });
    }
    const render = await bad.request("GET", Paths.renderPoll("render_1"), { headers });
    expect(render.status).toBe(401);
    expect(render.body).toMatchObject({ success: false, code: 1001 });
  });
});

describe("unknown sessions", () => {
  it("answers 1002 on state, upload and claim, and for another user's session", async () => {
    const stranger = new EngineClient(client.url);
    await stranger.login("stranger");
    for (const [who, c, id] of [
      ["unknown", client, "1234567890123456789"],
      ["someone else's", stranger, sid],
    ] as const) {
      const state = await c.request("GET", Paths.state(id));
      const upload = await c.upload(id, [{ name: "a.png", bytes: png }]);
      const claim = await c.request("POST", Paths.claimToken, { json: { task_id: taskId, session_id: id } });
      for (const res of [state, upload, claim]) {
        expect(res.status, who).toBe(404);
        expect(res.body).toMatchObject({ code: 1002, message: `Session not found: ${id}` });
      }
    }
  });

  it("answers /run_sse for an unknown session with 404 {detail} before streaming", async () => {
    const res = await client.chat("999", "hello");
    expect(res.status).toBe(404);
    expect(JSON.parse(res.raw)).toEqual({ detail: "Session not found: 999" });
  });

  it("answers a malformed /run_sse body with 422 {detail}", async () => {
    const res = await client.request("POST", Paths.runSse, { json: { session_id: sid } });
    expect(res.status).toBe(422);
    expect(typeof res.body.detail).toBe("string");
  });

  it("refuses a claim whose task id does not match the session", async () => {
    const res = await client.request("POST", Paths.claimToken, {
      json: { task_id: "nope", session_id: sid },
    });
    expect(res.body.code).toBe(1002);
  });

  it("mints a claim token for the session", async () => {
    const res = await client.request("POST", Paths.claimToken, {
      json: { task_id: taskId, session_id: sid },
    });
    expect(res.body).toMatchObject({ code: 0, data: { expires_in: 604800 } });
    expect(res.body.data.claim_token).toMatch(/^clm_/);
  });
});

describe("uploads", () => {
  const infos = async () => (await client.state(sid)).data.state.video_infos as { filename: string }[];

  it("stores a PNG named .mp4 as the PNG it is", async () => {
    const res = await client.upload(sid, [{ name: "clip.mp4", bytes: png, type: "video/mp4" }]);
    expect(res.status).toBe(200);
    const [file] = res.body.data.files;
    expect(file).toMatchObject({
      filename: "clip.mp4",
      file_type: "image",
      width: 320,
      height: 240,
      duration: null,
    });
    expect(file.cdn_url).toMatch(/\.png$/);
    expect(file.hash).toMatch(/^[0-9a-f]{64}$/);
    const served = await fetch(file.cdn_url);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    const part = await fetch(file.cdn_url, { headers: { Range: "bytes=1-3" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1-3/${png.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(png.subarray(1, 4));
    const past = await fetch(file.cdn_url, { headers: { Range: `bytes=${png.length}-` } });
    expect(past.status).toBe(416);
  });

  it.each([
    ["a text file", "notes.txt", Buffer.from("just some words, not a picture")],
    ["a text file named .mp4", "movie.mp4", Buffer.from("just some words, not a movie")],
    ["an empty file", "empty.jpg", Buffer.alloc(0)],
    [
      "a PNG signature over garbage",
      "broken.png",
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]),
    ],
  ])("refuses %s with 4001 and lists the accepted formats", async (_, name, bytes) => {
    const before = (await infos()).length;
    const res = await client.upload(sid, [{ name, bytes }]);
    expect(res.status).toBe(415);
    expect(res.body.code).toBe(4001);
    expect(res.body.message).toContain("mp4, mov");
    expect((await infos()).length).toBe(before);
  });

  it("refuses the whole request when one of several files is refused", async () => {
    const before = (await infos()).length;
    const res = await client.upload(sid, [
      { name: "ok.png", bytes: png },
      { name: "bad.mov", bytes: Buffer.from("nope") },
    ]);
    expect(res.body.code).toBe(4001);
    expect((await infos()).length).toBe(before);
  });

  it("refuses a file over the limit with 4002, even mid-stream", async () => {
    const huge = Buffer.concat([Buffer.from(png), Buffer.alloc(5 * 1024 * 1024, 1)]);
    const res = await client.upload(sid, [{ name: "huge.png", bytes: huge }]);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe(4002);
  });

  it("fetches uploads by URL, loopback included", async () => {
    const res = await client.request("POST", Paths.upload(sid), {
      json: { urls: [`${filesUrl}/photo.png`], source_type: "url" },
    });
    expect(res.body.data.files[0]).toMatchObject({ filename: "photo.png", file_type: "image", width: 320 });
  });

  it("names a URL upload by its Content-Disposition, as signed media links carry the user's file name", async () => {
    const res = await client.request("POST", Paths.upload(sid), {
      json: { urls: [`${filesUrl}/upl_0123.png`], source_type: "url" },
    });
    expect(res.body.data.files[0].filename).toBe("春天 sale.png");
  });

  it.each([
    ["too big", "/big.png", 413, 4002],
    ["missing", "/missing.png", 422, 422],
    ["stalled", "/stall.png", 422, 422],
  ])("refuses a URL whose file is %s", async (_, path, status, code) => {
    const res = await client.request("POST", Paths.upload(sid), {
      json: { urls: [`${filesUrl}${path}`], source_type: "url" },
    });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });
});

describe("renders", () => {
  it("blocks an export without attribution headers with 402", async () => {
    const res = await client.submitRender("render_noattr", sid, EMPTY, {});
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({ success: false, code: 402 });
  });

  it("answers 1002 for an unknown session and 422 for a bad id", async () => {
    expect((await client.submitRender("render_x", "42", EMPTY)).body).toMatchObject({
      success: false,
      code: 1002,
    });
    expect((await client.submitRender("../../etc", sid, EMPTY)).status).toBe(422);
  });

  it("fails a render of an empty draft with a reason, refuses its id again, and cannot cancel it", async () => {
    const first = await client.submitRender("render_empty", sid, EMPTY);
    expect(first.body).toMatchObject({ success: true, data: { id: "render_empty" } });
    const done = await client.pollRender("render_empty");
    expect(done).toMatchObject({ status: "failed", error: "Draft has no segments to render" });
    const again = await client.submitRender("render_empty", sid, EMPTY);
    expect(again.status).toBe(409);
    const cancel = await client.request("POST", Paths.renderCancel("render_empty"));
    expect(cancel.status).toBe(409);
    const download = await client.request("GET", Paths.renderDownload("render_empty"));
    expect(download.status).toBe(409);
  });

  it("answers 404 for a render that is not the caller's", async () => {
    const res = await client.request("GET", Paths.renderPoll("render_nobody"));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false });
  });
});

describe("credits", () => {
  it("starts generous and refuses editing with 2001 when it runs out", async () => {
    const credits = await client.request("GET", Paths.credits);
    expect(credits.body.data).toEqual({ available: 10_000, frozen: 0, total: 10_000 });
    const dir = await tempDir("broke");
    const poor = await startEngine({ dataDir: dir, limits: { initialCredits: 10 } });
    try {
      await poor.client.login("poor");
      const { session_id } = await poor.client.newSession();
      const res = await poor.client.chat(session_id, "make a vertical video");
      expect(res.status).toBe(403);
      expect(JSON.parse(res.raw)).toMatchObject({ code: 2001 });
    } finally {
      await poor.engine.close();
    }
  });
});
