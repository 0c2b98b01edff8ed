// Pure line breaking for on-screen text: CJK rules (no line starts with closing punctuation), balanced lines, shrink to fit.

/** Width of a string in ems (at font size 1), from the real font. */
export type Measure = (text: string) => number;

export interface FitRequest {
  text: string;
  /** wanted font size, px */
  size: number;
  /** smallest font size the text may shrink to, px */
  minSize: number;
  /** room for the glyphs, px */
  maxWidth: number;
  maxHeight: number;
  maxLines: number;
  /** line pitch as a multiple of the font size */
  lineHeight: number;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** whether the text had to be cut with an ellipsis */
  cut: boolean;
}

/** Characters that may not begin a line (closing brackets and quotes, CJK and Western stops, small kana). */
const NO_LINE_START = new Set(
  "、。，．,.!?！？：；:;」』）)】》〉〕］]｝}”’…‥—–ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ・%％~～".split(
    "",
  ),
);
/** Characters that may not end a line (opening brackets and quotes). */
const NO_LINE_END = new Set("「『（(【《〈〔［[｛{“‘#＃$￥".split(""));
/** Graphemes that stand alone as break units: CJK, kana, hangul, full-width forms, emoji. */
const WIDE =
  /^(?:[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Extended_Pictographic})/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** ICU's dictionary word breaks keep Chinese words (分享, 护肤) whole on a line. */
const words = new Intl.Segmenter("zh", { granularity: "word" });
const split = (s: string) => [...graphemes.segment(s)].map((g) => g.segment);

/**
 * Break units of one paragraph: runs of Latin letters, digits and their punctuation, single CJK words (one or a
 * few characters), single emoji, single spaces. A unit that may not start a line is glued to the unit before
 * it, one that may not end a line to the unit after it.
 */
export function breakUnits(paragraph: string): string[] {
  const units: string[] = [];
  let word = "";
  const flush = () => {
    if (word) units.push(word);
    word = "";
  };
  for (const { segment } of words.segment(paragraph)) {
    if (/^\s+$/u.test(segment)) {
      flush();
      if (units.length && units.at(-1) !== " ") units.push(" ");
    } else if (WIDE.test(segment)) {
      flush();
      // Emoji sequences and CJK words arrive whole; a run longer than a word breaks between characters.
      const long = !/\p{Extended_Pictographic}/u.test(segment) && split(segment).length > 4;
      units.push(...(long ? split(segment) : [segment]));
    } else {
      word += segment;
    }
  }
  flush();
  const glued: string[] = [];
  let carry = "";
  for (const unit of units) {
    const prev = glued.at(-1);
    if (NO_LINE_START.has(split(unit)[0]) && !carry && prev !== undefined && prev !== " ") {
      glued[glued.length - 1] = prev + unit;
    } else if (NO_LINE_END.has(split(unit).at(-1) ?? "")) {
      carry += unit;
    } else {
      glued.push(carry + unit);
      carry = "";
    }
  }
  if (carry) glued.push(carry);
  return glued;
}

/** Greedy wrap into lines no wider than `maxEm`; a unit wider than a line breaks between graphemes. */
export function wrapUnits(units: string[], maxEm: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = "";
  const flush = () => {
    if (line.trim()) lines.push(line.trim());
    line = "";
  };
  for (const unit of units) {
    if (unit === " ") {
      if (line) line += " ";
    } else if (measure(line + unit) <= maxEm) {
      line += unit;
    } else {
      flush();
      if (measure(unit) <= maxEm) line = unit;
      else
        for (const g of split(unit)) {
          // Closing punctuation stays on its line even when that overflows: the fit then shrinks the text.
          if (line && measure(line + g) > maxEm && !NO_LINE_START.has(g)) flush();
          line += g;
        }
    }
  }
  flush();
  return lines;
}

/** Normalised paragraphs: newlines kept, control characters (which draw as boxes) become spaces. */
function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((p) => p.replace(/\p{Cc}/gu, " ").trim())
    .filter(Boolean);
}

/**
 * Wraps into as few lines as `maxEm` allows, then narrows the width while the line count holds, so lines come
 * out of similar length instead of a full line and an orphan.
 */
export function balancedLines(text: string, maxEm: number, measure: Measure): string[] {
  return paragraphs(text).flatMap((p) => {
    const units = breakUnits(p);
    const lines = wrapUnits(units, maxEm, measure);
    if (lines.length < 2) return lines;
    let [narrow, wide] = [maxEm / lines.length, maxEm];
    for (let i = 0; i < 10; i++) {
      const mid = (narrow + wide) / 2;
      if (wrapUnits(units, mid, measure).length > lines.length) narrow = mid;
      else wide = mid;
    }
    return wrapUnits(units, wide, measure);
  });
}

/** Cuts the last line to fit `maxEm` with an ellipsis. */
function ellipsize(line: string, maxEm: number, measure: Measure): string {
  const gs = split(line);
  while (gs.length > 1 && measure(`${gs.join("")}…`) > maxEm) gs.pop();
  return `${gs.join("").trimEnd()}…`;
}

/**
 * Fits text into a box: wraps and balances at the wanted size, shrinking step by step while it takes more
 * lines or height than allowed; at the smallest size what still does not fit ends in an ellipsis.
 */
export function fitText(req: FitRequest, measure: Measure): FittedText {
  const fits = (size: number, lines: string[]) =>
    lines.length <= req.maxLines && lines.length * size * req.lineHeight <= req.maxHeight;
  let size = req.size;
  for (;;) {
    const lines = balancedLines(req.text, req.maxWidth / size, measure);
    if (fits(size, lines)) return { size, lines, cut: false };
    const next = Math.max(req.minSize, Math.floor(size * 0.92));
    if (next === size) {
      const byHeight = Math.floor(req.maxHeight / (size * req.lineHeight));
      const keep = Math.max(1, Math.min(req.maxLines, byHeight));
      if (lines.length <= keep) return { size, lines, cut: false };
      const kept = lines.slice(0, keep);
      kept[keep - 1] = ellipsize(`${kept[keep - 1]} ${lines[keep]}`, req.maxWidth / size, measure);
      return { size, lines: kept, cut: true };
    }
    size = next;
  }
}
