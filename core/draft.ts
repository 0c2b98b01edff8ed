// The short-key draft (docs/upstream.md §7): a tolerant reader, the `ready` rule, and the segment keys the engine writes.

/** Track types: 0 video, 1 audio, 7 text. */
export const TrackType = { Video: 0, Audio: 1, Text: 7 } as const;
export type TrackType = (typeof TrackType)[keyof typeof TrackType];

export type TransitionKind = "fade" | "slide" | "wipe" | "zoom";
export type TextPosition = "top" | "center" | "bottom";
/** Named looks for on-screen text; the renderer draws each (plate, outline, highlight bar …) with automatic contrast. */
export const TEXT_STYLES = ["clean", "plate", "outline", "highlight", "handwritten"] as const;
export type TextStyleName = (typeof TEXT_STYLES)[number];
/** Built-in synthesized music moods. */
export const MUSIC_MOODS = ["upbeat", "calm", "cinematic", "lofi", "warm"] as const;
export type MusicMood = (typeof MUSIC_MOODS)[number];
export type TextRole = "title" | "caption" | "card";

/**
 * One segment. The upstream leaves segment keys undocumented, so readers accept long names too
 * (`start`, `duration`, `url`, `text`, `volume`, `name`). The engine writes the short keys below.
 */
export interface Segment {
  id?: string;
  /** start on the timeline, ms */
  s: number;
  /** duration on the timeline, ms */
  d: number;
  /** kind of source */
  k?: "video" | "image" | "audio" | "text" | "color" | "synth";
  /** media URL (video, image, audio) */
  src?: string;
  /** trim: offset into the source, ms */
  in?: number;
  /** trim: end point in the source the user chose, ms (the timeline may use less of it) */
  out?: number;
  /** display name ("city timelapse", "Lo-fi") */
  n?: string;
  /** text content (text tracks) */
  tx?: string;
  /** role of a text segment */
  role?: TextRole;
  /** volume 0..1 (audio) */
  v?: number;
  /** audio fade in / out, ms */
  fi?: number;
  fo?: number;
  /** transition into this segment from the previous one */
  tr?: { type: TransitionKind; d: number };
  /** text style: size in px at canvas height 1920, position, colour (CSS hex), named look */
  st?: { size?: number; pos?: TextPosition; color?: string; box?: boolean; style?: TextStyleName };
  /** fit of visual media on the canvas */
  fit?: "crop" | "blur";
  /** background colour(s) for generated cards, CSS hex */
  bg?: string[];
  /** gentle motion on stills */
  mo?: "zoom-in" | "zoom-out" | "pan" | "none";
  /** synthesized music mood (k = "synth") */
  mood?: string;
}

export interface Track {
  id?: string;
  tt: TrackType | number;
  /** display name ("BGM") */
  n?: string;
  sg: Segment[];
}

export interface DraftMeta {
  title?: string;
  width?: number;
  height?: number;
  fps?: number;
  /** output size budget in bytes, when the user asked for one */
  budget?: number;
  /** preset id the draft was planned for */
  preset?: string;
  /** the local engine's record of choices the user made, so later turns keep them */
  plan?: PlanChoices;
}

/** Choices the local engine's planner keeps between turns; other upstreams leave them out. */
export interface PlanChoices {
  /** the user fixed the length ("make it 15 seconds"); otherwise it follows the media */
  lengthFixed?: boolean;
  /** seconds per photo the user asked for, ms */
  photoMs?: number;
  /** the user set the music level; otherwise it follows whether clips have their own sound */
  musicLevelFixed?: boolean;
  /** the transition chosen, kept while there is only one shot to show it */
  transition?: { type: TransitionKind; d: number };
  /** captions follow the shots, one line each */
  captionsPerShot?: boolean;
}

export interface Draft {
  t: Track[];
  /** total duration, ms */
  d: number;
  m: DraftMeta;
}

/** `Number(v)`, NaN for what cannot become a number (a symbol); kept free of zod so pages can import drafts. */
const num = (v: unknown): number => {
  try {
    return Number(v);
  } catch {
    return Number.NaN;
  }
};
const firstNumber = (...vals: unknown[]): number | undefined => {
  for (const v of vals) {
    const n = num(v);
    if (Number.isFinite(n)) return n;
  }
  return undefined;
};
const firstString = (...vals: unknown[]): string | undefined =>
  vals.find((v) => typeof v === "string") as string | undefined;

function readSegment(raw: unknown): Segment | null {
  if (!raw || typeof raw !== "object") return null;
  const r = raw as Record<string, unknown>;
  const s = firstNumber(r.s, r.start, r.startMs, r.st_ms) ?? 0;
  const d = firstNumber(r.d, r.duration, r.durationMs, r.dur) ?? 0;
  const seg: Segment = { ...(r as Partial<Segment>), s, d };
  const text = firstString(r.tx, r.text, r.content);
  if (text !== undefined) seg.tx = text;
  const name = firstString(r.n, r.name, r.title, r.label);
  if (name !== undefined) seg.n = name;
  const src = firstString(r.src, r.url, r.cdn_url, r.source);
  if (src !== undefined) seg.src = src;
  const v = firstNumber(r.v, r.volume, r.vol);
  if (v !== undefined) seg.v = v > 1 ? v / 100 : v;
  return seg;
}

/** Reads whatever the upstream calls a draft; never throws. Unknown shapes become an empty draft. */
export function readDraft(raw: unknown): Draft {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const rawTracks = Array.isArray(r.t) ? r.t : Array.isArray(r.tracks) ? r.tracks : [];
  const tracks: Track[] = rawTracks.flatMap((t): Track[] => {
    if (!t || typeof t !== "object") return [];
    const tr = t as Record<string, unknown>;
    const tt = firstNumber(tr.tt, tr.type, tr.trackType) ?? TrackType.Video;
    const rawSegs = Array.isArray(tr.sg) ? tr.sg : Array.isArray(tr.segments) ? tr.segments : [];
    const sg = rawSegs.map(readSegment).filter((x): x is Segment => x !== null);
    const track: Track = { tt, sg };
    const name = firstString(tr.n, tr.name);
    if (name !== undefined) track.n = name;
    if (typeof tr.id === "string") track.id = tr.id;
    return [track];
  });
  const m = (
    r.m && typeof r.m === "object" ? r.m : r.meta && typeof r.meta === "object" ? r.meta : {}
  ) as DraftMeta;
  const end = Math.max(0, ...tracks.flatMap((t) => t.sg.map((s) => s.s + s.d)));
  const d = firstNumber(r.d, r.duration) ?? end;
  return { t: tracks, d, m: { ...m } };
}

/**
 * The draft with its media addresses moved (`moved`: old address → new), matched whole or by path, since an
 * engine serves the same file under another origin after a restart on another port. Others stay as they were.
 */
export function moveSources(draft: Draft, moved: ReadonlyMap<string, string>): Draft {
  const byPath = new Map([...moved].map(([from, to]) => [URL.parse(from, "http://x")?.pathname, to]));
  const target = (src: string) => moved.get(src) ?? byPath.get(URL.parse(src, "http://x")?.pathname);
  return {
    ...draft,
    t: draft.t.map((t) => ({
      ...t,
      sg: t.sg.map((sg) => (sg.src && target(sg.src) ? { ...sg, src: target(sg.src) } : sg)),
    })),
  };
}

/** A draft is ready to export when some track has a non-empty segment list. */
export function isReady(draft: Draft): boolean {
  return draft.t.some((t) => t.sg.length > 0);
}

export function emptyDraft(meta: DraftMeta = {}): Draft {
  return { t: [], d: 0, m: meta };
}

/** Timeline end of a draft's content in ms. */
export function contentEnd(draft: Draft): number {
  return Math.max(0, ...draft.t.flatMap((t) => t.sg.map((s) => s.s + s.d)));
}
