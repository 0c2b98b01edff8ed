// The poster image: a settled, lively frame of the finished video (never black, never mid-transition) with its title.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { type Backdrops, lumaOf, regionStats } from "./backdrop.ts";
import type { Rgb } from "./color.ts";
import { sec } from "./filter-graph.ts";
import type { RenderPlan } from "./render-plan.ts";
import { ffmpegOutput } from "./run-ffmpeg.ts";
import { textFade } from "./text-graph.ts";
import { drawText, placeText, type TextSpec } from "./text-image.ts";
import { paintFor } from "./text-style.ts";

/** Clips looked at for the cover; later ones rarely beat the opening shots and each costs a decode. */
const MAX_CANDIDATES = 6;
const TITLE_SIZE = 96;

/** Frames [from, to) in which a title (or a card, which says the same) is fully faded in. */
function titleWindows(plan: RenderPlan): { from: number; to: number }[] {
  const { fps } = plan.canvas;
  return plan.texts
    .filter((t) => t.role === "title" || t.role === "card")
    .map((t) => ({
      from: Math.ceil((t.start + textFade(t)) * fps),
      to: Math.floor((t.end - textFade(t)) * fps),
    }))
    .filter((w) => w.to > w.from);
}

/** Whether a title is fully shown at `frame`. */
const titleShownAt = (plan: RenderPlan, frame: number) =>
  titleWindows(plan).some((w) => frame >= w.from && frame < w.to);

/**
 * One frame per clip that may become the cover, in the part of the clip no transition touches: while a title
 * is fully shown if it is at some point, else 40% in, so motion has settled and nothing is blending.
 */
export function coverCandidates(plan: RenderPlan): number[] {
  const titles = titleWindows(plan);
  return plan.visuals.slice(0, MAX_CANDIDATES).flatMap((clip, i) => {
    const head = clip.transition?.frames ?? 0;
    const tail = plan.visuals[i + 1]?.transition?.frames ?? 0;
    const [from, to] = [clip.start + head, clip.start + clip.frames - tail];
    if (to <= from) return [];
    const settled = Math.floor(from + (to - from) * 0.4);
    const titled = titles.map((w) => [Math.max(from, w.from), Math.min(to, w.to)]).find(([a, b]) => b > a);
    return [titled ? Math.min(titled[1] - 1, Math.max(titled[0], settled)) : settled];
  });
}

/**
 * The cover frame: among the candidates, the one with the most detail that is neither near-black nor
 * blown out, better with its title on screen; photos and footage beat plain cards, and the opening shot wins
 * a tie.
 */
export function chooseCoverFrame(plan: RenderPlan, backdrops: Backdrops): number {
  const full = { x: 0, y: 0, width: plan.canvas.width, height: plan.canvas.height };
  const candidates = coverCandidates(plan);
  const scores = candidates.map((frame, i) => {
    const { color, busy } = backdrops.sample(frame / plan.canvas.fps, full);
    const luma = lumaOf(...color);
    if (luma < 0.06) return -1;
    const exposed = luma > 0.12 && luma < 0.9 ? 0.2 : 0;
    const titled = titleShownAt(plan, frame) ? 0.3 : 0;
    return busy + exposed + titled + (i === 0 ? 0.02 : 0);
  });
  const best = scores.indexOf(Math.max(...scores));
  return candidates[best] ?? 0;
}

/** The timestamp of a frame. */
export const coverTime = (plan: RenderPlan, frame: number) => frame / plan.canvas.fps;

/**
 * Writes the cover of a finished render as a JPEG: its frame `frame`, and when no title is on screen there,
 * the title drawn on (see composeCover). Decoding one frame of the output costs far less than making it
 * again from the sources.
 */
export async function writeCover(
  plan: RenderPlan,
  frame: number,
  videoPath: string,
  jpegPath: string,
  workDir: string,
): Promise<void> {
  const at = [
    "-threads",
    "1",
    "-ss",
    sec(coverTime(plan, frame)),
    "-i",
    videoPath,
    "-frames:v",
    "1",
    "-update",
    "1",
  ];
  if (titleShownAt(plan, frame) || !coverTitle(plan)) {
    await ffmpegOutput([...at, "-q:v", "2", "-f", "image2", "-c:v", "mjpeg", jpegPath]);
    return;
  }
  const png = join(workDir, "cover-frame.png");
  await ffmpegOutput([...at, "-compression_level", "1", "-c:v", "png", png]);
  await composeCover(png, plan, jpegPath);
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
 * Draws the cover: the frame (a PNG) with the title placed inside the safe area, its colours chosen against
 * this frame, saved as a JPEG of the video's size.
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
