// Samples what lies behind text at a moment: the visual on screen, fitted like the render fits it, at an eighth of the size.
import type { Rect } from "../../core/presets.ts";
import { parseColor, type Rgb } from "./color.ts";
import { sec } from "./filter-graph.ts";
import type { RenderPlan, VisualClip } from "./render-plan.ts";
import { ffmpegOutput } from "./run-ffmpeg.ts";
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

/** Caches thumbnails for one render: a photo is decoded once however many texts lie over it. */
export class BackdropSampler {
  private readonly thumbs = new Map<string, Promise<Thumb | undefined>>();

  constructor(private readonly plan: RenderPlan) {}

  /** What is behind `rect` at `seconds`. Never rejects: an unreadable source counts as busy mid grey. */
  async sample(seconds: number, rect: Rect): Promise<Backdrop> {
    const frame = Math.min(this.plan.frames - 1, Math.round(seconds * this.plan.canvas.fps));
    const clip = clipAt(this.plan, frame);
    if (!clip?.media) return clip ? cardBackdrop(clip) : UNKNOWN;
    const at = clip.kind === "video" ? clip.trimIn + (frame - clip.start) / this.plan.canvas.fps : 0;
    const thumb = await this.thumb(clip, at);
    return thumb ? thumbStats(thumb, rect) : UNKNOWN;
  }

  private thumb(clip: VisualClip, at: number): Promise<Thumb | undefined> {
    const key = `${clip.media!.path}@${sec(at)}`;
    let thumb = this.thumbs.get(key);
    if (!thumb) {
      thumb = this.decode(clip, at);
      this.thumbs.set(key, thumb);
    }
    return thumb;
  }

  private async decode(clip: VisualClip, at: number): Promise<Thumb | undefined> {
    const [width, height] = [this.plan.canvas.width, this.plan.canvas.height].map((n) =>
      Math.ceil(n / SCALE),
    );
    // JPEG decodes at an eighth of its size directly (DCT scaling); other decoders ignore the option.
    const input = clip.kind === "image" ? ["-lowres", "3"] : ["-ss", sec(at)];
    const fit = `scale=${width}:${height}:force_original_aspect_ratio=increase,crop=${width}:${height}`;
    const args = [...input, "-i", clip.media!.path, "-frames:v", "1", "-vf", fit];
    const out = ["-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"];
    const rgb = await ffmpegOutput([...args, ...out]).then(
      (r) => r.stdout,
      () => undefined,
    );
    return rgb?.length === width * height * 3 ? { rgb, width, height } : undefined;
  }
}
