// Colours: CSS hex or common names to RGB, WCAG relative luminance and contrast ratio, alpha blending.

export type Rgb = readonly [number, number, number];

const NAMED: Record<string, string> = {
  white: "FFFFFF",
  black: "000000",
  red: "E53935",
  yellow: "FFD600",
  orange: "FB8C00",
  green: "43A047",
  blue: "1E88E5",
  pink: "EC407A",
  purple: "8E24AA",
  gray: "9E9E9E",
  grey: "9E9E9E",
};

/** RGB from `#rgb`, `#rrggbb` (with or without `#`) or a common colour name; undefined for anything else. */
export function parseColor(value: string | undefined): Rgb | undefined {
  const v = (value ?? "").trim().toLowerCase();
  const hex = NAMED[v]?.toLowerCase() ?? /^#?([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v)?.[1];
  if (!hex) return undefined;
  const six = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  return [0, 2, 4].map((i) => Number.parseInt(six.slice(i, i + 2), 16)) as unknown as Rgb;
}

/** `#RRGGBB` for the canvas. */
export function cssHex(c: Rgb): string {
  return `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

/** `rgba(…)` for the canvas. */
export function cssRgba(c: Rgb, alpha: number): string {
  return `rgba(${c.map(Math.round).join(",")},${Number(alpha.toFixed(3))})`;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(c: Rgb): number {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 (none) to 21 (black on white). */
export function contrast(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `top` at `alpha` over `bottom`. */
export function blend(top: Rgb, bottom: Rgb, alpha: number): Rgb {
  return [0, 1, 2].map((i) => top[i] * alpha + bottom[i] * (1 - alpha)) as unknown as Rgb;
}

export const WHITE: Rgb = [255, 255, 255];
export const INK: Rgb = [17, 17, 17];
