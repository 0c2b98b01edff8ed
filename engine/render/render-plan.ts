// Turns a draft into a frame-exact render plan: canvas, visual clips with transitions, text overlays, audio clips.
import {
  contentEnd,
  type Draft,
  type DraftMeta,
  type Segment,
  TEXT_STYLES,
  type TextPosition,
  type TextRole,
  type TextStyleName,
  TrackType,
  type TransitionKind,
} from "../../core/draft.ts";
import { DEFAULT_PRESET_ID, getPreset, type Preset, type Rect, safeAreaFor } from "../../core/presets.ts";
import type { MediaItem } from "../types.ts";
import { parseColor, type Rgb } from "./color.ts";

export interface Canvas {
  width: number;
  height: number;
  fps: number;
}

export type Motion = "zoom-in" | "zoom-out" | "pan" | "none";

export interface VisualClip {
  kind: "video" | "image" | "color";
  /** first output frame */
  start: number;
  /** output frames, including the tail that the next clip's transition plays over */
  frames: number;
  transition?: { type: TransitionKind; frames: number };
  media?: MediaItem;
  /** seconds into the source */
  trimIn: number;
  fit: "crop" | "blur";
  motion: Motion;
  /** ffmpeg colours for colour cards: one is a solid card, more make a gradient */
  colors: string[];
  /** clip sound: volume and the segment's own fades, seconds */
  volume: number;
  fadeIn: number;
  fadeOut: number;
}

export interface TextOverlay {
  text: string;
  role: TextRole;
  /** seconds */
  start: number;
  end: number;
  /** wanted font size in canvas pixels (it shrinks to fit the safe area) */
  size: number;
  pos: TextPosition;
  style: TextStyleName;
  /** the draft's colour; absent: chosen against what is behind the text */
  color?: Rgb;
}

export interface AudioClip {
  /** a clip's own sound, or music (an audio track: a song, a recording, synthesized music) */
  role: "clip" | "music";
  /** the file to play; absent for synthesized music */
  media?: MediaItem;
  mood?: string;
  /** seconds on the timeline */
  start: number;
  duration: number;
  /** seconds into the source */
  trimIn: number;
  volume: number;
  fadeIn: number;
  fadeOut: number;
}

export interface RenderPlan {
  canvas: Canvas;
  /** output frame count and the matching duration in seconds */
  frames: number;
  duration: number;
  visuals: VisualClip[];
  texts: TextOverlay[];
  audio: AudioClip[];
  /** where text may go on this canvas: the preset's safe zone, scaled */
  safeArea: Rect;
  /** the project title, for the cover when no title is on screen */
  title?: string;
}

const TEXT_DEFAULTS: Record<TextRole, { size: number; pos: TextPosition }> = {
  title: { size: 96, pos: "top" },
  caption: { size: 56, pos: "bottom" },
  card: { size: 84, pos: "center" },
};
/** De-click fade on cuts, seconds. */
const EDGE_FADE = 0.03;
/** Music always eases in and out at least this much (seconds), whatever the draft says. */
const MUSIC_FADE_IN = 0.5;
const MUSIC_FADE_OUT = 1.5;

/** An ffmpeg colour (`0xRRGGBB`) from CSS hex or a common name; the fallback for anything else. */
export function ffmpegColor(value: string | undefined, fallback: string): string {
  const rgb = parseColor(value);
  return rgb
    ? `0x${rgb
        .map((v) => v.toString(16).padStart(2, "0"))
        .join("")
        .toUpperCase()}`
    : fallback;
}

/**
 * The named look of a text: the draft's, else a plate where the draft asked for a box, else the preset's
 * style for titles and captions (a caption in the plain style gets a plate: it sits over busy footage), and
 * the plain style for cards, which sit on calm generated backgrounds.
 */
export function textStyleOf(seg: Segment, role: TextRole, preset: Preset): TextStyleName {
  const asked = seg.st?.style;
  if (asked && (TEXT_STYLES as readonly string[]).includes(asked)) return asked;
  if (seg.st?.box) return "plate";
  if (role === "card") return "clean";
  const look = preset.look.textStyle;
  return role === "caption" && look === "clean" ? "plate" : look;
}

function even(n: number): number {
  return Math.max(16, Math.min(4096, Math.round(n / 2) * 2));
}

/** The draft's preset, else the default one. */
export function presetOf(meta: DraftMeta): Preset {
  return getPreset(meta.preset ?? DEFAULT_PRESET_ID) ?? getPreset(DEFAULT_PRESET_ID)!;
}

/**
 * The output canvas: the draft's size, else the preset's. Presets that keep the source aspect (WeChat) take
 * the first visual's shape, scaled down to at most 1080p.
 */
export function canvasOf(draft: Draft, firstVisual?: MediaItem): Canvas {
  const preset = presetOf(draft.m);
  const fps = draft.m.fps && draft.m.fps >= 10 && draft.m.fps <= 60 ? draft.m.fps : preset.canvas.fps;
  if (draft.m.width && draft.m.height)
    return { width: even(draft.m.width), height: even(draft.m.height), fps };
  const { width: w, height: h } = firstVisual ?? {};
  if (preset.keepAspect && w && h) {
    const scale = Math.min(1, 1080 / Math.min(w, h), 1920 / Math.max(w, h));
    return { width: even(w * scale), height: even(h * scale), fps };
  }
  return { width: even(preset.canvas.width), height: even(preset.canvas.height), fps };
}

function segmentKind(seg: Segment, media: MediaItem | undefined): NonNullable<Segment["k"]> {
  if (seg.k) return seg.k;
  if (media) return media.kind;
  if (seg.tx !== undefined) return "text";
  return seg.mood !== undefined ? "synth" : "color";
}

const blackClip = (start: number, frames: number): VisualClip => ({
  kind: "color",
  start,
  frames,
  trimIn: 0,
  fit: "crop",
  motion: "none",
  colors: ["0x000000"],
  volume: 0,
  fadeIn: 0,
  fadeOut: 0,
});

interface Item {
  seg: Segment;
  media?: MediaItem;
  tt: number;
  kind: NonNullable<Segment["k"]>;
}

const clampVolume = (v: number | undefined) => Math.max(0, Math.min(1, v ?? 1));

/**
 * Lays the video track out in frames. Each clip runs until the next one starts (a later segment cuts an
 * earlier one); a transition into a clip extends the clip before it by the transition's length, so both
 * are on screen while it plays. Gaps and the end are filled with black.
 */
function planVisuals(items: Item[], frames: number, toFrames: (ms: number) => number): VisualClip[] {
  const placed = items
    .filter(
      (x) => x.tt === TrackType.Video && (x.kind === "video" || x.kind === "image" || x.kind === "color"),
    )
    .map((x) => ({ ...x, start: toFrames(x.seg.s), end: toFrames(x.seg.s + x.seg.d) }))
    .filter((x) => x.end > x.start && x.start < frames)
    .sort((a, b) => a.start - b.start);
  const visuals: VisualClip[] = [];
  let cursor = 0;
  placed.forEach(({ seg, media, kind, ...item }, i) => {
    const start = Math.max(item.start, cursor);
    const end = Math.min(item.end, placed[i + 1]?.start ?? frames, frames);
    if (end <= start) return;
    if (start > cursor) visuals.push(blackClip(cursor, start - cursor));
    const prev = visuals.at(-1);
    const trFrames = seg.tr && prev ? Math.min(toFrames(seg.tr.d), end - start, prev.frames) : 0;
    if (prev && trFrames > 0) prev.frames += trFrames;
    visuals.push({
      kind: media ? (kind as VisualClip["kind"]) : "color",
      start,
      frames: end - start,
      transition: seg.tr && trFrames > 0 ? { type: seg.tr.type, frames: trFrames } : undefined,
      media,
      trimIn: (seg.in ?? 0) / 1000,
      fit: seg.fit ?? "crop",
      motion: seg.mo ?? (kind === "image" ? "zoom-in" : "none"),
      colors: (seg.bg?.length ? seg.bg : ["#000000"]).map((c) => ffmpegColor(c, "0x000000")),
      volume: clampVolume(seg.v),
      fadeIn: (seg.fi ?? 0) / 1000,
      fadeOut: (seg.fo ?? 0) / 1000,
    });
    cursor = end;
  });
  if (cursor < frames) visuals.push(blackClip(cursor, frames - cursor));
  return visuals;
}

/** Clip sound follows its clip, tail included, crossfading over transitions. */
function clipSound(visuals: VisualClip[], fps: number): AudioClip[] {
  return visuals.flatMap((clip, i): AudioClip[] => {
    if (clip.kind !== "video" || !clip.media?.hasAudio) return [];
    const outgoing = visuals[i + 1]?.transition?.frames ?? 0;
    return [
      {
        role: "clip",
        media: clip.media,
        start: clip.start / fps,
        duration: clip.frames / fps,
        trimIn: clip.trimIn,
        volume: clip.volume,
        fadeIn: Math.max((clip.transition?.frames ?? 0) / fps, clip.fadeIn, EDGE_FADE),
        fadeOut: Math.max(outgoing / fps, clip.fadeOut, EDGE_FADE),
      },
    ];
  });
}

/** Music and other sound on audio tracks: uploaded files, or synthesized by mood (the preset's when unnamed). */
function planMusic(items: Item[], duration: number, preset: Preset): AudioClip[] {
  return items.flatMap(({ seg, media, tt, kind }): AudioClip[] => {
    if (tt !== TrackType.Audio || (kind !== "audio" && kind !== "synth")) return [];
    const start = seg.s / 1000;
    const length = Math.min(seg.d / 1000, duration - start);
    if (length <= 0 || (kind === "audio" && !media)) return [];
    return [
      {
        role: "music",
        media: kind === "audio" ? media : undefined,
        mood: seg.mood ?? preset.look.music ?? undefined,
        start,
        duration: length,
        trimIn: (seg.in ?? 0) / 1000,
        volume: clampVolume(seg.v),
        fadeIn: Math.max((seg.fi ?? 0) / 1000, MUSIC_FADE_IN),
        fadeOut: Math.max((seg.fo ?? 0) / 1000, MUSIC_FADE_OUT),
      },
    ];
  });
}

const POSITIONS: readonly string[] = ["top", "center", "bottom"];
/** More than this never fits on screen; cutting early keeps layout time bounded whatever a draft holds. */
const MAX_TEXT_CHARS = 400;
const onScreenText = (tx: string) => {
  const chars = [...tx];
  return chars.length > MAX_TEXT_CHARS ? `${chars.slice(0, MAX_TEXT_CHARS).join("")}…` : tx;
};
/** Text sizes are px at a 1920-high canvas; a size that is not a sane number takes the role's default. */
const sizeOr = (v: unknown, fallback: number) =>
  typeof v === "number" && Number.isFinite(v) && v >= 8 && v <= 600 ? v : fallback;

function planTexts(items: Item[], canvas: Canvas, duration: number, preset: Preset): TextOverlay[] {
  return (
    items
      // Text with nothing visible in it (spaces, control characters) draws nothing.
      .filter((x) => x.kind === "text" && typeof x.seg.tx === "string" && /[^\p{Cc}\s]/u.test(x.seg.tx))
      .map(({ seg }) => {
        const role = seg.role && seg.role in TEXT_DEFAULTS ? seg.role : "caption";
        const defaults = TEXT_DEFAULTS[role];
        const pos = seg.st?.pos && POSITIONS.includes(seg.st.pos) ? seg.st.pos : defaults.pos;
        return {
          text: onScreenText(seg.tx!),
          role,
          start: seg.s / 1000,
          end: Math.min((seg.s + seg.d) / 1000, duration),
          size: Math.round((sizeOr(seg.st?.size, defaults.size) * canvas.height) / 1920),
          pos,
          style: textStyleOf(seg, role, preset),
          color: parseColor(seg.st?.color),
        };
      })
      .filter((t) => t.end > t.start)
  );
}

export function planRender(draft: Draft, lookup: (src: string) => MediaItem | undefined): RenderPlan {
  const items: Item[] = draft.t.flatMap((t) =>
    t.sg.map((seg) => {
      const media = seg.src ? lookup(seg.src) : undefined;
      return { seg, media, tt: t.tt, kind: segmentKind(seg, media) };
    }),
  );
  const firstVisual = items
    .filter((x) => x.tt === TrackType.Video && (x.kind === "video" || x.kind === "image") && x.media)
    .sort((a, b) => a.seg.s - b.seg.s)[0]?.media;
  const canvas = canvasOf(draft, firstVisual);
  const preset = presetOf(draft.m);
  const toFrames = (ms: number) => Math.round((ms * canvas.fps) / 1000);
  const frames = toFrames(draft.d > 0 ? draft.d : contentEnd(draft));
  const duration = frames / canvas.fps;
  const visuals = planVisuals(items, frames, toFrames);
  const audio = [...clipSound(visuals, canvas.fps), ...planMusic(items, duration, preset)].filter(
    (a) => a.volume > 0,
  );
  return {
    canvas,
    frames,
    duration,
    visuals,
    texts: planTexts(items, canvas, duration, preset),
    audio,
    safeArea: safeAreaFor(preset, canvas),
    title: typeof draft.m.title === "string" && draft.m.title.trim() ? draft.m.title.trim() : undefined,
  };
}
