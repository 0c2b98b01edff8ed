// Applies edit commands to a spec one by one; each either changes the spec or leaves a note saying why it did not.
import { MUSIC_MOODS, type MusicMood, type TextPosition } from "../../../core/draft.ts";
import type { EditCommand, TextTarget } from "../../../core/edit-commands.ts";
import { getPreset } from "../../../core/presets.ts";
import type { MediaItem } from "../../types.ts";
import { keepAspectCanvas, shapedCanvas } from "../canvas.ts";
import type { Lang } from "../language.ts";
import { musicLevel } from "../layout.ts";
import type { Note } from "../notes.ts";
import { baseName } from "../read-spec.ts";
import {
  DEFAULTS,
  hasContent,
  type Music,
  type Spec,
  TEXT_BLOCKS,
  type TextBlock,
  type TextBlockName,
} from "../spec.ts";
import { keepShots, moveShot, removeShots, reverseShots, swapShots, trimShot } from "./shots.ts";
import { chooseWords } from "./words.ts";

export interface EditContext {
  media: MediaItem[];
  lang: Lang;
  topic?: string;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round2 = (x: number) => Math.round(x * 100) / 100;
const MB = 1024 * 1024;
const MOOD_NAMES: Record<MusicMood, string> = {
  upbeat: "Upbeat",
  calm: "Calm",
  cinematic: "Cinematic",
  lofi: "Lo-fi",
  warm: "Warm",
};
const moodName = (mood: MusicMood) => MOOD_NAMES[mood];

function targets(spec: Spec, target: TextTarget): TextBlockName[] {
  const present = TEXT_BLOCKS.filter((name) => spec[name]);
  if (target === "all") return present;
  if (target === "auto") return present.slice(0, 1);
  return present.filter((name) => name === target);
}

const block = (
  name: TextBlockName,
  lines: string[],
  like: TextBlock | null,
  pos?: TextPosition,
): TextBlock => ({
  ...like,
  lines,
  size: like?.size ?? DEFAULTS.size[name],
  pos: like?.pos ?? pos ?? DEFAULTS.pos[name],
});

/** The title sits above centred cards; over photos and clips it starts centred. */
const titleBlock = (spec: Spec, text: string) =>
  block("title", [text], spec.title, spec.visuals.length ? DEFAULTS.pos.title : "top");

/** Text asked for without words: the topic or the preset's hook, said in the reply. */
function chosenTitle(spec: Spec, ctx: EditContext, notes: Note[], as: "title" | "overlays"): Spec {
  const words = chooseWords(ctx.topic, spec.preset, ctx.lang);
  notes.push({ kind: "wordsChosen", ...words, block: as });
  return { ...spec, title: titleBlock(spec, words.text) };
}

export function musicFor(
  spec: Spec,
  ctx: EditContext,
  wish: Extract<EditCommand, { cmd: "music" }>,
  notes: Note[],
): Music {
  const v = spec.music?.v ?? DEFAULTS.musicUnderClips;
  const upload = ctx.media.filter((m) => m.kind === "audio").at(-1);
  if (wish.source === "upload" && !upload) notes.push({ kind: "noUpload" });
  const wantsUpload =
    wish.source === "upload" || (!wish.source && !wish.mood && !wish.different && spec.music?.k !== "synth");
  if (upload && wantsUpload) return { k: "audio", src: upload.url, name: baseName(upload.filename), v };
  const current = spec.music?.k === "synth" ? spec.music.mood : undefined;
  const look = getPreset(spec.preset)?.look.music;
  const next = (m?: MusicMood) => MUSIC_MOODS[(MUSIC_MOODS.indexOf(m ?? "upbeat") + 1) % MUSIC_MOODS.length];
  const mood =
    wish.mood ?? (wish.different ? next(current ?? look ?? undefined) : (current ?? look ?? "upbeat"));
  return { k: "synth", mood, name: moodName(mood), v };
}

function styleText(spec: Spec, cmd: Extract<EditCommand, { cmd: "textStyle" }>): Spec | null {
  const names = targets(spec, cmd.target);
  if (!names.length) return null;
  const next = { ...spec };
  for (const name of names) {
    const b = spec[name] as TextBlock;
    next[name] = {
      ...b,
      ...(cmd.sizeFactor && {
        size: clamp(Math.round(b.size * cmd.sizeFactor), DEFAULTS.minTextSize, DEFAULTS.maxTextSize),
      }),
      ...(cmd.position && { pos: cmd.position }),
      ...(cmd.color && { color: cmd.color }),
      ...(cmd.style && { style: cmd.style }),
    };
  }
  return next;
}

function canvas(spec: Spec, cmd: Extract<EditCommand, { cmd: "canvas" }>): Spec {
  const preset = getPreset(cmd.preset ?? spec.preset);
  const base = cmd.preset ? (preset?.canvas ?? spec.canvas) : spec.canvas;
  const shaped =
    cmd.keepSource || (!cmd.aspect && preset?.keepAspect && cmd.preset)
      ? keepAspectCanvas(spec.visuals, base)
      : cmd.aspect || cmd.resolution
        ? shapedCanvas(base, cmd.aspect, cmd.resolution)
        : base;
  const budget = spec.budget ?? (cmd.preset ? preset?.outputBudgetBytes : undefined);
  return {
    ...spec,
    canvas: shaped,
    preset: preset?.id ?? spec.preset,
    ...(budget !== undefined && { budget }),
  };
}

function volume(
  spec: Spec,
  cmd: Extract<EditCommand, { cmd: "musicVolume" }>,
  ctx: EditContext,
  notes: Note[],
): Spec {
  const level = (current: number) =>
    round2(
      clamp(
        cmd.percent !== undefined
          ? cmd.percent / 100
          : cmd.factor !== undefined
            ? current * cmd.factor
            : current + (cmd.change ?? 0),
        0,
        1,
      ),
    );
  const current = spec.music && { ...spec.music, v: musicLevel(spec) };
  if (current) {
    const v = level(current.v);
    if (v === current.v && (v === 1 || v === 0)) {
      notes.push({ kind: "volumeLimit", at: v === 1 ? "max" : "min" });
      return spec;
    }
    return { ...spec, music: { ...current, v }, musicLevelFixed: true };
  }
  if (cmd.anySound && spec.visuals.some((v) => v.hasAudio) && spec.clipVolume > 0) {
    notes.push({ kind: "volumeOnClips" });
    return { ...spec, clipVolume: level(spec.clipVolume) };
  }
  // "music at 20%" with no music yet: add it at that level.
  if (cmd.percent !== undefined && !cmd.anySound) {
    const added = musicFor(spec, ctx, { cmd: "music" }, notes);
    return { ...spec, music: { ...added, v: level(added.v) }, musicLevelFixed: true };
  }
  notes.push({ kind: "nothingTo", what: "music" });
  return spec;
}

function length(spec: Spec, cmd: Extract<EditCommand, { cmd: "length" }>, notes: Note[]): Spec {
  const maxMs = (getPreset(spec.preset)?.maxDurationSec ?? 300) * 1000;
  const current = spec.durationMs || DEFAULTS.minDurationMs;
  const wanted =
    cmd.seconds !== undefined
      ? cmd.seconds * 1000
      : cmd.changeSeconds !== undefined
        ? current + cmd.changeSeconds * 1000
        : current * (cmd.factor ?? 1);
  if (wanted > maxMs) notes.push({ kind: "durationCapped", maxMs, preset: spec.preset });
  return { ...spec, durationMs: Math.round(clamp(wanted, DEFAULTS.minDurationMs, maxMs)), lengthFixed: true };
}

function applyOne(spec: Spec, cmd: EditCommand, ctx: EditContext, notes: Note[]): Spec {
  switch (cmd.cmd) {
    case "canvas":
      return canvas(spec, cmd);
    case "length":
      return length(spec, cmd, notes);
    case "shotLength": {
      const photos = spec.visuals.filter((v) => v.kind === "image").length;
      const current = spec.photoMs ?? (getPreset(spec.preset)?.look.shotSec ?? 3) * 1000;
      const ms = cmd.seconds !== undefined ? cmd.seconds * 1000 : current * (cmd.factor ?? 1);
      if (!photos && spec.visuals.length) notes.push({ kind: "nothingTo", what: "text" });
      // Seconds per photo decide the length again.
      return { ...spec, photoMs: Math.round(clamp(ms, 500, 60_000)), lengthFixed: false };
    }
    case "moveShot":
      return moveShot(spec, cmd.shot, cmd.to, notes);
    case "swapShots":
      return swapShots(spec, cmd.a, cmd.b, notes);
    case "reverseShots":
      return reverseShots(spec);
    case "keepShots":
      return keepShots(spec, cmd.shots, notes);
    case "removeShots":
      return removeShots(spec, cmd.shots, notes);
    case "trim":
      return trimShot(spec, cmd, notes);
    case "transition": {
      if ((spec.visuals.length || spec.cards?.lines.length || 0) < 2) notes.push({ kind: "singleShot" });
      const type =
        cmd.kind ?? spec.transition?.type ?? getPreset(spec.preset)?.look.transition?.kind ?? "fade";
      const d = clamp(
        cmd.seconds !== undefined ? cmd.seconds * 1000 : (spec.transition?.d ?? DEFAULTS.transitionMs),
        200,
        2000,
      );
      return { ...spec, transition: { type, d } };
    }
    case "noTransitions":
      return { ...spec, transition: null };
    case "title":
      if (cmd.text) return { ...spec, title: titleBlock(spec, cmd.text) };
      return spec.title ? spec : chosenTitle(spec, ctx, notes, "title");
    case "overlays": {
      if (!cmd.texts?.length) {
        if (!spec.title) return chosenTitle(spec, ctx, notes, "overlays");
        if (spec.overlays || spec.captions) return spec;
        const words = chooseWords(ctx.topic, spec.preset, ctx.lang);
        if (words.text === spec.title.lines[0]) return spec;
        notes.push({ kind: "wordsChosen", ...words, block: "overlays" });
        return { ...spec, overlays: block("overlays", [words.text], spec.overlays) };
      }
      // Quoted words with no label: the first becomes the title when there is none, the rest go on screen.
      const [first, ...others] = cmd.texts;
      const next = spec.title ? spec : { ...spec, title: titleBlock(spec, first) };
      const overlays = spec.title ? cmd.texts : others;
      return overlays.length ? { ...next, overlays: block("overlays", overlays, spec.overlays) } : next;
    }
    case "captions": {
      const perShot = cmd.perShot ?? spec.captionsPerShot;
      if (!cmd.lines) {
        if (!spec.captions) notes.push({ kind: "needsScript" });
        return spec.captions && cmd.perShot ? { ...spec, captionsPerShot: true } : spec;
      }
      if (perShot && spec.visuals.length && cmd.lines.length !== spec.visuals.length)
        notes.push({ kind: "captionsPerShot", lines: cmd.lines.length, shots: spec.visuals.length });
      if (spec.visuals.length)
        return { ...spec, captions: block("captions", cmd.lines, spec.captions), captionsPerShot: perShot };
      // Cards appear one after another, so a first set of cards gets fades between them.
      const transition =
        spec.transition ?? (spec.cards ? null : { type: "fade" as const, d: DEFAULTS.transitionMs });
      return { ...spec, cards: block("cards", cmd.lines, spec.cards), transition };
    }
    case "removeText": {
      // Cards are the picture itself when there is no media; removing "the text" leaves them.
      const names = targets(spec, cmd.target).filter((name) => name !== "cards");
      if (!names.length) notes.push({ kind: "nothingTo", what: "text" });
      const next = { ...spec };
      for (const name of names) next[name] = null;
      return next;
    }
    case "textStyle": {
      // "make the title pink" with no title yet: a title in pink, with words Reelsmith picks and names.
      const wantsTitle = ["auto", "title", "all"].includes(cmd.target) && !targets(spec, "all").length;
      const base = wantsTitle && hasContent(spec) ? chosenTitle(spec, ctx, notes, "title") : spec;
      const next = styleText(base, cmd);
      if (!next) notes.push({ kind: "nothingTo", what: "text" });
      return next ?? spec;
    }
    case "music":
      if (cmd.fade && spec.music) {
        notes.push({ kind: "musicFades", inMs: DEFAULTS.musicFadeInMs, outMs: DEFAULTS.musicFadeOutMs });
        return spec;
      }
      return { ...spec, music: musicFor(spec, ctx, cmd, notes) };
    case "musicVolume":
      return volume(spec, cmd, ctx, notes);
    case "removeMusic":
      if (!spec.music) notes.push({ kind: "already", cmd: "removeMusic" });
      return { ...spec, music: null };
    case "sourceSound":
      if (!spec.visuals.some((v) => v.hasAudio)) {
        notes.push({ kind: "nothingTo", what: "clipSound" });
        return spec;
      }
      return { ...spec, clipVolume: cmd.on ? round2((cmd.percent ?? 100) / 100) : 0 };
    case "budget": {
      const preset = getPreset(spec.preset)?.outputBudgetBytes ?? DEFAULTS.compressBudget;
      // "compress it" fits the platform's limit; "smaller" (a factor) goes below the current one.
      const bytes =
        cmd.megabytes !== undefined
          ? cmd.megabytes * MB
          : spec.budget && cmd.factor
            ? spec.budget * cmd.factor
            : Math.min(spec.budget ?? preset, preset);
      return { ...spec, budget: Math.round(bytes) };
    }
    case "noBudget": {
      if (spec.budget === undefined) notes.push({ kind: "nothingTo", what: "budget" });
      const { budget: _dropped, ...rest } = spec;
      return rest;
    }
    case "undo":
    case "redo":
    case "revert":
    case "export":
    case "create":
      return spec;
  }
}

/** Applies commands in order; a command that changes nothing and leaves no other note is reported as already done. */
export function applyCommands(
  spec: Spec,
  commands: EditCommand[],
  ctx: EditContext,
): { spec: Spec; notes: Note[] } {
  const notes: Note[] = [];
  let current = spec;
  for (const cmd of commands) {
    const before = notes.length;
    const next = applyOne(current, cmd, ctx, notes);
    if (JSON.stringify(next) === JSON.stringify(current) && notes.length === before)
      notes.push({ kind: "already", cmd: cmd.cmd });
    current = next;
  }
  return { spec: current, notes };
}
