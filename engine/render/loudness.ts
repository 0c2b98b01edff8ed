// Measures the integrated loudness (EBU R128) of a plan's audio mix in a quick audio-only ffmpeg run, before the render.
import { buildMix } from "./audio-graph.ts";
import { FilterGraph } from "./filter-graph.ts";
import type { RenderPlan } from "./render-plan.ts";
import { ffmpegOutput } from "./run-ffmpeg.ts";

/** Below this the mix counts as silent (ebur128 reports −70 LUFS for digital silence). */
const SILENT_LUFS = -69;

/** The `I:` value of ebur128's summary, if there is one. */
export function integratedLoudness(stderr: string): number | undefined {
  const summary = stderr.slice(stderr.lastIndexOf("Summary:"));
  const value = Number(/I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1]);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Integrated loudness of the plan's mix in LUFS, or undefined when it is silent or has no sound at all.
 * Only audio is decoded, so this costs a small share of the render.
 */
export async function measureMix(plan: RenderPlan, workDir: string): Promise<number | undefined> {
  if (plan.audio.length === 0) return undefined;
  const graph = new FilterGraph();
  const mix = await buildMix(graph, plan, workDir);
  const meter = graph.chain([mix], ["ebur128=framelog=verbose"], graph.label("meter"));
  const { stderr } = await ffmpegOutput([...graph.args(), "-map", meter, "-f", "null", "-"], "info");
  const lufs = integratedLoudness(stderr);
  return lufs !== undefined && lufs > SILENT_LUFS ? lufs : undefined;
}
