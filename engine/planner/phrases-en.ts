// English reply sentences.
import type { TextPosition, TransitionKind } from "../../core/draft.ts";
import { getPreset } from "../../core/presets.ts";
import { aspectName } from "./canvas.ts";
import type { Change } from "./changes.ts";
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
const presetName = (id: string) => getPreset(id)?.label.en.replace(/\s*\(.*\)$/, "") ?? id;

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
      ? `title "${from[0]}" → "${to[0]}"`
      : `title "${to[0]}" (first 3 s, ${WHERE[c.pos ?? "center"]})`;
  }
  if (block === "overlays") return `text overlays ${quoted(to)}`;
  if (block === "captions")
    return `${plural(to.length, "caption")} from your script ${WHERE[c.pos ?? "bottom"]}`;
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
    case "transition":
      if (!c.to) return "transitions removed";
      return c.from
        ? `transitions ${TRANSITION[c.from]} → ${TRANSITION[c.to]}`
        : `${TRANSITION[c.to]} transitions (${s(c.ms)})`;
    case "text":
      return text(c);
    case "textStyle":
      return [
        c.size ? `${BLOCK[c.block]} size ${c.size[0]} → ${c.size[1]} px` : "",
        c.pos ? `${BLOCK[c.block]} moved ${WHERE[c.pos[1]].replace(/^at|^in/, "to")}` : "",
      ]
        .filter(Boolean)
        .join(", ");
    case "music":
      return music(c);
    case "clipAudio":
      return c.on ? "the clips' own sound is back on" : "the clips' own sound muted";
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
};

function note(n: Note): string {
  switch (n.kind) {
    case "titleSource": {
      const from =
        n.source === "topic"
          ? `I took the title "${n.text}" from your message`
          : n.source === "file"
            ? `I made the title "${n.text}" from the file name "${n.file}"`
            : `I used "${n.text}" as a placeholder title`;
      return `${from}; send the words you want in quotes to change it.`;
    }
    case "needsScript":
      return "You mentioned captions or a script, but I found no script text: paste it (one line per caption) and I'll add it.";
    case "nothingTo":
      return NOTHING_TO[n.what];
    case "durationCapped":
      return `${presetName(n.preset)} videos can be at most ${s(n.maxMs)}, so I used that.`;
    case "clipsShort":
      return `Your clips add up to ${s(n.endMs)}, so the video is ${s(n.endMs)} rather than ${s(n.requestedMs)} (I don't stretch or loop footage).`;
    case "singleShot":
      return "Transitions play between shots, so they'll show once there are at least two.";
    case "unsupported":
      return `I can't ${n.items.map((i) => i.en).join(" or ")} here.`;
  }
}

export const en: Phrasebook = {
  change,
  note,
  done: (changes) => `Done: ${changes.join("; ")}.`,
  undone: (changes) =>
    changes.length ? `Undid the last edit: ${changes.join("; ")}.` : "Undid the last edit.",
  nothingChanged: "Nothing changed: the video already looks like that.",
  nothingToUndo: "There's nothing to undo yet.",
  needsContent:
    "There's nothing to edit yet: upload photos or clips (and a song if you like), or paste a script, then tell me what to make.",
  capabilities:
    "I edit the photos, clips, audio and script you give me: the canvas for a platform or shape (9:16, 3:4, 1:1, 16:9; Xiaohongshu, Douyin, WeChat, Bilibili…), the length, ordering and trimming, transitions (fade, slide, wipe, zoom), a title and text from quoted words, captions from a script, background music (your own or a built-in track) and its volume, compression to a file size, and undo. With no media, I turn a script into animated text cards.",
  cannot: (items) => `Sorry, I can't ${items.map((i) => i.en).join(" or ")} here.`,
  notUnderstood: "I didn't find an edit I can make in that.",
  exportReady: (c, ms) =>
    `Your video is ready to export (${c.width}×${c.height}, ${s(ms)}); ask for the export and the MP4 will be rendered.`,
};
