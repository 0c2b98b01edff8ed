// Shot edits on a spec: finding shots by position, kind or name; moving, swapping, reversing, choosing, dropping, trimming.
import type { EditCommand, ShotRef } from "../../../core/edit-commands.ts";
import type { Note } from "../notes.ts";
import { DEFAULTS, type Spec, usableMs, type Visual } from "../spec.ts";

type Trim = Extract<EditCommand, { cmd: "trim" }>;

const kindMatches = (v: Visual, of?: "photo" | "clip") =>
  !of || (of === "photo" ? v.kind === "image" : v.kind === "video");

/** Index into `spec.visuals`, or -1. Names match file names loosely ("beach" finds "Beach-Day-2.jpg"). */
export function findShot(visuals: Visual[], ref: ShotRef): number {
  if ("name" in ref) {
    const want = ref.name.toLowerCase().replace(/\.[a-z0-9]{2,4}$/, "");
    const exact = visuals.findIndex((v) => v.name.toLowerCase() === want);
    return exact >= 0 ? exact : visuals.findIndex((v) => v.name.toLowerCase().includes(want));
  }
  const of = visuals.map((v, i) => [v, i] as const).filter(([v]) => kindMatches(v, ref.of));
  const pick = ref.at > 0 ? of[ref.at - 1] : of[of.length + ref.at];
  return pick ? pick[1] : -1;
}

function resolve(spec: Spec, refs: ShotRef[], notes: Note[]): number[] {
  const found: number[] = [];
  for (const ref of refs) {
    const i = findShot(spec.visuals, ref);
    if (i < 0) notes.push({ kind: "noShot", ref });
    else if (!found.includes(i)) found.push(i);
  }
  return found;
}

const withVisuals = (spec: Spec, visuals: Visual[]): Spec => ({ ...spec, visuals });

export function moveShot(spec: Spec, ref: ShotRef, to: "first" | "last" | number, notes: Note[]): Spec {
  const [from] = resolve(spec, [ref], notes);
  if (from === undefined) return spec;
  const rest = spec.visuals.filter((_, i) => i !== from);
  const at = to === "first" ? 0 : to === "last" ? rest.length : Math.max(0, Math.min(rest.length, to - 1));
  return withVisuals(spec, [...rest.slice(0, at), spec.visuals[from], ...rest.slice(at)]);
}

export function swapShots(spec: Spec, a: ShotRef, b: ShotRef, notes: Note[]): Spec {
  const [i, j] = resolve(spec, [a, b], notes);
  if (i === undefined || j === undefined) return spec;
  const visuals = [...spec.visuals];
  [visuals[i], visuals[j]] = [visuals[j], visuals[i]];
  return withVisuals(spec, visuals);
}

export const reverseShots = (spec: Spec): Spec => withVisuals(spec, [...spec.visuals].reverse());

/** Keeps only the chosen shots, in timeline order; never leaves the video empty. */
export function keepShots(spec: Spec, refs: ShotRef[], notes: Note[]): Spec {
  const keep = new Set(resolve(spec, refs, notes));
  if (!keep.size) return spec;
  return withVisuals(
    spec,
    spec.visuals.filter((_, i) => keep.has(i)),
  );
}

export function removeShots(spec: Spec, refs: ShotRef[], notes: Note[]): Spec {
  const drop = new Set(resolve(spec, refs, notes));
  const visuals = spec.visuals.filter((_, i) => !drop.has(i));
  if (!visuals.length && drop.size) {
    notes.push({ kind: "keptOneShot" });
    return spec;
  }
  return withVisuals(spec, visuals);
}

/** The clip a trim is about: the named one, the only one, else the first (start cuts) or last (end cuts). */
function trimTarget(spec: Spec, cmd: Trim, notes: Note[]): number {
  if (cmd.shot) {
    const i = findShot(spec.visuals, cmd.shot);
    if (i < 0) notes.push({ kind: "noShot", ref: cmd.shot });
    else if (spec.visuals[i].kind !== "video") notes.push({ kind: "noClipToTrim", photo: true });
    return i >= 0 && spec.visuals[i].kind === "video" ? i : -1;
  }
  const clips = spec.visuals.flatMap((v, i) => (v.kind === "video" ? [i] : []));
  if (!clips.length) {
    notes.push({ kind: "noClipToTrim", photo: spec.visuals.length > 0 });
    return -1;
  }
  const fromEnd = cmd.cutEnd !== undefined || cmd.keepLast !== undefined;
  const i = clips.length === 1 ? clips[0] : fromEnd ? (clips.at(-1) as number) : clips[0];
  if (clips.length > 1)
    notes.push({ kind: "trimmedClip", index: clips.indexOf(i) + 1, name: spec.visuals[i].name });
  return i;
}

export function trimShot(spec: Spec, cmd: Trim, notes: Note[]): Spec {
  const i = trimTarget(spec, cmd, notes);
  if (i < 0) return spec;
  const v = spec.visuals[i];
  const source = v.sourceMs ?? usableMs(v);
  let [inMs, outMs] = [v.inMs ?? 0, v.outMs ?? source];
  const ms = (s: number | undefined) => (s === undefined ? undefined : Math.round(s * 1000));
  if (cmd.from !== undefined) inMs = ms(cmd.from) as number;
  if (cmd.to !== undefined) outMs = ms(cmd.to) as number;
  if (cmd.cutStart !== undefined) inMs += ms(cmd.cutStart) as number;
  if (cmd.cutEnd !== undefined) outMs -= ms(cmd.cutEnd) as number;
  if (cmd.keepFirst !== undefined) outMs = inMs + (ms(cmd.keepFirst) as number);
  if (cmd.keepLast !== undefined) inMs = outMs - (ms(cmd.keepLast) as number);
  outMs = Math.min(source, outMs);
  inMs = Math.max(0, inMs);
  if (outMs - inMs < DEFAULTS.minClipMs) {
    notes.push({ kind: "trimTooShort", name: v.name });
    return spec;
  }
  const trimmed: Visual = { ...v, inMs, ...(outMs < source ? { outMs } : { outMs: undefined }) };
  if (!trimmed.inMs) delete trimmed.inMs;
  if (trimmed.outMs === undefined) delete trimmed.outMs;
  return withVisuals(
    spec,
    spec.visuals.map((x, k) => (k === i ? trimmed : x)),
  );
}
