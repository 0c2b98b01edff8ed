// The fake upstream's chat scenarios: selection by marker, session and default, and what each one streams.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Credits, Paths, runSseBody, SessionState, UpstreamCode } from "../../core/contract.ts";
import { isReady, readDraft } from "../../core/draft.ts";
import { type FakeUpstream, startFakeUpstream } from "../fake-upstream/server.ts";
import { type Api, dataOf, eventsOf, type SseRead, textOf, upstreamApi } from "./http.ts";

describe("fake upstream chat scenarios", () => {
  let fake: FakeUpstream;
  let api: Api;
  let token: string;
  let userId: string;

  beforeAll(async () => {
    fake = await startFakeUpstream({
      config: { chunkDelayMs: 5, keepAliveMs: 20, slowReplyMs: 200, dropEditDelayMs: 150 },
    });
    api = upstreamApi(fake.url);
    ({ token, user_id: userId } = await api.token());
  });
  afterAll(() => fake.close());

  const newSession = async () => (await api.session(token)).session_id;
  const draftOf = async (sid: string) =>
    readDraft(dataOf(await api.call("GET", Paths.state(sid), { token }), SessionState).state.draft);
  const chat = async (text: string, sid?: string, stopAfterMs?: number) =>
    (await api.chat(token, sid ?? (await newSession()), text, { stopAfterMs })).stream;
  const texts = (read: SseRead) =>
    eventsOf(read).map((e) => ({ text: textOf(e), partial: e.partial === true }));
  const kinds = (read: SseRead) => [...new Set(read.items.map((i) => i.kind))];
  const credits = async () => dataOf(await api.call("GET", Paths.credits, { token }), Credits);

  it("answers plain text by default: one whole text event", async () => {
    const read = await chat("hello there");
    expect(texts(read)).toEqual([{ text: expect.stringContaining('"hello there"'), partial: false }]);
  });

  it("streams partial chunks and then the whole text on [scenario:partial], marker removed", async () => {
    const read = await chat("[scenario:partial] trim the intro");
    const all = texts(read);
    expect(all.length).toBeGreaterThan(2);
    const whole = all.at(-1);
    expect(whole?.partial).toBe(false);
    expect(all.slice(0, -1).every((t) => t.partial)).toBe(true);
    expect(
      all
        .slice(0, -1)
        .map((t) => t.text)
        .join(""),
    ).toBe(whole?.text);
    expect(whole?.text).not.toContain("[scenario");
  });

  it("applies a scenario set for one session to that session only, and a default to the rest", async () => {
    const [a, b] = [await newSession(), await newSession()];
    await fake.control.scenario("gui", a);
    expect(texts(await chat("hi", a)).at(-1)?.text).toContain("Click the Export button");
    expect(texts(await chat("hi", b)).at(-1)?.text).not.toContain("Click");
    await fake.control.scenario("error-data");
    expect(kinds(await chat("hi", b))).toEqual(["error"]);
    expect(texts(await chat("hi", a)).at(-1)?.text).toContain("Click the Export button");
    await fake.control.scenario("text");
  });

  it("speaks of GUI buttons in English and Chinese on [scenario:gui]", async () => {
    expect(texts(await chat("[scenario:gui] make it pop")).at(-1)?.text).toMatch(
      /Click the Export button.*timeline/,
    );
    expect(texts(await chat("[scenario:gui] 做一个小红书视频")).at(-1)?.text).toContain("点击导出");
  });

  it("edits silently on [scenario:silent-edit]: tool events, no text, and the state has the new draft", async () => {
    const sid = await newSession();
    const read = await chat("[scenario:silent-edit] add a clip", sid);
    const parts = eventsOf(read).flatMap((e) => e.content?.parts ?? []);
    expect(parts.map((p) => Object.keys(p)[0])).toEqual(["functionCall", "functionResponse"]);
    expect(parts[0].functionCall?.name).toBe("edit_multitrack");
    expect(texts(read).every((t) => t.text === "")).toBe(true);
    expect(isReady(await draftOf(sid))).toBe(true);
  });

  it("edits step by step: clip, BGM, title, then BGM volume", async () => {
    const sid = await newSession();
    const replies: string[] = [];
    for (let i = 0; i < 4; i++)
      replies.push(texts(await chat("[scenario:edit] next", sid)).at(-1)?.text ?? "");
    expect(replies).toEqual([
      'Done. Added the clip "city timelapse" (0–10s).',
      'Done. Added background music "Lo-fi" at 35%.',
      'Done. Added the title "Urban Dreams" (0–3s).',
      "Done. BGM volume 35% → 20%.",
    ]);
    expect((await draftOf(sid)).t.map((t) => t.tt)).toEqual([0, 1, 7]);
  });

  it("stalls on [scenario:stall] with only keep-alives in all three forms until the client gives up", async () => {
    const before = await credits();
    const read = await chat("[scenario:stall] long job", undefined, 300);
    expect(read.end).toBe("stopped");
    expect(kinds(read)).toEqual(["keepalive"]);
    expect(read.comments).toContain("keep-alive");
    expect(read.messages.map((m) => m.data)).toEqual(expect.arrayContaining(["", '{"type":"heartbeat"}']));
    await new Promise((r) => setTimeout(r, 100));
    const after = await credits();
    expect(after).toMatchObject({ frozen: 0, available: before.available - 1 });
  });

  it("cuts the socket mid-stream on [scenario:drop]; drop-edit changes the draft a bit later", async () => {
    const dropped = await chat("[scenario:drop] add music");
    expect(dropped.end).toBe("dropped");
    expect(eventsOf(dropped).length).toBeGreaterThan(0);
    const sid = await newSession();
    expect((await chat("[scenario:drop-edit] add music", sid)).end).toBe("dropped");
    expect(isReady(await draftOf(sid))).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect(isReady(await draftOf(sid))).toBe(true);
  });

  it("ends with an error on [scenario:error-code] and [scenario:error-data]", async () => {
    const coded = await chat("[scenario:error-code] x");
    expect(coded.items).toEqual([expect.objectContaining({ kind: "error", code: "INTERNAL_ERROR" })]);
    const data = await chat("[scenario:error-data] x");
    expect(data.items).toEqual([{ kind: "error", message: "Internal server error" }]);
    expect([coded.end, data.end]).toEqual(["closed", "closed"]);
  });

  it("adds a trailing temporary-issue text after a normal reply on [scenario:temporary-issue]", async () => {
    const all = texts(await chat("[scenario:temporary-issue] hi")).filter((t) => !t.partial);
    expect(all.map((t) => t.text)).toEqual([
      expect.stringContaining("I can trim clips"),
      "I encountered a temporary issue. Please try again.",
    ]);
  });

  it("streams many timed messages on [scenario:long]: partials, whole texts with their send time, tools, keep-alives", async () => {
    await fake.control.config({ longMessages: 12 });
    const before = Date.now();
    const read = await chat("[scenario:long] tell me everything");
    await fake.control.config({ longMessages: 200 });
    const whole = texts(read).filter((t) => !t.partial && t.text);
    expect(whole.map((t) => t.text.replace(/, sent at .*$/, ""))).toEqual(
      Array.from({ length: 12 }, (_, i) => `Part ${i + 1} of 12`),
    );
    const sentAt = whole.map((t) => Number(/sent at ([\d.]+)\.$/.exec(t.text)?.[1]));
    expect(sentAt.every((t, i) => t >= before && (i === 0 || t >= sentAt[i - 1]))).toBe(true);
    expect(texts(read).filter((t) => t.partial).length).toBeGreaterThanOrEqual(24);
    const calls = eventsOf(read).filter((e) => e.content?.parts?.some((p) => p.functionCall));
    expect(calls).toHaveLength(1);
    expect(kinds(read)).toContain("keepalive");
  });

  it("sends keep-alives before a late reply on [scenario:slow]", async () => {
    const started = Date.now();
    const read = await chat("[scenario:slow] hi");
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(read.items[0].kind).toBe("keepalive");
    expect(read.items.at(-1)?.kind).toBe("event");
  });

  it("refuses an unknown scenario marker", async () => {
    const { res } = await api.chat(token, await newSession(), "[scenario:nope] hi");
    expect(res.status).toBe(422);
  });

  it("answers 2001 before streaming when the credits are gone, and counts /run_sse calls per session", async () => {
    const sid = await newSession();
    await fake.control.setCredits({ userId, available: 0 });
    const refused = await api.call("POST", Paths.runSse, { token, json: runSseBody(sid, "hi") });
    expect(refused.envelope).toMatchObject({ ok: false, code: UpstreamCode.OutOfCredits });
    await fake.control.setCredits({ userId, available: 100 });
    await chat("hi", sid);
    expect((await fake.control.inspect()).runSse[sid]).toBe(2);
  });
});
