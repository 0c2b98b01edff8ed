// Draws the share-link preview cards (1200×630, one per preset, English and Chinese) with the renderer's text engine into web/public/og/.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { PRESETS, type Preset, safeAreaFor } from "../core/presets.ts";
import { cssFont, ensureFonts, FAMILY } from "../engine/render/fonts.ts";
import { drawText, placeText, type TextSpec } from "../engine/render/text-image.ts";
import { paintFor } from "../engine/render/text-style.ts";

export const OG_DIR = fileURLToPath(new URL("../web/public/og/", import.meta.url));
const [W, H] = [1200, 630];
const INK: [number, number, number] = [20, 22, 38];

/** `xiaohongshu.png`, `xiaohongshu.zh.png`. */
export const ogFileName = (id: string, lang: "en" | "zh") => `${id}${lang === "zh" ? ".zh" : ""}.png`;

/** Draws a text spec into a box of the card. */
async function write(
  ctx: CanvasRenderingContext2D,
  spec: TextSpec,
  box: { x: number; y: number; width: number; height: number },
) {
  const placed = placeText(spec, box, H);
  const png = drawText(placed, paintFor(spec.style, undefined, { color: INK, busy: 0 }));
  ctx.drawImage((await loadImage(png)) as unknown as CanvasImageSource, placed.rect.x, placed.rect.y);
}

/** The preset's video shape, with the part its platform covers shaded and the safe area outlined. */
function drawCanvasShape(ctx: CanvasRenderingContext2D, p: Preset) {
  const c = p.keepAspect ? { width: 1080, height: 1440 } : p.canvas;
  const scale = Math.min(400 / c.height, 400 / c.width);
  const [w, h] = [c.width * scale, c.height * scale];
  const [x, y] = [W - 110 - w, (H - h) / 2 - 20];
  ctx.fillStyle = "#2c2f52";
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 18);
  ctx.fill();
  const area = safeAreaFor(p, c);
  ctx.strokeStyle = "#ffd93d";
  ctx.lineWidth = 3;
  ctx.setLineDash([10, 8]);
  ctx.strokeRect(x + area.x * scale, y + area.y * scale, area.width * scale, area.height * scale);
  ctx.setLineDash([]);
  ctx.fillStyle = "#c9cbe8";
  ctx.font = cssFont(FAMILY.sansBold, 26);
  ctx.textAlign = "center";
  ctx.fillText(p.keepAspect ? "keeps its shape" : `${c.width}×${c.height}`, x + w / 2, y + h + 44);
}

/** One preview card as PNG bytes. */
export async function drawOgCard(p: Preset, lang: "en" | "zh"): Promise<Buffer> {
  ensureFonts();
  const canvas = createCanvas(W, H);
  const ctx = canvas.getContext("2d") as unknown as CanvasRenderingContext2D;
  // A flat background keeps each card small (a gradient quadruples the PNG).
  ctx.fillStyle = "#1b1b33";
  ctx.fillRect(0, 0, W, H);
  drawCanvasShape(ctx, p);
  const left = { x: 70, width: 620 };
  await write(
    ctx,
    { text: "Reelsmith", role: "caption", style: "highlight", size: 34, pos: "top" },
    { ...left, y: 60, height: 80 },
  );
  await write(
    ctx,
    { text: p.label[lang], role: "title", style: "clean", size: 92, pos: "center" },
    { ...left, y: 150, height: 220 },
  );
  await write(
    ctx,
    { text: p.look.hook[lang], role: "caption", style: "plate", size: 46, pos: "top" },
    { ...left, y: 390, height: 150 },
  );
  return canvas.toBuffer("image/png");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OG_DIR, { recursive: true });
  for (const p of PRESETS) {
    for (const lang of ["en", "zh"] as const)
      writeFileSync(`${OG_DIR}${ogFileName(p.id, lang)}`, await drawOgCard(p, lang));
  }
  console.log(`${PRESETS.length * 2} cards in web/public/og/`);
}
