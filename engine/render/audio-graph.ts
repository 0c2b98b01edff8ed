// The audio mix: clip sound and music on the timeline with volumes and fades, music ducked under clip sound, then mastered to one loudness.
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { FilterGraph } from "./filter-graph.ts";
import { sec } from "./filter-graph.ts";
import type { AudioClip, RenderPlan } from "./render-plan.ts";
import { resolveMood, writeSynthLoop } from "./synth-music.ts";
import { videoInputOptions } from "./visual-clip.ts";

export const AUDIO_RATE = 48000;
/** Every render's integrated loudness (the level streaming platforms normalise to). */
export const TARGET_LUFS = -14;
/**
 * Ceiling of the limiter, which runs at 4× the sample rate so it catches the peaks between samples too. AAC
 * encoding still overshoots by up to about 1.5 dB on drum hits, so a −3 dBFS ceiling keeps the finished
 * file's true peak at or below −1 dBTP.
 */
const LIMIT_DBFS = -3;
const OVERSAMPLED = AUDIO_RATE * 4;
/** The mix never gains more than this: near-silence stays quiet instead of becoming loud hiss. */
const MAX_GAIN_DB = 30;

/** Input options for a music file: seek to the trim and loop when the file is shorter than the slot. */
function musicInputOptions(clip: AudioClip, sourceSeconds: number | undefined): string[] {
  const loop = (sourceSeconds ?? 0) - clip.trimIn >= clip.duration ? [] : ["-stream_loop", "-1"];
  return [...loop, "-ss", sec(clip.trimIn), "-t", sec(clip.duration + 0.5)];
}

function placeFilters(clip: AudioClip): string[] {
  const fadeIn = Math.min(clip.fadeIn, clip.duration / 2);
  const fadeOut = Math.min(clip.fadeOut, clip.duration / 2);
  return [
    `aformat=sample_fmts=fltp:sample_rates=${AUDIO_RATE}:channel_layouts=stereo`,
    `atrim=duration=${sec(clip.duration)}`,
    "asetpts=PTS-STARTPTS",
    `volume=${sec(clip.volume)}`,
    `afade=t=in:d=${sec(fadeIn)}`,
    `afade=t=out:st=${sec(clip.duration - fadeOut)}:d=${sec(fadeOut)}`,
    `adelay=delays=${Math.round(clip.start * 1000)}:all=1`,
  ];
}

/** The synthesized loop for a mood, written once into the render's work folder. */
async function synthLoopFile(workDir: string, mood: string | undefined): Promise<string> {
  const path = join(workDir, `music-${resolveMood(mood)}.wav`);
  await access(path).catch(() => writeSynthLoop(path, mood));
  return path;
}

async function audioClipChain(graph: FilterGraph, clip: AudioClip, workDir: string): Promise<string> {
  let input: number;
  if (!clip.media) {
    input = graph.addInput(await synthLoopFile(workDir, clip.mood), musicInputOptions(clip, 0));
  } else if (clip.media.kind === "video") {
    // A clip that plays whole (no transitions) gets its sound from the very input its picture uses.
    input = graph.addInput(clip.media.path, videoInputOptions(clip.trimIn, clip.duration));
  } else {
    input = graph.addInput(clip.media.path, musicInputOptions(clip, clip.media.duration));
  }
  return graph.chain([`[${input}:a]`], placeFilters(clip), graph.label("snd"));
}

/** Sums labelled streams into one, without level changes; one stream passes as it is. */
function sum(graph: FilterGraph, labels: string[], prefix: string): string {
  if (labels.length === 1) return labels[0];
  return graph.chain(
    labels,
    [`amix=inputs=${labels.length}:duration=longest:dropout_transition=0:normalize=0`],
    graph.label(prefix),
  );
}

/**
 * Adds the audio chains and returns the label of the mixed track, exactly the plan's duration, before
 * mastering. Music dips about 10 dB whenever a clip's own sound plays (speech stays clear) and comes back
 * within half a second after.
 */
export async function buildMix(graph: FilterGraph, plan: RenderPlan, workDir: string): Promise<string> {
  const bed = graph.chain(
    [],
    [`anullsrc=r=${AUDIO_RATE}:cl=stereo`, `atrim=duration=${sec(plan.duration)}`],
    graph.label("bed"),
  );
  const chains = async (clips: AudioClip[]) => {
    const labels: string[] = [];
    for (const clip of clips) labels.push(await audioClipChain(graph, clip, workDir));
    return labels;
  };
  const clipSound = await chains(plan.audio.filter((a) => a.role === "clip"));
  const music = await chains(plan.audio.filter((a) => a.role === "music"));
  const parts = [bed];
  if (clipSound.length && music.length) {
    const [voice, key] = [graph.label("voice"), graph.label("key")];
    // The key runs the whole length: the compressor stops when either input ends.
    graph.chain(
      [sum(graph, clipSound, "clips")],
      [`apad=whole_dur=${sec(plan.duration)}`, "asplit=2"],
      [voice, key],
    );
    const ducked = graph.chain(
      [sum(graph, music, "music"), key],
      ["sidechaincompress=threshold=0.02:ratio=8:attack=30:release=400:knee=4"],
      graph.label("duck"),
    );
    parts.push(voice, ducked);
  } else {
    parts.push(...clipSound, ...music);
  }
  if (parts.length === 1) return bed;
  return graph.chain(
    parts,
    [`amix=inputs=${parts.length}:duration=first:dropout_transition=0:normalize=0`],
    graph.label("mix"),
  );
}

/**
 * Masters the mix: the gain that brings its measured loudness to the target, then a look-ahead limiter
 * (delay compensated) for the peaks. A silent mix (no measurement) stays silent.
 */
export function master(graph: FilterGraph, mix: string, measuredLufs: number | undefined): string {
  if (measuredLufs === undefined) return mix;
  const gain = Math.min(MAX_GAIN_DB, TARGET_LUFS - measuredLufs);
  const limit = sec(10 ** (LIMIT_DBFS / 20));
  return graph.chain(
    [mix],
    [
      `volume=${sec(gain)}dB`,
      `aresample=${OVERSAMPLED}`,
      `alimiter=limit=${limit}:attack=5:release=60:level=false:latency=true`,
      `aresample=${AUDIO_RATE}`,
    ],
    graph.label("master"),
  );
}
