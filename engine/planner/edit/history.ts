// Undo, redo and revert over the session's drafts: past and future stacks, and putting one part back as it was.
import { type Draft, isReady } from "../../../core/draft.ts";
import type { EditCommand } from "../../../core/edit-commands.ts";
import type { MediaItem } from "../../types.ts";
import { naturalDurationMs } from "../build-draft.ts";
import { layoutDraft } from "../layout.ts";
import { readSpec } from "../read-spec.ts";
import type { Spec } from "../spec.ts";

export interface Timeline {
  draft: Draft;
  /** earlier drafts, oldest first */
  past: Draft[];
  /** undone drafts, the next redo last */
  future: Draft[];
}

type RevertTarget = Extract<EditCommand, { cmd: "revert" }>["target"];
const PARTS: Record<Exclude<RevertTarget, "all">, (keyof Spec)[]> = {
  canvas: ["canvas", "preset"],
  length: ["durationMs", "lengthFixed", "photoMs"],
  shots: ["visuals"],
  transitions: ["transition"],
  title: ["title"],
  text: ["title", "overlays", "captions", "captionsPerShot"],
  music: ["music", "musicLevelFixed"],
};

/** Moves `steps` drafts from one stack to the other: back through `past` for undo, forward through `future` for redo. */
function step(t: Timeline, steps: number, from: "past" | "future"): Timeline | null {
  if (!t[from].length) return null;
  const to = from === "past" ? "future" : "past";
  let next = t;
  for (let i = 0; i < steps && next[from].length; i++) {
    next = {
      ...next,
      draft: next[from].at(-1) as Draft,
      [from]: next[from].slice(0, -1),
      [to]: [...next[to], next.draft],
    };
  }
  return next;
}

export const undo = (t: Timeline, steps: number) => step(t, steps, "past");
export const redo = (t: Timeline, steps: number) => step(t, steps, "future");

const pick = (spec: Spec, keys: (keyof Spec)[]) => JSON.stringify(keys.map((k) => spec[k]));

/**
 * The draft with one part put back as it was before it last changed ("change the title back", "put the music
 * back"), or the first version for "all"; null when that part never changed.
 */
export function reverted(t: Timeline, target: RevertTarget, media: MediaItem[]): Draft | null {
  if (target === "all") {
    const first = t.past.find(isReady);
    return first && JSON.stringify(first) !== JSON.stringify(t.draft) ? first : null;
  }
  const keys = PARTS[target];
  const now = readSpec(t.draft, media);
  for (let i = t.past.length - 1; i >= 0; i--) {
    if (!isReady(t.past[i])) break;
    const old = readSpec(t.past[i], media);
    if (pick(old, keys) === pick(now, keys)) continue;
    const restored = { ...now };
    for (const k of keys) (restored as Record<string, unknown>)[k] = old[k];
    return layoutDraft(
      restored.lengthFixed ? restored : { ...restored, durationMs: naturalDurationMs(restored) },
    );
  }
  return null;
}
