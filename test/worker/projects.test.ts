// Projects as a list: rename, delete, the platform following what the editor did, a turn followed after a reload,
// and Reelsmith's own words kept as data so a page shows them in its language.
import { beforeEach, describe, expect, it } from "vitest";
import { say } from "../../core/say.ts";
import { chat, createProject, fake, newUser, readSse, waitFor } from "./helpers.ts";

beforeEach(() => fake.reset());

describe("projects", () => {
  it("lists, renames and deletes projects, last changed first, only the caller's", async () => {
    const u = newUser();
    const a = await createProject(u, "xiaohongshu", { title: "First" });
    const b = await createProject(u, "douyin", { title: "Second" });
    await chat(u, a.id, "hello");
    const list = await u.json("/api/projects");
    expect(list.body.projects.map((p: { title: string }) => p.title)).toEqual(["First", "Second"]);
    expect(list.body.projects[0]).toMatchObject({
      preset: "xiaohongshu",
      coverUrl: null,
      updatedAt: expect.any(Number),
    });

    const renamed = await u.json(`/api/projects/${b.id}`, { title: "  Cafe opening  " }, { method: "PATCH" });
    expect(renamed).toMatchObject({ status: 200, body: { id: b.id, title: "Cafe opening" } });
    expect((await u.json(`/api/projects/${b.id}`, { title: "" }, { method: "PATCH" })).status).toBe(400);
    const stranger = newUser();
    expect(
      (await stranger.json(`/api/projects/${b.id}`, { title: "Mine" }, { method: "PATCH" })).status,
    ).toBe(404);
    expect((await stranger.json("/api/projects")).body.projects).toEqual([]);

    expect((await u.json(`/api/projects/${a.id}`, undefined, { method: "DELETE" })).body).toEqual({
      deleted: true,
    });
    expect((await u.json("/api/projects")).body.projects.map((p: { id: string }) => p.id)).toEqual([b.id]);
  });

  it("follows the platform the editor made the video for, and says so", async () => {
    const u = newUser();
    const p = await createProject(u, "xiaohongshu");
    await chat(u, p.id, "[scenario:silent-edit] add a clip");
    const { sessions } = await fake.inspect();
    const draft = sessions[0].draft as { m: Record<string, unknown> };
    await fake.setDraft(sessions[0].sessionId, { ...draft, m: { ...draft.m, preset: "weixin" } });
    const r = await chat(u, p.id, "[scenario:silent-edit] 压缩一下发微信", { "Accept-Language": "zh" });
    const notice = r.events.find((e) => e.event === "notice")?.data;
    expect(notice).toMatchObject({
      kind: "preset-changed",
      say: { key: "preset-changed", from: "xiaohongshu", to: "weixin" },
      text: expect.stringContaining("微信聊天分享"),
    });
    const got = await u.json(`/api/projects/${p.id}`);
    expect(got.body.project.preset).toBe("weixin");
    expect(got.body.transcript.at(-1)).toMatchObject({ role: "notice", say: { key: "preset-changed" } });
  });

  it("lets a page opened mid-turn follow the running turn from its start, and says when none runs", async () => {
    const u = newUser();
    const p = await createProject(u);
    const first = chat(u, p.id, "[scenario:slow] make it");
    await waitFor(async () => Object.values((await fake.inspect()).runSse).length > 0);
    expect((await u.json(`/api/projects/${p.id}`)).body.project.busy).toBe(true);
    const live = await u(`/api/projects/${p.id}/messages/live`, { headers: { Accept: "text/event-stream" } });
    expect(live.status).toBe(200);
    const { events } = await readSse(live);
    const sent = await first;
    expect(events.map((e) => e.event)).toEqual(sent.events.map((e) => e.event));
    expect(events[0].data.say).toEqual({ key: "sending" });
    expect(events.at(-1)?.event).toBe("done");
    expect((await u(`/api/projects/${p.id}/messages/live`)).status).toBe(204);
    expect((await u.json(`/api/projects/${p.id}`)).body.project.busy).toBe(false);
  });

  it("keeps what Reelsmith said as data, so it reads in either language later", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:silent-edit] add a clip");
    const state = r.events.find((e) => e.event === "state")?.data;
    expect(state.timeline.lanes).toEqual([
      { kind: "video", segments: [{ s: 0, d: 10000, label: "city timelapse" }] },
    ]);
    expect(state.diff).toEqual([
      { kind: "duration", args: [0, 10000] },
      { kind: "clipsAdded", args: [1] },
    ]);
    const { body } = await u.json(`/api/projects/${p.id}`, undefined, {
      headers: { "Accept-Language": "zh" },
    });
    expect(body.summary).toBe("时间线（1 条轨道）：1. 视频：city timelapse（0-10秒）");
    expect(body.timeline.lanes).toEqual(state.timeline.lanes);
    const reply = body.transcript.at(-1);
    expect(reply).toMatchObject({ role: "agent", text: expect.stringContaining("The edit went through") });
    expect(say(reply.say, "zh")).toBe("编辑已完成：时长 0秒 → 10秒；添加了 1 个片段");
    const status = await u.json(`/api/projects/${p.id}/messages`, { text: "show tracks" });
    expect(status.body.state.timeline).toEqual(body.timeline);
    expect((await u.json(`/api/projects/${p.id}`)).body.transcript.at(-1).say).toEqual({
      key: "timeline",
      timeline: body.timeline,
    });
  });
});
