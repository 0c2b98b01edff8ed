// What lies behind text at a moment: the visual on screen, fitted like the render fits it, at an eighth of the size.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Rect } from "../../core/presets.ts";
import { parseColor, type Rgb } from "./color.ts";
import { type FilterGraph, sec } from "./filter-graph.ts";
import type { RenderPlan, VisualClip } from "./render-plan.ts";
import type { Backdrop } from "./text-style.ts";

/** Thumbnails are this many times smaller than the canvas: plenty for a mean colour, cheap to decode. */
const SCALE = 8;
/** What an unreadable source counts as: mid grey and busy, so text gets its strongest plate or outline. */
const UNKNOWN: Backdrop = { color: [128, 128, 128], busy: 0.25 };

interface Thumb {
  rgb: Buffer;
  width: number;
  height: number;
}

/** The clip on screen at `frame`; during a transition, the incoming one. */
export function clipAt(plan: RenderPlan, frame: number): VisualClip | undefined {
  return plan.visuals.findLast((v) => frame >= v.start && frame < v.start + v.frames);
}

export const lumaOf = (r: number, g: number, b: number) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

/**
 * Mean colour and luma spread of a box (pixel bounds, end exclusive) of packed pixels with `channels` bytes
 * each (RGB or RGBA), `width` pixels a row.
 */
export function regionStats(
  pixels: ArrayLike<number>,
  width: number,
  channels: number,
  box: { x0: number; y0: number; x1: number; y1: number },
): Backdrop {
  const sum = [0, 0, 0];
  let [lumaSum, lumaSq, n] = [0, 0, 0];
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * width + x) * channels;
      const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
      sum[0] += r;
      sum[1] += g;
      sum[2] += b;
      const l = lumaOf(r, g, b);
      lumaSum += l;
      lumaSq += l * l;
      n++;
    }
  }
  if (n === 0) return UNKNOWN;
  const mean = lumaSum / n;
  return {
    color: sum.map((v) => v / n) as unknown as Rgb,
    busy: Math.sqrt(Math.max(0, lumaSq / n - mean * mean)),
  };
}

/** The region of a thumbnail that lies under `rect` (canvas pixels). */
function thumbStats(t: Thumb, rect: Rect): Backdrop {
  return regionStats(t.rgb, t.width, 3, {
    x0: Math.max(0, Math.floor(rect.x / SCALE)),
    y0: Math.max(0, Math.floor(rect.y / SCALE)),
    x1: Math.min(t.width, Math.ceil((rect.x + rect.width) / SCALE)),
    y1: Math.min(t.height, Math.ceil((rect.y + rect.height) / SCALE)),
  });
}

/** Colour cards: the mean of their colours; a gradient counts as busy as its colours are far apart. */
function cardBackdrop(clip: VisualClip): Backdrop {
  const colors = clip.colors.map((c) => parseColor(c.replace(/^0x/, "#")) ?? ([0, 0, 0] as Rgb));
  const color = [0, 1, 2].map((i) => colors.reduce((s, c) => s + c[i], 0) / colors.length) as unknown as Rgb;
  const lumas = colors.map((c) => lumaOf(...c));
  return { color, busy: (Math.max(...lumas) - Math.min(...lumas)) / 2 };
}

/** Where a moment's picture comes from: the clip on screen and the time in its source. */
function sourceAt(plan: RenderPlan, seconds: number): { clip?: VisualClip; key?: string; at: number } {
  const frame = Math.min(plan.frames - 1, Math.round(seconds * plan.canvas.fps));
  const clip = clipAt(plan, frame);
  if (!clip?.media) return { clip, at: 0 };
  const at = clip.kind === "video" ? clip.trimIn + (frame - clip.start) / plan.canvas.fps : 0;
  return { clip, key: `${clip.media.path}@${sec(at)}`, at };
}

/** What lies behind text on a plan's canvas, from thumbnails decoded beforehand (see addThumbnails). */
export class Backdrops {
  constructor(
    private readonly plan: RenderPlan,
    private readonly thumbs: Map<string, Thumb>,
  ) {}

  /** What is behind `rect` at `seconds`; a source without a thumbnail counts as busy mid grey. */
  sample(seconds: number, rect: Rect): Backdrop {
    const { clip, key } = sourceAt(this.plan, seconds);
    if (!key) return clip ? cardBackdrop(clip) : UNKNOWN;
    const thumb = this.thumbs.get(key);
    return thumb ? thumbStats(thumb, rect) : UNKNOWN;
  }
}

/**
 * Adds to `graph` one small frame per distinct source picture on screen at `moments` (seconds), fitted like
 * the render fits it, and returns the output arguments that write them to `workDir` and a reader for after
 * the run. A photo is decoded once however many texts lie over it.
 */
export function addThumbnails(graph: FilterGraph, plan: RenderPlan, moments: number[], workDir: string) {
  const [width, height] = [plan.canvas.width, plan.canvas.height].map((n) => Math.ceil(n / SCALE));
  const files = new Map<string, string>();
  const outputs: string[] = [];
  for (const seconds of moments) {
    const { clip, key, at } = sourceAt(plan, seconds);
    if (!clip?.media || !key || files.has(key)) continue;
    // JPEG decodes at an eighth of its size directly (DCT scaling); footage gives the key frame at or before
    // the moment, which is decoded alone (close enough for a mean colour, and no run-up of frames).
    const options =
      clip.kind === "image"
        ? ["-lowres", "3"]
        : ["-noaccurate_seek", "-skip_frame", "nokey", "-ss", sec(at), "-t", "1"];
    const input = graph.addInput(clip.media.path, options);
    const fit = [`scale=${width}:${height}:force_original_aspect_ratio=increase`, `crop=${width}:${height}`];
    const label = graph.chain([`[${input}:v]`], fit, graph.label("thumb"));
    const file = join(workDir, `thumb-${files.size}.rgb`);
    files.set(key, file);
    outputs.push("-map", label, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", file);
  }
  const read = async () => {
    const thumbs = new Map<string, Thumb>();
    for (const [key, file] of files) {
      const rgb = await readFile(file).catch(() => undefined);
      if (rgb?.length === width * height * 3) thumbs.set(key, { rgb, width, height });
    }
    return new Backdrops(plan, thumbs);
  };
  return { outputs, read };
}
