// Text overlays: each drawn once by the text engine into a PNG, held for its time on screen, faded, and composited.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Backdrops } from "./backdrop.ts";
import type { FilterGraph } from "./filter-graph.ts";
import { sec } from "./filter-graph.ts";
import type { RenderPlan, TextOverlay } from "./render-plan.ts";
import { drawText, type PlacedText, placeText } from "./text-image.ts";
import { paintFor } from "./text-style.ts";

const MAX_FADE = 0.4;

/** A drawn overlay: the PNG on disk and where it goes. */
export interface TextLayer {
  overlay: TextOverlay;
  placed: PlacedText;
  path: string;
}

/** How long an overlay takes to fade in, and out: up to 0.4 s, a quarter of a short one's time. */
export const textFade = (o: TextOverlay) => Math.min(MAX_FADE, (o.end - o.start) / 4);

/** The moment whose backdrop decides the colours: just after the fade-in, while the text is fully shown. */
export const settledAt = (o: TextOverlay) =>
  Math.min(o.end, o.start + Math.min(MAX_FADE + 0.1, (o.end - o.start) / 2));

/**
 * Lays out, colours and draws every overlay of the plan into `workDir`. Each is fitted into the safe area,
 * and its colours are picked against what lies behind it on screen.
 */
export async function drawTextLayers(
  plan: RenderPlan,
  backdrops: Backdrops,
  workDir: string,
): Promise<TextLayer[]> {
  return Promise.all(
    plan.texts.map(async (overlay, i) => {
      const placed = placeText(overlay, plan.safeArea, plan.canvas.height);
      const backdrop = backdrops.sample(settledAt(overlay), placed.rect);
      const path = join(workDir, `text-${i}.png`);
      await writeFile(path, drawText(placed, paintFor(overlay.style, overlay.color, backdrop)));
      return { overlay, placed, path };
    }),
  );
}

/**
 * Composites the layers over `video` and returns the resulting label. A layer's single frame is converted
 * once, then repeated for its time on screen; overlay passes the picture through before and after it.
 */
export function buildText(graph: FilterGraph, video: string, plan: RenderPlan, layers: TextLayer[]): string {
  const { fps } = plan.canvas;
  return layers.reduce((below, { overlay: o, placed, path }) => {
    const input = graph.addInput(path);
    const frames = Math.max(1, Math.round((o.end - o.start) * fps));
    const fade = textFade(o);
    const layer = graph.chain(
      [`[${input}:v]`],
      [
        "format=yuva420p",
        `loop=loop=${frames - 1}:size=1`,
        `setpts=N/${fps}/TB+${sec(o.start)}/TB`,
        `fade=t=in:st=${sec(o.start)}:d=${sec(fade)}:alpha=1`,
        `fade=t=out:st=${sec(o.end - fade)}:d=${sec(fade)}:alpha=1`,
      ],
      graph.label("tl"),
    );
    const { x, y } = placed.rect;
    return graph.chain(
      [below, layer],
      [`overlay=x=${x}:y=${y}:format=yuv420:eof_action=pass`],
      graph.label("txt"),
    );
  }, video);
}
