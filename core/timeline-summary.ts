// The one-line timeline summary of a draft and the specific sentences describing what changed between two drafts.
import {
  type Draft,
  type Segment,
  type TextPosition,
  type TextRole,
  type Track,
  TrackType,
} from "./draft.ts";
import type { Lang } from "./errors.ts";

/** Lists longer than this read as a count ("4 clips") instead of names. */
const MAX_NAMED = 3;

const sec = (ms: number) => String(Math.round(ms / 100) / 10);
const pct = (v: number) => `${Math.round(v * 100)}%`;

type Group = "captions" | "cards";
const enClips = (n: number) => `${n} ${n === 1 ? "clip" : "clips"}`;

const EN = {
  // the summary line
  header: (n: number) => `Timeline (${n} ${n === 1 ? "track" : "tracks"}): `,
  empty: "empty",
  range: (s: number, e: number) => `${sec(s)}-${sec(e)}s`,
  item: (label: string, content: string, details: string[]) =>
    `${label}: ${content}${details.length ? ` (${details.join(", ")})` : ""}`,
  quote: (t: string) => `"${t}"`,
  video: "Video",
  other: "Track",
  bgm: "BGM",
  music: "music",
  text: { title: "Title", caption: "Caption", card: "Text" } as Record<TextRole, string>,
  clips: enClips,
  lines: (n: number) => `${n} lines`,
  // change sentences
  sec: (ms: number) => `${sec(ms)}s`,
  span: (s: number, e: number) => `${sec(s)}–${sec(e)}s`,
  canvas: (a: string, b: string) => `Canvas ${a} → ${b}`,
  duration: (a: string, b: string) => `Duration ${a} → ${b}`,
  clipsAdded: (n: number) => `${enClips(n)} added`,
  clipsRemoved: (n: number) => `${enClips(n)} removed`,
  clipsReordered: "Clips reordered",
  clipsRetimed: "Clip timing adjusted",
  transition: (kinds: string) => kinds,
  transitionsAdded: (k: string) => `Transitions added: ${k}`,
  transitionsRemoved: "Transitions removed",
  transitionsChanged: (a: string, b: string) => `Transitions: ${a} → ${b}`,
  bgmAdded: (name: string, volume: string) => `BGM added: ${name} (${volume})`,
  bgmRemoved: "BGM removed",
  bgmChanged: (a: string, b: string) => `BGM changed: ${a} → ${b}`,
  bgmVolume: (a: string, b: string) => `BGM volume ${a} → ${b}`,
  titleAdded: (t: string, span: string) => `Title added: ${t} (${span})`,
  titleRemoved: (t: string) => `Title removed: ${t}`,
  titleChanged: (a: string, b: string) => `Title changed: ${a} → ${b}`,
  titleMoved: (pos: TextPosition) => `Title moved to the ${pos === "center" ? "middle" : pos}`,
  titleSize: (a: number, b: number) => `Title size ${a} → ${b}`,
  titleColor: (a: string, b: string) => `Title colour ${a} → ${b}`,
  titleTiming: (a: string, b: string) => `Title timing ${a} → ${b}`,
  groupAdded: (g: Group, n: number) =>
    g === "captions" ? `Captions added (${n} lines)` : `Text cards added (${n})`,
  groupRemoved: (g: Group): string => (g === "captions" ? "Captions removed" : "Text cards removed"),
  groupCount: (g: Group, a: number, b: number) =>
    g === "captions" ? `Captions ${a} → ${b} lines` : `Text cards ${a} → ${b}`,
  groupEdited: (g: Group): string => (g === "captions" ? "Captions edited" : "Text cards edited"),
};
type Phrases = typeof EN;

const ZH_TRANSITIONS: Record<string, string> = {
  fade: "淡入淡出",
  slide: "滑动",
  wipe: "擦除",
  zoom: "缩放",
};
const ZH_POSITIONS: Record<TextPosition, string> = { top: "顶部", center: "中间", bottom: "底部" };

const ZH: Phrases = {
  header: (n) => `时间线（${n} 条轨道）：`,
  empty: "空",
  range: (s, e) => `${sec(s)}-${sec(e)}秒`,
  item: (label, content, details) =>
    `${label}：${content}${details.length ? `（${details.join("，")}）` : ""}`,
  quote: (t) => `“${t}”`,
  video: "视频",
  other: "轨道",
  bgm: "背景音乐",
  music: "音乐",
  text: { title: "标题", caption: "字幕", card: "文字" },
  clips: (n) => `${n} 个片段`,
  lines: (n) => `${n} 行`,
  sec: (ms) => `${sec(ms)}秒`,
  span: (s, e) => `${sec(s)}–${sec(e)}秒`,
  canvas: (a, b) => `画布 ${a} → ${b}`,
  duration: (a, b) => `时长 ${a} → ${b}`,
  clipsAdded: (n) => `添加了 ${n} 个片段`,
  clipsRemoved: (n) => `移除了 ${n} 个片段`,
  clipsReordered: "片段顺序已调整",
  clipsRetimed: "片段时间已调整",
  transition: (kinds) => kinds.replace(/\w+/g, (k) => ZH_TRANSITIONS[k] ?? k).replaceAll(", ", "、"),
  transitionsAdded: (k) => `已添加转场：${k}`,
  transitionsRemoved: "已移除转场",
  transitionsChanged: (a, b) => `转场：${a} → ${b}`,
  bgmAdded: (name, volume) => `已添加背景音乐：${name}（${volume}）`,
  bgmRemoved: "已移除背景音乐",
  bgmChanged: (a, b) => `背景音乐已更换：${a} → ${b}`,
  bgmVolume: (a, b) => `背景音乐音量 ${a} → ${b}`,
  titleAdded: (t, span) => `已添加标题：${t}（${span}）`,
  titleRemoved: (t) => `已删除标题：${t}`,
  titleChanged: (a, b) => `标题已修改：${a} → ${b}`,
  titleMoved: (pos) => `标题移到${ZH_POSITIONS[pos]}`,
  titleSize: (a, b) => `标题字号 ${a} → ${b}`,
  titleColor: (a, b) => `标题颜色 ${a} → ${b}`,
  titleTiming: (a, b) => `标题时间 ${a} → ${b}`,
  groupAdded: (g, n) => (g === "captions" ? `已添加字幕（${n} 行）` : `已添加文字卡片（${n} 张）`),
  groupRemoved: (g) => (g === "captions" ? "已移除字幕" : "已移除文字卡片"),
  groupCount: (g, a, b) => (g === "captions" ? `字幕 ${a} → ${b} 行` : `文字卡片 ${a} → ${b} 张`),
  groupEdited: (g) => (g === "captions" ? "字幕已修改" : "文字卡片已修改"),
};
const PHRASES: Record<Lang, Phrases> = { en: EN, zh: ZH };

/** Text segments rarely carry a role upstream, so the track name ("Title", "字幕") is the next best hint. */
function textRole(track: Track, seg: Segment): TextRole {
  if (seg.role) return seg.role;
  if (/title|标题/i.test(track.n ?? "")) return "title";
  if (/caption|subtitle|字幕/i.test(track.n ?? "")) return "caption";
  return "card";
}

function trackSpan(track: Track): [number, number] {
  return [Math.min(...track.sg.map((s) => s.s)), Math.max(...track.sg.map((s) => s.s + s.d))];
}

/** "a, b" when every item has a name and there are few; otherwise the count. */
function namesOrCount(names: (string | undefined)[], count: (n: number) => string, quote = (t: string) => t) {
  const named = names.filter((n): n is string => !!n?.trim());
  return named.length === names.length && names.length <= MAX_NAMED
    ? named.map(quote).join(", ")
    : count(names.length);
}

function labelOf(track: Track, w: Phrases): string {
  switch (track.tt) {
    case TrackType.Video:
      return w.video;
    case TrackType.Audio:
      return w.bgm;
    case TrackType.Text:
      return w.text[track.sg.length ? textRole(track, track.sg[0]) : "card"];
    default:
      return w.other;
  }
}

function describeTrack(track: Track, w: Phrases): string {
  const label = labelOf(track, w);
  if (!track.sg.length) return w.item(label, w.empty, []);
  const span = w.range(...trackSpan(track));
  const names = track.sg.map((s) => s.n);
  if (track.tt === TrackType.Audio) {
    const volume = track.sg[0].v;
    const content = [...new Set(names.filter(Boolean))].join(", ") || w.music;
    return w.item(label, content, volume === undefined ? [span] : [span, pct(volume)]);
  }
  if (track.tt === TrackType.Text) {
    const texts = track.sg.map((s) => s.tx);
    return w.item(label, namesOrCount(texts, w.lines, w.quote), [span]);
  }
  return w.item(label, namesOrCount(names, w.clips), [span]);
}

/** `Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)` */
export function summarizeDraft(draft: Draft, lang: Lang = "en"): string {
  const w = PHRASES[lang];
  if (!draft.t.length) return w.header(0) + w.empty;
  return w.header(draft.t.length) + draft.t.map((t, i) => `${i + 1}. ${describeTrack(t, w)}`).join(" ");
}

// ---- Differences between two drafts

interface TextFacts {
  text: string;
  s: number;
  d: number;
  size?: number;
  pos?: TextPosition;
  color?: string;
}

interface Facts {
  canvas?: string;
  duration: number;
  clips: Segment[];
  transitions: string;
  bgm?: { name?: string; volume?: number };
  title?: TextFacts;
  captions: string[];
  cards: string[];
}

function factsOf(draft: Draft): Facts {
  const { width, height } = draft.m;
  const clips = draft.t.filter((t) => t.tt === TrackType.Video).flatMap((t) => t.sg);
  const audio = draft.t.filter((t) => t.tt === TrackType.Audio).flatMap((t) => t.sg)[0];
  const texts = draft.t
    .filter((t) => t.tt === TrackType.Text)
    .flatMap((t) => t.sg.map((seg) => ({ seg, role: textRole(t, seg) })));
  const title = texts.find((x) => x.role === "title")?.seg;
  const ofRole = (role: TextRole) => texts.filter((x) => x.role === role).map((x) => x.seg.tx ?? "");
  return {
    canvas: width && height ? `${width}×${height}` : undefined,
    duration: draft.d,
    clips,
    transitions: [...new Set(clips.flatMap((c) => (c.tr ? [c.tr.type] : [])))].join(", "),
    bgm: audio && { name: audio.n, volume: audio.v },
    title: title && { text: title.tx ?? "", s: title.s, d: title.d, ...title.st },
    captions: ofRole("caption"),
    cards: ofRole("card"),
  };
}

const clipKey = (c: Segment) => c.id ?? c.src ?? c.n ?? "";

function clipChanges(a: Segment[], b: Segment[], p: Phrases): string[] {
  const remaining = a.map(clipKey);
  let added = 0;
  for (const key of b.map(clipKey)) {
    const i = remaining.indexOf(key);
    if (i >= 0) remaining.splice(i, 1);
    else added++;
  }
  const out = [];
  if (remaining.length) out.push(p.clipsRemoved(remaining.length));
  if (added) out.push(p.clipsAdded(added));
  if (out.length) return out;
  if (a.some((c, i) => clipKey(c) !== clipKey(b[i]))) return [p.clipsReordered];
  if (a.some((c, i) => c.s !== b[i].s || c.d !== b[i].d || (c.in ?? 0) !== (b[i].in ?? 0)))
    return [p.clipsRetimed];
  return [];
}

function bgmChanges(a: Facts["bgm"], b: Facts["bgm"], p: Phrases): string[] {
  if (!a && !b) return [];
  if (!b) return [p.bgmRemoved];
  const volume = (v?: number) => pct(v ?? 1);
  if (!a) return [p.bgmAdded(b.name ?? p.music, volume(b.volume))];
  const out = [];
  if (a.name !== b.name && a.name && b.name) out.push(p.bgmChanged(a.name, b.name));
  if (volume(a.volume) !== volume(b.volume)) out.push(p.bgmVolume(volume(a.volume), volume(b.volume)));
  return out;
}

function titleChanges(a: TextFacts | undefined, b: TextFacts | undefined, p: Phrases): string[] {
  if (!a && !b) return [];
  if (!a) return [p.titleAdded(p.quote(b!.text), p.span(b!.s, b!.s + b!.d))];
  if (!b) return [p.titleRemoved(p.quote(a.text))];
  const out = [];
  if (a.text !== b.text) out.push(p.titleChanged(p.quote(a.text), p.quote(b.text)));
  if (b.pos && a.pos !== b.pos) out.push(p.titleMoved(b.pos));
  if (b.size && a.size && a.size !== b.size) out.push(p.titleSize(a.size, b.size));
  if (b.color && a.color && a.color !== b.color) out.push(p.titleColor(a.color, b.color));
  if (a.s !== b.s || a.d !== b.d) out.push(p.titleTiming(p.span(a.s, a.s + a.d), p.span(b.s, b.s + b.d)));
  return out;
}

function groupChanges(group: Group, a: string[], b: string[], p: Phrases): string[] {
  if (!a.length && !b.length) return [];
  if (!a.length) return [p.groupAdded(group, b.length)];
  if (!b.length) return [p.groupRemoved(group)];
  if (a.length !== b.length) return [p.groupCount(group, a.length, b.length)];
  return a.some((t, i) => t !== b[i]) ? [p.groupEdited(group)] : [];
}

/** Specific sentences for what differs between two drafts ("BGM volume 35% → 20%"); empty when nothing does. */
export function describeDraftChange(before: Draft, after: Draft, lang: Lang = "en"): string[] {
  const p = PHRASES[lang];
  const a = factsOf(before);
  const b = factsOf(after);
  const out: string[] = [];
  if (a.canvas && b.canvas && a.canvas !== b.canvas) out.push(p.canvas(a.canvas, b.canvas));
  if (Math.round(a.duration / 100) !== Math.round(b.duration / 100))
    out.push(p.duration(p.sec(a.duration), p.sec(b.duration)));
  out.push(...clipChanges(a.clips, b.clips, p));
  if (a.transitions !== b.transitions) {
    if (!a.transitions) out.push(p.transitionsAdded(p.transition(b.transitions)));
    else if (!b.transitions) out.push(p.transitionsRemoved);
    else out.push(p.transitionsChanged(p.transition(a.transitions), p.transition(b.transitions)));
  }
  out.push(...bgmChanges(a.bgm, b.bgm, p));
  out.push(...titleChanges(a.title, b.title, p));
  out.push(...groupChanges("captions", a.captions, b.captions, p));
  out.push(...groupChanges("cards", a.cards, b.cards, p));
  return out;
}
