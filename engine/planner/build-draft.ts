// Starts a video from the session's media in the preset's look (transitions, music), and picks its natural length.
import { getPreset } from "../../core/presets.ts";
import type { MediaItem } from "../types.ts";
import { keepAspectCanvas } from "./canvas.ts";
import { type EditContext, musicFor } from "./edit/apply.ts";
import type { Note } from "./notes.ts";
import { visualFromMedia } from "./read-spec.ts";
import { DEFAULTS, type Spec, usableMs } from "./spec.ts";

/** Whether the turn builds the shot list: nothing on the timeline yet, or a make/create request after new uploads. */
export function needsBuild(spec: Spec, media: MediaItem[], create: boolean): boolean {
  const shots = media.filter((m) => m.kind !== "audio");
  if (!spec.visuals.length) return shots.length > 0;
  const used = new Set(spec.visuals.map((v) => v.src));
  return create && shots.some((m) => !used.has(m.url));
}

/**
 * Puts every photo and clip on the timeline. A first video takes the preset's look: its transitions, and its music
 * when the preset promises music (the user's own song if one was uploaded).
 */
export function withMedia(spec: Spec, ctx: EditContext, notes: Note[]): Spec {
  const visuals = ctx.media.filter((m) => m.kind !== "audio").map(visualFromMedia);
  const preset = getPreset(spec.preset);
  const first = !spec.visuals.length && !spec.cards;
  // Cards written before any media arrived become captions over it.
  const captions =
    spec.captions ??
    (spec.cards && { ...spec.cards, size: DEFAULTS.size.captions, pos: DEFAULTS.pos.captions });
  const look = preset?.look;
  const transition =
    first && look?.transition && visuals.length > 1
      ? { type: look.transition.kind, d: look.transition.ms }
      : spec.transition;
  const built: Spec = {
    ...spec,
    canvas: preset?.keepAspect ? keepAspectCanvas(visuals, spec.canvas) : spec.canvas,
    visuals,
    cards: null,
    captions,
    transition,
  };
  return first && look?.music && !spec.music
    ? { ...built, music: musicFor(built, ctx, { cmd: "music" }, notes) }
    : built;
}

/** A script-only video in the preset's look: music when the preset promises it. */
export function withLook(spec: Spec, ctx: EditContext, notes: Note[]): Spec {
  const look = getPreset(spec.preset)?.look;
  return look?.music && !spec.music ? { ...spec, music: musicFor(spec, ctx, { cmd: "music" }, notes) } : spec;
}

/**
 * The length when the user fixed none: photos at the chosen (or preset's) seconds each plus the clips' kept parts,
 * or enough time to read every line; capped at the preset's default length (its maximum when the user chose the
 * seconds per photo, or for WeChat, which passes videos through whole).
 */
export function naturalDurationMs(spec: Spec): number {
  const preset = getPreset(spec.preset);
  const photoMs = spec.photoMs ?? (preset?.look.shotSec ?? 3) * 1000;
  const capSec = preset
    ? preset.keepAspect || spec.photoMs
      ? preset.maxDurationSec
      : preset.defaultDurationSec
    : undefined;
  const cap = capSec ? capSec * 1000 : DEFAULTS.durationCapMs;
  // Shots overlap during transitions; take that off so each photo shows for its full time.
  const overlaps = Math.max(0, spec.visuals.length - 1) * (spec.transition?.d ?? 0);
  const mediaMs =
    spec.visuals.reduce((sum, v) => sum + (v.kind === "video" ? usableMs(v) : photoMs), 0) - overlaps;
  // Enough time to read every line, unless the user chose how long each photo stays.
  const lines = spec.photoMs ? 0 : ((spec.visuals.length ? spec.captions : spec.cards)?.lines.length ?? 0);
  const natural = Math.max(mediaMs, lines * DEFAULTS.lineMs);
  return Math.round(Math.min(cap, Math.max(DEFAULTS.minDurationMs, natural)));
}
