// The planner's working model of a video — what to show, in what style — before timing is laid out into a draft.
import type { MusicMood, TextPosition, TextStyleName, TransitionKind } from "../../core/draft.ts";
import type { Canvas } from "../../core/presets.ts";

export interface TextBlock {
  lines: string[];
  /** px at canvas height 1920 */
  size: number;
  pos: TextPosition;
  /** CSS hex; unset: the renderer's default for the style */
  color?: string;
  /** unset: the preset's look */
  style?: TextStyleName;
}

export interface Visual {
  kind: "image" | "video";
  /** media URL */
  src: string;
  name: string;
  /** full length of a clip, ms */
  sourceMs?: number;
  /** the part of a clip the user chose, ms into the source */
  inMs?: number;
  outMs?: number;
  width?: number;
  height?: number;
  hasAudio: boolean;
}

export interface Music {
  k: "audio" | "synth";
  src?: string;
  mood?: MusicMood;
  name: string;
  /** 0..1 */
  v: number;
  /** ms into the user's song where it starts playing */
  from?: number;
}

export type TextBlockName = "title" | "overlays" | "captions" | "cards";

export interface Spec {
  canvas: Canvas;
  preset: string;
  budget?: number;
  /** target length, ms; follows the media unless `lengthFixed` */
  durationMs: number;
  lengthFixed: boolean;
  /** seconds per photo the user asked for, ms; unset: the preset's look */
  photoMs?: number;
  visuals: Visual[];
  transition: { type: TransitionKind; d: number } | null;
  /** volume of the clips' own sound, 0..1 */
  clipVolume: number;
  title: TextBlock | null;
  overlays: TextBlock | null;
  captions: TextBlock | null;
  /** captions change with the shots, one line each */
  captionsPerShot: boolean;
  /** animated text cards: the visual content when there is no media */
  cards: TextBlock | null;
  music: Music | null;
  musicLevelFixed: boolean;
}

const MB = 1024 * 1024;

export const DEFAULTS = {
  minPhotoMs: 1500,
  minClipMs: 1000,
  /** a caption or card line stays up at least this long when the planner picks the length */
  lineMs: 3000,
  titleMs: 3000,
  minDurationMs: 3000,
  /** cap on the length picked without a preset */
  durationCapMs: 60_000,
  transitionMs: 500,
  /** music under clips that have their own sound; alone, music plays at full level */
  musicUnderClips: 0.35,
  musicFadeInMs: 1000,
  musicFadeOutMs: 2000,
  compressBudget: 25 * MB,
  size: { title: 96, overlays: 72, captions: 56, cards: 88 } satisfies Record<TextBlockName, number>,
  pos: { title: "center", overlays: "center", captions: "bottom", cards: "center" } satisfies Record<
    TextBlockName,
    TextPosition
  >,
  minTextSize: 24,
  maxTextSize: 240,
} as const;

export const TEXT_BLOCKS: TextBlockName[] = ["title", "captions", "overlays", "cards"];

export const hasContent = (spec: Spec) => spec.visuals.length > 0 || (spec.cards?.lines.length ?? 0) > 0;

/** How much of a clip plays at most: the part the user kept, or all of it. */
export const usableMs = (v: Visual) => (v.outMs ?? v.sourceMs ?? 0) - (v.inMs ?? 0);

/** How long each photo shows now: what a length the user fixed leaves each, else the chosen (or preset's) seconds. */
export function currentPhotoMs(spec: Spec, presetShotSec = 3): number {
  const chosen = spec.photoMs ?? presetShotSec * 1000;
  const photos = spec.visuals.filter((v) => v.kind === "image").length;
  if (!spec.lengthFixed || !spec.durationMs || !photos) return chosen;
  const overlaps = Math.max(0, spec.visuals.length - 1) * (spec.transition?.d ?? 0);
  const clipsMs = spec.visuals.reduce((sum, v) => sum + (v.kind === "video" ? usableMs(v) : 0), 0);
  const left = spec.durationMs + overlaps - clipsMs;
  return left > 0 ? left / photos : chosen;
}
