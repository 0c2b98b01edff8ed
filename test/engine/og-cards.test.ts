// The committed share-link cards (web/public/og/) are what scripts/og-cards.ts draws today, pixel for pixel.
import { readFile } from "node:fs/promises";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { expect, it } from "vitest";
import { PRESETS } from "../../core/presets.ts";
import { drawOgCard, OG_DIR, ogFileName } from "../../scripts/og-cards.ts";

async function pixels(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  expect([image.width, image.height]).toEqual([1200, 630]);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

it("every preset has an English and a Chinese card, and each is current (regenerate: npx tsx scripts/og-cards.ts)", async () => {
  for (const p of PRESETS) {
    for (const lang of ["en", "zh"] as const) {
      const name = ogFileName(p.id, lang);
      const [committed, drawn] = await Promise.all([
        readFile(`${OG_DIR}${name}`).then(pixels),
        drawOgCard(p, lang).then(pixels),
      ]);
      let diff = 0;
      for (let i = 0; i < drawn.length; i++) diff += Math.abs(drawn[i] - committed[i]);
      expect(diff / drawn.length, name).toBeLessThan(0.5);
    }
  }
});
