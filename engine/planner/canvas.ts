// Canvas sizes: WeChat's keep-the-source-aspect rule (at most 1080p), shapes by ratio and resolution, aspect names.
import type { Canvas } from "../../core/presets.ts";
import type { Visual } from "./spec.ts";

/** The first shot's aspect, scaled down (never up) so the short side is ≤1080 and the long side ≤1920; even sizes for H.264. */
export function keepAspectCanvas(visuals: Visual[], current: Canvas): Canvas {
  const shot = visuals.find((v) => v.width && v.height);
  const [w, h] = shot?.width && shot.height ? [shot.width, shot.height] : [current.width, current.height];
  const scale = Math.min(1, 1080 / Math.min(w, h), 1920 / Math.max(w, h));
  const even = (x: number) => Math.max(2, Math.round((x * scale) / 2) * 2);
  return { width: even(w), height: even(h), fps: current.fps };
}

const ASPECT_NAMES: [number, string][] = [
  [9 / 16, "9:16"],
  [2 / 3, "2:3"],
  [3 / 4, "3:4"],
  [4 / 5, "4:5"],
  [1, "1:1"],
  [5 / 4, "5:4"],
  [4 / 3, "4:3"],
  [3 / 2, "3:2"],
  [16 / 9, "16:9"],
  [21 / 9, "21:9"],
];

/** "9:16" for 1080×1920; undefined for shapes without a common name. */
export function aspectName(c: { width: number; height: number }): string | undefined {
  const ratio = c.width / c.height;
  return ASPECT_NAMES.find(([r]) => Math.abs(r - ratio) < 0.01)?.[1];
}

const even = (x: number) => Math.max(2, Math.round(x / 2) * 2);

/**
 * A canvas of a shape ("4:5") and/or resolution ("1080p" = short side 1080): the shape keeps the current short
 * side unless a resolution is given; the long side stays within 4K.
 */
export function shapedCanvas(
  current: Canvas,
  aspect: { w: number; h: number } | undefined,
  shortSide: number | undefined,
): Canvas {
  const ratio = aspect ? aspect.w / aspect.h : current.width / current.height;
  const short = Math.min(shortSide ?? Math.min(current.width, current.height), 2160);
  const [w, h] = ratio >= 1 ? [short * ratio, short] : [short, short / ratio];
  const scale = Math.min(1, 3840 / Math.max(w, h));
  return { width: even(w * scale), height: even(h * scale), fps: current.fps };
}
