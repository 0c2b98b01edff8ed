// Registers the text engine's fonts once per process: Noto Sans CJK Bold (its Simplified Chinese face), colour emoji, LXGW WenKai.
import { existsSync, readFileSync } from "node:fs";
import { GlobalFonts } from "@napi-rs/canvas";

const NOTO_CJK = "/usr/share/fonts/opentype/noto";
const FILES = {
  sansBold: process.env.REELSMITH_FONT_BOLD ?? `${NOTO_CJK}/NotoSansCJK-Bold.ttc`,
  emoji: "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
  hand: "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf",
};
/** Face 2 of the Noto Sans CJK collections is Simplified Chinese (0 is Japanese, whose 写 骨 直 differ). */
const SC_FACE = 2;

/** Family names the text engine uses; each falls back to the emoji font, then to whatever Skia finds. */
export const FAMILY = { sansBold: "RS Sans Bold", hand: "RS Hand", emoji: "RS Emoji" };

/**
 * Face `index` of a TrueType/OpenType collection as a standalone font: the face's table directory with its
 * tables copied after it and their offsets rewritten. A plain font file comes back unchanged.
 */
export function collectionFace(file: Buffer, index: number): Buffer {
  if (file.toString("latin1", 0, 4) !== "ttcf") return file;
  const count = file.readUInt32BE(8);
  const start = file.readUInt32BE(12 + 4 * Math.min(index, count - 1));
  const numTables = file.readUInt16BE(start + 4);
  const headerLength = 12 + 16 * numTables;
  const tables = Array.from({ length: numTables }, (_, i) => {
    const record = start + 12 + 16 * i;
    return { offset: file.readUInt32BE(record + 8), length: file.readUInt32BE(record + 12) };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(tables.reduce((size, t) => size + padded(t.length), headerLength));
  file.copy(out, 0, start, start + headerLength);
  let at = headerLength;
  tables.forEach((t, i) => {
    file.copy(out, at, t.offset, t.offset + t.length);
    out.writeUInt32BE(at, 12 + 16 * i + 8);
    at += padded(t.length);
  });
  return out;
}

let registered = false;

/** Registers every font that exists on this machine (missing ones fall back to system fonts, never throw). */
export function ensureFonts(): void {
  if (registered) return;
  registered = true;
  const add = (path: string, family: string, face = 0) => {
    if (!existsSync(path)) return;
    GlobalFonts.register(collectionFace(readFileSync(path), face), family);
  };
  add(FILES.sansBold, FAMILY.sansBold, SC_FACE);
  add(FILES.emoji, FAMILY.emoji);
  add(FILES.hand, FAMILY.hand);
}

/** A CSS font shorthand for the canvas: the family, then colour emoji. */
export function cssFont(family: string, sizePx: number): string {
  return `${Math.round(sizePx)}px "${family}", "${FAMILY.emoji}"`;
}
