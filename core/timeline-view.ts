// The timeline as structured lanes (what a page draws in any language) and its one-line summary in EN or ZH.
import { type Draft, type Segment, type TextRole, type Track, TrackType } from "./draft.ts";
import type { Lang } from "./errors.ts";

export type LaneKind = "video" | "bgm" | "title" | "caption" | "text" | "other";

/** One piece on a lane: where it sits (ms) and what it shows (a clip's name, a text's words). */
export interface LaneSegment {
  s: number;
  d: number;
  label?: string;
}

export interface Lane {
  kind: LaneKind;
  segments: LaneSegment[];
  /** music volume 0..1, when the draft says */
  volume?: number;
}

export interface TimelineView {
  /** ms */
  duration: number;
  width?: number;
  height?: number;
  lanes: Lane[];
}

/** Lists longer than this read as a count ("4 clips") instead of names. */
const MAX_NAMED = 3;

export const seconds = (ms: number) => String(Math.round(ms / 100) / 10);
export const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Text segments rarely carry a role upstream, so the track name ("Title", "字幕") is the next best hint. */
export function textRole(track: Track, seg: Segment): TextRole {
  if (seg.role) return seg.role;
  if (/title|标题/i.test(track.n ?? "")) return "title";
  if (/caption|subtitle|字幕/i.test(track.n ?? "")) return "caption";
  return "card";
}

const TEXT_LANES: Record<TextRole, LaneKind> = { title: "title", caption: "caption", card: "text" };

function laneOf(track: Track): Lane {
  const text = track.tt === TrackType.Text;
  const kind: LaneKind =
    track.tt === TrackType.Video
      ? "video"
      : track.tt === TrackType.Audio
        ? "bgm"
        : text
          ? TEXT_LANES[track.sg.length ? textRole(track, track.sg[0]) : "card"]
          : "other";
  const segments = track.sg.map((seg) => {
    const label = text ? seg.tx : seg.n;
    return { s: seg.s, d: seg.d, ...(label?.trim() ? { label } : {}) };
  });
  const volume = track.tt === TrackType.Audio ? track.sg[0]?.v : undefined;
  return { kind, segments, ...(volume === undefined ? {} : { volume }) };
}

/** The draft's tracks as lanes, in the draft's order. */
export function timelineOf(draft: Draft): TimelineView {
  const { width, height } = draft.m;
  return {
    duration: draft.d,
    ...(width && height ? { width, height } : {}),
    lanes: draft.t.map(laneOf),
  };
}

const WORDS = {
  en: {
    header: (n: number) => `Timeline (${n} ${n === 1 ? "track" : "tracks"}): `,
    empty: "empty",
    range: (s: number, e: number) => `${seconds(s)}-${seconds(e)}s`,
    item: (label: string, content: string, details: string[]) =>
      `${label}: ${content}${details.length ? ` (${details.join(", ")})` : ""}`,
    quote: (t: string) => `"${t}"`,
    list: ", ",
    lanes: {
      video: "Video",
      bgm: "BGM",
      title: "Title",
      caption: "Caption",
      text: "Text",
      other: "Track",
    } as Record<LaneKind, string>,
    music: "music",
    clips: (n: number) => `${n} ${n === 1 ? "clip" : "clips"}`,
    lines: (n: number) => `${n} lines`,
  },
  zh: {
    header: (n: number) => `时间线（${n} 条轨道）：`,
    empty: "空",
    range: (s: number, e: number) => `${seconds(s)}-${seconds(e)}秒`,
    item: (label: string, content: string, details: string[]) =>
      `${label}：${content}${details.length ? `（${details.join("，")}）` : ""}`,
    quote: (t: string) => `“${t}”`,
    list: ", ",
    lanes: { video: "视频", bgm: "背景音乐", title: "标题", caption: "字幕", text: "文字", other: "轨道" },
    music: "音乐",
    clips: (n: number) => `${n} 个片段`,
    lines: (n: number) => `${n} 行`,
  },
};

export function laneLabel(kind: LaneKind, lang: Lang): string {
  return WORDS[lang].lanes[kind];
}

/** What a lane holds in words: up to three names or texts, otherwise a count ("4 clips", "5 lines"). */
export function laneContent(lane: Lane, lang: Lang): string {
  const w = WORDS[lang];
  if (!lane.segments.length) return w.empty;
  const labels = lane.segments.map((s) => s.label);
  if (lane.kind === "bgm") return [...new Set(labels.filter(Boolean))].join(w.list) || w.music;
  const text = lane.kind === "title" || lane.kind === "caption" || lane.kind === "text";
  const named = labels.filter((l): l is string => !!l);
  if (named.length === labels.length && labels.length <= MAX_NAMED)
    return named.map(text ? w.quote : (t: string) => t).join(w.list);
  return text ? w.lines(labels.length) : w.clips(labels.length);
}

/** Where the lane starts and ends (ms), or null when it is empty. */
export function laneSpan(lane: Lane): [number, number] | null {
  if (!lane.segments.length) return null;
  return [Math.min(...lane.segments.map((s) => s.s)), Math.max(...lane.segments.map((s) => s.s + s.d))];
}

/** "Video: city timelapse (0-10s)" */
export function describeLane(lane: Lane, lang: Lang): string {
  const w = WORDS[lang];
  const span = laneSpan(lane);
  const details = span ? [w.range(...span)] : [];
  if (span && lane.volume !== undefined) details.push(percent(lane.volume));
  return w.item(laneLabel(lane.kind, lang), laneContent(lane, lang), details);
}

/** `Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)` */
export function summarizeTimeline(view: TimelineView, lang: Lang = "en"): string {
  const w = WORDS[lang];
  if (!view.lanes.length) return w.header(0) + w.empty;
  return (
    w.header(view.lanes.length) + view.lanes.map((l, i) => `${i + 1}. ${describeLane(l, lang)}`).join(" ")
  );
}

export const summarizeDraft = (draft: Draft, lang: Lang = "en") => summarizeTimeline(timelineOf(draft), lang);
