// The planner's working model of a video — what to show, in what style — before timing is laid out into a draft.
import type { TextPosition, TransitionKind } from "../../core/draft.ts";
import type { Canvas } from "../../core/presets.ts";
import type { Mood } from "./ops.ts";

export interface TextBlock {
  lines: string[];
  /** px at canvas height 1920 */
  size: number;
  pos: TextPosition;
}

export interface Visual {
  kind: "image" | "video";
  /** media URL */
  src: string;
  name: string;
  /** full length of a clip, ms */
  sourceMs?: number;
  width?: number;
  height?: number;
  hasAudio: boolean;
}

export interface Music {
  k: "audio" | "synth";
  src?: string;
  mood?: Mood;
  name: string;
  /** 0..1 */
  v: number;
}

export type TextBlockName = "title" | "overlays" | "captions" | "cards";

export interface Spec {
  canvas: Canvas;
  preset: string;
  budget?: number;
  /** target length, ms; 0 until a first build decides it */
  durationMs: number;
  visuals: Visual[];
  transition: { type: TransitionKind; d: number } | null;
  /** volume of the clips' own sound, 0..1 */
  clipVolume: number;
  title: TextBlock | null;
  overlays: TextBlock | null;
  captions: TextBlock | null;
  /** animated text cards: the visual content when there is no media */
  cards: TextBlock | null;
  music: Music | null;
}

const MB = 1024 * 1024;

export const DEFAULTS = {
  photoMs: 3000,
  minPhotoMs: 1500,
  minClipMs: 1000,
  /** a caption or card line stays up at least this long when the planner picks the length */
  lineMs: 3000,
  titleMs: 3000,
  minDurationMs: 3000,
  /** cap on the length picked without a preset */
  durationCapMs: 60_000,
  transitionMs: 500,
  musicVolume: 0.35,
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
