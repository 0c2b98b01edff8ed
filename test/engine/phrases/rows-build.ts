// Phrase table: first drafts, platforms and shapes, length and pace, size budgets — in English, Chinese and both.
import { expect } from "vitest";
import { bgm, captions, lengths, MB, names, shots, texts, title } from "./fixtures.ts";
import { type Row, row } from "./row.ts";

const size = (w: number, h: number) => (d: { m: { width?: number; height?: number } }) =>
  expect([d.m.width, d.m.height]).toEqual([w, h]);

export const BUILD_ROWS: Row[] = [
  // ── the product's own reference sentences ──
  row(
    "create a vertical Xiaohongshu video with text overlays and background music",
    ["en"],
    ["1080×1920", /title "Little things I love ✨"/, "background music", "hook line"],
    (d) => {
      size(1080, 1920)(d);
      expect(d.m.preset).toBe("xiaohongshu");
      expect(title(d)).toMatchObject({ tx: "Little things I love ✨", st: { style: "plate" } });
      expect(title(d).tx).not.toMatch(/beach|img/i);
      expect(bgm(d)).toMatchObject({ k: "synth", mood: "warm", v: 1, fi: 1000, fo: 2000 });
      expect(shots(d)[1].tr).toEqual({ type: "fade", d: 500 });
    },
  ),
  row("做一个小红书竖屏视频，配上文字和背景音乐", ["zh"], ["1080×1920", "今日好物分享", "背景音乐"], (d) => {
    expect(title(d).tx).toBe("今日好物分享 ✨");
    expect(bgm(d)?.k).toBe("synth");
  }),
  row(
    "把这段视频压缩一下发微信",
    ["zh"],
    ["25 MB", "微信"],
    (d) => {
      expect([d.m.width, d.m.height, d.m.preset, d.m.budget]).toEqual([1080, 1920, "weixin", 25 * MB]);
      expect(shots(d)[0]).toMatchObject({ k: "video", in: 0, d: 45000, v: 1 });
      expect(bgm(d)).toBeUndefined();
    },
    { media: "clip45" },
  ),
  row("compress this to send on WeChat", ["en"], ["1920×1080", "25 MB"], size(1920, 1080), {
    media: "landscape",
  }),
  row(
    "turn these images and script into a 30-second promotional video",
    ["en"],
    ["length 30 s", "found no script text"],
    (d) => {
      expect(d.d).toBe(30000);
      expect(captions(d)).toHaveLength(0);
    },
  ),
  row(
    "turn these images and script into a 30-second promotional video\nFresh beans every morning.\nRoasted in small batches.\nVisit us on Main Street.",
    ["en"],
    ["3 captions from your script", "length 30 s"],
    (d) => {
      expect(captions(d).map((c) => c.tx)).toEqual([
        "Fresh beans every morning.",
        "Roasted in small batches.",
        "Visit us on Main Street.",
      ]);
      expect(captions(d)[0].st).toMatchObject({ pos: "bottom", size: 56 });
      expect(d.d).toBe(30000);
    },
  ),
  row(
    "generate a 30-second promotional video from this script with background music: Fresh beans every morning. Roasted in small batches. Visit us on Main Street.",
    ["en"],
    ["3 animated text cards", "length 30 s", "background music"],
    (d) => {
      expect(d.d).toBe(30000);
      expect(texts(d, "card").map((c) => c.tx)).toHaveLength(3);
      expect(bgm(d)?.k).toBe("synth");
    },
    { media: "none" },
  ),
  row(
    "用这段脚本生成一个30秒的宣传视频，配上背景音乐：每天新鲜烘焙。小批量精心制作。欢迎来店品尝。",
    ["zh"],
    ["3 张动态文字卡片", "时长 30 秒", "背景音乐"],
    (d) => {
      expect(texts(d, "card").map((c) => c.tx)).toEqual([
        "每天新鲜烘焙。",
        "小批量精心制作。",
        "欢迎来店品尝。",
      ]);
      expect(bgm(d)).toBeDefined();
    },
    { media: "none" },
  ),
  row(
    "Turn this script into a 30-second promotional video.\nOpen daily from 8.\nFresh bread, real butter.",
    ["en"],
    ["2 animated text cards", "upbeat"],
    (d) => expect([d.d, bgm(d)?.mood]).toEqual([30000, "upbeat"]),
    { media: "none", preset: "promo-from-script" },
  ),
  row(
    "做一个小红书竖屏视频，加标题和背景音乐",
    ["zh"],
    [/^已完成：画面 1080×1920（9:16，小红书）/, "标题"],
    (d) => expect(title(d).tx).toBe("今日好物分享 ✨"),
  ),
  row("make a square video", ["en"], ["1080×1080"], size(1080, 1080)),
  row("做成方形的", ["zh"], ["1080×1080"], size(1080, 1080)),
  row("小红书 3:4 的图文视频", ["zh"], ["1080×1440"], (d) =>
    expect([d.m.height, d.m.preset]).toEqual([1440, "xiaohongshu"]),
  ),
  row("landscape video for Bilibili", ["en"], ["1920×1080", "Bilibili"], (d) =>
    expect(d.m.preset).toBe("bilibili"),
  ),
  row("做一个B站横屏视频", ["zh"], ["1920×1080"], size(1920, 1080)),
  row("make a 16:9 video", ["en"], ["1920×1080"], size(1920, 1080)),
  row("make it 4:5 for instagram", ["en"], ["1080×1350", "4:5"], size(1080, 1350)),
  row("1:1 please", ["en", "casual"], ["1080×1080"], size(1080, 1080)),
  row("make it 1080p", ["en"], ["1080×1920"], size(1080, 1920)),
  row("720p is fine, keep it small", ["en", "casual"], ["720×1280"], size(720, 1280)),
  row("keep the original orientation", ["en"], ["1920×1080"], size(1920, 1080), { media: "landscape" }),
  row("保持原比例", ["zh"], ["1920×1080"], size(1920, 1080), { media: "landscape" }),
  row(
    "make a TikTok",
    ["en"],
    ["TikTok", "length 15 s", "upbeat"],
    (d) => {
      expect([d.m.preset, shots(d)[0].d]).toEqual(["tiktok", 15000]);
      expect(bgm(d)?.mood).toBe("upbeat");
    },
    { media: "clip45" },
  ),
  row("做个抖音视频", ["zh"], ["抖音", "缩放转场"], (d) => {
    expect(d.m.preset).toBe("douyin");
    expect(shots(d)[1].tr?.type).toBe("zoom");
    expect(lengths(d)).toEqual([2000, 2000, 2000]);
  }),
  row("reels from these pics pls", ["en", "casual"], ["Instagram Reels"], (d) =>
    expect(d.m.preset).toBe("reels"),
  ),
  row("youtube shorts", ["en"], ["YouTube Shorts"], (d) => expect(d.m.preset).toBe("shorts")),
  row("视频号竖屏", ["zh"], ["视频号"], (d) => expect(d.m.preset).toBe("weixin-channels")),
  row(
    "join these clips",
    ["en"],
    ["2 clips", "fade"],
    (d) => {
      expect(shots(d).map((s) => s.tr?.type)).toEqual([undefined, "fade"]);
      expect(d.d).toBe(31500);
    },
    { media: "clips", preset: "clips-to-video" },
  ),
  // ── length and pace ──
  row("make a 1 minute video", ["en"], ["length 60 s"], (d) => expect(d.d).toBe(60000), {
    media: "mixed",
    preset: "bilibili",
  }),
  row("一分钟的视频", ["zh"], ["2 段视频"], (d) => expect(d.d).toBe(31500), { media: "clips" }),
  row("做个半分钟的视频", ["zh"], ["30 秒"], (d) => expect(d.d).toBe(30000)),
  row("做一个三十秒的视频", ["zh"], ["30 秒"], (d) => expect(d.d).toBe(30000)),
  row("thirty seconds long", ["en"], ["length 30 s"], (d) => expect(d.d).toBe(30000)),
  row(
    "a minute and a half, landscape",
    ["en"],
    ["length 90 s", "1920×1080"],
    (d) => expect(d.d).toBe(90000),
    {
      preset: "bilibili",
    },
  ),
  row("make it 60 seconds", ["en"], ["Your clips add up to"], (d) => expect(d.d).toBe(31500), {
    media: "clips",
  }),
  row("each photo 2 seconds", ["en"], ["2 s each"], (d) => expect(lengths(d)).toEqual([2000, 2000, 2000])),
  row("2 seconds per photo", ["en"], ["2 s each"], (d) => expect(lengths(d)).toEqual([2000, 2000, 2000])),
  row("每张图2秒", ["zh"], ["每张 2 秒"], (d) => expect(lengths(d)).toEqual([2000, 2000, 2000])),
  row("每张照片停留四秒", ["zh"], ["每张 4 秒"], (d) => expect(lengths(d)).toEqual([4000, 4000, 4000])),
  row("photos for 5 seconds each", ["en"], ["5 s each"], (d) => expect(d.d).toBe(15000), {
    after: ["no transitions"],
  }),
  row(
    "faster pace please",
    ["en", "casual"],
    [/3 photos, 2\.\d s each/],
    (d) => expect(lengths(d)[0]).toBeLessThan(3500),
    {
      after: ["make a video"],
    },
  ),
  row("节奏慢一点", ["zh"], [/每张 3\.9 秒/], (d) => expect(lengths(d)[0]).toBeGreaterThan(3500), {
    after: ["做个视频"],
  }),
  row("make it shorter", ["en"], [/length 9\.5 s → 7\.6 s/], (d) => expect(d.d).toBe(7600), {
    after: ["make a video"],
  }),
  row(
    "a bit longer",
    ["en", "casual"],
    [/length 9\.5 s → 10\.\d s/],
    (d) => expect(d.d).toBeGreaterThan(9500),
    {
      after: ["make a video"],
    },
  ),
  row("too long, 10 seconds max", ["en", "casual"], ["length 9.5 s → 10 s"], (d) => expect(d.d).toBe(10000), {
    after: ["make a video"],
  }),
  row("make it 5 seconds longer", ["en"], ["length 9.5 s → 14.5 s"], (d) => expect(d.d).toBe(14500), {
    after: ["make a video"],
  }),
  row("改成15秒", ["zh", "follow-up"], ["时长 9.5 秒 → 15 秒"], (d) => expect(d.d).toBe(15000), {
    after: ["做个视频"],
  }),
  // ── size budgets ──
  row("compress it under 20MB", ["en"], ["under 20 MB"], (d) => expect(d.m.budget).toBe(20 * MB)),
  row("压缩到10M以内", ["zh"], ["10 MB"], (d) => expect(d.m.budget).toBe(10 * MB)),
  row("压小一点", ["zh", "casual"], ["25 MB"], (d) => expect(d.m.budget).toBe(25 * MB), {
    after: ["做个视频"],
  }),
  row("make the file smaller", ["en"], ["25 MB"], (d) => expect(d.m.budget).toBe(25 * MB), {
    after: ["make a video"],
  }),
  row(
    "even smaller file pls",
    ["en", "casual"],
    ["25 MB → 17.5 MB"],
    (d) => expect(d.m.budget).toBe(Math.round(17.5 * MB)),
    {
      after: ["make a video", "compress it"],
    },
  ),
  row("don't compress it", ["en"], ["size limit removed"], (d) => expect(d.m.budget).toBeUndefined(), {
    after: ["make a video", "compress it"],
  }),
  // ── the order photos were dropped in ──
  row("make a video", ["en"], ["3 photos"], (d) =>
    expect(names(d)).toEqual(["beach-sunset", "IMG_0002", "IMG_0003"]),
  ),
];
