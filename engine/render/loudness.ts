// Measures the integrated loudness (EBU R128) of a plan's audio mix, in the analysis run before the render.
import { buildMix } from "./audio-graph.ts";
import type { FilterGraph } from "./filter-graph.ts";
import type { RenderPlan } from "./render-plan.ts";

/** Below this the mix counts as silent (ebur128 reports −70 LUFS for digital silence). */
const SILENT_LUFS = -69;

/** The `I:` value of ebur128's summary, if there is one. */
export function integratedLoudness(stderr: string): number | undefined {
  const summary = stderr.slice(stderr.lastIndexOf("Summary:"));
  const value = Number(/I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1]);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Adds the plan's mix and a loudness meter to `graph`, for a run that only analyses: returns the output
 * arguments and a reader of the run's stderr (integrated LUFS, or undefined when silent or without sound).
 */
export async function addMeter(graph: FilterGraph, plan: RenderPlan, workDir: string) {
  if (plan.audio.length === 0) return { outputs: [], read: (_stderr: string) => undefined };
  const mix = await buildMix(graph, plan, workDir);
  const meter = graph.chain([mix], ["ebur128=framelog=verbose"], graph.label("meter"));
  return {
    outputs: ["-map", meter, "-f", "null", "-"],
    read: (stderr: string) => {
      const lufs = integratedLoudness(stderr);
      return lufs !== undefined && lufs > SILENT_LUFS ? lufs : undefined;
    },
  };
}
