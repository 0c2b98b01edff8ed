// English reply sentences.
import type { TextPosition, TextStyleName, TransitionKind } from "../../core/draft.ts";
import type { CommandName, ShotRef } from "../../core/edit-commands.ts";
import { getPreset } from "../../core/presets.ts";
import { aspectName } from "./canvas.ts";
import type { Change } from "./changes.ts";
import { colorName } from "./lexicon/index.ts";
import type { Note } from "./notes.ts";
import { megabytes, type Phrasebook, percent, seconds } from "./phrasebook.ts";
import type { Music, TextBlockName } from "./spec.ts";

const s = (ms: number) => `${seconds(ms)} s`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const quoted = (lines: string[]) => lines.map((l) => `"${l}"`).join(", ");
const BLOCK: Record<TextBlockName, string> = {
  title: "title",
  overlays: "text overlays",
  captions: "captions",
  cards: "card text",
};
const WHERE: Record<TextPosition, string> = {
  top: "at the top",
  bottom: "at the bottom",
  center: "in the centre",
};
const TRANSITION: Record<TransitionKind, string> = {
  fade: "fade",
  slide: "slide",
  wipe: "wipe",
  zoom: "zoom",
};
const STYLE: Record<TextStyleName, string> = {
  clean: "clean",
  plate: "bold plate",
  outline: "outline",
  highlight: "highlight bar",
  handwritten: "handwritten",
};
const presetName = (id: string) => getPreset(id)?.label.en.replace(/\s*\(.*\)$/, "") ?? id;

function shotName(ref: ShotRef): string {
  if ("name" in ref) return `"${ref.name}"`;
  const kind = ref.of ?? "shot";
  return ref.at === -1
    ? `the last ${kind}`
    : ref.at < 0
      ? `${kind} ${-ref.at} from the end`
      : `${kind} ${ref.at}`;
}

function musicName(m: Music): string {
  return m.k === "synth" ? `the built-in ${m.name.toLowerCase()} track` : `your "${m.name}"`;
}

function music(c: Extract<Change, { kind: "music" }>): string {
  const { from, to } = c;
  if (!to) return "background music removed";
  if (!from)
    return `background music: ${musicName(to)} at ${percent(to.v)}, fading out over the last ${s(c.fadeOutMs)}`;
  if (from.name === to.name && from.k === to.k) return `music volume ${percent(from.v)} → ${percent(to.v)}`;
  return `music ${musicName(from)} → ${musicName(to)} at ${percent(to.v)}`;
}

function text(c: Extract<Change, { kind: "text" }>): string {
  const { block, from, to } = c;
  if (!to.length) return `${BLOCK[block]} removed`;
  if (block === "title") {
    return from.length
      ? `title "${from[0]}" → "${to[0]}"${c.color ? ` in ${colorName(c.color, "en")}` : ""}`
      : `title "${to[0]}" (first 3 s, ${WHERE[c.pos ?? "center"]}${c.color ? `, in ${colorName(c.color, "en")}` : ""})`;
  }
  if (block === "overlays") return `text overlays ${quoted(to)}`;
  if (block === "captions")
    return `${plural(to.length, "caption")} from your script ${WHERE[c.pos ?? "bottom"]}${c.perShot ? ", one per shot" : ""}`;
  return `${plural(to.length, "animated text card")} over generated backgrounds`;
}

function change(c: Change): string {
  switch (c.kind) {
    case "cleared":
      return "the timeline is empty again";
    case "canvas": {
      const size = (v: { width: number; height: number }) => `${v.width}×${v.height}`;
      const label = [aspectName(c.to), presetName(c.preset)].filter(Boolean).join(", ");
      return `canvas ${c.from && size(c.from) !== size(c.to) ? `${size(c.from)} → ` : ""}${size(c.to)} (${label})`;
    }
    case "duration":
      return c.fromMs ? `length ${s(c.fromMs)} → ${s(c.toMs)}` : `length ${s(c.toMs)}`;
    case "shots": {
      const parts = [
        c.photos ? `${plural(c.photos, "photo")}${c.photoMs ? `, ${s(c.photoMs)} each` : ""}` : "",
        c.clips
          ? `${plural(c.clips, "clip")}${c.trimmed ? ` (${c.trimmed} trimmed to fit)` : " at full length"}`
          : "",
      ];
      return parts.filter(Boolean).join(" and ");
    }
    case "order":
      return `new order: ${c.names.join(", ")}`;
    case "trim":
      return `"${c.name}" now plays ${s(c.inMs)}–${s(c.outMs)} of the clip`;
    case "transition":
      if (!c.to) return "transitions removed";
      if (c.from === c.to) return `transitions ${s(c.fromMs)} → ${s(c.ms)}`;
      return c.from
        ? `transitions ${TRANSITION[c.from]} → ${TRANSITION[c.to]}`
        : `${TRANSITION[c.to]} transitions (${s(c.ms)})`;
    case "text":
      return text(c);
    case "textStyle":
      return [
        c.size ? `${BLOCK[c.block]} size ${c.size[0]} → ${c.size[1]} px` : "",
        c.pos ? `${BLOCK[c.block]} moved ${WHERE[c.pos[1]].replace(/^at|^in/, "to")}` : "",
        c.color ? `${BLOCK[c.block]} in ${colorName(c.color, "en")}` : "",
        c.style ? `${BLOCK[c.block]} style: ${STYLE[c.style]}` : "",
      ]
        .filter(Boolean)
        .join(", ");
    case "music":
      return music(c);
    case "clipAudio":
      if (!c.on) return "the clips' own sound muted";
      return c.level < 1 ? `the clips' own sound at ${percent(c.level)}` : "the clips' own sound is on";
    case "budget":
      if (!c.to) return "size limit removed";
      return c.from
        ? `size limit ${megabytes(c.from)} → ${megabytes(c.to)}`
        : `file size kept under ${megabytes(c.to)}`;
  }
}

const NOTHING_TO: Record<Extract<Note, { kind: "nothingTo" }>["what"], string> = {
  music: "There's no background music to change.",
  text: "There's no text on the video to change.",
  transitions: "There are no transitions to remove.",
  budget: "There's no size limit to remove.",
  clipSound: "None of the shots has its own sound.",
};

const ALREADY: Partial<Record<CommandName, string>> = {
  canvas: "The canvas is already that shape.",
  length: "It's already that long.",
  shotLength: "Each photo already stays that long.",
  moveShot: "That shot is already there.",
  swapShots: "The shots are already in that order.",
  reverseShots: "The shots are already in that order.",
  keepShots: "Those are already the only shots.",
  removeShots: "Those shots aren't in the video.",
  trim: "That clip already plays that part.",
  transition: "The transitions are already like that.",
  noTransitions: "There are no transitions.",
  title: "The title is already there.",
  overlays: "That text is already on screen.",
  captions: "Those captions are already there.",
  textStyle: "The text already looks like that.",
  music: "That music is already playing.",
  musicVolume: "The music is already at that level.",
  removeMusic: "There's no background music.",
  sourceSound: "The clips' own sound is already like that.",
  budget: "The file already fits that size.",
  noBudget: "There's no size limit.",
};

const WORDS_SOURCE = {
  topic: "from your message",
  hook: "a hook line for this platform",
  title: "your title",
  default: "a placeholder",
};

function note(n: Note): string {
  switch (n.kind) {
    case "wordsChosen":
      return `I used "${n.text}" as the ${n.block === "title" ? "title" : "on-screen text"} (${WORDS_SOURCE[n.source]}); send the words you want in quotes to change it, e.g. title "Summer Sale".`;
    case "needsScript":
      return "You mentioned captions or a script, but I found no script text: paste it (one line per caption, or one per photo) and I'll add it.";
    case "nothingTo":
      return NOTHING_TO[n.what];
    case "already":
      return ALREADY[n.cmd] ?? "";
    case "durationCapped":
      return `${presetName(n.preset)} videos can be at most ${s(n.maxMs)}, so I used that.`;
    case "clipsShort":
      return `Your clips add up to ${s(n.endMs)}, so the video is ${s(n.endMs)} rather than ${s(n.requestedMs)} (I don't stretch or loop footage).`;
    case "singleShot":
      return "Transitions play between shots, so they'll show once there are at least two.";
    case "noShot":
      return `I couldn't find ${shotName(n.ref)} in the video.`;
    case "noClipToTrim":
      return n.photo
        ? "Photos can't be trimmed; tell me how many seconds each photo should stay instead."
        : "There's no clip to trim.";
    case "trimmedClip":
      return `I trimmed clip ${n.index} ("${n.name}"); say "clip 2" and so on to trim another one.`;
    case "trimTooShort":
      return `That would leave less than a second of "${n.name}", so I left it as it was.`;
    case "keptOneShot":
      return "A video needs at least one shot, so I kept them all.";
    case "platformSwitched":
      return `You named ${presetName(n.to)}, so the video now follows ${presetName(n.to)} instead of ${presetName(n.from)}.`;
    case "captionsPerShot":
      return n.lines > n.shots
        ? `You sent ${plural(n.lines, "line")} for ${plural(n.shots, "shot")}, so the last ${plural(n.lines - n.shots, "line")} ${n.lines - n.shots === 1 ? "is" : "are"} left out.`
        : `You sent ${plural(n.lines, "line")} for ${plural(n.shots, "shot")}, so the last ${plural(n.shots - n.lines, "shot")} ${n.shots - n.lines === 1 ? "has" : "have"} no caption.`;
    case "noUpload":
      return "You haven't uploaded a song, so I used a built-in track; upload an MP3, M4A or WAV to use your own.";
    case "volumeLimit":
      return n.at === "max"
        ? "The music is already at full volume (100%)."
        : "The music is already silent (0%).";
    case "musicFades":
      return `The music already fades in over the first ${s(n.inMs)} and out over the last ${s(n.outMs)}.`;
    case "volumeOnClips":
      return "There's no background music, so I changed the clips' own sound.";
    case "nothingToUndo":
      return "There's nothing to undo yet.";
    case "nothingToRedo":
      return "There's nothing to redo.";
    case "nothingToRevert":
      return `The ${n.target === "all" ? "video" : n.target} hasn't changed since the first version.`;
    case "exportNext":
      return `Ready to export: ${n.width}×${n.height}, ${s(n.ms)}.`;
    case "unsupported":
      return n.items.map((i) => `I can't ${i.en} here${i.insteadEn ? `; ${i.insteadEn}` : ""}.`).join(" ");
    case "unclear":
      return `I didn't understand ${n.texts.map((t) => `"${t}"`).join(" or ")}, so I left ${n.texts.length > 1 ? "those" : "that"} out.`;
  }
}

export const en: Phrasebook = {
  change,
  note,
  already: (cmd) => ALREADY[cmd] ?? "",
  done: (changes) => `Done: ${changes.join("; ")}.`,
  undone: (steps, changes) =>
    `${steps > 1 ? `Undid the last ${steps} edits` : "Undid the last edit"}${changes.length ? `: ${changes.join("; ")}` : ""}.`,
  redone: (steps, changes) =>
    `${steps > 1 ? `Redid ${steps} edits` : "Redid the edit"}${changes.length ? `: ${changes.join("; ")}` : ""}.`,
  reverted: (target, changes) =>
    `${target === "all" ? "Back to the first version" : `Put the ${target} back the way ${/s$/.test(target) ? "they were" : "it was"}`}${changes.length ? `: ${changes.join("; ")}` : ""}.`,
  nothingChanged: (already) =>
    `Nothing changed: ${already.length ? already.join(" ") : "the video already looks like that."}`,
  needsContent:
    "There's nothing to edit yet: upload photos or clips (and a song if you like), or paste a script, then tell me what to make.",
  capabilities:
    "I edit the photos, clips, audio and script you give me: the canvas for a platform, shape or resolution (9:16, 4:5, 1:1, 16:9, 1080p; Xiaohongshu, Douyin, WeChat, Bilibili…), the length and seconds per photo, the order of shots (move, swap, reverse, drop, use only some), trimming clips, transitions (fade, slide, wipe, zoom), a title and on-screen text with colour, size, position and style, captions from a script (one per photo if you like), background music (your own or a built-in mood) and its volume, the clips' own sound, compression to a file size, and undo, redo or putting things back. With no media, I turn a script into animated text cards.",
  cannot: (items) => `Sorry, I can't ${items.map((i) => i.en).join(" or ")} here.`,
  notUnderstood: "I didn't find an edit I can make in that.",
  chat: "Happy to help! Tell me what to change next, or ask for the export when you're ready.",
  exportReady: (c, ms) =>
    `Your video is ready to export (${c.width}×${c.height}, ${s(ms)}); ask for the export and the MP4 will be rendered.`,
};
