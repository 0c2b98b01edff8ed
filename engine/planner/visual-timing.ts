// Splits a target length between shots: clips keep their length when it fits (else are trimmed), stills share the rest.
import { DEFAULTS } from "./spec.ts";

export interface Shot {
  /** clips have a source length; stills (photos, cards) take whatever time they are given */
  sourceMs?: number;
}

export interface ShotTiming {
  /** start and length on the timeline, ms; consecutive shots overlap by `overlapMs` for the transition */
  slots: { s: number; d: number }[];
  overlapMs: number;
  endMs: number;
}

/** Gives each clip up to its own length; long clips are trimmed first, evenly, so short clips stay whole. */
function fillClips(sources: number[], budget: number): number[] {
  const order = sources.map((_, i) => i).sort((a, b) => sources[a] - sources[b] || a - b);
  const out = sources.map(() => 0);
  let left = budget;
  order.forEach((idx, rank) => {
    out[idx] = Math.min(sources[idx], Math.floor(left / (order.length - rank)));
    left -= out[idx];
  });
  // Flooring leaves a few ms over; the longest clip with room takes them.
  const roomy = order.findLast((idx) => out[idx] < sources[idx]);
  if (roomy !== undefined) out[roomy] += Math.min(left, sources[roomy] - out[roomy]);
  return out;
}

function spread(total: number, count: number): number[] {
  const each = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? total - each * (count - 1) : each));
}

export function timeShots(shots: Shot[], targetMs: number, transitionMs: number): ShotTiming {
  const n = shots.length;
  if (n === 0) return { slots: [], overlapMs: 0, endMs: 0 };
  // A transition never takes more than a third of a shot: t ≤ (target + (n−1)t) / 3n, so t ≤ target / (2n+1).
  const overlapMs = n > 1 ? Math.min(transitionMs, Math.floor(targetMs / (2 * n + 1))) : 0;
  n > 1 ? Math.min(transitionMs, Math.floor((targetMs + (n - 1) * transitionMs) / n / 3)) : 0;
  const total = targetMs + (n - 1) * overlapMs;
  const clipIdx = shots.flatMap((s, i) => (s.sourceMs !== undefined ? [i] : []));
  const stills = n - clipIdx.length;
  const sources = clipIdx.map((i) => shots[i].sourceMs ?? 0);
  const clipSum = sources.reduce((a, b) => a + b, 0);
  const clipBudget = stills
    ? Math.min(clipSum, Math.max(total - stills * DEFAULTS.minPhotoMs, clipIdx.length * DEFAULTS.minClipMs))
    : Math.min(clipSum, total);
  const clipLengths = fillClips(sources, clipBudget);
  const clipUsed = clipLengths.reduce((a, b) => a + b, 0);
  const stillLengths = stills ? spread(Math.max(total - clipUsed, stills * DEFAULTS.minPhotoMs), stills) : [];

  let nextClip = 0;
  let nextStill = 0;
  const lengths = shots.map((s) =>
    s.sourceMs !== undefined ? clipLengths[nextClip++] : stillLengths[nextStill++],
  );
  const slots: { s: number; d: number }[] = [];
  for (const d of lengths) {
    const prev = slots.at(-1);
    slots.push({ s: prev ? prev.s + prev.d - overlapMs : 0, d });
  }
  const last = slots[n - 1];
  return { slots, overlapMs, endMs: last.s + last.d };
}
