// renderDraft: draft → one ffmpeg run into a hidden temp file, checked with ffprobe, its cover taken from it, renamed into place only on success.
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { Draft } from "../../core/draft.ts";
import type { MediaItem, RenderOptions, RenderOutput } from "../types.ts";
import { analyse } from "./analysis.ts";
import { buildMix, master } from "./audio-graph.ts";
import { chooseCoverFrame, coverTime, writeCover } from "./cover.ts";
import { encodingFor, outputArgs } from "./encode-args.ts";
import { FilterGraph, sec } from "./filter-graph.ts";
import { type MediaProbe, probeMedia } from "./probe.ts";
import { planRender, type RenderPlan } from "./render-plan.ts";
import { RenderError, runFfmpeg } from "./run-ffmpeg.ts";
import { buildText, drawTextLayers } from "./text-graph.ts";
import { buildVideo } from "./video-graph.ts";

const NO_MEDIA_KINDS = new Set(["color", "text", "synth"]);

/** Resolves every media segment to a readable file, filling in size, duration and audio presence by probing. */
async function resolveSources(
  draft: Draft,
  resolve: RenderOptions["resolveMedia"],
): Promise<Map<string, MediaItem>> {
  const sources = new Set(
    draft.t.flatMap((t) => t.sg.filter((s) => s.src && !NO_MEDIA_KINDS.has(s.k ?? "")).map((s) => s.src!)),
  );
  const resolved = new Map<string, MediaItem>();
  for (const src of sources) {
    const item = resolve(src);
    if (!item) throw new RenderError(`media not found: ${src}`);
    const exists = await stat(item.path).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists) throw new RenderError(`source file is missing: ${item.filename}`);
    const needsProbe =
      item.kind === "image"
        ? item.width === undefined
        : item.duration === undefined ||
          (item.kind === "video" && (item.hasAudio === undefined || item.width === undefined));
    if (!needsProbe) {
      resolved.set(src, item);
      continue;
    }
    const probe = await probeMedia(item.path).catch((err: Error) => {
      throw new RenderError(`cannot read ${item.filename}: ${err.message}`);
    });
    resolved.set(src, {
      ...item,
      duration: item.duration ?? probe.duration,
      hasAudio: item.hasAudio ?? probe.hasAudio,
      width: item.width ?? probe.width,
      height: item.height ?? probe.height,
    });
  }
  return resolved;
}

function checkOutput(probe: MediaProbe, plan: RenderPlan): void {
  const { width, height } = plan.canvas;
  const problems = [
    !probe.hasVideo && "no video stream",
    !probe.hasAudio && "no audio stream",
    (probe.width !== width || probe.height !== height) &&
      `size ${probe.width}x${probe.height}, expected ${width}x${height}`,
    Math.abs(probe.duration - plan.duration) > 0.5 &&
      `duration ${probe.duration}s, expected ${plan.duration}s`,
  ].filter(Boolean);
  if (problems.length) throw new RenderError(`output check failed: ${problems.join(", ")}`);
}

export interface RenderGraph {
  /** inputs and -filter_complex */
  args: string[];
  /** output pad labels of the finished picture and the mastered sound */
  video: string;
  audio: string;
  /** the frame chosen for the cover */
  coverFrame: number;
}

/**
 * Builds the inputs and filter graph for a plan. First one analysis run measures the mix's loudness (for the
 * master gain) and samples the pictures behind the text; then the text overlays are drawn, with colours
 * picked against what lies behind them, and the cover frame is chosen. Text and music files go to `workDir`.
 */
export async function buildRenderGraph(plan: RenderPlan, workDir: string): Promise<RenderGraph> {
  const { backdrops, loudness } = await analyse(plan, workDir);
  const layers = await drawTextLayers(plan, backdrops, workDir);
  const graph = new FilterGraph();
  const video = buildText(graph, buildVideo(graph, plan), plan, layers);
  const audio = master(graph, await buildMix(graph, plan, workDir), loudness);
  return { args: graph.args(), video, audio, coverFrame: chooseCoverFrame(plan, backdrops) };
}

/** The cover sits beside the video: `x.mp4` → `x.jpg`. */
export const coverPathFor = (videoPath: string) => videoPath.replace(/(\.mp4)?$/i, ".jpg");

/**
 * Renders a draft to `opts.outPath` with one ffmpeg run. Rejects with a RenderError carrying a short reason
 * (or an AbortError when `opts.signal` fires); on failure nothing is left at `outPath` or beside it.
 */
export async function renderDraft(draft: Draft, opts: RenderOptions): Promise<RenderOutput> {
  const media = await resolveSources(draft, opts.resolveMedia);
  const plan = planRender(draft, (src) => media.get(src));
  if (plan.frames <= 0) throw new RenderError("the draft is empty: nothing to render");
  await mkdir(dirname(opts.outPath), { recursive: true });
  const workDir = await mkdtemp(join(tmpdir(), "reelsmith-render-"));
  const partPath = join(dirname(opts.outPath), `.${basename(opts.outPath)}.${randomUUID().slice(0, 8)}.part`);
  const coverPath = opts.coverPath ?? coverPathFor(opts.outPath);
  // Beside its final place, so the rename never crosses file systems.
  const coverPart = join(dirname(coverPath), `.${basename(coverPath)}.${randomUUID().slice(0, 8)}.part`);
  try {
    const graph = await buildRenderGraph(plan, workDir);
    const encoding = encodingFor(draft.m, plan.duration, plan.canvas.fps);
    const output = [
      "-map",
      graph.video,
      "-map",
      graph.audio,
      ...outputArgs(encoding),
      // A key frame at the cover's frame: taking the cover out of the video then decodes that one frame.
      "-force_key_frames",
      sec(coverTime(plan, graph.coverFrame)),
      "-t",
      sec(plan.duration),
      partPath,
    ];
    await runFfmpeg({
      args: [...graph.args, ...output],
      duration: plan.duration,
      onProgress: opts.onProgress,
      signal: opts.signal,
    });
    const probe = await probeMedia(partPath);
    checkOutput(probe, plan);
    // A video without a cover is still a good render: a failed cover is only left out.
    const cover = await writeCover(plan, graph.coverFrame, partPath, coverPart, workDir).then(
      () => true,
      () => false,
    );
    if (cover) await rename(coverPart, coverPath);
    await rename(partPath, opts.outPath);
    opts.onProgress?.(100);
    return {
      path: opts.outPath,
      size: probe.size,
      duration: probe.duration,
      width: probe.width ?? plan.canvas.width,
      height: probe.height ?? plan.canvas.height,
      cover: cover ? coverPath : undefined,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await rm(partPath, { force: true });
    await rm(coverPart, { force: true });
  }
}
