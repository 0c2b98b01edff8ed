// Canvas sizes: WeChat's keep-the-source-aspect rule (at most 1080p) and the aspect names replies use.
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
  [3 / 4, "3:4"],
  [1, "1:1"],
  [4 / 3, "4:3"],
  [16 / 9, "16:9"],
];

/** "9:16" for 1080×1920; undefined for shapes without a common name. */
export function aspectName(c: { width: number; height: number }): string | undefined {
  const ratio = c.width / c.height;
  return ASPECT_NAMES.find(([r]) => Math.abs(r - ratio) < 0.01)?.[1];
}
