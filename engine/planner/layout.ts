// Lays a spec out on the timeline: the short-key draft with video, text and music tracks the renderer reads.
import {
  type Draft,
  type DraftMeta,
  type PlanChoices,
  type Segment,
  type Track,
  TrackType,
} from "../../core/draft.ts";
import { getPreset } from "../../core/presets.ts";
import { DEFAULTS, type Spec, type TextBlock, type TextBlockName, usableMs, type Visual } from "./spec.ts";
import { timeShots } from "./visual-timing.ts";

// Gradient pairs for text cards, picked by card number so the same script always looks the same.
const CARD_COLOURS: [string, string][] = [
  ["#1E3C72", "#2A5298"],
  ["#FF512F", "#DD2476"],
  ["#11998E", "#38EF7D"],
  ["#8E2DE2", "#4A00E0"],
  ["#F7971E", "#FFD200"],
  ["#00C6FF", "#0072FF"],
];
const MOTIONS = ["zoom-in", "zoom-out", "pan"] as const;
const TRACK_NAMES: Record<TextBlockName, string> = {
  title: "Title",
  overlays: "Text",
  captions: "Captions",
  cards: "Cards",
};
const SEGMENT_PREFIX: Record<TextBlockName, string> = {
  title: "title",
  overlays: "ovl",
  captions: "cap",
  cards: "cardtx",
};
const ROLES = { title: "title", overlays: "caption", captions: "caption", cards: "card" } as const;

/** Crop when the shot is close to the canvas shape; otherwise fit it over a blurred copy of itself. */
function fitFor(v: Visual, spec: Spec): "crop" | "blur" {
  if (!v.width || !v.height) return "crop";
  const ratio = v.width / v.height / (spec.canvas.width / spec.canvas.height);
  return Math.abs(Math.log(ratio)) < 0.2 ? "crop" : "blur";
}

function visualSegment(v: Visual, i: number, spec: Spec, slot: { s: number; d: number }): Segment {
  const base: Segment = {
    id: `v${i + 1}`,
    s: slot.s,
    d: slot.d,
    k: v.kind,
    src: v.src,
    n: v.name,
    fit: fitFor(v, spec),
  };
  if (v.kind === "image") return { ...base, mo: MOTIONS[i % MOTIONS.length] };
  return {
    ...base,
    in: v.inMs ?? 0,
    ...(v.outMs !== undefined && { out: v.outMs }),
    v: v.hasAudio ? spec.clipVolume : 0,
  };
}

function cardSegment(i: number, slot: { s: number; d: number }): Segment {
  return {
    id: `card${i + 1}`,
    s: slot.s,
    d: slot.d,
    k: "color",
    n: `Card ${i + 1}`,
    bg: CARD_COLOURS[i % CARD_COLOURS.length],
  };
}

function textSegments(
  name: TextBlockName,
  block: TextBlock,
  slots: { s: number; d: number }[],
  spec: Spec,
): Segment[] {
  const style = block.style ?? getPreset(spec.preset)?.look.textStyle;
  return block.lines.map((tx, i) => ({
    id: `${SEGMENT_PREFIX[name]}${i + 1}`,
    ...slots[i],
    k: "text",
    tx,
    role: ROLES[name],
    st: {
      size: block.size,
      pos: block.pos,
      // Only a colour the user chose: otherwise the renderer picks one that reads on the picture.
      ...(block.color && { color: block.color }),
      ...(style && { style }),
      ...(name === "captions" && { box: true }),
    },
  }));
}

/** One caption per shot: each line shows while its shot is on screen (from the middle of a transition to the next). */
function shotSlots(shots: { s: number; d: number }[], overlapMs: number, count: number, endMs: number) {
  const starts = shots.map((slot, i) => (i === 0 ? 0 : slot.s + Math.floor(overlapMs / 2)));
  return Array.from({ length: count }, (_, i) => {
    const s = starts[i] ?? endMs;
    const end = starts[i + 1] ?? endMs;
    return { s, d: Math.max(0, end - s) };
  }).filter((slot) => slot.d > 0);
}

/** Equal slots over [from, to). */
function evenSlots(count: number, from: number, to: number): { s: number; d: number }[] {
  const each = Math.floor((to - from) / count);
  return Array.from({ length: count }, (_, i) => ({
    s: from + i * each,
    d: i === count - 1 ? to - from - i * each : each,
  }));
}

function textTracks(
  spec: Spec,
  endMs: number,
  shots: { s: number; d: number }[],
  overlapMs: number,
): Track[] {
  const titleEnd = spec.title ? Math.min(DEFAULTS.titleMs, endMs) : 0;
  // Overlays follow the title when there is room for them, else share the whole video.
  const overlayFrom = endMs - titleEnd >= 1000 ? titleEnd : 0;
  const slotsFor: Record<TextBlockName, (n: number) => { s: number; d: number }[]> = {
    title: () => [{ s: 0, d: titleEnd }],
    overlays: (n) => evenSlots(n, overlayFrom, endMs),
    // Captions follow the shots when asked to, or when there is exactly one line per shot.
    captions: (n) =>
      spec.visuals.length > 1 && (spec.captionsPerShot || n === spec.visuals.length)
        ? shotSlots(shots, overlapMs, Math.min(n, shots.length), endMs)
        : evenSlots(n, 0, endMs),
    cards: () => shots,
  };
  return (["cards", "title", "overlays", "captions"] as const).flatMap((name): Track[] => {
    const block = spec[name];
    if (!block?.lines.length) return [];
    const slots = slotsFor[name](block.lines.length);
    const sg = textSegments(name, { ...block, lines: block.lines.slice(0, slots.length) }, slots, spec);
    return [{ id: name, tt: TrackType.Text, n: TRACK_NAMES[name], sg }];
  });
}

/** The music's level: what the user set, else under the clips' own sound, or full when it plays alone. */
export function musicLevel(spec: Spec): number {
  if (!spec.music) return 0;
  if (spec.musicLevelFixed) return spec.music.v;
  const clipsTalk = spec.clipVolume > 0 && spec.visuals.some((v) => v.kind === "video" && v.hasAudio);
  return clipsTalk ? DEFAULTS.musicUnderClips : 1;
}

function musicTrack(spec: Spec, endMs: number): Track[] {
  const m = spec.music;
  if (!m) return [];
  const seg: Segment = {
    id: "bgm",
    s: 0,
    d: endMs,
    k: m.k,
    ...(m.src && { src: m.src }),
    ...(m.mood && { mood: m.mood }),
    n: m.name,
    v: musicLevel(spec),
    fi: Math.min(DEFAULTS.musicFadeInMs, Math.floor(endMs / 8)),
    fo: Math.min(DEFAULTS.musicFadeOutMs, Math.floor(endMs / 4)),
  };
  return [{ id: "bgm", tt: TrackType.Audio, n: "BGM", sg: [seg] }];
}

function meta(spec: Spec): DraftMeta {
  const plan: PlanChoices = {
    ...(spec.lengthFixed && { lengthFixed: true }),
    ...(spec.photoMs && { photoMs: spec.photoMs }),
    ...(spec.musicLevelFixed && { musicLevelFixed: true }),
    ...(spec.captionsPerShot && { captionsPerShot: true }),
    ...(spec.transition && { transition: spec.transition }),
  };
  const { width, height, fps } = spec.canvas;
  const title = spec.title?.lines[0];
  return {
    width,
    height,
    fps,
    ...(title && { title }),
    preset: spec.preset,
    ...(spec.budget !== undefined && { budget: spec.budget }),
    ...(Object.keys(plan).length && { plan }),
  };
}

export function layoutDraft(spec: Spec): Draft {
  const cards = spec.visuals.length ? [] : (spec.cards?.lines ?? []);
  const shots = spec.visuals.length
    ? spec.visuals.map((v) => ({ sourceMs: v.kind === "video" ? usableMs(v) : undefined }))
    : cards.map(() => ({}));
  const timing = timeShots(shots, spec.durationMs, spec.transition?.d ?? 0);
  if (!shots.length) return { t: [], d: 0, m: meta(spec) };
  const tr =
    spec.transition && timing.overlapMs > 0 ? { type: spec.transition.type, d: timing.overlapMs } : undefined;
  const sg = timing.slots.map((slot, i) => {
    const seg = spec.visuals.length ? visualSegment(spec.visuals[i], i, spec, slot) : cardSegment(i, slot);
    return i > 0 && tr ? { ...seg, tr } : seg;
  });
  const video: Track = { id: "video", tt: TrackType.Video, n: "Video", sg };
  const textSpec = spec.visuals.length ? { ...spec, cards: null } : spec;
  return {
    t: [
      video,
      ...textTracks(textSpec, timing.endMs, timing.slots, timing.overlapMs),
      ...musicTrack(spec, timing.endMs),
    ],
    d: timing.endMs,
    m: meta(spec),
  };
}
