// Reads a spec back from a draft the planner laid out, so follow-up edits re-plan from what is on the timeline.
import { type Draft, type MusicMood, type Segment, TrackType } from "../../core/draft.ts";
import { DEFAULT_PRESET_ID, getPreset } from "../../core/presets.ts";
import type { MediaItem } from "../types.ts";
import { DEFAULTS, type Spec, type TextBlock, type TextBlockName, type Visual } from "./spec.ts";

/** Finds the media item a segment points at; engine URLs change host between runs, so the path tail decides. */
function findMedia(media: MediaItem[], src: string | undefined): MediaItem | undefined {
  if (!src) return undefined;
  const tail = (url: string) => url.replace(/^[a-z]+:\/\/[^/]+/i, "");
  return media.find((m) => m.url === src) ?? media.find((m) => tail(m.url) === tail(src));
}

/** A display name from a file name: "beach-day.mp4" → "beach-day". */
export const baseName = (filename: string) => filename.replace(/\.[a-z0-9]{2,4}$/i, "");

export function visualFromMedia(m: MediaItem): Visual {
  return {
    kind: m.kind === "video" ? "video" : "image",
    src: m.url,
    name: baseName(m.filename),
    ...(m.kind === "video" && m.duration !== undefined && { sourceMs: Math.round(m.duration * 1000) }),
    ...(m.width && m.height && { width: m.width, height: m.height }),
    hasAudio: m.kind === "video" && m.hasAudio !== false,
  };
}

function readVisual(seg: Segment, media: MediaItem[]): Visual | null {
  if (seg.k !== "image" && seg.k !== "video") return null;
  const item = findMedia(media, seg.src);
  // A trim the user chose: the clip starts later than 0, or stops before its end.
  const trim = {
    ...(seg.in && { inMs: seg.in }),
    ...(seg.out !== undefined && { outMs: seg.out }),
  };
  if (item) return { ...visualFromMedia(item), ...trim };
  return {
    ...trim,
    kind: seg.k,
    src: seg.src ?? "",
    name: seg.n ?? "",
    // Without the media item, a clip is at least as long as the part in use.
    ...(seg.k === "video" && { sourceMs: (seg.in ?? 0) + seg.d }),
    hasAudio: seg.k === "video",
  };
}

function blockOf(name: TextBlockName, segs: Segment[]): TextBlock | null {
  if (!segs.length) return null;
  const st = segs[0].st ?? {};
  return {
    lines: segs.map((s) => s.tx ?? ""),
    size: st.size ?? DEFAULTS.size[name],
    pos: st.pos ?? DEFAULTS.pos[name],
    ...(st.color && { color: st.color }),
    ...(st.style && { style: st.style }),
  };
}

function blockNameOf(seg: Segment): TextBlockName | null {
  if (seg.role === "title") return "title";
  if (seg.role === "card") return "cards";
  if (seg.role === "caption") return seg.id?.startsWith("ovl") ? "overlays" : "captions";
  return null;
}

export function readSpec(draft: Draft, media: MediaItem[], presetId?: string): Spec {
  const preset = getPreset(draft.m.preset ?? presetId ?? "") ?? getPreset(DEFAULT_PRESET_ID);
  const segsOf = (tt: number) => draft.t.filter((t) => t.tt === tt).flatMap((t) => t.sg);
  const videoSegs = segsOf(TrackType.Video);
  const visuals = videoSegs.map((s) => readVisual(s, media)).filter((v): v is Visual => v !== null);
  const withTr = videoSegs.find((s) => s.tr);
  const clip = videoSegs.find(
    (s) => s.k === "video" && s.v !== undefined && findMedia(media, s.src)?.hasAudio !== false,
  );
  const text = segsOf(TrackType.Text);
  const block = (name: TextBlockName) =>
    blockOf(
      name,
      text.filter((s) => blockNameOf(s) === name),
    );
  const bgm = segsOf(TrackType.Audio)[0];
  const { width, height, fps, plan = {} } = draft.m;
  return {
    canvas:
      width && height
        ? { width, height, fps: fps ?? 30 }
        : { ...(preset?.canvas ?? { width: 1080, height: 1920, fps: 30 }) },
    preset: preset?.id ?? DEFAULT_PRESET_ID,
    ...(draft.m.budget !== undefined && { budget: draft.m.budget }),
    durationMs: videoSegs.length ? draft.d : 0,
    lengthFixed: plan.lengthFixed === true,
    ...(plan.photoMs && { photoMs: plan.photoMs }),
    visuals,
    transition: withTr?.tr ? { ...withTr.tr } : plan.transition ? { ...plan.transition } : null,
    clipVolume: clip?.v ?? 1,
    title: block("title"),
    overlays: block("overlays"),
    captions: block("captions"),
    captionsPerShot: plan.captionsPerShot === true,
    cards: block("cards"),
    musicLevelFixed: plan.musicLevelFixed === true,
    music: bgm
      ? {
          k: bgm.k === "synth" ? "synth" : "audio",
          ...(bgm.src && { src: bgm.src }),
          ...(bgm.mood && { mood: bgm.mood as MusicMood }),
          name: bgm.n ?? "Music",
          v: bgm.v ?? DEFAULTS.musicUnderClips,
          ...(bgm.in && { from: bgm.in }),
        }
      : null,
  };
}
