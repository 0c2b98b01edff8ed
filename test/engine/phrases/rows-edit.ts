// Phrase table: follow-up edits to words on screen, sound, shot order and trims, as creators phrase them.
import { expect } from "vitest";
import { bgm, captions, lengths, names, overlays, SONG, shots, title } from "./fixtures.ts";
import { BUILT, BUILT_ZH, type Row, row } from "./row.ts";

const after = [BUILT];
const afterZh = [BUILT_ZH];
const MIXED = "make a video"; // a clip then two photos

export const EDIT_ROWS: Row[] = [
  // ── titles: quoted, unquoted, by label ──
  row('add the title "Summer Vibes"', ["en"], ['title "Summer Vibes"'], (d) =>
    expect([title(d).tx, d.m.title]).toEqual(["Summer Vibes", "Summer Vibes"]),
  ),
  row("加标题「夏日海边」", ["zh"], ["标题“夏日海边”"], (d) => expect(title(d).tx).toBe("夏日海边")),
  row(
    "call it Night Market",
    ["en"],
    ['title "Beach Day" → "Night Market"'],
    (d) => expect(title(d).tx).toBe("Night Market"),
    {
      after,
    },
  ),
  row(
    "call it Salt and Pepper",
    ["en"],
    ['"Salt and Pepper"'],
    (d) => expect(title(d).tx).toBe("Salt and Pepper"),
    { after },
  ),
  row("call it Salt and Pepper and add lofi music", ["en"], ['"Salt and Pepper"', "lo-fi"], (d) => {
    expect(title(d).tx).toBe("Salt and Pepper");
    expect(bgm(d)?.mood).toBe("lofi");
  }),
  row("标题就叫 周末去哪", ["zh"], ["“周末去哪”"], (d) => expect(title(d).tx).toBe("周末去哪"), {
    after: afterZh,
  }),
  row("标题'周末去哪'", ["zh"], ["周末去哪"], (d) => expect(title(d).tx).toBe("周末去哪")),
  row("title: Grand Opening, make it square", ["en"], ['"Grand Opening"', "1080×1080"], (d) =>
    expect([title(d).tx, d.m.width, d.m.height]).toEqual(["Grand Opening", 1080, 1080]),
  ),
  row(
    "change the title to Paradise Found",
    ["en"],
    ['→ "Paradise Found"'],
    (d) => expect(title(d).tx).toBe("Paradise Found"),
    {
      after,
    },
  ),
  row(
    "the title should say Open Today!",
    ["en"],
    ['"Open Today"'],
    (d) => expect(title(d).tx).toBe("Open Today"),
    { after },
  ),
  row("标题改成“海边假期”", ["zh"], ["海边假期"], (d) => expect(title(d).tx).toBe("海边假期"), {
    after: afterZh,
  }),
  row(
    "标题改成红色",
    ["zh"],
    ["标题改为红色"],
    (d) => {
      expect(title(d).tx).toBe("海边的一天");
      expect(title(d).st?.color).toBe("#FF3B30");
    },
    { after: afterZh },
  ),
  row("a video about our coffee shop with a title", ["en"], ['"Coffee Shop"', "from your message"], (d) =>
    expect(title(d).tx).toBe("Coffee Shop"),
  ),
  row('add text "Fresh" and "Local"', ["en"], ['title "Fresh"', 'text overlays "Local"'], (d) => {
    expect(title(d).tx).toBe("Fresh");
    expect(overlays(d).map((o) => o.tx)).toEqual(["Local"]);
  }),
  row(
    "add some text overlays",
    ["en"],
    ['text overlays "Little things I love ✨"', "on-screen text"],
    (d) => expect(overlays(d).map((o) => o.tx)).toEqual(["Little things I love ✨"]),
    { after },
  ),
  row("标题：周末市集，配上欢快的音乐", ["zh"], ["周末市集", "欢快"], (d) => {
    expect(title(d).tx).toBe("周末市集");
    expect(bgm(d)).toMatchObject({ k: "synth", mood: "upbeat" });
  }),
  // ── per-shot captions ──
  row("每张图加一句文案：好吃、好看、好玩", ["zh"], ["3 条字幕", "每个镜头一条"], (d) => {
    expect(captions(d).map((c) => [c.tx, c.s])).toEqual([
      ["好吃", 0],
      ["好看", 3250],
      ["好玩", 6250],
    ]);
  }),
  row(
    "one caption per photo:\nMorning coffee\nFresh croissants\nOur little shop\nSee you soon",
    ["en"],
    ["one per shot"],
    (d) => expect(captions(d).map((c) => c.s)).toEqual(shots(d).map((s, i) => (i ? s.s + 250 : 0))),
    { media: "photos4" },
  ),
  row("add captions", ["en"], ["found no script text"], undefined, { after, unchanged: true }),
  row(
    "字幕放到顶部",
    ["zh"],
    ["字幕移到顶部"],
    (d) => expect(captions(d).map((c) => c.st?.pos)).toEqual(["top", "top"]),
    {
      after: ["make a video with captions\nHello there.\nSee you soon."],
    },
  ),
  // ── text style ──
  row(
    "make the title bigger",
    ["en"],
    ["title size 96 → 120 px"],
    (d) => expect(title(d).st?.size).toBe(120),
    { after },
  ),
  row(
    "title a bit bigger",
    ["en", "casual"],
    ["title size 96 → 108 px"],
    (d) => expect(title(d).st?.size).toBe(108),
    { after },
  ),
  row("make the title much bigger", ["en"], ["96 → 144"], (d) => expect(title(d).st?.size).toBe(144), {
    after,
  }),
  row("标题大一点", ["zh"], ["标题字号 96 → 120"], (d) => expect(title(d).st?.size).toBe(120), {
    after: afterZh,
  }),
  row("make the title smaller", ["en"], ["96 → 77"], (d) => expect(title(d).st?.size).toBe(77), { after }),
  row("the text is too small", ["en", "casual"], ["96 → 120"], (d) => expect(title(d).st?.size).toBe(120), {
    after,
  }),
  row("move it to the top", ["en"], ["title moved to the top"], (d) => expect(title(d).st?.pos).toBe("top"), {
    after,
  }),
  row("放到底部", ["zh"], ["标题移到底部"], (d) => expect(title(d).st?.pos).toBe("bottom"), {
    after: afterZh,
  }),
  row(
    "move the title to the top",
    ["en"],
    ["title moved to the top"],
    (d) => expect(title(d)).toMatchObject({ tx: "Beach Day", st: { pos: "top" } }),
    {
      after,
    },
  ),
  row(
    "make the title red and move it to the top",
    ["en"],
    ["title in red", "moved to the top"],
    (d) => expect(title(d).st).toMatchObject({ color: "#FF3B30", pos: "top" }),
    { after },
  ),
  row(
    "yellow text with an outline",
    ["en"],
    ["yellow", "outline"],
    (d) => expect(title(d).st).toMatchObject({ color: "#FFD60A", style: "outline" }),
    {
      after,
    },
  ),
  row("标题用手写体", ["zh"], ["手写"], (d) => expect(title(d).st?.style).toBe("handwritten"), {
    after: afterZh,
  }),
  row(
    "highlight style for the title",
    ["en"],
    ["highlight bar"],
    (d) => expect(title(d).st?.style).toBe("highlight"),
    { after },
  ),
  row(
    "make the title and captions bigger",
    ["en"],
    ["title size", "captions size"],
    (d) => {
      expect(title(d).st?.size).toBe(120);
      expect(captions(d)[0].st?.size).toBe(70);
    },
    { after: ['make a video with the title "Hi" and captions\nHello there.\nSee you soon.'] },
  ),
  row("get rid of all the words", ["en"], ["title removed"], (d) => expect(title(d)).toBeUndefined(), {
    after,
  }),
  row("去掉标题", ["zh"], ["已去掉标题"], (d) => expect(title(d)).toBeUndefined(), { after: afterZh }),
  row("no text on it please", ["en", "casual"], ["title removed"], (d) => expect(title(d)).toBeUndefined(), {
    after,
  }),
  // ── music and sound ──
  row(
    "add background music",
    ["en"],
    ['your "summer-song"'],
    (d) => {
      expect(bgm(d)).toMatchObject({ k: "audio", src: SONG.url, n: "summer-song", v: 1 });
      expect(shots(d)).toHaveLength(3);
    },
    { media: "song" },
  ),
  row("use my song", ["en"], ['"summer-song"'], (d) => expect(bgm(d)?.k).toBe("audio"), {
    media: "song",
    after: ["make a video with calm music"],
  }),
  row("use my own music", ["en"], ["haven't uploaded a song"], (d) => expect(bgm(d)?.k).toBe("synth")),
  row("add calm music", ["en"], ["calm"], (d) => expect(bgm(d)).toMatchObject({ k: "synth", mood: "calm" })),
  row("配一段大气的背景音乐", ["zh"], ["大气"], (d) => expect(bgm(d)?.mood).toBe("cinematic")),
  row("add some cozy music", ["en"], ["warm"], (d) => expect(bgm(d)?.mood).toBe("warm"), {
    preset: "bilibili",
  }),
  row("来点温暖的音乐", ["zh"], ["温暖"], (d) => expect(bgm(d)?.mood).toBe("warm"), { preset: "bilibili" }),
  row("加个背景音", ["zh"], ["背景音乐"], (d) => expect(bgm(d)).toBeDefined()),
  row("配音乐", ["zh"], ["背景音乐"], (d) => expect(bgm(d)).toBeDefined()),
  row(
    "a livelier song",
    ["en", "casual"],
    ["→ the built-in upbeat track"],
    (d) => expect(bgm(d)?.mood).toBe("upbeat"),
    { after },
  ),
  row(
    "change the music",
    ["en"],
    ["music the built-in warm track →"],
    (d) => expect(bgm(d)?.mood).not.toBe("warm"),
    { after },
  ),
  row("换一首", ["zh"], ["音乐 内置温暖曲目 →"], (d) => expect(bgm(d)?.mood).not.toBe("warm"), {
    after: afterZh,
  }),
  row("add some rock and roll", ["en"], ["upbeat"], (d) => expect(bgm(d)?.mood).toBe("upbeat")),
  row("it's too loud", ["en", "casual"], ["music volume 100% → 80%"], (d) => expect(bgm(d)?.v).toBe(0.8), {
    after,
  }),
  row("a bit quieter", ["en", "casual"], ["100% → 89%"], (d) => expect(bgm(d)?.v).toBe(0.89), { after }),
  row("down to about 10 percent", ["en"], ["100% → 10%"], (d) => expect(bgm(d)?.v).toBe(0.1), { after }),
  row("music 20%", ["en"], ["music volume 100% → 20%"], (d) => expect(bgm(d)?.v).toBe(0.2), { after }),
  row("音乐音量20%", ["zh"], ["20%"], (d) => expect(bgm(d)?.v).toBe(0.2), { after: afterZh }),
  row("背景音乐调到百分之五十", ["zh"], ["50%"], (d) => expect(bgm(d)?.v).toBe(0.5), { after: afterZh }),
  row("音乐太吵了", ["zh", "casual"], ["100% → 80%"], (d) => expect(bgm(d)?.v).toBe(0.8), { after: afterZh }),
  row("音乐小声一点", ["zh"], ["100% → 89%"], (d) => expect(bgm(d)?.v).toBe(0.89), { after: afterZh }),
  row("turn the music up", ["en"], ["20% → 25%"], (d) => expect(bgm(d)?.v).toBe(0.25), {
    after: [BUILT, "music 20%"],
  }),
  row("half as loud", ["en"], ["100% → 50%"], (d) => expect(bgm(d)?.v).toBe(0.5), { after }),
  row("remove the music", ["en"], ["background music removed"], (d) => expect(bgm(d)).toBeUndefined(), {
    after,
  }),
  row("去掉音乐", ["zh"], ["已去掉背景音乐"], (d) => expect(bgm(d)).toBeUndefined(), { after: afterZh }),
  row(
    "不要背景音乐 保留原声",
    ["zh"],
    ["已去掉背景音乐", "原声"],
    (d) => {
      expect(bgm(d)).toBeUndefined();
      expect(shots(d)[0].v).toBe(1);
    },
    { media: "clips", after: ["做个视频，配上音乐"] },
  ),
  row(
    "no music, just the original sound",
    ["en"],
    ["background music removed", "own sound"],
    (d) => {
      expect(bgm(d)).toBeUndefined();
      expect(shots(d)[0].v).toBe(1);
    },
    { media: "clips", after: ["make a video with music"] },
  ),
  row(
    "mute the original sound and add lo-fi music",
    ["en"],
    ["muted", "lo-fi"],
    (d) => {
      expect(shots(d)[0].v).toBe(0);
      expect(bgm(d)).toMatchObject({ mood: "lofi", v: 1 });
    },
    { media: "clips" },
  ),
  row("only music", ["en"], ["muted"], (d) => expect(shots(d).every((s) => s.v === 0)).toBe(true), {
    media: "clips",
  }),
  row(
    "mute it",
    ["en", "casual"],
    ["background music removed", "muted"],
    (d) => {
      expect(bgm(d)).toBeUndefined();
      expect(shots(d)[0].v).toBe(0);
    },
    { media: "clips", after: ["make a video with music"] },
  ),
  row("原声调到50%", ["zh"], ["原声音量 50%"], (d) => expect(shots(d)[0].v).toBe(0.5), {
    media: "clips",
    after: ["做个视频"],
  }),
  row("it's too loud", ["en", "casual"], ["own sound at 80%"], (d) => expect(shots(d)[0].v).toBe(0.8), {
    media: "clips",
    after: ["make a video without music"],
  }),
  row("music under the clips", ["en"], ["35%"], (d) => expect(bgm(d)?.v).toBe(0.35), { media: "clips" }),
  // ── shot order ──
  row(
    "move the last photo to the front",
    ["en"],
    ["new order: IMG_0003, beach-sunset, IMG_0002"],
    (d) => expect(names(d)).toEqual(["IMG_0003", "beach-sunset", "IMG_0002"]),
    { after },
  ),
  row("把最后一张放到最前面", ["zh"], ["新顺序"], (d) => expect(names(d)[0]).toBe("IMG_0003"), {
    after: afterZh,
  }),
  row(
    "put the beach photo last",
    ["en"],
    ["new order"],
    (d) => expect(names(d).at(-1)).toBe("beach-sunset"),
    { after },
  ),
  row("start with the last photo", ["en"], ["new order"], (d) => expect(names(d)[0]).toBe("IMG_0003"), {
    after,
  }),
  row("swap photo 1 and 3", ["en"], ["new order: IMG_0003, IMG_0002, beach-sunset"], undefined, { after }),
  row("swap the first two", ["en", "casual"], ["new order: IMG_0002, beach-sunset"], undefined, { after }),
  row("第一张和第二张换一下位置", ["zh"], ["新顺序：IMG_0002、beach-sunset"], undefined, { after: afterZh }),
  row("reverse the order", ["en"], ["new order: IMG_0003, IMG_0002, beach-sunset"], undefined, { after }),
  row("顺序反过来", ["zh"], ["新顺序"], (d) => expect(names(d)[0]).toBe("IMG_0003"), { after: afterZh }),
  row(
    "drop the third photo",
    ["en"],
    ["2 photos"],
    (d) => expect(names(d)).toEqual(["beach-sunset", "IMG_0002"]),
    { after },
  ),
  row("去掉第二张", ["zh"], ["2 张照片"], (d) => expect(names(d)).toEqual(["beach-sunset", "IMG_0003"]), {
    after: afterZh,
  }),
  row("delete photos 2 and 3", ["en"], ["1 photo"], (d) => expect(names(d)).toEqual(["beach-sunset"]), {
    after,
  }),
  row("remove IMG_0002.jpg", ["en"], ["2 photos"], (d) => expect(names(d)).not.toContain("IMG_0002"), {
    after,
  }),
  row("drop photo 7", ["en"], ["couldn't find photo 7"], undefined, { after, unchanged: true }),
  row("use only one clip", ["en"], ["1 clip"], (d) => expect(names(d)).toEqual(["VID_0001"]), {
    media: "clips",
    after: [MIXED],
  }),
  row("只用第二段", ["zh"], ["1 段视频"], (d) => expect(names(d)).toEqual(["VID_0002"]), {
    media: "clips",
    after: ["做个视频"],
  }),
  row(
    "only the first two photos",
    ["en"],
    ["2 photos"],
    (d) => expect(names(d)).toEqual(["latte", "croissant"]),
    {
      media: "photos4",
      after: [MIXED],
    },
  ),
  row("remove every photo", ["en"], ["at least one shot"], undefined, { after, unchanged: true }),
  // ── trims ──
  row(
    "cut the first 3 seconds",
    ["en"],
    ["now plays 3 s–45 s"],
    (d) => expect(shots(d)[0]).toMatchObject({ in: 3000 }),
    {
      media: "clip45",
      after: ["make a video"],
    },
  ),
  row(
    "keep the last 10 seconds",
    ["en"],
    ["35 s–45 s"],
    (d) => expect([shots(d)[0].in, d.d]).toEqual([35000, 10000]),
    {
      media: "clip45",
      after: ["make a video"],
    },
  ),
  row("只要最后10秒", ["zh"], ["35 秒–45 秒"], (d) => expect(shots(d)[0].in).toBe(35000), {
    media: "clip45",
    after: ["做个视频"],
  }),
  row(
    "use 0:05 to 0:12",
    ["en"],
    ["5 s–12 s"],
    (d) => expect([shots(d)[0].in, shots(d)[0].out, d.d]).toEqual([5000, 12000, 7000]),
    {
      media: "clip45",
      after: ["make a video"],
    },
  ),
  row(
    "trim clip 2 from 3 to 8 seconds",
    ["en"],
    ['"VID_0002" now plays 3 s–8 s'],
    (d) => expect([shots(d)[1].in, shots(d)[1].out]).toEqual([3000, 8000]),
    { media: "clips", after: ["make a video"] },
  ),
  row("从第5秒开始", ["zh"], ["5 秒–45 秒"], (d) => expect(shots(d)[0].in).toBe(5000), {
    media: "clip45",
    after: ["做个视频"],
  }),
  row("剪掉开头3秒", ["zh"], ["3 秒–45 秒"], (d) => expect(shots(d)[0].in).toBe(3000), {
    media: "clip45",
    after: ["做个视频"],
  }),
  row(
    "cut 2 seconds off the end of the last clip",
    ["en"],
    ['"VID_0002" now plays 0 s–18 s'],
    (d) => expect(shots(d)[1].out).toBe(18000),
    { media: "clips", after: ["make a video"] },
  ),
  row("trim the first photo", ["en"], ["Photos can't be trimmed"], undefined, { after, unchanged: true }),
  // ── transitions ──
  row("make it 30s with slide transitions", ["en"], ["length", "slide"], (d) => {
    expect(shots(d)[1].tr).toEqual({ type: "slide", d: 500 });
    expect(d.d).toBe(30000);
  }),
  row("加转场", ["zh"], ["转场"], (d) => expect(shots(d)[2].tr?.type).toBe("fade"), {
    after: ["做个视频，不要转场"],
  }),
  row("转场用擦除", ["zh"], ["擦除"], (d) => expect(shots(d)[1].tr?.type).toBe("wipe"), { after: afterZh }),
  row("zoom transitions please", ["en"], ["zoom"], (d) => expect(shots(d)[1].tr?.type).toBe("zoom"), {
    after,
  }),
  row(
    "1 second crossfade between photos",
    ["en"],
    ["fade"],
    (d) => expect(shots(d)[1].tr).toEqual({ type: "fade", d: 1000 }),
    {
      after: ["make a video with no transitions"],
    },
  ),
  row("use wipe instead of fade", ["en"], ["fade → wipe"], (d) => expect(shots(d)[1].tr?.type).toBe("wipe"), {
    after,
  }),
  row(
    "remove the music and transitions",
    ["en"],
    ["background music removed", "transitions removed"],
    (d) => {
      expect(bgm(d)).toBeUndefined();
      expect(shots(d).some((s) => s.tr)).toBe(false);
    },
    { after },
  ),
  row("去掉转场", ["zh"], ["已去掉转场"], (d) => expect(shots(d).some((s) => s.tr)).toBe(false), {
    after: afterZh,
  }),
  row(
    "hard cuts only",
    ["en", "casual"],
    ["transitions removed"],
    (d) => expect(shots(d).some((s) => s.tr)).toBe(false),
    {
      after,
    },
  ),
  row(
    "faster transitions",
    ["en"],
    ["transitions 0.5 s → 0.3 s"],
    (d) => expect(shots(d)[1].tr?.d).toBe(300),
    { after },
  ),
  row("lengths", ["en"], ["I didn't understand"], (d) => expect(lengths(d)).toHaveLength(3), {
    after,
    unchanged: true,
  }),
];
