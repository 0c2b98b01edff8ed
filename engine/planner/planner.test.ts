// The planner against a table of English, Chinese and mixed instructions, asserting the drafts they produce.
import { describe, expect, it } from "vitest";
import { type Draft, emptyDraft, type Segment, TrackType } from "../../core/draft.ts";
import type { MediaItem, PlanResult } from "../types.ts";
import { planTurn } from "./index.ts";
import { layoutDraft } from "./layout.ts";
import { readSpec } from "./read-spec.ts";

const MB = 1024 * 1024;
const url = (file: string) => `http://127.0.0.1:8790/files/media/s1/${file}`;
const photo = (n: number, filename = `IMG_000${n}.jpg`): MediaItem => ({
  id: `p${n}`,
  filename,
  kind: "image",
  path: `/data/media/s1/p${n}.jpg`,
  url: url(`p${n}.jpg`),
  width: 3024,
  height: 4032,
});
const clip = (n: number, seconds: number, size: [number, number] = [1080, 1920]): MediaItem => ({
  id: `c${n}`,
  filename: `VID_000${n}.mp4`,
  kind: "video",
  path: `/data/media/s1/c${n}.mp4`,
  url: url(`c${n}.mp4`),
  duration: seconds,
  width: size[0],
  height: size[1],
  fps: 30,
  hasAudio: true,
});
const SONG: MediaItem = {
  id: "a1",
  filename: "summer-song.mp3",
  kind: "audio",
  path: "/d/a1.mp3",
  url: url("a1.mp3"),
  duration: 95,
};
const PHOTOS = [photo(1, "beach-sunset.jpg"), photo(2), photo(3)];

interface Turned {
  results: PlanResult[];
  draft: Draft;
  history: Draft[];
}

/** Runs turns the way the engine's server records them: an edit pushes history, an undo pops it. */
function converse(turns: string[], media: MediaItem[] = PHOTOS, presetId?: string): Turned {
  let draft = emptyDraft();
  let history: Draft[] = [];
  const results = turns.map((instruction) => {
    const r = planTurn({ draft, instruction, media, history, presetId });
    if (r.undo) [draft, history] = [history.at(-1) ?? emptyDraft(), history.slice(0, -1)];
    else if (r.changed) [draft, history] = [r.draft, [...history, draft]];
    return r;
  });
  return { results, draft, history };
}

const track = (d: Draft, tt: number) => d.t.find((t) => t.tt === tt);
const shots = (d: Draft) => track(d, TrackType.Video)?.sg ?? [];
const texts = (d: Draft, role: Segment["role"]) =>
  d.t
    .filter((t) => t.tt === TrackType.Text)
    .flatMap((t) => t.sg)
    .filter((s) => s.role === role);
const title = (d: Draft) => texts(d, "title")[0];
const bgm = (d: Draft) => track(d, TrackType.Audio)?.sg[0];
const lengths = (d: Draft) => shots(d).map((s) => s.d);

interface Row {
  text: string;
  media?: MediaItem[];
  preset?: string;
  /** earlier turns of the same conversation */
  before?: string[];
  check: (r: PlanResult, d: Draft) => void;
}

const BUILT = 'make a vertical video with the title "Beach Day" and background music';

const ROWS: Row[] = [
  // ── first drafts: canvas, length, shots ──
  {
    text: "create a vertical Xiaohongshu video with text overlays and background music",
    check: (r, d) => {
      expect([d.m.width, d.m.height, d.m.preset]).toEqual([1080, 1920, "xiaohongshu"]);
      expect(lengths(d)).toEqual([3000, 3000, 3000]);
      expect(shots(d).map((s) => s.k)).toEqual(["image", "image", "image"]);
      expect(title(d)).toMatchObject({ tx: "Beach Sunset", s: 0, d: 3000, st: { size: 96, pos: "center" } });
      expect(bgm(d)).toMatchObject({ k: "synth", mood: "lofi", v: 0.35, fo: 2000, d: 9000 });
      expect(r.reply).toContain('from the file name "beach-sunset"');
      expect(r.tool?.name).toBe("edit_multitrack");
    },
  },
  {
    text: "把这段视频压缩一下发微信",
    media: [clip(1, 45)],
    check: (r, d) => {
      expect([d.m.width, d.m.height, d.m.preset, d.m.budget]).toEqual([1080, 1920, "weixin", 25 * MB]);
      expect(d.d).toBe(45000);
      expect(shots(d)[0]).toMatchObject({ k: "video", in: 0, d: 45000, v: 1 });
      expect(r.reply).toMatch(/^已完成：.*25 MB/);
      expect(r.tool?.args.budget_bytes).toBe(25 * MB);
    },
  },
  {
    text: "compress this to send on WeChat",
    media: [clip(1, 20, [3840, 2160])],
    check: (_r, d) => expect([d.m.width, d.m.height, d.m.budget]).toEqual([1920, 1080, 25 * MB]),
  },
  {
    text: "turn these images and script into a 30-second promotional video",
    check: (r, d) => {
      expect(d.d).toBe(30000);
      expect(lengths(d)).toEqual([10000, 10000, 10000]);
      expect(texts(d, "caption")).toHaveLength(0);
      expect(r.reply).toContain("found no script text");
    },
  },
  {
    text: "turn these images and script into a 30-second promotional video\nFresh beans every morning.\nRoasted in small batches.\nVisit us on Main Street.",
    check: (_r, d) => {
      const caps = texts(d, "caption");
      expect(caps.map((c) => [c.tx, c.s, c.d])).toEqual([
        ["Fresh beans every morning.", 0, 10000],
        ["Roasted in small batches.", 10000, 10000],
        ["Visit us on Main Street.", 20000, 10000],
      ]);
      expect(caps[0].st).toMatchObject({ pos: "bottom", size: 56, box: true });
    },
  },
  {
    text: "做一个小红书竖屏视频，加标题和背景音乐",
    check: (r, d) => {
      expect([d.m.width, d.m.height]).toEqual([1080, 1920]);
      expect(title(d).tx).toBe("Beach Sunset");
      expect(bgm(d)).toMatchObject({ k: "synth", v: 0.35 });
      expect(r.reply).toMatch(/^已完成：画面 1080×1920（9:16，小红书）/);
      expect(r.reply).toContain("取自文件名");
    },
  },
  { text: "make a square video", check: (_r, d) => expect([d.m.width, d.m.height]).toEqual([1080, 1080]) },
  { text: "做成方形的", check: (_r, d) => expect([d.m.width, d.m.height]).toEqual([1080, 1080]) },
  {
    text: "小红书 3:4 的图文视频",
    check: (_r, d) => expect([d.m.width, d.m.height, d.m.preset]).toEqual([1080, 1440, "xiaohongshu"]),
  },
  {
    text: "landscape video for Bilibili",
    check: (_r, d) => expect([d.m.width, d.m.height, d.m.preset]).toEqual([1920, 1080, "bilibili"]),
  },
  { text: "做一个B站横屏视频", check: (_r, d) => expect([d.m.width, d.m.height]).toEqual([1920, 1080]) },
  { text: "make a 16:9 video", check: (_r, d) => expect([d.m.width, d.m.height]).toEqual([1920, 1080]) },
  {
    text: "make a TikTok",
    media: [clip(1, 40)],
    check: (_r, d) => {
      expect([d.m.width, d.m.height, d.m.preset]).toEqual([1080, 1920, "tiktok"]);
      expect(shots(d)[0].d).toBe(15000);
    },
  },
  {
    text: "make a 1 minute video",
    media: [clip(1, 40), clip(2, 40)],
    check: (r, d) => {
      expect(lengths(d)).toEqual([30000, 30000]);
      expect(r.reply).toContain("2 clips (2 trimmed to fit)");
    },
  },
  { text: "一分钟的视频", media: [clip(1, 40), clip(2, 40)], check: (_r, d) => expect(d.d).toBe(60000) },
  { text: "做个半分钟的视频", check: (_r, d) => expect(lengths(d)).toEqual([10000, 10000, 10000]) },
  { text: "做一个三十秒的视频", check: (_r, d) => expect(d.d).toBe(30000) },
  {
    text: "make a 20-second video",
    media: [clip(1, 8), photo(1), photo(2)],
    check: (_r, d) =>
      expect(shots(d).map((s) => [s.k, s.s, s.d])).toEqual([
        ["video", 0, 8000],
        ["image", 8000, 6000],
        ["image", 14000, 6000],
      ]),
  },
  {
    text: "make it 60 seconds",
    media: [clip(1, 20)],
    check: (r, d) => {
      expect(d.d).toBe(20000);
      expect(r.reply).toContain("Your clips add up to 20 s");
    },
  },
  {
    text: "join these clips",
    media: [clip(1, 30), clip(2, 30), clip(3, 30)],
    preset: "clips-to-video",
    check: (_r, d) => {
      expect(shots(d).map((s) => [s.s, s.d, s.tr?.type])).toEqual([
        [0, 20333, undefined],
        [19833, 20333, "fade"],
        [39666, 20334, "fade"],
      ]);
      expect(d.d).toBe(60000);
    },
  },
  // ── transitions ──
  {
    text: "make it 30s with slide transitions",
    check: (_r, d) => {
      expect(shots(d).map((s) => [s.s, s.d, s.tr])).toEqual([
        [0, 10333, undefined],
        [9833, 10333, { type: "slide", d: 500 }],
        [19666, 10334, { type: "slide", d: 500 }],
      ]);
      expect(d.d).toBe(30000);
    },
  },
  { text: "add transitions", check: (_r, d) => expect(shots(d)[1].tr).toEqual({ type: "fade", d: 500 }) },
  { text: "加转场", check: (_r, d) => expect(shots(d)[2].tr?.type).toBe("fade") },
  { text: "转场用擦除", check: (_r, d) => expect(shots(d)[1].tr?.type).toBe("wipe") },
  { text: "zoom transitions please", check: (_r, d) => expect(shots(d)[1].tr?.type).toBe("zoom") },
  {
    text: "1 second crossfade between photos",
    check: (_r, d) => expect(shots(d)[1].tr).toEqual({ type: "fade", d: 1000 }),
  },
  // ── titles and text ──
  {
    text: 'add the title "Summer Vibes"',
    check: (_r, d) => expect([title(d).tx, d.m.title]).toEqual(["Summer Vibes", "Summer Vibes"]),
  },
  {
    text: "加标题「夏日海边」",
    check: (r, d) => expect([title(d).tx, r.reply.includes("标题“夏日海边”")]).toEqual(["夏日海边", true]),
  },
  {
    text: "title: Grand Opening, make it square",
    check: (_r, d) => expect([title(d).tx, d.m.width]).toEqual(["Grand Opening", 1080]),
  },
  {
    text: 'add text "Fresh" and "Local"',
    check: (_r, d) => {
      expect(title(d).tx).toBe("Fresh");
      expect(texts(d, "caption").map((s) => [s.tx, s.s, s.d, s.st?.pos])).toEqual([
        ["Local", 3000, 6000, "center"],
      ]);
    },
  },
  {
    text: "a video about our coffee shop with a title",
    check: (r, d) =>
      expect([title(d).tx, r.reply.includes("from your message")]).toEqual(["Coffee Shop", true]),
  },
  // ── music, sound, size ──
  {
    text: "标题：周末市集，配上欢快的音乐",
    check: (_r, d) => {
      expect(title(d).tx).toBe("周末市集");
      expect(bgm(d)).toMatchObject({ k: "synth", mood: "upbeat", n: "Upbeat" });
    },
  },
  {
    text: "add background music",
    media: [...PHOTOS, SONG],
    check: (r, d) => {
      expect(bgm(d)).toMatchObject({ k: "audio", src: SONG.url, n: "summer-song", v: 0.35, fo: 2000 });
      expect(shots(d)).toHaveLength(3);
      expect(r.reply).toContain('your "summer-song" at 35%');
    },
  },
  { text: "add calm music", check: (_r, d) => expect(bgm(d)).toMatchObject({ k: "synth", mood: "calm" }) },
  { text: "配一段大气的背景音乐", check: (_r, d) => expect(bgm(d)?.mood).toBe("cinematic") },
  {
    text: "mute the original sound and add lo-fi music",
    media: [clip(1, 12)],
    check: (_r, d) => {
      expect(shots(d)[0].v).toBe(0);
      expect(bgm(d)?.mood).toBe("lofi");
    },
  },
  {
    text: "compress it under 20MB",
    check: (r, d) => expect([d.m.budget, r.reply.includes("under 20 MB")]).toEqual([20 * MB, true]),
  },
  { text: "压缩到10M以内", check: (_r, d) => expect(d.m.budget).toBe(10 * MB) },
  // ── mixed languages ──
  {
    text: "加个 title “Summer Vibes”, 然后 add lo-fi music",
    check: (_r, d) => expect([title(d).tx, bgm(d)?.mood]).toEqual(["Summer Vibes", "lofi"]),
  },
  {
    text: "make it 竖屏, 30秒",
    check: (_r, d) => expect([d.m.width, d.m.height, d.d]).toEqual([1080, 1920, 30000]),
  },
  {
    text: "标题 bigger 一点",
    before: [BUILT],
    check: (r, d) => expect([title(d).st?.size, r.reply]).toEqual([120, "已完成：标题字号 96 → 120。"]),
  },
  // ── no media: animated text cards ──
  {
    text: "promo from this script: Fresh beans every morning. Roasted in small batches. Visit us on Main Street.",
    media: [],
    check: (r, d) => {
      expect(shots(d).map((s) => [s.k, s.bg?.length, s.tr?.type])).toEqual([
        ["color", 2, undefined],
        ["color", 2, "fade"],
        ["color", 2, "fade"],
      ]);
      expect(texts(d, "card").map((s) => s.tx)).toEqual([
        "Fresh beans every morning.",
        "Roasted in small batches.",
        "Visit us on Main Street.",
      ]);
      expect(r.reply).toContain("3 animated text cards");
    },
  },
  {
    text: "把这段文案做成30秒竖屏视频：春天来了。花都开了。出去走走吧。",
    media: [],
    check: (r, d) => {
      expect(texts(d, "card").map((s) => [s.tx, s.st?.pos])).toEqual([
        ["春天来了。", "center"],
        ["花都开了。", "center"],
        ["出去走走吧。", "center"],
      ]);
      expect(d.d).toBe(30000);
      expect(r.reply).toContain("3 张动态文字卡片");
    },
  },
  // ── follow-up edits ──
  {
    text: "make the title bigger",
    before: [BUILT],
    check: (r, d) => expect([title(d).st?.size, r.reply]).toEqual([120, "Done: title size 96 → 120 px."]),
  },
  { text: "标题大一点", before: [BUILT], check: (_r, d) => expect(title(d).st?.size).toBe(120) },
  { text: "make the title smaller", before: [BUILT], check: (_r, d) => expect(title(d).st?.size).toBe(77) },
  {
    text: "move it to the top",
    before: [BUILT],
    check: (r, d) => expect([title(d).st?.pos, r.reply]).toEqual(["top", "Done: title moved to the top."]),
  },
  {
    text: "放到底部",
    before: [BUILT],
    check: (r, d) => expect([title(d).st?.pos, r.reply]).toEqual(["bottom", "已完成：标题移到底部。"]),
  },
  {
    text: "字幕放到顶部",
    before: ["make a video with captions\nHello there.\nSee you soon."],
    check: (_r, d) => expect(texts(d, "caption").map((s) => s.st?.pos)).toEqual(["top", "top"]),
  },
  {
    text: "remove the music",
    before: [BUILT],
    check: (r, d) => expect([bgm(d), r.tool?.args.music]).toEqual([undefined, null]),
  },
  {
    text: "去掉音乐",
    before: [BUILT],
    check: (r, d) => expect([bgm(d), r.reply]).toEqual([undefined, "已完成：已去掉背景音乐。"]),
  },
  {
    text: "music 20%",
    before: [BUILT],
    check: (r, d) => expect([bgm(d)?.v, r.reply]).toEqual([0.2, "Done: music volume 35% → 20%."]),
  },
  { text: "音乐音量20%", before: [BUILT], check: (_r, d) => expect(bgm(d)?.v).toBe(0.2) },
  { text: "背景音乐调到百分之五十", before: [BUILT], check: (_r, d) => expect(bgm(d)?.v).toBe(0.5) },
  { text: "make the music quieter", before: [BUILT], check: (_r, d) => expect(bgm(d)?.v).toBe(0.2) },
  {
    text: "make it 15 seconds",
    before: [BUILT],
    check: (r, d) => {
      expect(lengths(d)).toEqual([5000, 5000, 5000]);
      expect([d.d, bgm(d)?.d, title(d).d]).toEqual([15000, 15000, 3000]);
      expect(r.reply).toBe("Done: length 9 s → 15 s; 3 photos, 5 s each.");
    },
  },
  { text: "改成15秒", before: [BUILT], check: (_r, d) => expect(d.d).toBe(15000) },
  {
    text: "change the title to 'Paradise Found'",
    before: [BUILT],
    check: (r, d) =>
      expect([title(d).tx, d.m.title, r.reply]).toEqual([
        "Paradise Found",
        "Paradise Found",
        'Done: title "Beach Day" → "Paradise Found".',
      ]),
  },
  { text: "标题改成“海边假期”", before: [BUILT], check: (_r, d) => expect(title(d).tx).toBe("海边假期") },
  {
    text: "use wipe instead of fade",
    before: ["add fade transitions"],
    check: (_r, d) => expect(shots(d)[1].tr?.type).toBe("wipe"),
  },
  {
    text: "去掉转场",
    before: ["add transitions"],
    check: (_r, d) => expect(shots(d).some((s) => s.tr)).toBe(false),
  },
  // ── undo ──
  {
    text: "undo",
    before: [BUILT, "music 20%"],
    check: (r, d) => {
      expect([r.undo, r.changed, bgm(d)?.v]).toEqual([true, true, 0.35]);
      expect(r.reply).toBe("Undid the last edit: music volume 20% → 35%.");
    },
  },
  {
    text: "撤销",
    before: [BUILT, "make the title bigger"],
    check: (r, d) => expect([r.undo, title(d).st?.size]).toEqual([true, 96]),
  },
  {
    text: "undo",
    check: (r) =>
      expect([r.undo, r.changed, r.tool, r.reply]).toEqual([
        undefined,
        false,
        null,
        "There's nothing to undo yet.",
      ]),
  },
  // ── what it cannot do ──
  {
    text: "generate a video of a dragon",
    check: (r) =>
      expect([r.changed, r.tool, r.reply.startsWith("Sorry, I can't generate new footage")]).toEqual([
        false,
        null,
        true,
      ]),
  },
  {
    text: "add 3D effects",
    check: (r) => expect([r.changed, r.tool, r.reply.includes("3D effects")]).toEqual([false, null, true]),
  },
  {
    text: "生成一条龙在天上飞的视频",
    check: (r) => expect([r.changed, r.tool, r.reply.startsWith("抱歉")]).toEqual([false, null, true]),
  },
  {
    text: "asdfgh qwerty zxcv",
    check: (r) =>
      expect([r.changed, r.tool, r.reply.startsWith("I didn't find an edit")]).toEqual([false, null, true]),
  },
  {
    text: "remove the music",
    before: ["make a square video"],
    check: (r) => expect([r.changed, r.reply]).toEqual([false, "There's no background music to change."]),
  },
  {
    text: "create a vertical video with music",
    media: [],
    check: (r) =>
      expect([r.changed, r.reply.startsWith("There's nothing to edit yet")]).toEqual([false, true]),
  },
  {
    text: "send me the video",
    before: [BUILT],
    check: (r, d) => {
      expect([r.changed, r.tool, r.reply]).toEqual([
        false,
        null,
        "Your video is ready to export (1080×1920, 9 s); ask for the export and the MP4 will be rendered.",
      ]);
      expect(title(d).tx).toBe("Beach Day");
    },
  },
  {
    text: "add music and a 3D spinning logo",
    check: (r, d) =>
      expect([bgm(d)?.k, r.reply.endsWith("I can't add 3D effects here.")]).toEqual(["synth", true]),
  },
];

describe("planTurn instruction table", () => {
  it("has at least 40 rows", () => expect(ROWS.length).toBeGreaterThanOrEqual(40));

  it.each(ROWS.map((row) => [row.text.split("\n")[0], row] as const))("%s", (_name, row) => {
    const media = row.media ?? PHOTOS;
    const { results, draft } = converse([...(row.before ?? []), row.text], media, row.preset);
    const result = results.at(-1) as PlanResult;
    row.check(result, result.changed ? result.draft : draft);
  });
});

describe("a conversation", () => {
  it("builds, edits, undoes and edits again, with history the way the server keeps it", () => {
    const turns = [
      "做一个小红书竖屏视频，加标题和背景音乐",
      "标题改成「周末去海边」",
      "标题大一点",
      "放到顶部",
      "音乐音量20%",
      "改成15秒",
      "撤销",
      "去掉音乐",
      "undo",
    ];
    const { results, draft, history } = converse(turns);
    expect(results.map((r) => r.changed)).toEqual(Array(turns.length).fill(true));
    expect(results.map((r) => r.undo === true)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(results[6].reply).toBe("已撤销上一步：时长 15 秒 → 9 秒；3 张照片，每张 3 秒。");
    expect(title(draft)).toMatchObject({ tx: "周末去海边", st: { size: 120, pos: "top" } });
    expect([draft.d, bgm(draft)?.v]).toEqual([9000, 0.2]);
    expect(history).toHaveLength(5);
  });

  it("turns earlier cards into captions when media arrives and a video is asked for", () => {
    const cards = converse(["make a promo from this script:\nOpen daily.\nFresh bread."], []);
    const r = planTurn({
      draft: cards.draft,
      instruction: "make a video with these photos",
      media: PHOTOS,
      history: cards.history,
    });
    expect(shots(r.draft).map((s) => s.k)).toEqual(["image", "image", "image"]);
    expect(texts(r.draft, "caption").map((s) => s.tx)).toEqual(["Open daily.", "Fresh bread."]);
  });
});

describe("planner invariants", () => {
  it("answers the same input with the same output", () => {
    const input = {
      draft: emptyDraft(),
      instruction: "make a 30s vertical video with fade transitions, title 'A' and music",
      media: PHOTOS,
      history: [],
    };
    expect(planTurn(input)).toEqual(planTurn(structuredClone(input)));
  });

  it("reads back every draft it lays out unchanged", () => {
    for (const row of ROWS) {
      const { draft } = converse([...(row.before ?? []), row.text], row.media ?? PHOTOS, row.preset);
      if (draft.t.length) expect(layoutDraft(readSpec(draft, row.media ?? PHOTOS))).toEqual(draft);
    }
  });

  it("keeps the input draft object when nothing changed", () => {
    const { draft } = converse([BUILT]);
    const r = planTurn({ draft, instruction: "add background music", media: PHOTOS, history: [] });
    expect([r.changed, r.tool, r.draft]).toEqual([false, null, draft]);
  });
});
