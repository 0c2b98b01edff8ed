// The poster image: a settled, lively frame of the video (never black, never mid-transition) with its title drawn on.
import { writeFile } from "node:fs/promises";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { type BackdropSampler, clipAt, lumaOf, regionStats } from "./backdrop.ts";
import type { Rgb } from "./color.ts";
import { FilterGraph } from "./filter-graph.ts";
import type { RenderPlan } from "./render-plan.ts";
import { ffmpegOutput } from "./run-ffmpeg.ts";
import { drawText, placeText, type TextSpec } from "./text-image.ts";
import { paintFor } from "./text-style.ts";
import { visualClipPieces } from "./visual-clip.ts";

/** Clips looked at for the cover; later ones rarely beat the opening shots and each costs a decode. */
const MAX_CANDIDATES = 6;
const TITLE_SIZE = 96;

/**
 * One frame per clip that may become the cover: 40% into the part of the clip no transition touches, so
 * motion has settled and nothing is blending.
 */
export function coverCandidates(plan: RenderPlan): number[] {
  return plan.visuals.slice(0, MAX_CANDIDATES).flatMap((clip, i) => {
    const head = clip.transition?.frames ?? 0;
    const tail = plan.visuals[i + 1]?.transition?.frames ?? 0;
    const [from, to] = [clip.start + head, clip.start + clip.frames - tail];
    return to > from ? [Math.floor(from + (to - from) * 0.4)] : [];
  });
}

/**
 * The cover frame: among the candidates, the one with the most detail that is neither near-black nor
 * blown out; photos and footage beat plain cards, and the opening shot wins a tie.
 */
export async function chooseCoverFrame(plan: RenderPlan, backdrops: BackdropSampler): Promise<number> {
  const full = { x: 0, y: 0, width: plan.canvas.width, height: plan.canvas.height };
  const candidates = coverCandidates(plan);
  const scores = await Promise.all(
    candidates.map(async (frame, i) => {
      const { color, busy } = await backdrops.sample(frame / plan.canvas.fps, full);
      const luma = lumaOf(...color);
      if (luma < 0.06) return -1;
      const exposed = luma > 0.12 && luma < 0.9 ? 0.2 : 0;
      return busy + exposed + (i === 0 ? 0.02 : 0);
    }),
  );
  const best = scores.indexOf(Math.max(...scores));
  return candidates[best] ?? 0;
}

/**
 * Writes frame `frame` of the plan's picture (before text) to a PNG: the one-frame piece of the clip on
 * screen then, made exactly as the render makes it. Cover frames lie outside transitions, so this is the
 * video's own frame.
 */
export async function renderStill(plan: RenderPlan, frame: number, pngPath: string): Promise<void> {
  const clip = clipAt(plan, frame);
  if (!clip) throw new Error(`no picture at frame ${frame}`);
  const graph = new FilterGraph();
  const from = frame - clip.start;
  const [still] = visualClipPieces(graph, clip, plan.canvas, [{ from, to: from + 1 }]);
  await ffmpegOutput([
    ...graph.args(),
    "-map",
    still,
    "-frames:v",
    "1",
    "-update",
    "1",
    "-c:v",
    "png",
    pngPath,
  ]);
}

/** The title for the cover and the colour the draft gave it: the first title on screen, else the project's title. */
function coverTitle(plan: RenderPlan): { spec: TextSpec; color?: Rgb } | undefined {
  const shown = plan.texts.find((t) => t.role === "title") ?? plan.texts.find((t) => t.role === "card");
  if (shown) return { spec: { ...shown, role: "title" }, color: shown.color };
  if (!plan.title) return undefined;
  const size = Math.round((TITLE_SIZE * plan.canvas.height) / 1920);
  const style = plan.texts[0]?.style ?? "outline";
  return { spec: { text: plan.title, role: "title", style, size, pos: "top" } };
}

/**
 * Draws the cover: the frame (a PNG the render wrote) with the title placed inside the safe area, its colours
 * chosen against this frame, saved as a JPEG of the video's size.
 */
export async function composeCover(framePng: string, plan: RenderPlan, outPath: string): Promise<void> {
  const { width, height } = plan.canvas;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(await loadImage(framePng), 0, 0, width, height);
  const title = coverTitle(plan);
  if (title) {
    const { spec, color } = title;
    const placed = placeText(spec, plan.safeArea, height);
    const { x, y, width: w, height: h } = placed.rect;
    const pixels = ctx.getImageData(x, y, w, h).data;
    const backdrop = regionStats(pixels, w, 4, { x0: 0, y0: 0, x1: w, y1: h });
    ctx.drawImage(await loadImage(drawText(placed, paintFor(spec.style, color, backdrop))), x, y);
  }
  await writeFile(outPath, canvas.toBuffer("image/jpeg", 86));
}
