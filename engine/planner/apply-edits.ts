// Applies parsed edit operations to a spec, one by one, collecting notes for anything it could not do as asked.
import type { TextPosition } from "../../core/draft.ts";
import { getPreset } from "../../core/presets.ts";
import type { MediaItem } from "../types.ts";
import { keepAspectCanvas } from "./canvas.ts";
import type { Lang } from "./language.ts";
import type { Note } from "./notes.ts";
import type { EditOp, Mood, TextTarget } from "./ops.ts";
import { baseName } from "./read-spec.ts";
import { DEFAULTS, type Music, type Spec, TEXT_BLOCKS, type TextBlock, type TextBlockName } from "./spec.ts";
import { suggestTitle } from "./title-suggestion.ts";

export interface EditContext {
  media: MediaItem[];
  lang: Lang;
  topic?: string;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const MOOD_NAMES: Record<Mood, string> = {
  upbeat: "Upbeat",
  calm: "Calm",
  cinematic: "Cinematic",
  lofi: "Lo-fi",
};
const PUNCHY_PRESETS = new Set([
  "douyin",
  "tiktok",
  "reels",
  "shorts",
  "promo-from-script",
  "clips-to-video",
]);

function targets(spec: Spec, target: TextTarget): TextBlockName[] {
  const present = TEXT_BLOCKS.filter((name) => spec[name]);
  if (target === "all") return present;
  if (target === "auto") return present.slice(0, 1);
  return present.filter((name) => name === target);
}

function restyle(spec: Spec, target: TextTarget, change: (b: TextBlock) => TextBlock): Spec | null {
  const names = targets(spec, target);
  if (!names.length) return null;
  const next = { ...spec };
  for (const name of names) next[name] = change(spec[name] as TextBlock);
  return next;
}

const block = (
  name: TextBlockName,
  lines: string[],
  like: TextBlock | null,
  pos: TextPosition = DEFAULTS.pos[name],
): TextBlock => ({
  lines,
  size: like?.size ?? DEFAULTS.size[name],
  pos: like?.pos ?? pos,
});

/** The title sits above centred cards; over photos and clips it starts centred. */
const titleBlock = (spec: Spec, text: string) =>
  block("title", [text], spec.title, spec.visuals.length ? DEFAULTS.pos.title : "top");

function music(spec: Spec, ctx: EditContext, mood?: Mood, builtIn?: boolean): Music {
  const v = spec.music?.v ?? DEFAULTS.musicVolume;
  const upload = ctx.media.filter((m) => m.kind === "audio").at(-1);
  if (upload && !builtIn && !(mood && spec.music?.k === "synth")) {
    return { k: "audio", src: upload.url, name: baseName(upload.filename), v };
  }
  const chosen = mood ?? spec.music?.mood ?? (PUNCHY_PRESETS.has(spec.preset) ? "upbeat" : "lofi");
  return { k: "synth", mood: chosen, name: MOOD_NAMES[chosen], v };
}

function applyOne(spec: Spec, op: EditOp, ctx: EditContext, notes: Note[]): Spec {
  switch (op.op) {
    case "canvas": {
      const preset = getPreset(op.preset ?? spec.preset);
      const canvas = op.size
        ? { ...op.size, fps: spec.canvas.fps }
        : op.keepAspect || preset?.keepAspect
          ? keepAspectCanvas(spec.visuals, spec.canvas)
          : (preset?.canvas ?? spec.canvas);
      const budget = spec.budget ?? (op.preset ? preset?.outputBudgetBytes : undefined);
      return { ...spec, canvas, preset: preset?.id ?? spec.preset, ...(budget !== undefined && { budget }) };
    }
    case "duration": {
      const preset = getPreset(spec.preset);
      const maxMs = (preset?.maxDurationSec ?? 300) * 1000;
      if (op.ms > maxMs) notes.push({ kind: "durationCapped", maxMs, preset: spec.preset });
      return { ...spec, durationMs: clamp(op.ms, DEFAULTS.minDurationMs, maxMs) };
    }
    case "script": {
      if (spec.visuals.length) return { ...spec, captions: block("captions", op.lines, spec.captions) };
      // Cards appear one after another, so a first set of cards gets fades between them.
      const transition =
        spec.transition ?? (spec.cards ? null : { type: "fade" as const, d: DEFAULTS.transitionMs });
      return { ...spec, cards: block("cards", op.lines, spec.cards), transition };
    }
    case "title": {
      if (op.text) return { ...spec, title: titleBlock(spec, op.text) };
      if (spec.title) return spec;
      const suggestion = suggestTitle(ctx.topic, spec.visuals, ctx.lang);
      notes.push({ kind: "titleSource", ...suggestion });
      return { ...spec, title: titleBlock(spec, suggestion.text) };
    }
    case "quotedText": {
      const [first, ...others] = op.texts;
      const next = spec.title ? spec : { ...spec, title: titleBlock(spec, first) };
      const overlays = spec.title ? op.texts : others;
      return overlays.length ? { ...next, overlays: block("overlays", overlays, spec.overlays) } : next;
    }
    case "captions":
      if (!spec.captions) notes.push({ kind: "needsScript" });
      return spec;
    case "removeText": {
      // Cards are the picture itself when there is no media; removing "the text" leaves them.
      const names = targets(spec, op.target).filter((name) => name !== "cards");
      if (!names.length) notes.push({ kind: "nothingTo", what: "text" });
      const next = { ...spec };
      for (const name of names) next[name] = null;
      return next;
    }
    case "resizeText":
    case "moveText": {
      const next = restyle(spec, op.target, (b) =>
        op.op === "resizeText"
          ? { ...b, size: clamp(Math.round(b.size * op.factor), DEFAULTS.minTextSize, DEFAULTS.maxTextSize) }
          : { ...b, pos: op.pos },
      );
      if (!next) notes.push({ kind: "nothingTo", what: "text" });
      return next ?? spec;
    }
    case "transition": {
      if ((spec.visuals.length || spec.cards?.lines.length || 0) < 2) notes.push({ kind: "singleShot" });
      const type = op.kind ?? spec.transition?.type ?? "fade";
      const d = clamp(op.ms ?? spec.transition?.d ?? DEFAULTS.transitionMs, 200, 2000);
      return { ...spec, transition: { type, d } };
    }
    case "noTransitions":
      if (!spec.transition) notes.push({ kind: "nothingTo", what: "transitions" });
      return { ...spec, transition: null };
    case "music":
      return { ...spec, music: music(spec, ctx, op.mood, op.builtIn) };
    case "removeMusic":
      if (!spec.music) notes.push({ kind: "nothingTo", what: "music" });
      return { ...spec, music: null };
    case "musicVolume": {
      if (!spec.music && op.percent === undefined) {
        notes.push({ kind: "nothingTo", what: "music" });
        return spec;
      }
      const current = spec.music ?? music(spec, ctx);
      const v = op.percent !== undefined ? op.percent / 100 : current.v + (op.step ?? 0);
      return { ...spec, music: { ...current, v: Math.round(clamp(v, 0, 1) * 100) / 100 } };
    }
    case "clipAudio":
      return { ...spec, clipVolume: op.on ? 1 : 0 };
    case "budget":
      return {
        ...spec,
        budget:
          op.bytes ?? spec.budget ?? getPreset(spec.preset)?.outputBudgetBytes ?? DEFAULTS.compressBudget,
      };
    case "noBudget": {
      if (spec.budget === undefined) notes.push({ kind: "nothingTo", what: "budget" });
      const { budget: _dropped, ...rest } = spec;
      return rest;
    }
  }
}

export function applyEdits(spec: Spec, ops: EditOp[], ctx: EditContext): { spec: Spec; notes: Note[] } {
  const notes: Note[] = [];
  const next = ops.reduce((s, op) => applyOne(s, op, ctx, notes), spec);
  return { spec: next, notes };
}
