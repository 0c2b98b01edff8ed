// Phrase table: undo, redo and putting things back; compound requests; what Reelsmith declines; typos, emoji, mixed languages.
import { expect } from "vitest";
import { bgm, captions, names, shots, title } from "./fixtures.ts";
import { BUILT, BUILT_ZH, type Row, row } from "./row.ts";

const after = [BUILT];

export const TALK_ROWS: Row[] = [
  // ── undo, redo, revert ──
  row("undo", ["en"], ["Undid the last edit: music volume 20% → 100%"], (d) => expect(bgm(d)?.v).toBe(1), {
    after: [BUILT, "music 20%"],
  }),
  row("撤销", ["zh"], ["已撤销上一步"], (d) => expect(title(d).st?.size).toBe(96), {
    after: [BUILT_ZH, "标题大一点"],
  }),
  row("undo", ["en"], ["nothing to undo"], undefined, { unchanged: true }),
  row(
    "undo twice",
    ["en"],
    ["Undid the last 2 edits"],
    (d) => expect([bgm(d)?.v, title(d).st?.size]).toEqual([1, 96]),
    {
      after: [BUILT, "make the title bigger", "music 20%"],
    },
  ),
  row("撤销两步", ["zh"], ["已撤销最近 2 步"], (d) => expect(title(d).st?.size).toBe(96), {
    after: [BUILT_ZH, "标题大一点", "音乐音量20%"],
  }),
  row("redo", ["en"], ["Redid the edit: music volume 100% → 20%"], (d) => expect(bgm(d)?.v).toBe(0.2), {
    after: [BUILT, "music 20%", "undo"],
  }),
  row("重做", ["zh"], ["已重做"], (d) => expect(title(d).st?.size).toBe(120), {
    after: [BUILT_ZH, "标题大一点", "撤销"],
  }),
  row("redo", ["en"], ["nothing to redo"], undefined, { after, unchanged: true }),
  row(
    "change it back",
    ["en", "casual"],
    ["Undid the last edit"],
    (d) => expect(title(d).st?.pos).toBe("center"),
    {
      after: [BUILT, "move the title to the top"],
    },
  ),
  row(
    "change the title back",
    ["en"],
    ['Put the title back the way it was: title "Night Market" → "Beach Day"'],
    (d) => expect(title(d).tx).toBe("Beach Day"),
    { after: [BUILT, "call it Night Market", "music 20%"] },
  ),
  row("put the music back", ["en"], ["Put the music back"], (d) => expect(bgm(d)?.k).toBe("synth"), {
    after: [BUILT, "remove the music", "make it 12 seconds"],
  }),
  row("标题改回去", ["zh"], ["已把标题改回原来的样子"], (d) => expect(title(d).tx).toBe("海边的一天"), {
    after: [BUILT_ZH, "标题改成“夏天”"],
  }),
  row(
    "start over",
    ["en"],
    ["Back to the first version"],
    (d) => {
      expect(title(d).tx).toBe("Beach Day");
      expect(names(d)[0]).toBe("beach-sunset");
    },
    { after: [BUILT, "call it X", "reverse the order"] },
  ),
  row(
    "undo and make it 15 seconds",
    ["en"],
    ["Undid the last edit", "length 9.5 s → 15 s"],
    (d) => {
      expect(d.d).toBe(15000);
      expect(bgm(d)?.v).toBe(1);
    },
    { after: [BUILT, "music 20%"] },
  ),
  row("then undo that", ["en", "casual"], ["Undid"], (d) => expect(title(d).tx).toBe("Beach Day"), {
    after: [BUILT, "call it Z"],
  }),
  // ── compound requests and platforms ──
  row(
    "make it 15 seconds and export it as mp4",
    ["en"],
    ["length 9.5 s → 15 s", "Ready to export: 1080×1920, 15 s"],
    (d, r) => {
      expect(d.d).toBe(15000);
      expect(r.exportRequested).toBe(true);
    },
    { after },
  ),
  row(
    "标题改成“上新啦”然后导出",
    ["zh"],
    ["上新啦", "可以导出了"],
    (d, r) => {
      expect(title(d).tx).toBe("上新啦");
      expect(r.exportRequested).toBe(true);
    },
    { after: [BUILT_ZH] },
  ),
  row(
    "send me the video",
    ["en"],
    ["Ready to export: 1080×1920, 9.5 s"],
    (_d, r) => expect(r.exportRequested).toBe(true),
    {
      after,
      unchanged: true,
    },
  ),
  row("export", ["en"], ["nothing to edit yet"], (_d, r) => expect(r.exportRequested).toBe(false), {
    media: "none",
    unchanged: true,
  }),
  row(
    "做好了发微信",
    ["zh"],
    ["微信聊天分享", "25 MB"],
    (d) => expect([d.m.preset, d.m.height]).toEqual(["weixin", 1440]),
    {
      preset: "xiaohongshu",
      after: ["做个小红书视频"],
    },
  ),
  row(
    "actually make it for TikTok",
    ["en", "casual"],
    ["TikTok", "instead of Xiaohongshu"],
    (d) => expect(d.m.preset).toBe("tiktok"),
    {
      preset: "xiaohongshu",
      after: ["make a video"],
    },
  ),
  // ── what Reelsmith declines, and what it does instead ──
  row(
    "generate a video of a dragon",
    ["en"],
    ["I can't generate new footage", "build a video from your photos"],
    undefined,
    {
      unchanged: true,
    },
  ),
  row("add 3D effects", ["en"], ["3D effects"], undefined, { unchanged: true }),
  row(
    "remove the background of the photos",
    ["en"],
    ["remove or replace backgrounds", "blurred copy"],
    undefined,
    {
      after,
      unchanged: true,
    },
  ),
  row("add a voice-over and music", ["en"], ["can't record a voice-over", "background music"], (d) =>
    expect(bgm(d)).toBeDefined(),
  ),
  row("加个AI配音", ["zh"], ["配音"], undefined, { after: [BUILT_ZH], unchanged: true }),
  row("slow motion on the second clip", ["en"], ["change playback speed", "trim clips"], undefined, {
    media: "clips",
    after: ["make a video"],
    unchanged: true,
  }),
  row("reverse the clip", ["en"], ["change playback speed"], undefined, {
    media: "clip45",
    after: ["make a video"],
    unchanged: true,
  }),
  row("加个滤镜，再配点音乐", ["zh"], ["滤镜或调色", "背景音乐"], (d) => expect(bgm(d)).toBeDefined()),
  row("add stickers everywhere", ["en", "casual"], ["stickers", "title or text"], undefined, {
    after,
    unchanged: true,
  }),
  row("add music and a 3D spinning logo", ["en"], ["background music", "3D effects"], (d) =>
    expect(bgm(d)?.k).toBe("synth"),
  ),
  row("translate the captions to English", ["en"], ["translate text"], undefined, { after, unchanged: true }),
  row("asdfgh qwerty zxcv", ["en"], ['I didn\'t understand "asdfgh qwerty zxcv"'], undefined, {
    unchanged: true,
  }),
  row(
    "make the title sparkle and add music",
    ["en"],
    ['didn\'t understand "make the title sparkle"', "background music"],
    (d) => expect(bgm(d)).toBeDefined(),
  ),
  row("remove the music", ["en"], ["There's no background music"], undefined, {
    after: ["make a square video without music"],
    unchanged: true,
  }),
  row("create a vertical video with music", ["en"], ["nothing to edit yet"], undefined, {
    media: "none",
    unchanged: true,
  }),
  row("thanks!", ["en", "casual"], ["Happy to help"], undefined, { after, unchanged: true }),
  row("谢谢", ["zh", "casual"], ["不客气"], undefined, { after: [BUILT_ZH], unchanged: true }),
  row("what can you do?", ["en"], ["I edit the photos"], undefined, { unchanged: true }),
  row("你能做什么", ["zh"], ["我可以编辑"], undefined, { unchanged: true }),
  row("make it vertical", ["en"], ["canvas is already"], undefined, { after, unchanged: true }),
  row("add background music", ["en"], ["music is already"], undefined, { after, unchanged: true }),
  // ── typos ──
  row(
    "add some musci with trasitions",
    ["typo"],
    ["background music", "transitions"],
    (d) => {
      expect(bgm(d)).toBeDefined();
      expect(shots(d)[1].tr).toBeDefined();
    },
    { after: ["make a video with no transitions and no music"] },
  ),
  row(
    "make the titel bigger",
    ["typo"],
    ["title size 96 → 120"],
    (d) => expect(title(d).st?.size).toBe(120),
    { after },
  ),
  row("remvoe the musci", ["typo"], ["background music removed"], (d) => expect(bgm(d)).toBeUndefined(), {
    after,
  }),
  row("verticle video plz", ["typo", "casual"], ["1080×1920"], (d) => expect(d.m.width).toBe(1080)),
  row(
    "swap photo 1 and 3 pls thx",
    ["typo", "casual"],
    ["new order"],
    (d) => expect(names(d)[0]).toBe("IMG_0003"),
    { after },
  ),
  row(
    "make the caption yelow",
    ["typo"],
    ["yellow"],
    (d) => expect(captions(d)[0].st?.color).toBe("#FFD60A"),
    {
      after: ["make a video with captions\nOne.\nTwo."],
    },
  ),
  // ── emoji ──
  row('title "夏日护肤好物 🌞✨"', ["emoji", "zh"], ["夏日护肤好物 🌞✨"], (d) =>
    expect(title(d).tx).toBe("夏日护肤好物 🌞✨"),
  ),
  row("🔥 make it punchy for tiktok 🔥", ["emoji", "casual"], ["TikTok"], (d) =>
    expect(d.m.preset).toBe("tiktok"),
  ),
  row("加点音乐 🎵🎶", ["emoji", "zh"], ["背景音乐"], (d) => expect(bgm(d)).toBeDefined()),
  row(
    "call it Summer Glow ☀️",
    ["emoji"],
    ['"Summer Glow ☀️"'],
    (d) => expect(title(d).tx).toBe("Summer Glow ☀️"),
    { after },
  ),
  row("👍 thanks", ["emoji", "casual"], ["Happy to help"], undefined, { after, unchanged: true }),
  // ── both languages in one message ──
  row("加个 title “Summer Vibes”, 然后 add lo-fi music", ["mixed"], ["Summer Vibes", "lo-fi"], (d) =>
    expect([title(d).tx, bgm(d)?.mood]).toEqual(["Summer Vibes", "lofi"]),
  ),
  row("make it 竖屏, 30秒", ["mixed"], ["1080×1920", "30 秒"], (d) =>
    expect([d.m.width, d.d]).toEqual([1080, 30000]),
  ),
  row("标题 bigger 一点", ["mixed"], ["标题字号 96 → 108"], (d) => expect(title(d).st?.size).toBe(108), {
    after: [BUILT_ZH],
  }),
  row("bgm 小声点", ["mixed", "casual"], ["100% → 80%"], (d) => expect(bgm(d)?.v).toBe(0.8), {
    after: [BUILT_ZH],
  }),
  row("用 wipe 转场", ["mixed"], ["擦除"], (d) => expect(shots(d)[1].tr?.type).toBe("wipe"), {
    after: [BUILT_ZH],
  }),
  // ── as creators actually write ──
  row(
    "hi! can u make a cute video for my bakery with these pics? add some chill music",
    ["casual"],
    ["lo-fi"],
    (d) => {
      expect(bgm(d)?.mood).toBe("lofi");
      expect(shots(d)).toHaveLength(3);
    },
  ),
  row(
    "love it but the music is kinda loud",
    ["casual"],
    ["music volume 100% → 89%"],
    (d) => expect(bgm(d)?.v).toBe(0.89),
    { after },
  ),
  row(
    "can the title be pink",
    ["casual"],
    ['title "Little things I love ✨"', "in pink"],
    (d) => expect(title(d).st?.color).toBe("#FF6FB5"),
    { after: ["make a video"] },
  ),
  row(
    "make the title say '50% OFF' in red",
    ["casual"],
    ['→ "50% OFF" in red'],
    (d) => expect(title(d)).toMatchObject({ tx: "50% OFF", st: { color: "#FF3B30" } }),
    { after },
  ),
  row(
    "just the music please",
    ["casual"],
    ["muted"],
    (d) => expect(shots(d).every((s) => s.v === 0)).toBe(true),
    {
      media: "clips",
      after: ["make a video with music"],
    },
  ),
  row("第一段太长了，只要前5秒", ["zh", "casual"], ["0 秒–5 秒"], (d) => expect(shots(d)[0].out).toBe(5000), {
    media: "clips",
    after: ["做个视频"],
  }),
  row("music only the first 10 seconds", ["en"], ["only part of the video", "trim the video"], undefined, {
    after,
    unchanged: true,
  }),
  row("fade the music out", ["en"], ["already fades in", "out over the last 2 s"], undefined, {
    after,
    unchanged: true,
  }),
  row("make the song louder", ["en"], ["already at full volume"], undefined, { after, unchanged: true }),
  row(
    "字幕：超好吃！| 一定要来",
    ["zh"],
    ["2 条字幕"],
    (d) => expect(captions(d).map((c) => c.tx)).toEqual(["超好吃！", "一定要来"]),
    {
      media: "clips",
      after: ["做个视频"],
    },
  ),
  // ── casual follow-ups ──
  row("ok now add music", ["casual"], ["background music"], (d) => expect(bgm(d)).toBeDefined(), {
    after: ["make a video without music"],
  }),
  row(
    "hmm make it a bit shorter",
    ["casual"],
    [/length 9\.5 s → 8\.\d s/],
    (d) => expect(d.d).toBeLessThan(9500),
    { after },
  ),
  row("nah, no title", ["casual"], ["title removed"], (d) => expect(title(d)).toBeUndefined(), { after }),
  row(
    "can you move the title down?",
    ["casual"],
    ["moved to the bottom"],
    (d) => expect(title(d).st?.pos).toBe("bottom"),
    { after },
  ),
  row(
    "perfect, export it",
    ["casual"],
    ["Ready to export"],
    (_d, r) => expect(r.exportRequested).toBe(true),
    { after, unchanged: true },
  ),
  row("好的 导出吧", ["casual", "zh"], ["可以导出了"], (_d, r) => expect(r.exportRequested).toBe(true), {
    after: [BUILT_ZH],
    unchanged: true,
  }),
];
