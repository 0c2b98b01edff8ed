// Compares the draft before and after a turn and lists what changed, as typed facts for the reply and the tool call.
import type { Draft, Segment, TextPosition, TextStyleName, TransitionKind } from "../../core/draft.ts";
import { TrackType } from "../../core/draft.ts";
import type { Canvas } from "../../core/presets.ts";
import type { MediaItem } from "../types.ts";
import { readSpec } from "./read-spec.ts";
import { type Music, type Spec, type TextBlockName, usableMs } from "./spec.ts";

export type Change =
  /** the turn left nothing on the timeline (an undo back to the start) */
  | { kind: "cleared" }
  | { kind: "canvas"; from: Canvas | null; to: Canvas; preset: string }
  | { kind: "duration"; fromMs: number; toMs: number }
  /** the shot list or its timing */
  | { kind: "shots"; photos: number; clips: number; photoMs?: number; trimmed: number }
  /** the same shots in a new order */
  | { kind: "order"; names: string[] }
  /** the part of a clip that plays */
  | { kind: "trim"; name: string; inMs: number; outMs: number }
  | { kind: "transition"; from: TransitionKind | null; to: TransitionKind | null; ms: number; fromMs: number }
  | {
      kind: "text";
      block: TextBlockName;
      from: string[];
      to: string[];
      pos?: TextPosition;
      perShot?: boolean;
      /** a colour the user chose, said with new text */
      color?: string;
    }
  | {
      kind: "textStyle";
      block: TextBlockName;
      size?: [number, number];
      pos?: [TextPosition, TextPosition];
      color?: string;
      style?: TextStyleName;
    }
  | { kind: "music"; from: Music | null; to: Music | null; fadeOutMs: number }
  | { kind: "clipAudio"; on: boolean; level: number }
  | { kind: "budget"; from?: number; to?: number };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How a reply sums up the shots: how many photos (and how long each) and clips (and how many cut to fit). */
function shotSummary(segs: Segment[], spec: Spec): Extract<Change, { kind: "shots" }> {
  const photos = segs.filter((s) => s.k === "image");
  const clips = segs.filter((s) => s.k === "video");
  const trimmed = clips.filter((s) => {
    const v = spec.visuals.find((x) => x.src === s.src);
    return v !== undefined && s.d < usableMs(v) - 50;
  }).length;
  const photoMs =
    photos.length && photos.every((p) => Math.abs(p.d - photos[0].d) < 100) ? photos[0].d : undefined;
  return { kind: "shots", photos: photos.length, clips: clips.length, ...(photoMs && { photoMs }), trimmed };
}

function shotsChange(before: Draft, after: Draft, spec: Spec): Change | null {
  const shotsOf = (d: Draft) =>
    d.t
      .filter((t) => t.tt === TrackType.Video)
      .flatMap((t) => t.sg)
      .filter((s) => s.k !== "color");
  const [old, now] = [shotsOf(before), shotsOf(after)];
  const key = (segs: typeof old) => segs.map((s) => [s.src, s.d]);
  if (!now.length || same(key(old), key(now))) return null;
  // Same shots, new order: say the order, not the counts.
  const sources = (segs: typeof old) => segs.map((s) => s.src);
  if (old.length && !same(sources(old), sources(now)) && same(sources(old).sort(), sources(now).sort()))
    return { kind: "order", names: now.map((s) => s.n ?? "") };
  // Timing that shifted by a transition alone is not news: say the shots only when their summary changed.
  const change = shotSummary(now, spec);
  return old.length && same(shotSummary(old, spec), change) ? null : change;
}

/** Clips whose kept part changed, by source. */
function trimChanges(a: Spec, b: Spec): Change[] {
  return b.visuals.flatMap((v): Change[] => {
    const was = a.visuals.find((x) => x.src === v.src);
    if (v.kind !== "video" || !was || ((was.inMs ?? 0) === (v.inMs ?? 0) && was.outMs === v.outMs)) return [];
    return [{ kind: "trim", name: v.name, inMs: v.inMs ?? 0, outMs: v.outMs ?? v.sourceMs ?? 0 }];
  });
}

function textChanges(a: Spec, b: Spec): Change[] {
  return (["title", "overlays", "captions", "cards"] as const).flatMap((block): Change[] => {
    const [from, to] = [a[block], b[block]];
    if (!same(from?.lines ?? [], to?.lines ?? [])) {
      return [
        {
          kind: "text",
          block,
          from: from?.lines ?? [],
          to: to?.lines ?? [],
          ...(to && { pos: to.pos }),
          ...(to?.color && to.color !== from?.color && { color: to.color }),
          ...(to?.color && to.color !== from?.color && { color: to.color }),
          ...(block === "captions" && b.captionsPerShot && { perShot: true }),
        },
      ];
    }
    if (!from || !to || same(from, to)) return [];
    return [
      {
        kind: "textStyle",
        block,
        ...(from.size !== to.size && { size: [from.size, to.size] as [number, number] }),
        ...(from.pos !== to.pos && { pos: [from.pos, to.pos] as [TextPosition, TextPosition] }),
        ...(from.color !== to.color && to.color && { color: to.color }),
        ...(from.style !== to.style && to.style && { style: to.style }),
      },
    ];
  });
}

export function diffDrafts(before: Draft, after: Draft, media: MediaItem[]): Change[] {
  if (!after.t.length) return before.t.length ? [{ kind: "cleared" }] : [];
  const [a, b] = [readSpec(before, media), readSpec(after, media)];
  const changes: Change[] = [];
  const hadCanvas = before.m.width !== undefined && before.t.length > 0;
  if (!hadCanvas || !same(a.canvas, b.canvas) || a.preset !== b.preset) {
    changes.push({ kind: "canvas", from: hadCanvas ? a.canvas : null, to: b.canvas, preset: b.preset });
  }
  if (before.d !== after.d) changes.push({ kind: "duration", fromMs: before.d, toMs: after.d });
  const shots = shotsChange(before, after, b);
  if (shots) changes.push(shots);
  changes.push(...trimChanges(a, b));
  if (!same(a.transition, b.transition)) {
    changes.push({
      kind: "transition",
      from: a.transition?.type ?? null,
      to: b.transition?.type ?? null,
      ms: b.transition?.d ?? 0,
      fromMs: a.transition?.d ?? 0,
    });
  }
  changes.push(...textChanges(a, b));
  if (!same(a.music, b.music)) {
    const fadeOutMs = after.t.find((t) => t.tt === TrackType.Audio)?.sg[0]?.fo ?? 0;
    changes.push({ kind: "music", from: a.music, to: b.music, fadeOutMs });
  }
  if (a.clipVolume !== b.clipVolume && b.visuals.some((v) => v.hasAudio))
    changes.push({ kind: "clipAudio", on: b.clipVolume > 0, level: b.clipVolume });
  if (a.budget !== b.budget)
    changes.push({ kind: "budget", ...(a.budget && { from: a.budget }), ...(b.budget && { to: b.budget }) });
  return changes;
}

/** The `edit_multitrack` arguments: what changed, in the tool's own words. */
export function toolArgs(changes: Change[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const c of changes) {
    if (c.kind === "cleared") args.cleared = true;
    if (c.kind === "canvas") args.canvas = { width: c.to.width, height: c.to.height, preset: c.preset };
    if (c.kind === "duration") args.duration_ms = c.toMs;
    if (c.kind === "shots") args.shots = { photos: c.photos, clips: c.clips, trimmed: c.trimmed };
    if (c.kind === "transition") args.transition = c.to ? { type: c.to, duration_ms: c.ms } : null;
    if (c.kind === "text") args[c.block] = c.block === "title" ? (c.to[0] ?? null) : c.to;
    if (c.kind === "textStyle")
      args[`${c.block}_style`] = { size: c.size?.[1], position: c.pos?.[1], color: c.color, style: c.style };
    if (c.kind === "music")
      args.music = c.to ? { kind: c.to.k, name: c.to.name, mood: c.to.mood, volume: c.to.v } : null;
    if (c.kind === "clipAudio") args.clip_audio = c.on ? c.level : 0;
    if (c.kind === "order") args.order = c.names;
    if (c.kind === "trim")
      args.trim = [...((args.trim as unknown[]) ?? []), { clip: c.name, in_ms: c.inMs, out_ms: c.outMs }];
    if (c.kind === "budget") args.budget_bytes = c.to ?? null;
  }
  return args;
}
