// Draws one text overlay with the canvas text engine: fitted into the safe area, then painted to a transparent PNG.
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { TextPosition, TextRole, TextStyleName } from "../../core/draft.ts";
import type { Rect } from "../../core/presets.ts";
import { cssFont, ensureFonts } from "./fonts.ts";
import { fitText, type Measure } from "./text-layout.ts";
import { STYLE_GEOMETRY, type StyleGeometry, type TextPaint } from "./text-style.ts";

export interface TextSpec {
  text: string;
  role: TextRole;
  style: TextStyleName;
  /** wanted font size, canvas px */
  size: number;
  pos: TextPosition;
}

/** A fitted overlay: its lines and font size, and where its image goes on the canvas (whole pixels). */
export interface PlacedText {
  spec: TextSpec;
  size: number;
  lines: string[];
  rect: Rect;
}

/**
 * Line limits, tried in order: a title first shrinks (to 72% at most) to stay on one or two lines, and only
 * then takes a third; the last try shrinks to half size and cuts what still does not fit.
 */
const FIT_TRIES: Record<TextRole, { maxLines: number; minShare: number }[]> = {
  title: [
    { maxLines: 2, minShare: 0.72 },
    { maxLines: 3, minShare: 0.5 },
  ],
  caption: [{ maxLines: 2, minShare: 0.5 }],
  card: [
    { maxLines: 4, minShare: 0.72 },
    { maxLines: 6, minShare: 0.5 },
  ],
};
/** Room between the text and the edge of the safe area it is pushed against, as a share of its height. */
const EDGE_GAP = 0.015;

let measuring: SKRSContext2D | undefined;
/** Width in ems of text in a style's font, measured by the text engine at 100 px. */
function measureIn(family: string): Measure {
  ensureFonts();
  measuring ??= createCanvas(1, 1).getContext("2d");
  const ctx = measuring;
  return (s) => {
    ctx.font = cssFont(family, 100);
    return ctx.measureText(s).width / 100;
  };
}

/** Ems beyond the line boxes that a style may paint: half an outline, a blurred and offset shadow, overshoot. */
function marginEm(g: StyleGeometry): number {
  // Plain styles may get a 0.07 em outline when the backdrop is weak (text-style.ts).
  return Math.max(g.stroke, 0.07) / 2 + g.shadowBlur * 1.5 + g.shadowOffset + 0.04;
}

/** The unrotated box of the lines (plates and margins included) and the rotated image size. */
function boxOf(g: StyleGeometry, size: number, widestEm: number, lineCount: number) {
  const margin = marginEm(g) * size;
  const width = (widestEm + 2 * g.padX) * size + 2 * margin;
  const height = lineCount * g.lineHeight * size + 2 * margin;
  const t = Math.abs((g.tilt * Math.PI) / 180);
  return {
    width,
    height,
    outerWidth: Math.ceil(width * Math.cos(t) + height * Math.sin(t)),
    outerHeight: Math.ceil(height * Math.cos(t) + width * Math.sin(t)),
  };
}

/** Fits the text in at most `maxLines` lines, shrinking to `minShare` of its size; undefined if it had to be cut. */
function fitInto(spec: TextSpec, area: Rect, maxLines: number, minShare: number, last: boolean) {
  const g = STYLE_GEOMETRY[spec.style];
  const measure = measureIn(g.family);
  const minSize = Math.max(12, Math.round(spec.size * minShare));
  let size = Math.max(minSize, Math.round(spec.size));
  for (;;) {
    const deco = (2 * (g.padX + marginEm(g)) + 0.04) * size;
    const fitted = fitText(
      {
        text: spec.text,
        size,
        minSize,
        maxWidth: Math.max(size, area.width - deco),
        maxHeight: Math.max(size, area.height - 2 * marginEm(g) * size - area.width * 0.04),
        maxLines,
        lineHeight: g.lineHeight,
      },
      measure,
    );
    const box = boxOf(g, fitted.size, Math.max(...fitted.lines.map(measure)), fitted.lines.length);
    const fits = box.outerWidth <= area.width && box.outerHeight <= area.height;
    if ((fits && !fitted.cut) || (fitted.size <= minSize && last)) return { ...fitted, box };
    if (fitted.size <= minSize) return undefined;
    size = Math.max(minSize, Math.floor(fitted.size * 0.92));
  }
}

/** Fits the text into `area` (the canvas's safe area) and places it by its position: top, center or bottom. */
export function placeText(spec: TextSpec, area: Rect, canvasHeight: number): PlacedText {
  const tries = FIT_TRIES[spec.role];
  let fitted: ReturnType<typeof fitInto>;
  for (const [i, t] of tries.entries()) {
    fitted = fitInto(spec, area, t.maxLines, t.minShare, i === tries.length - 1);
    if (fitted) break;
  }
  if (!fitted) throw new Error("unreachable: the last fit always places the text");
  // A canvas too small for any text still gets a valid (clipped) image rather than an error.
  const w = Math.max(1, Math.min(fitted.box.outerWidth, area.width));
  const h = Math.max(1, Math.min(fitted.box.outerHeight, area.height));
  const gap = Math.min(Math.round(canvasHeight * EDGE_GAP), Math.floor((area.height - h) / 2));
  const y =
    spec.pos === "top"
      ? area.y + gap
      : spec.pos === "center"
        ? area.y + Math.floor((area.height - h) / 2)
        : area.y + area.height - h - gap;
  const rect = { x: area.x + Math.floor((area.width - w) / 2), y, width: w, height: h };
  return { spec, size: fitted.size, lines: fitted.lines, rect };
}

/** Paints a placed overlay to a transparent PNG of exactly its rect's size. */
export function drawText(placed: PlacedText, paint: TextPaint): Buffer {
  const g = STYLE_GEOMETRY[placed.spec.style];
  const { size, lines, rect } = placed;
  const canvas = createCanvas(rect.width, rect.height);
  const ctx = canvas.getContext("2d");
  ctx.font = cssFont(g.family, size);
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.lineJoin = "round";
  const widths = lines.map((l) => ctx.measureText(l).width);
  const box = boxOf(g, size, Math.max(...widths) / size, lines.length);
  // Centre the unrotated box in the image, then turn it about its centre.
  ctx.translate(rect.width / 2, rect.height / 2);
  ctx.rotate((g.tilt * Math.PI) / 180);
  ctx.translate(-box.width / 2, -box.height / 2);
  const margin = marginEm(g) * size;
  const pitch = g.lineHeight * size;
  lines.forEach((line, i) => {
    const [cx, cy] = [box.width / 2, margin + (i + 0.5) * pitch];
    if (paint.plate) {
      const [w, h] = [widths[i] + 2 * g.padX * size, (1 + 2 * g.padY) * size];
      ctx.fillStyle = paint.plate;
      ctx.beginPath();
      ctx.roundRect(cx - w / 2, cy - h / 2, w, h, g.radius * size);
      ctx.fill();
    }
    if (paint.shadow) {
      ctx.shadowColor = paint.shadow.color;
      ctx.shadowBlur = paint.shadow.blur * size;
      ctx.shadowOffsetY = paint.shadow.offset * size;
    }
    if (paint.stroke) {
      ctx.strokeStyle = paint.stroke.color;
      ctx.lineWidth = paint.stroke.width * size;
      ctx.strokeText(line, cx, cy);
      // The outline already casts the shadow; the fill on top stays crisp.
      ctx.shadowColor = "transparent";
    }
    ctx.fillStyle = paint.fill;
    ctx.fillText(line, cx, cy);
    ctx.shadowColor = "transparent";
  });
  return canvas.toBuffer("image/png");
}
