// Timeline lanes and summary format, structured changes and their sentences, EN and ZH.
import { describe, expect, it } from "vitest";
import { type Draft, readDraft, type Segment, type Track } from "./draft.ts";
import { describeDraftChange, diffDrafts } from "./draft-diff.ts";
import { summarizeDraft, timelineOf } from "./timeline-view.ts";

const video = (...sg: Partial<Segment>[]): Track => ({
  tt: 0,
  sg: sg.map((s, i) => ({ s: i * 5000, d: 5000, ...s })),
});
const bgm = (v: number, n = "Lo-fi", d = 10000): Track => ({ tt: 1, n: "BGM", sg: [{ s: 0, d, n, v }] });
const title = (tx: string, extra: Partial<Segment> = {}): Track => ({
  tt: 7,
  sg: [{ s: 0, d: 3000, tx, role: "title", ...extra }],
});
const captions = (...lines: string[]): Track => ({
  tt: 7,
  sg: lines.map((tx, i) => ({ s: i * 2000, d: 2000, tx, role: "caption" })),
});
const draft = (t: Track[], d = 10000, m: Draft["m"] = { width: 1080, height: 1920 }): Draft => ({ t, d, m });

describe("summarizeDraft", () => {
  it("writes the documented example exactly, from an upstream-shaped draft", () => {
    const raw = {
      t: [
        { tt: 0, sg: [{ s: 0, d: 10000, n: "city timelapse" }] },
        { tt: 1, sg: [{ start: 0, duration: 10000, name: "Lo-fi", volume: 35 }] },
        { tt: 7, sg: [{ s: 0, d: 3000, text: "Urban Dreams", role: "title" }] },
      ],
      d: 10000,
      m: { width: 1080, height: 1920 },
    };
    expect(summarizeDraft(readDraft(raw))).toBe(
      'Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)',
    );
  });

  it("says empty for a draft with no tracks, whatever the upstream sent", () => {
    expect(summarizeDraft(readDraft(null))).toBe("Timeline (0 tracks): empty");
    expect(summarizeDraft(readDraft({}), "zh")).toBe("时间线（0 条轨道）：空");
  });

  it("formats seconds without a trailing .0 and keeps one decimal", () => {
    const d = draft([{ tt: 0, sg: [{ s: 0, d: 2500, n: "intro" }] }, title("Hi", { s: 1000, d: 2000 })]);
    expect(summarizeDraft(d)).toBe('Timeline (2 tracks): 1. Video: intro (0-2.5s) 2. Title: "Hi" (1-3s)');
  });

  it("names up to three clips and counts more or unnamed ones", () => {
    expect(summarizeDraft(draft([video({ n: "beach" }, { n: "sunset" })]))).toBe(
      "Timeline (1 track): 1. Video: beach, sunset (0-10s)",
    );
    expect(summarizeDraft(draft([video({ n: "a" }, { n: "b" }, { n: "c" }, { n: "d" })]))).toContain(
      "Video: 4 clips (0-20s)",
    );
    expect(summarizeDraft(draft([video({ n: "a" }, {})]))).toContain("Video: 2 clips (0-10s)");
    expect(summarizeDraft(draft([video({})]))).toContain("Video: 1 clip (0-5s)");
  });

  it("labels text tracks by role and counts many caption lines", () => {
    const d = draft([
      captions("one", "two", "three", "four", "five"),
      { tt: 7, sg: [{ s: 0, d: 4000, tx: "Sale" }] },
    ]);
    expect(summarizeDraft(d)).toBe('Timeline (2 tracks): 1. Caption: 5 lines (0-10s) 2. Text: "Sale" (0-4s)');
  });

  it("reads the role from the track name when segments carry none", () => {
    const d = draft([{ tt: 7, n: "字幕", sg: [{ s: 0, d: 1000, tx: "你好" }] }]);
    expect(summarizeDraft(d)).toContain('Caption: "你好"');
  });

  it("leaves out the volume when the draft has none and says empty for a track without segments", () => {
    const d = draft([
      { tt: 1, sg: [{ s: 0, d: 5000 }] },
      { tt: 0, sg: [] },
    ]);
    expect(summarizeDraft(d)).toBe("Timeline (2 tracks): 1. BGM: music (0-5s) 2. Video: empty");
  });

  it("writes Chinese summaries", () => {
    const d = draft([video({ n: "城市" }), bgm(0.35), title("城市之梦")]);
    expect(summarizeDraft(d, "zh")).toBe(
      "时间线（3 条轨道）：1. 视频：城市（0-5秒） 2. 背景音乐：Lo-fi（0-10秒，35%） 3. 标题：“城市之梦”（0-3秒）",
    );
  });
});

describe("describeDraftChange", () => {
  const base = draft(
    [video({ n: "a", src: "a.mp4" }, { n: "b", src: "b.mp4" }), bgm(0.35), title("A")],
    30000,
  );

  it("is empty when nothing differs", () => {
    expect(describeDraftChange(base, structuredClone(base))).toEqual([]);
  });

  it.each<[string, (d: Draft) => void, string[], string[]]>([
    ["title text", (d) => (d.t[2].sg[0].tx = "B"), ['Title changed: "A" → "B"'], ["标题已修改：“A” → “B”"]],
    ["bgm volume", (d) => (d.t[1].sg[0].v = 0.2), ["BGM volume 35% → 20%"], ["背景音乐音量 35% → 20%"]],
    ["bgm removed", (d) => d.t.splice(1, 1), ["BGM removed"], ["已移除背景音乐"]],
    [
      "bgm swapped",
      (d) => (d.t[1].sg[0].n = "Jazz"),
      ["BGM changed: Lo-fi → Jazz"],
      ["背景音乐已更换：Lo-fi → Jazz"],
    ],
    ["duration", (d) => (d.d = 15000), ["Duration 30s → 15s"], ["时长 30秒 → 15秒"]],
    ["canvas", (d) => (d.m.height = 1440), ["Canvas 1080×1920 → 1080×1440"], ["画布 1080×1920 → 1080×1440"]],
    ["title to top", (d) => (d.t[2].sg[0].st = { pos: "top" }), ["Title moved to the top"], ["标题移到顶部"]],
    ["clips removed", (d) => (d.t[0].sg = []), ["2 clips removed"], ["移除了 2 个片段"]],
    [
      "clip added",
      (d) => d.t[0].sg.push({ s: 10000, d: 5000, src: "c.mp4" }),
      ["1 clip added"],
      ["添加了 1 个片段"],
    ],
    ["clips reordered", (d) => d.t[0].sg.reverse(), ["Clips reordered"], ["片段顺序已调整"]],
    ["clip trimmed", (d) => (d.t[0].sg[1].d = 3000), ["Clip timing adjusted"], ["片段时间已调整"]],
    [
      "captions",
      (d) => d.t.push(captions("1", "2", "3", "4", "5")),
      ["Captions added (5 lines)"],
      ["已添加字幕（5 行）"],
    ],
    [
      "cards",
      (d) => d.t.push({ tt: 7, sg: [{ s: 0, d: 1, tx: "x" }] }),
      ["Text cards added (1)"],
      ["已添加文字卡片（1 张）"],
    ],
  ])("%s", (_, edit, en, zh) => {
    const after = structuredClone(base);
    edit(after);
    expect(describeDraftChange(base, after)).toEqual(en);
    expect(describeDraftChange(base, after, "zh")).toEqual(zh);
  });

  it("reports a new title with its quoted text and span", () => {
    const before = draft([video({ n: "a" })]);
    const after = draft([video({ n: "a" }), title("Paradise Found")]);
    expect(describeDraftChange(before, after)).toEqual(['Title added: "Paradise Found" (0–3s)']);
    expect(describeDraftChange(after, before)).toEqual(['Title removed: "Paradise Found"']);
    expect(describeDraftChange(before, after, "zh")).toEqual(["已添加标题：“Paradise Found”（0–3秒）"]);
  });

  it("reports title size and timing with the numbers", () => {
    const before = draft([title("T", { st: { size: 96 } })]);
    const after = draft([title("T", { st: { size: 128 }, d: 5000 })]);
    expect(describeDraftChange(before, after)).toEqual(["Title size 96 → 128", "Title timing 0–3s → 0–5s"]);
  });

  it("reports transitions added, changed and removed in words", () => {
    const plain = draft([video({ src: "a" }, { src: "b" })]);
    const faded = draft([video({ src: "a" }, { src: "b", tr: { type: "fade", d: 500 } })]);
    const slid = draft([video({ src: "a" }, { src: "b", tr: { type: "slide", d: 500 } })]);
    expect(describeDraftChange(plain, faded)).toEqual(["Transitions added: fade"]);
    expect(describeDraftChange(faded, slid)).toEqual(["Transitions: fade → slide"]);
    expect(describeDraftChange(faded, slid, "zh")).toEqual(["转场：淡入淡出 → 滑动"]);
    expect(describeDraftChange(slid, plain)).toEqual(["Transitions removed"]);
  });

  it("reports caption edits and count changes without listing every line", () => {
    const before = draft([captions("a", "b")]);
    expect(describeDraftChange(before, draft([captions("a", "c")]))).toEqual(["Captions edited"]);
    expect(describeDraftChange(before, draft([captions("a", "b", "c")]))).toEqual(["Captions 2 → 3 lines"]);
    expect(describeDraftChange(before, draft([]))).toEqual(["Captions removed"]);
  });

  it("lists several changes of one edit in a stable order", () => {
    const after = structuredClone(base);
    after.d = 15000;
    after.t[1].sg[0].v = 0.2;
    after.t[2].sg[0].tx = "B";
    expect(describeDraftChange(base, after)).toEqual([
      "Duration 30s → 15s",
      "BGM volume 35% → 20%",
      'Title changed: "A" → "B"',
    ]);
  });

  it("describes a first build from an empty draft", () => {
    const changes = describeDraftChange(readDraft(null), base);
    expect(changes).toEqual([
      "Duration 0s → 30s",
      "2 clips added",
      "BGM added: Lo-fi (35%)",
      'Title added: "A" (0–3s)',
    ]);
  });
});

describe("structured lanes and changes", () => {
  it("draws lanes from tracks, so a title with a number and a full stop stays one lane", () => {
    const view = timelineOf(draft([video({ n: "a" }, { n: "b" }), bgm(0.35), title("Top 3. Picks")]));
    expect(view).toEqual({
      duration: 10000,
      width: 1080,
      height: 1920,
      lanes: [
        {
          kind: "video",
          segments: [
            { s: 0, d: 5000, label: "a" },
            { s: 5000, d: 5000, label: "b" },
          ],
        },
        { kind: "bgm", volume: 0.35, segments: [{ s: 0, d: 10000, label: "Lo-fi" }] },
        { kind: "title", segments: [{ s: 0, d: 3000, label: "Top 3. Picks" }] },
      ],
    });
    expect(summarizeDraft(draft([title("Top 3. Picks")]))).toBe(
      'Timeline (1 track): 1. Title: "Top 3. Picks" (0-3s)',
    );
  });

  it("keeps changes as language-neutral data that renders in either language", () => {
    const before = draft([bgm(0.35), title("A")]);
    const after = draft([bgm(0.2), title("B", { st: { pos: "top" } })]);
    const diff = structuredClone(diffDrafts(before, after));
    expect(diff).toEqual([
      { kind: "bgmVolume", args: [0.35, 0.2] },
      { kind: "titleChanged", args: ["A", "B"] },
      { kind: "titleMoved", args: ["top"] },
    ]);
    expect(describeDraftChange(before, after, "zh")).toEqual([
      "背景音乐音量 35% → 20%",
      "标题已修改：“A” → “B”",
      "标题移到顶部",
    ]);
  });
});
