// The craft layer end to end with real ffmpeg: text inside every preset's safe zone, emoji and contrast, loudness, ducking, covers.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Draft, type Segment, TEXT_STYLES } from "../../core/draft.ts";
import { getPreset, PRESETS, type Rect, safeAreaFor } from "../../core/presets.ts";
import { probeMedia } from "../../engine/render/probe.ts";
import { renderDraft } from "../../engine/render/render-draft.ts";
import type { MediaItem } from "../../engine/types.ts";
import {
  audioRms,
  ffmpeg,
  frameRgb,
  loudness,
  makeClip,
  makeMp3,
  makePhoto,
  makeTone,
  mediaItem,
  resolverFor,
} from "./helpers/media-fixtures.ts";

let dir: string;
let media: MediaItem[];
const BG = [16, 24, 32] as const;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "reelsmith-craft-test-"));
  const [photo, clip, song, tone] = await Promise.all([
    makePhoto(join(dir, "photo.jpg"), 1080, 1440, 90),
    makeClip(join(dir, "talk.mp4"), { width: 270, height: 480, seconds: 4, toneHz: 300 }),
    makeMp3(join(dir, "song.mp3"), 8),
    makeTone(join(dir, "tone.wav"), 2500, 8),
  ]);
  media = [
    mediaItem(photo, "image"),
    mediaItem(clip, "video"),
    mediaItem(song, "audio", { duration: 8 }),
    mediaItem(tone, "audio", { duration: 8 }),
  ];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const [photo, clip, song, tone] = [0, 1, 2, 3].map((i) => () => media[i]);
const hex = (c: readonly number[]) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
const text = (tx: string, role: Segment["role"], st: Segment["st"] = {}, s = 0, d = 1200): Segment => ({
  s,
  d,
  k: "text",
  role,
  tx,
  st,
});

async function render(name: string, draft: Draft) {
  return renderDraft(draft, { outPath: join(dir, name), resolveMedia: resolverFor(media) });
}

/** Pixels of a frame that differ clearly from the plain card behind the text. */
function textPixels(rgb: Buffer, width: number): { x: number; y: number }[] {
  const found: { x: number; y: number }[] = [];
  for (let i = 0; i < rgb.length; i += 3) {
    if (Math.max(...[0, 1, 2].map((c) => Math.abs(rgb[i + c] - BG[c]))) > 40) {
      found.push({ x: (i / 3) % width, y: Math.floor(i / 3 / width) });
    }
  }
  return found;
}

describe("text stays inside the platform's safe zone", () => {
  const half = (c: { width: number; height: number }) => ({ width: c.width / 2, height: c.height / 2 });
  const cases = [
    ...PRESETS.map((p, i) => ({
      preset: p.id,
      canvas: half(p.canvas),
      style: TEXT_STYLES[i % TEXT_STYLES.length],
    })),
    { preset: "xiaohongshu", canvas: { width: 540, height: 720 }, style: "handwritten" as const },
    { preset: "weixin", canvas: { width: 960, height: 540 }, style: "outline" as const },
  ];

  it.each(cases)(
    "$preset at $canvas.width×$canvas.height, title in $style: top, center and bottom",
    async (c) => {
      const long = "周末去海边看日落 Weekend by the sea 🌊 顺便吃了一顿海鲜大餐";
      const draft: Draft = {
        d: 1200,
        m: { ...c.canvas, preset: c.preset },
        t: [
          { tt: 0, sg: [{ s: 0, d: 1200, k: "color", bg: [hex(BG)] }] },
          {
            tt: 7,
            sg: [
              text(long, "title", { pos: "top", style: c.style, size: 110 }),
              text("每张图加一句文案：春天、夏天、秋天、冬天。", "card", { pos: "center" }),
              text(`${long}，${long}`, "caption", { pos: "bottom" }),
            ],
          },
        ],
      };
      const out = await render(`safe-${c.preset}-${c.canvas.width}.mp4`, draft);
      const pixels = textPixels(await frameRgb(out.path, 0.9), c.canvas.width);
      const area: Rect = safeAreaFor(getPreset(c.preset)!, c.canvas);
      // H.264 may blur an edge by a pixel; nothing else may reach outside.
      const outside = pixels.filter(
        (p) =>
          p.x < area.x - 1 || p.y < area.y - 1 || p.x > area.x + area.width || p.y > area.y + area.height,
      );
      expect(outside, JSON.stringify(outside.slice(0, 5))).toEqual([]);
      const third = area.height / 3;
      const rows = pixels.map((p) => Math.floor((p.y - area.y) / third));
      for (const band of [0, 1, 2]) expect(rows.filter((r) => r === band).length).toBeGreaterThan(200);
    },
  );
});

describe("text looks designed", () => {
  it("draws colour emoji next to Chinese (no empty boxes)", async () => {
    const draft: Draft = {
      d: 1000,
      m: { width: 540, height: 960, preset: "tiktok" },
      t: [
        { tt: 0, sg: [{ s: 0, d: 1000, k: "color", bg: ["#808080"] }] },
        { tt: 7, sg: [text("🍓🍓 草莓季", "title", { style: "clean", pos: "center" }, 0, 1000)] },
      ],
    };
    const out = await render("emoji.mp4", draft);
    const rgb = await frameRgb(out.path, 0.7);
    let red = 0;
    for (let i = 0; i < rgb.length; i += 3) if (rgb[i] > 170 && rgb[i + 1] < 80 && rgb[i + 2] < 90) red++;
    expect(red).toBeGreaterThan(500);
  });

  it("picks dark text over a light picture and light text over a dark one", async () => {
    const meanOfText = async (bg: string) => {
      const draft: Draft = {
        d: 1000,
        m: { width: 540, height: 960, preset: "bilibili" },
        t: [
          { tt: 0, sg: [{ s: 0, d: 1000, k: "color", bg: [bg] }] },
          {
            tt: 7,
            sg: [text("Auto contrast 自动对比", "title", { style: "clean", pos: "center" }, 0, 1000)],
          },
        ],
      };
      const rgb = await frameRgb((await render(`contrast-${bg.slice(1)}.mp4`, draft)).path, 0.7);
      const bgLuma = Number.parseInt(bg.slice(1, 3), 16);
      const lumas: number[] = [];
      for (let i = 0; i < rgb.length; i += 3) {
        const l = (rgb[i] + rgb[i + 1] + rgb[i + 2]) / 3;
        if (Math.abs(l - bgLuma) > 60) lumas.push(l);
      }
      expect(lumas.length).toBeGreaterThan(1000);
      return lumas.reduce((a, b) => a + b) / lumas.length;
    };
    expect(await meanOfText("#f4f4f4")).toBeLessThan(80);
    expect(await meanOfText("#101010")).toBeGreaterThan(180);
  });
  it("renders odd text without failing: nothing visible, absurd sizes and styles, 5000 characters, a tiny canvas", async () => {
    const odd = (canvas: { width: number; height: number }): Draft => ({
      d: 600,
      m: { ...canvas, preset: "douyin" },
      t: [
        { tt: 0, sg: [{ s: 0, d: 600, k: "color", bg: ["#336699"] }] },
        {
          tt: 7,
          sg: [
            text("\u0007\u0000  \n", "title", {}, 0, 600),
            text("😀".repeat(5000), "caption", { size: Number.NaN, pos: "middle" as never }, 0, 600),
            text(
              "大".repeat(3000),
              "card",
              { size: 100_000, style: "neon" as never, color: "red;x" },
              0,
              600,
            ),
            text("ok", "title", { size: -5, color: "#zzz" }, 0, 600),
          ],
        },
      ],
    });
    for (const canvas of [
      { width: 270, height: 480 },
      { width: 32, height: 32 },
    ]) {
      const out = await render(`odd-${canvas.width}.mp4`, odd(canvas));
      expect(out).toMatchObject(canvas);
    }
  });
});

describe("sound", () => {
  const expectMastered = async (path: string) => {
    const { integrated, truePeak } = await loudness(path);
    expect(Math.abs(integrated - -14), `integrated ${integrated} LUFS`).toBeLessThanOrEqual(1);
    expect(truePeak, `true peak ${truePeak} dBTP`).toBeLessThanOrEqual(-1);
  };
  const small = { width: 270, height: 480 };

  it("brings the user's own song alone to −14 LUFS, whatever its volume in the draft, fading it in and out", async () => {
    const draft: Draft = {
      d: 6000,
      m: { ...small, preset: "xiaohongshu" },
      t: [
        { tt: 0, sg: [{ s: 0, d: 6000, k: "image", src: photo().url, mo: "none" }] },
        { tt: 1, sg: [{ s: 0, d: 6000, k: "audio", src: song().url, v: 0.35 }] },
      ],
    };
    const out = await render("song.mp4", draft);
    await expectMastered(out.path);
    const [start, body, end] = await Promise.all([
      audioRms(out.path, { from: 0, to: 0.1 }),
      audioRms(out.path, { from: 2, to: 3 }),
      audioRms(out.path, { from: 5.9, to: 6 }),
    ]);
    expect(start).toBeLessThan(body / 4);
    expect(end).toBeLessThan(body / 4);
  });

  it("ducks the music under a clip's own sound and masters the mix", async () => {
    const draft: Draft = {
      d: 6000,
      m: { ...small, preset: "clips-to-video" },
      t: [
        {
          tt: 0,
          sg: [
            { s: 0, d: 3000, k: "video", src: clip().url },
            { s: 3000, d: 3000, k: "image", src: photo().url, mo: "none" },
          ],
        },
        { tt: 1, sg: [{ s: 0, d: 6000, k: "audio", src: tone().url, v: 0.5 }] },
      ],
    };
    const out = await render("ducked.mp4", draft);
    await expectMastered(out.path);
    const music = "bandpass=f=2500:width_type=q:w=4";
    const [underSpeech, alone] = await Promise.all([
      audioRms(out.path, { from: 1, to: 2.5, filter: music }),
      audioRms(out.path, { from: 3.8, to: 5, filter: music }),
    ]);
    // At least 6 dB down while the clip speaks.
    expect(underSpeech).toBeLessThan(alone / 2);
  });

  it("masters built-in music in every mood, never silent", async () => {
    for (const mood of ["upbeat", "cinematic"]) {
      const draft: Draft = {
        d: 5000,
        m: { ...small, preset: "promo-from-script" },
        t: [
          { tt: 0, sg: [{ s: 0, d: 5000, k: "color", bg: ["#ff6a00", "#6a00ff"] }] },
          { tt: 1, sg: [{ s: 0, d: 5000, k: "synth", mood, v: 0.35 }] },
        ],
      };
      await expectMastered((await render(`synth-${mood}.mp4`, draft)).path);
    }
  });
});

describe("covers", () => {
  it("writes a poster in the video's shape: a settled, non-black frame with the project title", async () => {
    const draft: Draft = {
      d: 3000,
      m: { width: 540, height: 960, preset: "douyin", title: "Spring Sale" },
      t: [
        {
          tt: 0,
          sg: [
            { s: 0, d: 1500, k: "color", bg: ["#000000"] },
            { s: 1500, d: 1500, k: "color", bg: ["#d02020"], tr: { type: "fade", d: 600 } },
          ],
        },
      ],
    };
    const out = await render("cover.mp4", draft);
    expect(out.cover).toBe(join(dir, "cover.jpg"));
    const probe = await probeMedia(out.cover!);
    expect(probe).toMatchObject({ width: 540, height: 960, videoCodec: "mjpeg" });
    const rgb = await ffmpeg(["-i", out.cover!, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);
    const at = (x: number, y: number) => [...rgb.subarray((y * 540 + x) * 3, (y * 540 + x) * 3 + 3)];
    // The red card fully in, not the black one and not the fade between them.
    const [r, g, b] = at(270, 800);
    expect(r).toBeGreaterThan(180);
    expect(g + b).toBeLessThan(90);
    // The title is drawn inside the safe area's top, where the video itself has no text.
    const area = safeAreaFor(getPreset("douyin")!, { width: 540, height: 960 });
    let drawn = 0;
    for (let y = area.y; y < area.y + 120; y++) {
      for (let x = area.x; x < area.x + area.width; x++) if (Math.abs(at(x, y)[0] - r) > 80) drawn++;
    }
    expect(drawn).toBeGreaterThan(1000);
  });
});
