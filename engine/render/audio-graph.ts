// The audio mix: clip sound and music placed on the timeline with volumes and fades over a silent bed (always AAC-able).
import { join } from "node:path";
import type { FilterGraph } from "./filter-graph.ts";
import { sec } from "./filter-graph.ts";
import type { AudioClip, RenderPlan } from "./render-plan.ts";
import { writeSynthLoop } from "./synth-music.ts";
import { videoInputOptions } from "./visual-clip.ts";

export const AUDIO_RATE = 48000;

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

async function audioClipChain(
  graph: FilterGraph,
  clip: AudioClip,
  index: number,
  workDir: string,
): Promise<string> {
  let input: number;
  if (!clip.media) {
    const loop = join(workDir, `music-${index}.wav`);
    await writeSynthLoop(loop, clip.mood);
    input = graph.addInput(loop, musicInputOptions(clip, 0));
  } else if (clip.media.kind === "video") {
    // A clip that plays whole (no transitions) gets its sound from the very input its picture uses.
    input = graph.addInput(clip.media.path, videoInputOptions(clip.trimIn, clip.duration));
  } else {
    input = graph.addInput(clip.media.path, musicInputOptions(clip, clip.media.duration));
  }
  return graph.chain([`[${input}:a]`], placeFilters(clip), graph.label("snd"));
}

/** Adds the audio chains and returns the label of the mixed track, exactly the plan's duration. */
export async function buildAudio(graph: FilterGraph, plan: RenderPlan, workDir: string): Promise<string> {
  const bed = graph.chain(
    [],
    [`anullsrc=r=${AUDIO_RATE}:cl=stereo`, `atrim=duration=${sec(plan.duration)}`],
    graph.label("bed"),
  );
  const sources: string[] = [];
  for (const [i, clip] of plan.audio.entries()) sources.push(await audioClipChain(graph, clip, i, workDir));
  if (sources.length === 0) return bed;
  return graph.chain(
    [bed, ...sources],
    [`amix=inputs=${sources.length + 1}:duration=first:dropout_transition=0:normalize=0`],
    graph.label("mix"),
  );
}
