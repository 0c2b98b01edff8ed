// The chat normalizer over realistic ADK /run_sse streams: partial chunks, tools, GUI-speak, temporary issues, errors.
import { describe, expect, it } from "vitest";
import { type ChatEvent, createChatNormalizer, noticeEvent, stateEvent } from "./chat-events.ts";
import { classifyStreamData } from "./contract.ts";
import { readDraft } from "./draft.ts";
import type { Lang } from "./errors.ts";
import { say } from "./say.ts";

let seq = 0;
const adk = (role: string, parts: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    content: { role, parts },
    author: "nemo_agent",
    invocationId: "e-1",
    id: `ev-${++seq}`,
    timestamp: 1743712257.39 + seq,
    actions: { stateDelta: {}, artifactDelta: {} },
    ...extra,
  });
const chunk = (text: string) => adk("model", [{ text }], { partial: true });
const reply = (text: string) => adk("model", [{ text }]);
const call = (name: string, args = {}) => adk("model", [{ functionCall: { id: `c-${name}`, name, args } }]);
const response = (name: string, result = { ok: true }) =>
  adk("user", [{ functionResponse: { id: `c-${name}`, name, response: result } }]);

/** Feeds raw `data:` payloads as the relay would and collects every event, finish() included. */
function run(lines: string[], lang: Lang = "en", ctx = {}) {
  const n = createChatNormalizer(lang, ctx);
  const events: ChatEvent[] = lines.flatMap((line) => n.push(classifyStreamData(line)));
  const outcome = n.finish();
  return { events: [...events, ...outcome.events], outcome };
}
const texts = (events: ChatEvent[]) => events.flatMap((e) => (e.type === "text" ? [e.text] : []));

describe("createChatNormalizer", () => {
  it("shows streamed text once: partial chunks are held and the aggregate is sent", () => {
    const { events, outcome } = run([
      chunk("I've added "),
      chunk("the title "),
      chunk('"Paradise Found".'),
      reply('I\'ve added the title "Paradise Found".'),
    ]);
    expect(events).toEqual([{ type: "text", text: 'I\'ve added the title "Paradise Found".' }]);
    expect(outcome).toMatchObject({
      text: 'I\'ve added the title "Paradise Found".',
      sawText: true,
      sawTools: false,
    });
  });

  it("shows the whole text when the upstream does not stream", () => {
    const { events } = run([reply("Sure — here is a plan for your video.")]);
    expect(texts(events)).toEqual(["Sure — here is a plan for your video."]);
  });

  it("sends held chunks at the end when the aggregate never comes", () => {
    const { events, outcome } = run([chunk("Working on "), chunk("it.")]);
    expect(texts(events)).toEqual(["Working on it."]);
    expect(outcome.sawText).toBe(true);
  });

  it("ignores keep-alives, heartbeats and unreadable lines", () => {
    const { events } = run(["", '{"type":"heartbeat"}', "not json", reply("Hi.")]);
    expect(events).toEqual([{ type: "text", text: "Hi." }]);
  });

  it("turns a tool-only edit into status words and reports no text, so the relay reads the state", () => {
    const { events, outcome } = run([
      call("analyze_media"),
      response("analyze_media"),
      call("edit_multitrack", { op: "set_volume" }),
      response("edit_multitrack"),
    ]);
    expect(events).toEqual([
      { type: "status", text: "Analyzing your media…", say: { key: "tool", tool: "analyze_media" } },
      { type: "status", text: "Editing the timeline…", say: { key: "tool", tool: "edit_multitrack" } },
    ]);
    expect(outcome).toMatchObject({ sawTools: true, sawText: false, text: "" });
  });

  it("announces the two generation stages in Chinese", () => {
    const { events } = run(
      [call("generate_video"), response("generate_video"), call("generate_music"), reply("视频已生成。")],
      "zh",
    );
    expect(events).toEqual([
      { type: "status", text: "正在生成视频…", say: { key: "tool", tool: "generate_video" } },
      { type: "status", text: "原始视频已生成，正在自动添加音乐、标题和特效…", say: { key: "stage-two" } },
      { type: "status", text: "正在创作音乐…", say: { key: "tool", tool: "generate_music" } },
      { type: "text", text: "视频已生成。" },
    ]);
  });

  it("names unknown tools in words", () => {
    const tool = (name: string, lang: Lang) => say({ key: "tool", tool: name }, lang);
    expect(tool("resize_canvas", "en")).toBe("Resize canvas…");
    expect(tool("addTextOverlay", "en")).toBe("Add text overlay…");
    expect(tool("resize_canvas", "zh")).toBe("正在执行：resize canvas…");
  });

  it("replaces GUI-speak with actions, once each", () => {
    const { events, outcome } = run([
      reply("Music added at 35%. Preview it in the timeline, then click Export."),
      reply("Title added. Click Export to download."),
    ]);
    expect(events).toEqual([
      { type: "text", text: "Music added at 35%." },
      { type: "action", action: "show-timeline" },
      { type: "action", action: "export" },
      { type: "text", text: "Title added." },
    ]);
    expect(outcome.text).toBe("Music added at 35%.\n\nTitle added.");
  });

  it("sends only the action when the whole reply was a GUI instruction", () => {
    const { events, outcome } = run([reply("点击导出按钮即可下载。")], "zh");
    expect(events).toEqual([{ type: "action", action: "export" }]);
    expect(outcome.sawText).toBe(false);
  });

  it("suppresses a trailing temporary-issue message after a normal reply, as its own event or inside it", () => {
    const separate = run([
      reply("The title is now at the top."),
      reply("I encountered a temporary issue. Please try again."),
    ]);
    expect(texts(separate.events)).toEqual(["The title is now at the top."]);
    const inline = run([
      reply("BGM volume set to 20%.\n\nI encountered a temporary issue, please try again later."),
    ]);
    expect(texts(inline.events)).toEqual(["BGM volume set to 20%."]);
    const zh = run([reply("背景音乐已移除。抱歉，我遇到了一个临时问题，请稍后再试。")], "zh");
    expect(texts(zh.events)).toEqual(["背景音乐已移除。"]);
  });

  it("suppresses the temporary-issue message after a tool-only edit", () => {
    const { events } = run([
      call("edit_multitrack"),
      response("edit_multitrack"),
      reply("I encountered a temporary issue."),
    ]);
    expect(texts(events)).toEqual([]);
  });

  it("keeps the temporary-issue message when it is the only news", () => {
    const { events } = run([reply("I encountered a temporary issue. Please try again.")]);
    expect(texts(events)).toEqual(["I encountered a temporary issue. Please try again."]);
  });

  it("keeps a reply that merely mentions an issue", () => {
    const text = "The clip had a temporary issue with sound, so I muted it.";
    expect(texts(run([reply(text)]).events)).toEqual([text]);
  });

  it("turns an errorCode event into a catalogue error with the registration link", () => {
    const line = JSON.stringify({
      errorCode: 2001,
      errorMessage: "insufficient credits",
      invocationId: "e-1",
    });
    const { events } = run([chunk("Generating"), line], "en", { userId: "anon_5" });
    expect(events[0]).toEqual({
      type: "error",
      code: "out_of_credits",
      message: "You are out of credits.",
      hint: "Register for free to get more credits.",
      action: { kind: "register", url: "https://nemovideo.com/register?bind=anon_5" },
    });
  });

  it('turns data: {"error"} into an upstream error, in Chinese', () => {
    const { events } = run(['{"error":"internal agent failure"}'], "zh");
    expect(events).toEqual([
      {
        type: "error",
        code: "upstream_unavailable",
        message: "视频服务出现了问题。",
        hint: "请稍后重试。",
        action: { kind: "retry" },
      },
    ]);
  });

  it("does not show the user's own turn or function-response text", () => {
    const { events } = run([adk("user", [{ text: "make it 15 seconds" }]), reply("Done: 15 seconds.")]);
    expect(texts(events)).toEqual(["Done: 15 seconds."]);
  });
});

describe("notices and state", () => {
  it("words notices in both languages", () => {
    expect(noticeEvent({ key: "notice", notice: "session-reset" }, "en")).toEqual({
      type: "notice",
      kind: "session-reset",
      text: "Your editing session expired, so a new one was started. The earlier edit history is gone.",
      say: { key: "notice", notice: "session-reset" },
    });
    expect(noticeEvent({ key: "notice", notice: "still-working" }, "zh")).toMatchObject({
      kind: "still-working",
      text: "仍在处理中…生成可能需要几分钟。",
    });
    expect(noticeEvent({ key: "preset-changed", from: "xiaohongshu", to: "weixin" }, "zh")).toMatchObject({
      kind: "preset-changed",
      text: expect.stringContaining("微信聊天分享"),
    });
  });

  it("builds the state event from the drafts before and after a silent edit", () => {
    const before = readDraft({ t: [{ tt: 1, sg: [{ s: 0, d: 10000, n: "Lo-fi", v: 0.35 }] }], d: 10000 });
    const after = readDraft({ t: [{ tt: 1, sg: [{ s: 0, d: 10000, n: "Lo-fi", v: 0.2 }] }], d: 10000 });
    expect(stateEvent(before, after, "en")).toEqual({
      type: "state",
      summary: "Timeline (1 track): 1. BGM: Lo-fi (0-10s, 20%)",
      changes: ["BGM volume 35% → 20%"],
      timeline: {
        duration: 10000,
        lanes: [{ kind: "bgm", volume: 0.2, segments: [{ s: 0, d: 10000, label: "Lo-fi" }] }],
      },
      diff: [{ kind: "bgmVolume", args: [0.35, 0.2] }],
    });
  });
});
