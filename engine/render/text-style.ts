// The named text styles: their geometry (font, plates, outline, shadow, tilt) and colours chosen against what is behind them.
import type { TextStyleName } from "../../core/draft.ts";
import { blend, contrast, cssHex, cssRgba, INK, type Rgb, WHITE } from "./color.ts";
import { FAMILY } from "./fonts.ts";

/** Geometry of a style, in ems of the font size. */
export interface StyleGeometry {
  family: string;
  /** line pitch */
  lineHeight: number;
  /** plate or bar around each line: horizontal and vertical padding, corner radius; 0 when none */
  padX: number;
  padY: number;
  radius: number;
  /** outline pen width (half of it lies outside the glyphs) */
  stroke: number;
  shadowBlur: number;
  shadowOffset: number;
  /** degrees, counter-clockwise negative */
  tilt: number;
}

export const STYLE_GEOMETRY: Record<TextStyleName, StyleGeometry> = {
  clean: {
    family: FAMILY.sansBold,
    lineHeight: 1.22,
    padX: 0,
    padY: 0,
    radius: 0,
    stroke: 0,
    shadowBlur: 0.1,
    shadowOffset: 0.03,
    tilt: 0,
  },
  plate: {
    family: FAMILY.sansBold,
    lineHeight: 1.5,
    padX: 0.42,
    padY: 0.2,
    radius: 0.28,
    stroke: 0,
    shadowBlur: 0,
    shadowOffset: 0,
    tilt: 0,
  },
  outline: {
    family: FAMILY.sansBold,
    lineHeight: 1.2,
    padX: 0,
    padY: 0,
    radius: 0,
    stroke: 0.16,
    shadowBlur: 0.06,
    shadowOffset: 0.03,
    tilt: 0,
  },
  highlight: {
    family: FAMILY.sansBold,
    lineHeight: 1.42,
    padX: 0.28,
    padY: 0.14,
    radius: 0.08,
    stroke: 0,
    shadowBlur: 0,
    shadowOffset: 0,
    tilt: 0,
  },
  handwritten: {
    family: FAMILY.hand,
    lineHeight: 1.28,
    padX: 0,
    padY: 0,
    radius: 0,
    stroke: 0,
    shadowBlur: 0.12,
    shadowOffset: 0.03,
    tilt: -2,
  },
};

/** What is behind the text: its mean colour and how busy it is (luma standard deviation, 0–1). */
export interface Backdrop {
  color: Rgb;
  busy: number;
}

/** Colours for drawing one overlay. */
export interface TextPaint {
  fill: string;
  /** a plate or highlight bar behind each line */
  plate?: string;
  stroke?: { color: string; width: number };
  shadow?: { color: string; blur: number; offset: number };
}

const HIGHLIGHT_BARS: Rgb[] = [[255, 217, 61], WHITE, INK];
/** Contrast aimed for between text and a plate over the backdrop (WCAG AAA for body text). */
const PLATE_CONTRAST = 7;
/** Below this contrast with the backdrop (WCAG AA), or on a busy backdrop, plain text gets a thin outline too. */
const PLAIN_CONTRAST = 4.5;
const BUSY = 0.18;

/** Black or white, whichever stands out more against `c`. */
const opposite = (c: Rgb): Rgb => (contrast(c, INK) >= contrast(c, WHITE) ? INK : WHITE);
const shadowOf = (c: Rgb, alpha: number, g: StyleGeometry) => ({
  color: cssRgba(opposite(c), alpha),
  blur: g.shadowBlur,
  offset: g.shadowOffset,
});

/** The lightest plate opacity that gives the text `PLATE_CONTRAST` against the plate over the backdrop. */
function plateAlpha(text: Rgb, plate: Rgb, backdrop: Backdrop): number {
  const floor = backdrop.busy > BUSY ? 0.7 : 0.55;
  for (let a = floor; a < 0.9; a += 0.05) {
    if (contrast(text, blend(plate, backdrop.color, a)) >= PLATE_CONTRAST) return a;
  }
  return 0.9;
}

/**
 * Picks the colours of a style for text over `backdrop`. `color` is the draft's colour, kept as asked; without
 * one, plain styles take white or ink by contrast with the backdrop. Plates, outlines and shadows always take
 * the opposite of the text, so even a colour the user chose stays readable.
 */
export function paintFor(style: TextStyleName, color: Rgb | undefined, backdrop: Backdrop): TextPaint {
  const g = STYLE_GEOMETRY[style];
  const bg = backdrop.color;
  switch (style) {
    case "plate": {
      const text = color ?? WHITE;
      const plate = opposite(text);
      return { fill: cssHex(text), plate: cssRgba(plate, plateAlpha(text, plate, backdrop)) };
    }
    case "highlight": {
      const text = color ?? INK;
      const bar = color
        ? HIGHLIGHT_BARS.reduce((a, b) => (contrast(text, b) > contrast(text, a) ? b : a))
        : HIGHLIGHT_BARS[0];
      return { fill: cssHex(text), plate: cssHex(bar) };
    }
    case "outline": {
      const text = color ?? WHITE;
      return {
        fill: cssHex(text),
        stroke: { color: cssHex(opposite(text)), width: g.stroke },
        shadow: shadowOf(text, 0.35, g),
      };
    }
    default: {
      const text = color ?? opposite(bg);
      const weak = contrast(text, bg) < PLAIN_CONTRAST || backdrop.busy > BUSY;
      return {
        fill: cssHex(text),
        ...(weak && { stroke: { color: cssRgba(opposite(text), 0.85), width: 0.07 } }),
        shadow: shadowOf(text, weak ? 0.75 : 0.55, g),
      };
    }
  }
}
