// A whole session through HTTP: photos in, a Chinese request, a real 1080×1920 MP4 out; restarts along the way.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdkEvent, Paths } from "../../core/contract.ts";
import { moveSources, readDraft, TrackType } from "../../core/draft.ts";
import type { Engine } from "../../engine/server/index.ts";
import { type EngineClient, ffprobe, makePhotos, startEngine, tempDir } from "./server-fixtures.ts";

// The request, with a length so the renders stay quick.
const ASK = "做一个6秒的小红书竖屏视频，加标题和背景音乐";

let dir: string;
let dataDir: string;
let engine: Engine;
let client: EngineClient;
let sid: string;
const textOf = (e: AdkEvent) => (e.content?.parts ?? []).map((p) => p.text ?? "").join("");

/** Stops the running engine and starts another on the same data folder (and a new port), same token. */
async function restart() {
  await engine.close();
  const token = client.token;
  ({ engine, client } = await startEngine({ dataDir }));
  client.token = token;
}

async function renderToFile(id: string, draft: unknown, name: string) {
  const submitted = await client.submitRender(id, sid, draft);
  expect(submitted.body).toMatchObject({
    success: true,
    data: { id, status: expect.stringMatching(/^(pending|processing)$/) },
  });
  const done = await client.pollRender(id);
  expect(done, JSON.stringify(done)).toMatchObject({ id, status: "completed", progress: 100 });
  const path = join(dir, name);
  await writeFile(path, Buffer.from(await (await fetch(done.outputUrl)).arrayBuffer()));
  return { path, done };
}

beforeAll(async () => {
  dir = await tempDir("session");
  dataDir = join(dir, "data");
  ({ engine, client } = await startEngine({ dataDir }));
});

afterAll(async () => {
  await engine.close();
});

describe("a whole session through HTTP", () => {
  it("gets a token and a session, and takes three phone photos", async () => {
    const token = await client.login("session-client");
    expect(token.credits).toBe(10_000);
    ({ session_id: sid } = await client.newSession());
    const res = await client.upload(sid, await makePhotos(dir));
    expect(res.status).toBe(200);
    expect(
      res.body.data.files.map((f: { filename: string; width: number; height: number }) => [
        f.filename,
        f.width,
        f.height,
      ]),
    ).toEqual([
      ["IMG_001.jpg", 3024, 4032],
      ["IMG_002.jpg", 3024, 4032],
      ["IMG_003.jpg", 3024, 4032],
    ]);
  });

  it("plans the request as ADK events: edit_multitrack call and response, then the reply in chunks and whole", async () => {
    const { status, contentType, raw, events } = await client.chat(sid, ASK);
    expect(status).toBe(200);
    expect(contentType).toContain("text/event-stream");
    expect(raw).not.toMatch(/^(event|id):/m);
    const call = events[0].content?.parts[0].functionCall;
    expect(call).toMatchObject({ name: "edit_multitrack", args: { canvas: { width: 1080, height: 1920 } } });
    expect(events[0]).toMatchObject({ author: "nemo_agent", content: { role: "model" } });
    expect(events[1].content).toMatchObject({
      role: "user",
      parts: [{ functionResponse: { id: call?.id, name: "edit_multitrack" } }],
    });
    const partials = events.filter((e) => e.partial);
    const whole = events.at(-1) as AdkEvent;
    expect(partials.length).toBeGreaterThan(1);
    expect(whole.partial).toBeUndefined();
    expect(partials.map(textOf).join("")).toBe(textOf(whole));
    expect(textOf(whole)).toContain("1080×1920");
    expect(new Set(events.map((e) => e.invocationId)).size).toBe(1);
  });

  it("shows a 1080×1920 draft with the three photos, a title and music, and charges the edit once", async () => {
    const { data } = await client.request("GET", Paths.state(sid)).then((r) => r.body);
    const draft = readDraft(data.state.draft);
    expect(draft.m).toMatchObject({ width: 1080, height: 1920 });
    expect(data.state.canvas_config).toEqual({ width: 1080, height: 1920, fps: 30 });
    const track = (tt: number) => draft.t.find((t) => t.tt === tt);
    const urls = data.state.video_infos.map((f: { cdn_url: string }) => f.cdn_url);
    expect(track(TrackType.Video)?.sg.map((s) => s.src)).toEqual(urls);
    expect(track(TrackType.Text)?.sg[0]).toMatchObject({ role: "title", tx: expect.any(String) });
    // Music alone (photos have no sound of their own) plays at full level.
    expect(track(TrackType.Audio)?.sg[0]).toMatchObject({ k: "synth", v: 1 });
    const credits = (await client.request("GET", Paths.credits)).body.data;
    expect(credits).toEqual({ available: 9_950, frozen: 0, total: 9_950 });
    await client.chat(sid, '标题改成"周末花园"');
    expect((await client.request("GET", Paths.credits)).body.data.available).toBe(9_950);
  });

  it("answers without streaming as one whole text event, and honestly when it cannot act", async () => {
    const { events } = await client.chat(sid, "今天天气怎么样？", false);
    expect(events.length).toBe(1);
    expect(events[0].partial).toBeUndefined();
    expect(events[0].content?.parts[0].functionCall).toBeUndefined();
    expect(textOf(events[0]).length).toBeGreaterThan(0);
  });

  it("renders a 1080×1920 H.264/AAC MP4, served at its output URL and by download with Range", async () => {
    const draft = (await client.state(sid)).data.state.draft;
    const { path, done } = await renderToFile("render_first", draft, "first.mp4");
    const probe = await ffprobe(path);
    const video = probe.streams.find((s) => s.codec_type === "video");
    expect(video).toMatchObject({ codec_name: "h264", width: 1080, height: 1920 });
    expect(probe.streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");
    expect(Number(probe.format.duration)).toBeCloseTo(draft.d / 1000, 0);
    const bytes = await readFile(path);
    const head = await client.request("GET", Paths.renderDownload("render_first"), {
      headers: { Range: "bytes=0-99" },
    });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-range")).toBe(`bytes 0-99/${bytes.length}`);
    const full = await fetch(`${client.url}${Paths.renderDownload("render_first")}`, {
      headers: { Authorization: `Bearer ${client.token}` },
    });
    expect(full.headers.get("content-disposition")).toContain("attachment");
    expect(Buffer.from(await full.arrayBuffer()).equals(bytes)).toBe(true);
    expect(done.completedAt).toBeGreaterThanOrEqual(done.createdAt);
  });

  it("survives a restart mid-session: same token, draft, media, credits and undo history", async () => {
    const before = await client.state(sid);
    await restart();
    expect(await client.state(sid)).toEqual({
      ...before,
      data: {
        ...before.data,
        state: { ...before.data.state, video_infos: expect.any(Array) },
      },
    });
    expect((await client.request("GET", Paths.credits)).body.data.available).toBe(9_950);
    const undo = await client.chat(sid, "撤销");
    expect(textOf(undo.events.at(-1) as AdkEvent)).toContain("周末花园");
    expect(readDraft((await client.state(sid)).data.state.draft).m.title).not.toBe("周末花园");
    const shorter = await client.chat(sid, "改成3秒然后导出");
    expect(shorter.events[0].content?.parts[0].functionCall?.name).toBe("edit_multitrack");
    // The export is the client's to start; the reply's event says the message asked for it.
    expect(shorter.events.at(-1)?.actions?.stateDelta).toEqual({ export_requested: true });
    expect(textOf(shorter.events.at(-1) as AdkEvent)).toContain("可以导出了");
    expect((await client.state(sid)).data.state.draft.d).toBeLessThan(6000);
  });

  it("gives a session that replaced a lost one the lost timeline, once its files are the new session's own", async () => {
    const lost = (await client.state(sid)).data.state;
    const { session_id: fresh } = await client.newSession();
    const photos = await makePhotos(dir);
    const foreign = await client.request("PUT", Paths.seedDraft(fresh), { json: { draft: lost.draft } });
    expect(foreign.status).toBe(422);
    const files = (await client.upload(fresh, photos)).body.data.files as { cdn_url: string }[];
    const had = lost.video_infos as { cdn_url: string }[];
    const moved = new Map(had.map((f, i) => [f.cdn_url, files[i].cdn_url]));
    const draft = moveSources(readDraft(lost.draft), moved);
    const seeded = await client.request("PUT", Paths.seedDraft(fresh), { json: { draft } });
    expect(seeded.status).toBe(200);
    expect(readDraft((await client.state(fresh)).data.state.draft)).toEqual(draft);
    // only into a session the editor has not shaped yet
    expect((await client.request("PUT", Paths.seedDraft(fresh), { json: { draft } })).status).toBe(409);
    // and editing goes on from it: the title changes, the photos and music stay
    await client.chat(fresh, '标题改成"春日花园"');
    const edited = readDraft((await client.state(fresh)).data.state.draft);
    const title = edited.t.find((t) => t.tt === TrackType.Text)?.sg[0];
    expect(title?.tx).toBe("春日花园");
    expect(edited.t.find((t) => t.tt === TrackType.Video)?.sg.map((s) => s.src)).toEqual(
      files.map((f) => f.cdn_url),
    );
  });

  it("re-runs a render that was running when the engine stopped, from media uploaded before the restart", async () => {
    const draft = (await client.state(sid)).data.state.draft;
    expect((await client.submitRender("render_interrupted", sid, draft)).status).toBe(200);
    await client.pollRender("render_interrupted", (d) => d.status === "processing");
    await restart();
    const onDisk = JSON.parse(await readFile(join(dataDir, "renders", "render_interrupted.json"), "utf8"));
    expect(onDisk).toMatchObject({ status: "processing", attempts: 1 });
    const done = await client.pollRender("render_interrupted");
    expect(done).toMatchObject({ status: "completed" });
    const path = join(dir, "interrupted.mp4");
    await writeFile(path, Buffer.from(await (await fetch(done.outputUrl)).arrayBuffer()));
    const probe = await ffprobe(path);
    expect(probe.streams.find((s) => s.codec_type === "video")).toMatchObject({ width: 1080, height: 1920 });
    expect(Number(probe.format.duration)).toBeCloseTo(draft.d / 1000, 0);
  });

  it("fails, with the reason, a render that kept being interrupted", async () => {
    const draft = (await client.state(sid)).data.state.draft;
    await client.submitRender("render_unlucky", sid, draft);
    await engine.close();
    const file = join(dataDir, "renders", "render_unlucky.json");
    await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, "utf8")), attempts: 3 }));
    const token = client.token;
    ({ engine, client } = await startEngine({ dataDir }));
    client.token = token;
    const done = await client.pollRender("render_unlucky");
    expect(done).toMatchObject({ status: "failed", error: "The engine stopped 3 times during this render" });
  });
});
