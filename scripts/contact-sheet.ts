// Renders a short sample of every preset (its look: shot length, transition, music, text style, hook) and tiles one frame of each into docs/contact-sheet.jpg.
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import type { Draft } from "../core/draft.ts";
import { PRESETS, type Preset } from "../core/presets.ts";
import { cssFont, FAMILY } from "../engine/render/fonts.ts";
import { renderDraft } from "../engine/render/render-draft.ts";
import type { MediaItem } from "../engine/types.ts";
import { ffmpeg, makePhoto, mediaItem, resolverFor } from "../test/engine/helpers/media-fixtures.ts";

const OUT = fileURLToPath(new URL("../docs/contact-sheet.jpg", import.meta.url));
/** Samples render at half the preset's canvas (quick, and the safe zone scales with it); tiles are this tall. */
const TILE_H = 480;

/** Two photos, laid out the way the preset's look says, its English hook as the title and the Chinese one as a caption. */
function sampleDraft(p: Preset, photos: MediaItem[]): Draft {
  const shot = p.look.shotSec * 1000;
  const canvas = p.keepAspect ? { width: 1080, height: 1440 } : p.canvas;
  const tr = p.look.transition ? { type: p.look.transition.kind, d: p.look.transition.ms } : undefined;
  return {
    d: 2 * shot,
    m: { preset: p.id, width: canvas.width / 2, height: canvas.height / 2, title: p.label.en },
    t: [
      {
        tt: 0,
        sg: photos.map((ph, i) => ({
          s: i * shot,
          d: shot,
          k: "image",
          src: ph.url,
          ...(i > 0 && tr && { tr }),
        })),
      },
      {
        tt: 7,
        sg: [
          { s: 0, d: 2 * shot, k: "text", role: "title", tx: p.look.hook.en },
          { s: 0, d: shot, k: "text", role: "caption", tx: p.look.hook.zh },
        ],
      },
      ...(p.look.music
        ? [{ tt: 1, sg: [{ s: 0, d: 2 * shot, k: "synth" as const, mood: p.look.music, v: 0.35 }] }]
        : []),
    ],
  };
}

const dir = await mkdtemp(join(tmpdir(), "contact-sheet-"));
try {
  const photos = await Promise.all(
    [30, 200].map(async (hue, i) =>
      mediaItem(await makePhoto(join(dir, `p${i}.jpg`), 1512, 2016, hue), "image"),
    ),
  );
  const tiles: { p: Preset; frame: string; width: number }[] = [];
  for (const p of PRESETS) {
    const draft = sampleDraft(p, photos);
    const out = await renderDraft(draft, {
      outPath: join(dir, `${p.id}.mp4`),
      resolveMedia: resolverFor(photos),
    });
    const frame = join(dir, `${p.id}.png`);
    await ffmpeg([
      "-ss",
      String(p.look.shotSec * 0.6),
      "-i",
      out.path,
      "-frames:v",
      "1",
      "-vf",
      `scale=-2:${TILE_H}`,
      frame,
    ]);
    tiles.push({ p, frame, width: Math.round((TILE_H * out.width) / out.height / 2) * 2 });
    console.log(`${p.id}: ${out.width}×${out.height}`);
  }
  const gap = 16;
  const perRow = 5;
  const rows = Math.ceil(tiles.length / perRow);
  const rowWidths = Array.from({ length: rows }, (_, r) =>
    tiles.slice(r * perRow, (r + 1) * perRow).reduce((w, t) => w + t.width + gap, gap),
  );
  const sheet = createCanvas(Math.max(...rowWidths), rows * (TILE_H + 76) + gap);
  const ctx = sheet.getContext("2d");
  ctx.fillStyle = "#15151f";
  ctx.fillRect(0, 0, sheet.width, sheet.height);
  ctx.fillStyle = "#e8e8f0";
  for (const [i, t] of tiles.entries()) {
    const [r, c] = [Math.floor(i / perRow), i % perRow];
    const x = gap + tiles.slice(r * perRow, r * perRow + c).reduce((w, o) => w + o.width + gap, 0);
    const y = gap + r * (TILE_H + 76);
    ctx.drawImage(await loadImage(t.frame), x, y);
    ctx.font = cssFont(FAMILY.sansBold, 22);
    ctx.fillText(t.p.id, x, y + TILE_H + 30);
    ctx.font = cssFont(FAMILY.sansBold, 17);
    ctx.fillText(`${t.p.look.textStyle} · ${t.p.look.music ?? "no music"}`, x, y + TILE_H + 56);
  }
  mkdirSync(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
  writeFileSync(OUT, sheet.toBuffer("image/jpeg", 82));
  console.log(`docs/contact-sheet.jpg: ${tiles.length} presets`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
