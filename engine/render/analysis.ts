// The analysis run before a render: one quick ffmpeg process measures the mix's loudness and decodes the small frames text colours and the cover are chosen from.
import { addThumbnails, type Backdrops } from "./backdrop.ts";
import { coverCandidates } from "./cover.ts";
import { FilterGraph } from "./filter-graph.ts";
import { addMeter } from "./loudness.ts";
import type { RenderPlan } from "./render-plan.ts";
import { ffmpegOutput } from "./run-ffmpeg.ts";
import { settledAt } from "./text-graph.ts";

export interface Analysis {
  backdrops: Backdrops;
  /** integrated loudness of the mix, LUFS; undefined when there is no sound */
  loudness?: number;
}

/**
 * Analyses a plan in one ffmpeg run (each process costs ~0.2 s of CPU just to start). Rejects with ffmpeg's
 * reason when a source cannot be read: the render would fail on it the same way.
 */
export async function analyse(plan: RenderPlan, workDir: string): Promise<Analysis> {
  const graph = new FilterGraph();
  const moments = [...plan.texts.map(settledAt), ...coverCandidates(plan).map((f) => f / plan.canvas.fps)];
  const thumbs = addThumbnails(graph, plan, moments, workDir);
  const meter = await addMeter(graph, plan, workDir);
  const outputs = [...thumbs.outputs, ...meter.outputs];
  const stderr = outputs.length ? (await ffmpegOutput([...graph.args(), ...outputs], "info")).stderr : "";
  return { backdrops: await thumbs.read(), loudness: meter.read(stderr) };
}
