// Pure text layout for drawtext: line wrapping by estimated glyph width, auto-shrink, and line positions.
import type { Canvas, TextOverlay } from "./render-plan.ts";

export interface TextLine {
  text: string;
  /** baseline y in canvas pixels */
  baseline: number;
}

export interface TextLayout {
  size: number;
  lines: TextLine[];
}

const MAX_LINES = { title: 3, caption: 3, card: 6 } as const;
const WIDTH_SHARE = 0.88;
/** Noto Sans CJK ascent is 0.88 em; baselines are placed from the line top with it. */
const ASCENT = 0.88;
const MIN_SIZE = 20;

/** East Asian wide characters (CJK, kana, hangul, full-width forms, emoji) take a full em. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

function charWidth(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (/[A-Z0-9@%&]/.test(ch)) return 0.66;
  if (/[ il.,:;'!|]/.test(ch)) return 0.3;
  return 0.56;
}

const textWidth = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0);

/** Words stay whole; every wide character may break on its own. */
const TOKEN = /\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]+|./gu;

/** Greedy wrap of text into lines no wider than `maxEm` ems; over-long words break by characters. */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    // Control characters would draw as empty boxes.
    const paragraph = raw.replace(/\p{Cc}/gu, " ");
    let line = "";
    const flush = () => {
      if (line.trim()) lines.push(line.trim());
      line = "";
    };
    for (const token of paragraph.match(TOKEN) ?? []) {
      if (/^\s+$/.test(token)) {
        if (line) line += " ";
      } else if (textWidth(line + token) <= maxEm) {
        line += token;
      } else {
        flush();
        for (const ch of token) {
          if (line && textWidth(line + ch) > maxEm) flush();
          line += ch;
        }
      }
    }
    flush();
  }
  return lines;
}

/** Wraps into as few lines as `maxEm` allows, then narrows the width while the line count holds: no orphans. */
export function balancedWrap(text: string, maxEm: number): string[] {
  const lines = wrapText(text, maxEm);
  if (lines.length < 2) return lines;
  let [narrow, wide] = [maxEm / lines.length, maxEm];
  for (let i = 0; i < 8; i++) {
    const mid = (narrow + wide) / 2;
    if (wrapText(text, mid).length > lines.length) narrow = mid;
    else wide = mid;
  }
  return wrapText(text, wide);
}

/** Lays out an overlay: wraps to the canvas width, shrinks until it fits its role's line limit. */
export function layoutText(overlay: TextOverlay, canvas: Canvas): TextLayout {
  let size = overlay.size;
  let lines = balancedWrap(overlay.text, (canvas.width * WIDTH_SHARE) / size);
  while (lines.length > MAX_LINES[overlay.role] && size > MIN_SIZE) {
    size = Math.max(MIN_SIZE, Math.round(size * 0.9));
    lines = balancedWrap(overlay.text, (canvas.width * WIDTH_SHARE) / size);
  }
  const lineHeight = Math.round(size * (overlay.box ? 1.6 : 1.25));
  const block = lines.length * lineHeight;
  const top =
    overlay.pos === "top"
      ? Math.round(canvas.height * 0.1)
      : overlay.pos === "center"
        ? Math.round((canvas.height - block) / 2)
        : Math.round(canvas.height * 0.82 - block);
  const pad = Math.round((lineHeight - size * 1.16) / 2);
  return {
    size,
    lines: lines.map((text, i) => ({
      text,
      baseline: top + i * lineHeight + pad + Math.round(size * ASCENT),
    })),
  };
}
