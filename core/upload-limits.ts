// The largest upload the pipeline behind Reelsmith can take: the local engine's own limit, or NemoVideo's per preset.

import type { Lang } from "./errors.ts";
import type { Preset } from "./presets.ts";
import { MAX_UPLOAD_BYTES } from "./upstream-facts.ts";

/** Which upstream does the editing (the Worker var UPSTREAM_KIND). */
export type UpstreamKind = "engine" | "nemovideo";

export interface UploadLimit {
  bytes: number;
  /** whose limit it is: the local engine's, or NemoVideo's for this preset */
  by: UpstreamKind;
}

export const upstreamKindOf = (v: string | undefined): UpstreamKind =>
  v === "nemovideo" ? "nemovideo" : "engine";

/**
 * NemoVideo takes at most 500 MB and says 200 MB for some presets (the presets' `maxUploadBytes`). The local
 * engine compresses and edits whatever fits its own limit on every preset, so a WeChat project takes a normal
 * two-minute phone clip there.
 */
export function uploadLimit(preset: Preset | undefined, upstream: UpstreamKind): UploadLimit {
  if (upstream === "engine") return { bytes: MAX_UPLOAD_BYTES, by: "engine" };
  return { bytes: Math.min(preset?.maxUploadBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES), by: "nemovideo" };
}

const MB = 1024 * 1024;

/** Sizes as people read them, in the unit limits are stated in: MB (2^20 bytes), to one decimal. */
export function formatSize(bytes: number): string {
  if (bytes === 0) return "0 MB";
  const mb = Math.round((bytes / MB) * 10) / 10;
  return mb === 0 ? "< 0.1 MB" : `${mb} MB`;
}

const WHOSE = {
  en: { engine: "the local engine's limit", nemovideo: "NemoVideo's limit for this platform" },
  zh: { engine: "本地引擎的上限", nemovideo: "NemoVideo 对该平台的上限" },
};

/** Whose limit it is, in words ("the local engine's limit"). */
export const whoseLimit = (by: UpstreamKind, lang: Lang) => WHOSE[lang][by];
