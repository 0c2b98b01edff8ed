// What changed between two drafts, as structured changes, and each change as a sentence in EN or ZH.
import { type Draft, type Segment, type TextPosition, type TextRole, TrackType } from "./draft.ts";
import type { Lang } from "./errors.ts";
import { percent, seconds, textRole } from "./timeline-view.ts";

type Group = "captions" | "cards";
const enClips = (n: number) => `${n} ${n === 1 ? "clip" : "clips"}`;
const enSpan = (s: number, e: number) => `${seconds(s)}–${seconds(e)}s`;
const zhSpan = (s: number, e: number) => `${seconds(s)}–${seconds(e)}秒`;
const ZH_TRANSITIONS: Record<string, string> = {
  fade: "淡入淡出",
  slide: "滑动",
  wipe: "擦除",
  zoom: "缩放",
};
const ZH_POSITIONS: Record<TextPosition, string> = { top: "顶部", center: "中间", bottom: "底部" };
const zhKinds = (kinds: string[]) => kinds.map((k) => ZH_TRANSITIONS[k] ?? k).join("、");

/** Every change as a sentence; arguments are language-neutral (ms, 0..1 volumes, the user's own words). */
const EN = {
  canvas: (a: string, b: string) => `Canvas ${a} → ${b}`,
  duration: (a: number, b: number) => `Duration ${seconds(a)}s → ${seconds(b)}s`,
  clipsAdded: (n: number) => `${enClips(n)} added`,
  clipsRemoved: (n: number) => `${enClips(n)} removed`,
  clipsReordered: () => "Clips reordered",
  clipsRetimed: () => "Clip timing adjusted",
  transitionsAdded: (kinds: string[]) => `Transitions added: ${kinds.join(", ")}`,
  transitionsRemoved: () => "Transitions removed",
  transitionsChanged: (a: string[], b: string[]) => `Transitions: ${a.join(", ")} → ${b.join(", ")}`,
  bgmAdded: (name: string | null, volume: number) => `BGM added: ${name ?? "music"} (${percent(volume)})`,
  bgmRemoved: () => "BGM removed",
  bgmChanged: (a: string, b: string) => `BGM changed: ${a} → ${b}`,
  bgmVolume: (a: number, b: number) => `BGM volume ${percent(a)} → ${percent(b)}`,
  titleAdded: (t: string, s: number, e: number) => `Title added: "${t}" (${enSpan(s, e)})`,
  titleRemoved: (t: string) => `Title removed: "${t}"`,
  titleChanged: (a: string, b: string) => `Title changed: "${a}" → "${b}"`,
  titleMoved: (pos: TextPosition) => `Title moved to the ${pos === "center" ? "middle" : pos}`,
  titleSize: (a: number, b: number) => `Title size ${a} → ${b}`,
  titleColor: (a: string, b: string) => `Title colour ${a} → ${b}`,
  titleTiming: (as: number, ae: number, bs: number, be: number) =>
    `Title timing ${enSpan(as, ae)} → ${enSpan(bs, be)}`,
  groupAdded: (g: Group, n: number) =>
    g === "captions" ? `Captions added (${n} lines)` : `Text cards added (${n})`,
  groupRemoved: (g: Group): string => (g === "captions" ? "Captions removed" : "Text cards removed"),
  groupCount: (g: Group, a: number, b: number) =>
    g === "captions" ? `Captions ${a} → ${b} lines` : `Text cards ${a} → ${b}`,
  groupEdited: (g: Group): string => (g === "captions" ? "Captions edited" : "Text cards edited"),
};
type Phrases = typeof EN;

const ZH: Phrases = {
  canvas: (a, b) => `画布 ${a} → ${b}`,
  duration: (a, b) => `时长 ${seconds(a)}秒 → ${seconds(b)}秒`,
  clipsAdded: (n) => `添加了 ${n} 个片段`,
  clipsRemoved: (n) => `移除了 ${n} 个片段`,
  clipsReordered: () => "片段顺序已调整",
  clipsRetimed: () => "片段时间已调整",
  transitionsAdded: (kinds) => `已添加转场：${zhKinds(kinds)}`,
  transitionsRemoved: () => "已移除转场",
  transitionsChanged: (a, b) => `转场：${zhKinds(a)} → ${zhKinds(b)}`,
  bgmAdded: (name, volume) => `已添加背景音乐：${name ?? "音乐"}（${percent(volume)}）`,
  bgmRemoved: () => "已移除背景音乐",
  bgmChanged: (a, b) => `背景音乐已更换：${a} → ${b}`,
  bgmVolume: (a, b) => `背景音乐音量 ${percent(a)} → ${percent(b)}`,
  titleAdded: (t, s, e) => `已添加标题：“${t}”（${zhSpan(s, e)}）`,
  titleRemoved: (t) => `已删除标题：“${t}”`,
  titleChanged: (a, b) => `标题已修改：“${a}” → “${b}”`,
  titleMoved: (pos) => `标题移到${ZH_POSITIONS[pos]}`,
  titleSize: (a, b) => `标题字号 ${a} → ${b}`,
  titleColor: (a, b) => `标题颜色 ${a} → ${b}`,
  titleTiming: (as, ae, bs, be) => `标题时间 ${zhSpan(as, ae)} → ${zhSpan(bs, be)}`,
  groupAdded: (g, n) => (g === "captions" ? `已添加字幕（${n} 行）` : `已添加文字卡片（${n} 张）`),
  groupRemoved: (g) => (g === "captions" ? "已移除字幕" : "已移除文字卡片"),
  groupCount: (g, a, b) => (g === "captions" ? `字幕 ${a} → ${b} 行` : `文字卡片 ${a} → ${b} 张`),
  groupEdited: (g) => (g === "captions" ? "字幕已修改" : "文字卡片已修改"),
};
const PHRASES: Record<Lang, Phrases> = { en: EN, zh: ZH };

/** One change: which sentence and its arguments, e.g. `{ kind: "bgmVolume", args: [0.35, 0.2] }`. */
export type Change = { [K in keyof Phrases]: { kind: K; args: Parameters<Phrases[K]> } }[keyof Phrases];

const change = <K extends keyof Phrases>(kind: K, ...args: Parameters<Phrases[K]>) =>
  ({ kind, args }) as Change;

export function changeText(c: Change, lang: Lang): string {
  return (PHRASES[lang][c.kind] as (...a: unknown[]) => string)(...c.args);
}

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
  transitions: string[];
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
    transitions: [...new Set(clips.flatMap((c) => (c.tr ? [c.tr.type] : [])))],
    bgm: audio && { name: audio.n, volume: audio.v },
    title: title && { text: title.tx ?? "", s: title.s, d: title.d, ...title.st },
    captions: ofRole("caption"),
    cards: ofRole("card"),
  };
}

const clipKey = (c: Segment) => c.id ?? c.src ?? c.n ?? "";

function clipChanges(a: Segment[], b: Segment[]): Change[] {
  const remaining = a.map(clipKey);
  let added = 0;
  for (const key of b.map(clipKey)) {
    const i = remaining.indexOf(key);
    if (i >= 0) remaining.splice(i, 1);
    else added++;
  }
  const out: Change[] = [];
  if (remaining.length) out.push(change("clipsRemoved", remaining.length));
  if (added) out.push(change("clipsAdded", added));
  if (out.length) return out;
  if (a.some((c, i) => clipKey(c) !== clipKey(b[i]))) return [change("clipsReordered")];
  if (a.some((c, i) => c.s !== b[i].s || c.d !== b[i].d || (c.in ?? 0) !== (b[i].in ?? 0)))
    return [change("clipsRetimed")];
  return [];
}

function transitionChanges(a: string[], b: string[]): Change[] {
  if (a.join() === b.join()) return [];
  if (!a.length) return [change("transitionsAdded", b)];
  if (!b.length) return [change("transitionsRemoved")];
  return [change("transitionsChanged", a, b)];
}

function bgmChanges(a: Facts["bgm"], b: Facts["bgm"]): Change[] {
  if (!a && !b) return [];
  if (!b) return [change("bgmRemoved")];
  const volume = (v?: number) => Math.round((v ?? 1) * 100) / 100;
  if (!a) return [change("bgmAdded", b.name ?? null, volume(b.volume))];
  const out: Change[] = [];
  if (a.name !== b.name && a.name && b.name) out.push(change("bgmChanged", a.name, b.name));
  if (volume(a.volume) !== volume(b.volume))
    out.push(change("bgmVolume", volume(a.volume), volume(b.volume)));
  return out;
}

function titleChanges(a: TextFacts | undefined, b: TextFacts | undefined): Change[] {
  if (!a && !b) return [];
  if (!a) return [change("titleAdded", b!.text, b!.s, b!.s + b!.d)];
  if (!b) return [change("titleRemoved", a.text)];
  const out: Change[] = [];
  if (a.text !== b.text) out.push(change("titleChanged", a.text, b.text));
  if (b.pos && a.pos !== b.pos) out.push(change("titleMoved", b.pos));
  if (b.size && a.size && a.size !== b.size) out.push(change("titleSize", a.size, b.size));
  if (b.color && a.color && a.color !== b.color) out.push(change("titleColor", a.color, b.color));
  if (a.s !== b.s || a.d !== b.d) out.push(change("titleTiming", a.s, a.s + a.d, b.s, b.s + b.d));
  return out;
}

function groupChanges(group: Group, a: string[], b: string[]): Change[] {
  if (!a.length && !b.length) return [];
  if (!a.length) return [change("groupAdded", group, b.length)];
  if (!b.length) return [change("groupRemoved", group)];
  if (a.length !== b.length) return [change("groupCount", group, a.length, b.length)];
  return a.some((t, i) => t !== b[i]) ? [change("groupEdited", group)] : [];
}

/** What differs between two drafts, in a stable order; empty when nothing does. */
export function diffDrafts(before: Draft, after: Draft): Change[] {
  const a = factsOf(before);
  const b = factsOf(after);
  const out: Change[] = [];
  if (a.canvas && b.canvas && a.canvas !== b.canvas) out.push(change("canvas", a.canvas, b.canvas));
  if (Math.round(a.duration / 100) !== Math.round(b.duration / 100))
    out.push(change("duration", a.duration, b.duration));
  out.push(...clipChanges(a.clips, b.clips));
  out.push(...transitionChanges(a.transitions, b.transitions));
  out.push(...bgmChanges(a.bgm, b.bgm));
  out.push(...titleChanges(a.title, b.title));
  out.push(...groupChanges("captions", a.captions, b.captions));
  out.push(...groupChanges("cards", a.cards, b.cards));
  return out;
}

/** Specific sentences for what differs between two drafts ("BGM volume 35% → 20%"). */
export const describeDraftChange = (before: Draft, after: Draft, lang: Lang = "en") =>
  diffDrafts(before, after).map((c) => changeText(c, lang));
