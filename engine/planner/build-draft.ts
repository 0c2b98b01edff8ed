// Starts a video from the session's media: shots in upload order on the preset's canvas, then a default length.
import { getPreset } from "../../core/presets.ts";
import type { MediaItem } from "../types.ts";
import { keepAspectCanvas } from "./canvas.ts";
import { visualFromMedia } from "./read-spec.ts";
import { DEFAULTS, type Spec } from "./spec.ts";

/** Whether the turn builds the shot list: nothing on the timeline yet, or a make/create request after new uploads. */
export function needsBuild(spec: Spec, media: MediaItem[], create: boolean): boolean {
  const shots = media.filter((m) => m.kind !== "audio");
  if (!spec.visuals.length) return shots.length > 0;
  const used = new Set(spec.visuals.map((v) => v.src));
  return create && shots.some((m) => !used.has(m.url));
}

/** Puts every photo and clip on the timeline; the length is chosen again once the turn's edits are in. */
export function withMedia(spec: Spec, media: MediaItem[]): Spec {
  const visuals = media.filter((m) => m.kind !== "audio").map(visualFromMedia);
  const preset = getPreset(spec.preset);
  // Cards written before any media arrived become captions over it.
  const captions =
    spec.captions ??
    (spec.cards && { ...spec.cards, size: DEFAULTS.size.captions, pos: DEFAULTS.pos.captions });
  const joinsClips = spec.preset === "clips-to-video" && !spec.transition;
  return {
    ...spec,
    canvas: preset?.keepAspect ? keepAspectCanvas(visuals, spec.canvas) : spec.canvas,
    visuals,
    cards: null,
    captions,
    durationMs: 0,
    transition: joinsClips ? { type: "fade", d: DEFAULTS.transitionMs } : spec.transition,
  };
}

/**
 * The length when the user named none: the media's own length (photos 3 s each) or enough time to read every line,
 * capped at the preset's default length (at its maximum for WeChat, which passes videos through whole).
 */
export function defaultDurationMs(spec: Spec): number {
  const preset = getPreset(spec.preset);
  const capSec = preset ? (preset.keepAspect ? preset.maxDurationSec : preset.defaultDurationSec) : undefined;
  const cap = capSec ? capSec * 1000 : DEFAULTS.durationCapMs;
  const mediaMs = spec.visuals.reduce(
    (sum, v) => sum + (v.kind === "video" ? (v.sourceMs ?? 0) : DEFAULTS.photoMs),
    0,
  );
  const lines = (spec.visuals.length ? spec.captions : spec.cards)?.lines.length ?? 0;
  const natural = Math.max(mediaMs, lines * DEFAULTS.lineMs);
  return Math.min(cap, Math.max(DEFAULTS.minDurationMs, natural));
}
