// On-screen text without ffmpeg: CJK line breaking, balanced lines, shrink to fit, colours against the backdrop, safe areas.
import { describe, expect, it } from "vitest";
import { getPreset, PRESETS, safeAreaFor } from "../../core/presets.ts";
import { contrast, parseColor, type Rgb } from "../../engine/render/color.ts";
import { placeText } from "../../engine/render/text-image.ts";
import { balancedLines, breakUnits, fitText, type Measure } from "../../engine/render/text-layout.ts";
import { paintFor } from "../../engine/render/text-style.ts";

/** A monospace stand-in for the font: wide characters 1 em, everything else half. */
const mono: Measure = (s) =>
  [...s].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uff00-\uff60\u3000-\u303f]/.test(ch) ? 1 : 0.5), 0);
const CLOSING = [..."、。，！？：；」』）】》…"];

describe("line breaking", () => {
  it("never starts a line with closing punctuation, at any width", () => {
    const texts = [
      "每张图加一句文案：春天、夏天、秋天、冬天。",
      "他说：「今天的咖啡，真好喝！」然后笑了……",
      "限时优惠（仅此三天）！快来看看吧？",
    ];
    for (const text of texts) {
      for (let width = 2; width <= 14; width++) {
        const lines = balancedLines(text, width, mono);
        expect(lines.join("")).toBe(text);
        for (const line of lines.slice(1)) expect(CLOSING).not.toContain([...line][0]);
        for (const line of lines) expect([..."「（"]).not.toContain([...line].at(-1));
      }
    }
  });

  it("keeps words, Chinese words and emoji sequences whole", () => {
    expect(breakUnits("夏日护肤好物分享，第一期🧴")).toEqual([
      "夏日",
      "护肤",
      "好物",
      "分享，",
      "第一",
      "期",
      "🧴",
    ]);
    expect(breakUnits('It\'s 100% "fun": 👨‍👩‍👧')).toEqual([
      "It's",
      " ",
      "100%",
      " ",
      '"fun":',
      " ",
      "👨‍👩‍👧",
    ]);
  });

  it("balances lines instead of leaving an orphan", () => {
    const lines = balancedLines("把这段视频压缩一下发微信", 11, mono);
    expect(lines).toHaveLength(2);
    expect(Math.abs(mono(lines[0]) - mono(lines[1]))).toBeLessThanOrEqual(2);
  });

  it("shrinks a long title to its line limit and cuts only what cannot fit at the smallest size", () => {
    const base = { size: 96, minSize: 48, maxWidth: 840, maxHeight: 900, maxLines: 3, lineHeight: 1.2 };
    const shrunk = fitText(
      { ...base, text: "周末去海边看日落，顺便吃了一顿海鲜大餐，晚上还去逛了夜市" },
      mono,
    );
    expect(shrunk.lines.length).toBeLessThanOrEqual(3);
    expect(shrunk.size).toBeLessThan(96);
    expect(shrunk.cut).toBe(false);
    expect(shrunk.lines.join("")).toBe("周末去海边看日落，顺便吃了一顿海鲜大餐，晚上还去逛了夜市");
    const cut = fitText({ ...base, text: "很长的标题".repeat(40) }, mono);
    expect(cut).toMatchObject({ size: 48, cut: true });
    expect(cut.lines).toHaveLength(3);
    expect(cut.lines[2].endsWith("…")).toBe(true);
  });
});

describe("text placement", () => {
  const canvas = { width: 1080, height: 1920 };
  it("keeps every style and position inside the preset's safe area, even for text that must shrink", () => {
    const area = safeAreaFor(getPreset("tiktok")!, canvas);
    for (const style of ["clean", "plate", "outline", "highlight", "handwritten"] as const) {
      for (const pos of ["top", "center", "bottom"] as const) {
        const placed = placeText(
          { text: "Weekend by the sea 🌊 周末去海边看日落".repeat(3), role: "title", style, size: 110, pos },
          area,
          canvas.height,
        );
        const { x, y, width, height } = placed.rect;
        expect(x).toBeGreaterThanOrEqual(area.x);
        expect(y).toBeGreaterThanOrEqual(area.y);
        expect(x + width).toBeLessThanOrEqual(area.x + area.width);
        expect(y + height).toBeLessThanOrEqual(area.y + area.height);
      }
    }
  });

  it("prefers a smaller title on two lines to a third line", () => {
    const area = safeAreaFor(getPreset("xiaohongshu")!, canvas);
    const placed = placeText(
      { text: "✨夏日护肤好物分享，第一期来啦！🧴", role: "title", style: "plate", size: 96, pos: "top" },
      area,
      canvas.height,
    );
    expect(placed.lines).toHaveLength(2);
    expect(placed.size).toBeLessThan(96);
  });
});

describe("colours against the backdrop", () => {
  const white: Rgb = [250, 250, 250];
  const black: Rgb = [8, 8, 8];
  const rgb = (css: string) => parseColor(css.slice(0, 7))!;

  it("picks ink on light backdrops and white on dark ones for plain text", () => {
    expect(paintFor("clean", undefined, { color: white, busy: 0 }).fill).toBe("#111111");
    expect(paintFor("clean", undefined, { color: black, busy: 0 }).fill).toBe("#FFFFFF");
  });

  it("gives plain text an outline when its colour or a busy backdrop would hide it", () => {
    expect(paintFor("clean", [255, 255, 255], { color: white, busy: 0 }).stroke).toBeDefined();
    expect(paintFor("clean", undefined, { color: black, busy: 0.3 }).stroke).toBeDefined();
    expect(paintFor("clean", undefined, { color: black, busy: 0.02 }).stroke).toBeUndefined();
  });

  it("makes a plate opaque enough for strong contrast whatever is behind it", () => {
    for (const backdrop of [white, black, [128, 128, 128] as Rgb, [255, 220, 0] as Rgb]) {
      const paint = paintFor("plate", undefined, { color: backdrop, busy: 0 });
      const [r, g, b, alpha] = paint.plate!.match(/[\d.]+/g)!.map(Number);
      const behind = backdrop.map((v, i) => [r, g, b][i] * alpha + v * (1 - alpha)) as unknown as Rgb;
      expect(contrast(rgb(paint.fill), behind)).toBeGreaterThanOrEqual(alpha >= 0.9 ? 4.5 : 7);
    }
  });

  it("keeps the colour the draft asked for and puts the opposite behind it", () => {
    const yellow: Rgb = [255, 214, 0];
    const outline = paintFor("outline", yellow, { color: white, busy: 0 });
    expect(outline.fill).toBe("#FFD600");
    expect(outline.stroke?.color).toBe("#111111");
    const bar = paintFor("highlight", [255, 255, 255], { color: black, busy: 0 });
    expect(bar.plate).toBe("#111111");
  });
});

describe("safe areas", () => {
  it("are inside the canvas for every preset and scale with the canvas", () => {
    for (const p of PRESETS) {
      const a = safeAreaFor(p, p.canvas);
      expect(a).toEqual({
        x: p.safeZone.left,
        y: p.safeZone.top,
        width: p.canvas.width - p.safeZone.left - p.safeZone.right,
        height: p.canvas.height - p.safeZone.top - p.safeZone.bottom,
      });
      expect(a.width).toBeGreaterThan(p.canvas.width / 2);
      expect(a.height).toBeGreaterThan(p.canvas.height / 3);
    }
    const threeFour = safeAreaFor(getPreset("xiaohongshu")!, { width: 1080, height: 1440 });
    expect(threeFour).toEqual({ x: 60, y: 188, width: 840, height: 1440 - 188 - 345 });
  });
});
