// Output encoding: H.264 High yuv420p, GOP ≈ 2 s, AAC 48 kHz, faststart; bitrate capped by the preset or set by a size budget.
import type { DraftMeta } from "../../core/draft.ts";
import { videoKbpsFor } from "../../core/presets.ts";
import { AUDIO_RATE } from "./audio-graph.ts";
import { presetOf } from "./render-plan.ts";

/**
 * x264 speed preset. On 2 cores at 1080×1920, "veryfast" encodes about 1.5× faster than "faster" for
 * roughly 5–10% more bits at the same CRF; with the bitrate capped anyway, speed is worth more here.
 */
export const X264_PRESET = "veryfast";
/** Constant quality, held under the preset's bitrate cap by the VBV. */
const CRF = 21;
/** With a size budget the VBV buffer is one second long and is paid for out of the budget. */
const BUDGET_BUFFER_SEC = 1;

export interface EncodingPlan {
  crf: number;
  maxrateKbps: number;
  bufsizeKbps: number;
  fps: number;
  gop: number;
  audioKbps: number;
}

export function encodingFor(meta: DraftMeta, durationSec: number, fps: number): EncodingPlan {
  const preset = presetOf(meta);
  const budget = meta.budget ?? preset.outputBudgetBytes;
  const kbps = videoKbpsFor(preset, durationSec, budget);
  // The VBV lets a stream reach maxrate×duration plus one buffer; fold that buffer into the budget.
  const maxrate = budget ? Math.floor((kbps * durationSec) / (durationSec + BUDGET_BUFFER_SEC)) : kbps;
  return {
    crf: CRF,
    maxrateKbps: maxrate,
    bufsizeKbps: budget ? maxrate * BUDGET_BUFFER_SEC : maxrate * 2,
    fps,
    gop: Math.round(preset.encoding.gopSec * fps),
    audioKbps: preset.encoding.audioKbps,
  };
}

/** Output arguments for both streams; the benchmark's pure-encode bounds use the same ones. */
export function outputArgs(e: EncodingPlan): string[] {
  const video = ["-c:v", "libx264", "-preset", X264_PRESET, "-profile:v", "high", "-pix_fmt", "yuv420p"];
  const rate = ["-crf", String(e.crf), "-maxrate", `${e.maxrateKbps}k`, "-bufsize", `${e.bufsizeKbps}k`];
  const audio = ["-c:a", "aac", "-b:a", `${e.audioKbps}k`, "-ar", String(AUDIO_RATE), "-ac", "2"];
  return [
    ...video,
    ...rate,
    "-g",
    String(e.gop),
    "-r",
    String(e.fps),
    ...audio,
    "-movflags",
    "+faststart",
    "-f",
    "mp4",
  ];
}
