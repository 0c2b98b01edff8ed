// renderDraft end to end with real ffmpeg: every output probed, title pixels sampled, budgets, failures, progress.
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Draft, Segment } from "../../core/draft.ts";
import { probeMedia } from "../../engine/render/probe.ts";
import { renderDraft } from "../../engine/render/render-draft.ts";
import type { MediaItem } from "../../engine/types.ts";
import { expectDeliverableMp4 } from "./helpers/expect-mp4.ts";
import {
  audioRms,
  bandStats,
  frameRgb,
  makeClip,
  makeMp3,
  makePhoto,
  mediaItem,
  resolverFor,
  setExifOrientation,
} from "./helpers/media-fixtures.ts";

const SMALL = { width: 540, height: 960 };
let dir: string;
let photos: MediaItem[];
let clip: MediaItem;
let song: MediaItem;
let media: MediaItem[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "reelsmith-render-test-"));
  const [p0, p1, c, s] = await Promise.all([
    makePhoto(join(dir, "p0.jpg"), 3024, 4032, 0),
    makePhoto(join(dir, "p1.jpg"), 4032, 3024, 180),
    makeClip(join(dir, "clip.mp4"), { seconds: 4 }),
    makeMp3(join(dir, "song.mp3"), 3),
  ]);
  photos = [mediaItem(p0, "image"), mediaItem(p1, "image")];
  clip = mediaItem(c, "video");
  song = mediaItem(s, "audio", { duration: 3 });
  media = [...photos, clip, song];
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const text = (tx: string, role: Segment["role"], s = 0, d = 3000, st?: Segment["st"]): Segment => ({
  s,
  d,
  k: "text",
  role,
  tx,
  st,
});

/** A dark card with optional text segments: white text shows up as bright pixels and nothing else does. */
function cardDraft(texts: Segment[], seconds = 2): Draft {
  const d = seconds * 1000;
  return {
    d,
    m: { ...SMALL, preset: "xiaohongshu" },
    t: [
      { tt: 0, sg: [{ s: 0, d, k: "color", bg: ["#202040"] }] },
      { tt: 7, sg: texts },
    ],
  };
}

async function render(name: string, draft: Draft, extra: { onProgress?: (p: number) => void } = {}) {
  const outPath = join(dir, name);
  const out = await renderDraft(draft, { outPath, resolveMedia: resolverFor(media), ...extra });
  return { outPath, out };
}

/**
 * Share of near-white pixels in the top fifth of a frame and in the fifth above the vertical feeds' bottom
 * safe margin (460 of 1920 px), where captions sit.
 */
async function whiteBands(path: string, seconds: number, { width, height } = SMALL) {
  const rgb = await frameRgb(path, seconds);
  expect(rgb.length).toBe(width * height * 3);
  const fifth = Math.round(height / 5);
  const captions = Math.round(height * (1 - 460 / 1920));
  return {
    top: bandStats(rgb, width, 0, fifth).white,
    bottom: bandStats(rgb, width, captions - fifth, captions).white,
  };
}

describe("renderDraft", () => {
  it("renders phone photos with a title, a caption, a transition and music to a deliverable 1080×1920 MP4", async () => {
    const draft: Draft = {
      d: 4000,
      m: { width: 1080, height: 1920, preset: "xiaohongshu" },
      t: [
        {
          tt: 0,
          sg: [
            { s: 0, d: 2000, k: "image", src: photos[0].url, mo: "zoom-in" },
            {
              s: 2000,
              d: 2000,
              k: "image",
              src: photos[1].url,
              mo: "pan",
              fit: "blur",
              tr: { type: "fade", d: 500 },
            },
          ],
        },
        {
          tt: 7,
          sg: [text("Weekend by the sea", "title", 0, 4000), text("Morning light", "caption", 0, 4000)],
        },
        { tt: 1, sg: [{ s: 0, d: 4000, k: "synth", mood: "upbeat", v: 0.35, fo: 1000 }] },
      ],
    };
    const { outPath, out } = await render("photos.mp4", draft);
    expect(out).toMatchObject({ path: outPath, width: 1080, height: 1920 });
    await expectDeliverableMp4(outPath, { width: 1080, height: 1920, duration: 4 });
    expect(await audioRms(outPath)).toBeGreaterThan(0.02);
    const without = await render("photos-plain.mp4", { ...draft, t: draft.t.filter((t) => t.tt !== 7) });
    const [withTitle, plain] = [await whiteBands(outPath, 1, out), await whiteBands(without.outPath, 1, out)];
    expect(withTitle.top).toBeGreaterThan(plain.top + 0.005);
  });

  it("draws the title at the top and a boxed caption above the bottom safe margin, fading in", async () => {
    const draft = cardDraft([text("TITLE", "title", 0, 2000), text("caption here", "caption", 0, 2000)]);
    const { outPath } = await render("bands.mp4", draft);
    await expectDeliverableMp4(outPath, { ...SMALL, duration: 2 });
    const shown = await whiteBands(outPath, 1);
    expect(shown.top).toBeGreaterThan(0.005);
    expect(shown.bottom).toBeGreaterThan(0.001);
    const first = await whiteBands(outPath, 0);
    expect(first.top).toBeLessThan(shown.top / 4);
  });

  it("renders Chinese titles with the CJK font (different characters, different pixels)", async () => {
    const a = await render("zh-a.mp4", cardDraft([text("春夏秋冬", "title", 0, 1000)], 1));
    const b = await render("zh-b.mp4", cardDraft([text("山水花鸟", "title", 0, 1000)], 1));
    await expectDeliverableMp4(a.outPath, { ...SMALL, duration: 1 });
    const [fa, fb] = [await frameRgb(a.outPath, 0.5), await frameRgb(b.outPath, 0.5)];
    const band = SMALL.width * Math.round(SMALL.height / 5) * 3;
    let differing = 0;
    for (let i = 0; i < band; i++) if (Math.abs(fa[i] - fb[i]) > 60) differing++;
    // Missing glyphs would draw identical boxes for both titles.
    expect(differing / band).toBeGreaterThan(0.005);
    expect((await whiteBands(a.outPath, 0.5)).top).toBeGreaterThan(0.005);
  });

  it("keeps hostile text literal: quotes, colons, percent, backslashes, brackets and newlines", async () => {
    const hostile = `It's 100% "fun": C:\\path\\x [v0]; a,b %{pts} %{eif\\:n\\:d} \\' \n second line ';drawbox`;
    const { outPath } = await render(
      "hostile.mp4",
      cardDraft([text(hostile, "title", 0, 1000), text(hostile, "card", 0, 1000)], 1),
    );
    await expectDeliverableMp4(outPath, { ...SMALL, duration: 1 });
    expect((await whiteBands(outPath, 0.5)).top).toBeGreaterThan(0.005);
  });

  it("fits a clip by crop, mixes its sound with looped music, and produces audible audio", async () => {
    const draft: Draft = {
      d: 6000,
      m: { ...SMALL, preset: "clips-to-video" },
      t: [
        {
          tt: 0,
          sg: [
            { s: 0, d: 3000, k: "video", src: clip.url, in: 500, v: 0.8 },
            { s: 3000, d: 3000, k: "video", src: clip.url, fit: "blur", tr: { type: "slide", d: 400 } },
          ],
        },
        { tt: 1, sg: [{ s: 0, d: 6000, k: "audio", src: song.url, v: 0.35, fi: 300, fo: 1000 }] },
      ],
    };
    const { outPath } = await render("clips.mp4", draft);
    await expectDeliverableMp4(outPath, { ...SMALL, duration: 6 });
    expect(await audioRms(outPath)).toBeGreaterThan(0.05);
  });

  it("always writes an AAC track, silent when the draft has no sound, and renders gradient cards", async () => {
    const draft: Draft = {
      d: 1500,
      m: { ...SMALL },
      t: [
        { tt: 0, sg: [{ s: 0, d: 1500, k: "color", bg: ["#ff6a00", "#ee0979", "#6a00ff"] }] },
        { tt: 7, sg: [text("A card", "card", 0, 1500)] },
      ],
    };
    const { outPath } = await render("card.mp4", draft);
    await expectDeliverableMp4(outPath, { ...SMALL, duration: 1.5 });
    expect(await audioRms(outPath)).toBe(0);
  });

  it("keeps the source shape for WeChat, honouring a photo's EXIF orientation", async () => {
    const sideways = mediaItem(
      await setExifOrientation(await makePhoto(join(dir, "sideways.jpg"), 640, 480), 6),
      "image",
    );
    expect(await probeMedia(sideways.path)).toMatchObject({ width: 480, height: 640 });
    const draft: Draft = {
      d: 1000,
      m: { preset: "weixin" },
      t: [{ tt: 0, sg: [{ s: 0, d: 1000, k: "image", src: sideways.url, mo: "none" }] }],
    };
    const outPath = join(dir, "weixin-photo.mp4");
    await renderDraft(draft, { outPath, resolveMedia: resolverFor([sideways]) });
    await expectDeliverableMp4(outPath, { width: 480, height: 640, duration: 1 });
  });

  it("meets a size budget on a noisy 1080×1920 clip (proportional WeChat case)", async () => {
    const budget = 2 * 1024 * 1024;
    const draft: Draft = {
      d: 4000,
      m: { width: 1080, height: 1920, preset: "weixin", budget },
      t: [{ tt: 0, sg: [{ s: 0, d: 4000, k: "video", src: clip.url }] }],
    };
    const { outPath, out } = await render("budget.mp4", draft);
    await expectDeliverableMp4(outPath, { width: 1080, height: 1920, duration: 4 });
    expect(out.size).toBeLessThanOrEqual(budget);
    // The clip would take far more at the quality setting: the budget, not the CRF, decided the size.
    expect(out.size).toBeGreaterThan(budget * 0.6);
  });

  it("reports progress monotonically, ending at 100", async () => {
    const seen: number[] = [];
    await render("progress.mp4", cardDraft([text("progress", "title", 0, 3000)], 3), {
      onProgress: (p) => seen.push(p),
    });
    expect(seen.at(-1)).toBe(100);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1])).toBe(true);
  });

  it("fails with the reason when a source file is missing, leaving nothing behind", async () => {
    const gone = mediaItem(join(dir, "gone.jpg"), "image");
    const draft: Draft = {
      d: 1000,
      m: SMALL,
      t: [{ tt: 0, sg: [{ s: 0, d: 1000, k: "image", src: gone.url }] }],
    };
    const outPath = join(dir, "failed", "missing.mp4");
    await expect(renderDraft(draft, { outPath, resolveMedia: resolverFor([gone]) })).rejects.toThrow(
      /missing: gone\.jpg/,
    );
    await expect(renderDraft(draft, { outPath, resolveMedia: () => undefined })).rejects.toThrow(
      /media not found/,
    );
    await expect(stat(outPath)).rejects.toThrow();
  });

  it("fails with ffmpeg's reason on an unreadable source, leaving no partial file", async () => {
    const broken = join(dir, "broken-out");
    const bad = mediaItem(join(dir, "garbage.jpg"), "image");
    await writeFile(bad.path, "this is not a jpeg");
    const draft: Draft = {
      d: 1000,
      m: SMALL,
      t: [{ tt: 0, sg: [{ s: 0, d: 1000, k: "image", src: bad.url }] }],
    };
    const outPath = join(broken, "bad.mp4");
    const error = await renderDraft(draft, { outPath, resolveMedia: resolverFor([bad]) }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/no jpeg data|invalid data/i);
    expect((error as Error).message.length).toBeLessThanOrEqual(300);
    expect(await readdir(broken)).toEqual([]);
  });
});
