// The three rendering workloads of issue 4, with their fixtures: photos → 30 s vertical, clip → WeChat 25 MB, 5 clips → 60 s.
import { join } from "node:path";
import type { Draft } from "../core/draft.ts";
import type { MediaItem } from "../engine/types.ts";
import { makeClip, makeMp3, makePhoto, mediaItem } from "../test/engine/helpers/media-fixtures.ts";

export interface Workload {
  name: string;
  draft: Draft;
  media: MediaItem[];
}

const MB = 1024 * 1024;

/** 3 phone photos (3024×4032) → 30 s 1080×1920 with title, captions, transitions and synthesized music. */
async function photosToVertical(dir: string): Promise<Workload> {
  const photos = await Promise.all(
    [0, 120, 240].map(async (hue, i) =>
      mediaItem(await makePhoto(join(dir, `photo-${i}.jpg`), 3024, 4032, hue), "image"),
    ),
  );
  const motions = ["zoom-in", "pan", "zoom-out"] as const;
  const transitions = [undefined, { type: "fade", d: 800 }, { type: "slide", d: 800 }] as const;
  return {
    name: "3 photos → 30 s vertical (title, captions, transitions, music)",
    media: photos,
    draft: {
      d: 30_000,
      m: { width: 1080, height: 1920, fps: 30, preset: "xiaohongshu", title: "Weekend" },
      t: [
        {
          tt: 0,
          sg: photos.map((p, i) => ({
            s: i * 10_000,
            d: 10_000,
            k: "image",
            src: p.url,
            mo: motions[i],
            tr: transitions[i],
          })),
        },
        {
          tt: 7,
          sg: [
            { s: 0, d: 4000, k: "text", role: "title", tx: "周末去海边 Weekend by the sea" },
            { s: 4000, d: 8000, k: "text", role: "caption", tx: "Morning light on the water" },
            { s: 12_000, d: 9000, k: "text", role: "caption", tx: "午后的咖啡和书" },
            { s: 21_000, d: 9000, k: "text", role: "caption", tx: "Sunset, and home" },
          ],
        },
        { tt: 1, sg: [{ s: 0, d: 30_000, k: "synth", mood: "upbeat", v: 0.35, fo: 2000 }] },
      ],
    },
  };
}

/** A 30 s 1080×1920 phone clip → WeChat share within the preset's 25 MB budget. */
async function clipToWeixin(dir: string): Promise<Workload> {
  const clip = mediaItem(await makeClip(join(dir, "phone-clip.mp4"), { seconds: 30 }), "video", {
    duration: 30,
    hasAudio: true,
  });
  return {
    name: "30 s 1080×1920 phone clip → WeChat within 25 MB",
    media: [clip],
    draft: {
      d: 30_000,
      m: { width: 1080, height: 1920, fps: 30, preset: "weixin", budget: 25 * MB },
      t: [{ tt: 0, sg: [{ s: 0, d: 30_000, k: "video", src: clip.url }] }],
    },
  };
}

/** 5 phone clips → 60 s with transitions, clip sound under an mp3 soundtrack. */
async function clipsTo60s(dir: string): Promise<Workload> {
  const clips = await Promise.all(
    [0, 1, 2, 3, 4].map(async (i) =>
      mediaItem(await makeClip(join(dir, `clip-${i}.mp4`), { seconds: 13, toneHz: 330 + 55 * i }), "video", {
        duration: 13,
        hasAudio: true,
      }),
    ),
  );
  const song = mediaItem(await makeMp3(join(dir, "song.mp3"), 20), "audio", { duration: 20 });
  const kinds = ["fade", "slide", "wipe", "zoom"] as const;
  return {
    name: "5 clips → 60 s with transitions and music",
    media: [...clips, song],
    draft: {
      d: 60_000,
      m: { width: 1080, height: 1920, fps: 30, preset: "clips-to-video" },
      t: [
        {
          tt: 0,
          sg: clips.map((c, i) => ({
            s: i * 12_000,
            d: 12_000,
            k: "video",
            src: c.url,
            in: 500,
            v: 0.6,
            tr: i > 0 ? { type: kinds[i - 1], d: 600 } : undefined,
          })),
        },
        { tt: 1, sg: [{ s: 0, d: 60_000, k: "audio", src: song.url, v: 0.35, fi: 500, fo: 2000 }] },
      ],
    },
  };
}

export const WORKLOADS = [photosToVertical, clipToWeixin, clipsTo60s];
