// Chinese reply sentences.
import type { TextPosition, TransitionKind } from "../../core/draft.ts";
import { getPreset } from "../../core/presets.ts";
import { aspectName } from "./canvas.ts";
import type { Change } from "./changes.ts";
import type { Note } from "./notes.ts";
import { megabytes, type Phrasebook, percent, seconds } from "./phrasebook.ts";
import type { Music, TextBlockName } from "./spec.ts";

const s = (ms: number) => `${seconds(ms)} 秒`;
const quoted = (lines: string[]) => lines.map((l) => `“${l}”`).join("、");
const BLOCK: Record<TextBlockName, string> = {
  title: "标题",
  overlays: "文字",
  captions: "字幕",
  cards: "卡片文字",
};
const WHERE: Record<TextPosition, string> = { top: "顶部", bottom: "底部", center: "居中" };
const TRANSITION: Record<TransitionKind, string> = {
  fade: "淡入淡出",
  slide: "滑动",
  wipe: "擦除",
  zoom: "缩放",
};
const MOOD: Record<string, string> = { Upbeat: "欢快", Calm: "舒缓", Cinematic: "大气", "Lo-fi": "低保真" };
const presetName = (id: string) => getPreset(id)?.label.zh ?? id;

function musicName(m: Music): string {
  return m.k === "synth" ? `内置${MOOD[m.name] ?? m.name}曲目` : `你上传的“${m.name}”`;
}

function music(c: Extract<Change, { kind: "music" }>): string {
  const { from, to } = c;
  if (!to) return "已去掉背景音乐";
  if (!from) return `背景音乐：${musicName(to)}，音量 ${percent(to.v)}，结尾 ${s(c.fadeOutMs)}淡出`;
  if (from.name === to.name && from.k === to.k) return `音乐音量 ${percent(from.v)} → ${percent(to.v)}`;
  return `音乐 ${musicName(from)} → ${musicName(to)}，音量 ${percent(to.v)}`;
}

function text(c: Extract<Change, { kind: "text" }>): string {
  const { block, from, to } = c;
  if (!to.length) return `已去掉${BLOCK[block]}`;
  if (block === "title") {
    return from.length
      ? `标题 “${from[0]}” → “${to[0]}”`
      : `标题“${to[0]}”（前 3 秒，${WHERE[c.pos ?? "center"]}）`;
  }
  if (block === "overlays") return `文字 ${quoted(to)}`;
  if (block === "captions") return `根据脚本加了 ${to.length} 条字幕（${WHERE[c.pos ?? "bottom"]}）`;
  return `${to.length} 张动态文字卡片，配生成的背景`;
}

function change(c: Change): string {
  switch (c.kind) {
    case "cleared":
      return "时间线已清空";
    case "canvas": {
      const size = (v: { width: number; height: number }) => `${v.width}×${v.height}`;
      const label = [aspectName(c.to), presetName(c.preset)].filter(Boolean).join("，");
      return `画面 ${c.from && size(c.from) !== size(c.to) ? `${size(c.from)} → ` : ""}${size(c.to)}（${label}）`;
    }
    case "duration":
      return c.fromMs ? `时长 ${s(c.fromMs)} → ${s(c.toMs)}` : `时长 ${s(c.toMs)}`;
    case "shots": {
      const parts = [
        c.photos ? `${c.photos} 张照片${c.photoMs ? `，每张 ${s(c.photoMs)}` : ""}` : "",
        c.clips
          ? `${c.clips} 段视频${c.trimmed ? `（${c.trimmed} 段已裁剪以适配时长）` : "（完整保留）"}`
          : "",
      ];
      return parts.filter(Boolean).join("，");
    }
    case "transition":
      if (!c.to) return "已去掉转场";
      return c.from
        ? `转场 ${TRANSITION[c.from]} → ${TRANSITION[c.to]}`
        : `${TRANSITION[c.to]}转场（${s(c.ms)}）`;
    case "text":
      return text(c);
    case "textStyle":
      return [
        c.size ? `${BLOCK[c.block]}字号 ${c.size[0]} → ${c.size[1]}` : "",
        c.pos ? `${BLOCK[c.block]}移到${WHERE[c.pos[1]]}` : "",
      ]
        .filter(Boolean)
        .join("，");
    case "music":
      return music(c);
    case "clipAudio":
      return c.on ? "已恢复视频原声" : "视频原声已静音";
    case "budget":
      if (!c.to) return "已取消文件大小限制";
      return c.from
        ? `文件大小上限 ${megabytes(c.from)} → ${megabytes(c.to)}`
        : `文件大小控制在 ${megabytes(c.to)} 以内`;
  }
}

const NOTHING_TO: Record<Extract<Note, { kind: "nothingTo" }>["what"], string> = {
  music: "视频里没有背景音乐可以修改。",
  text: "视频里没有可以修改的文字。",
  transitions: "视频里没有转场可以去掉。",
  budget: "没有设置文件大小限制。",
};

function note(n: Note): string {
  switch (n.kind) {
    case "titleSource": {
      const from =
        n.source === "topic"
          ? `标题“${n.text}”取自你的描述`
          : n.source === "file"
            ? `标题“${n.text}”取自文件名“${n.file}”`
            : `暂时用“${n.text}”作为标题`;
      return `${from}；想换的话，把标题文字放在引号里发给我。`;
    }
    case "needsScript":
      return "你提到了字幕或脚本，但消息里没有脚本内容：把脚本发给我（每行一条字幕），我就加上。";
    case "nothingTo":
      return NOTHING_TO[n.what];
    case "durationCapped":
      return `${presetName(n.preset)}视频最长 ${s(n.maxMs)}，已按上限设置。`;
    case "clipsShort":
      return `你的视频片段总共只有 ${s(n.endMs)}，所以成片是 ${s(n.endMs)}，不是 ${s(n.requestedMs)}（我不会拉伸或循环画面）。`;
    case "singleShot":
      return "转场出现在两个镜头之间，有两个以上的镜头时才会显示。";
    case "unsupported":
      return `这里暂时不能${n.items.map((i) => i.zh).join("或")}。`;
  }
}

export const zh: Phrasebook = {
  change,
  note,
  done: (changes) => `已完成：${changes.join("；")}。`,
  undone: (changes) => (changes.length ? `已撤销上一步：${changes.join("；")}。` : "已撤销上一步。"),
  nothingChanged: "没有改动：视频已经是这样了。",
  nothingToUndo: "还没有可以撤销的操作。",
  needsContent:
    "现在还没有可编辑的内容：先上传照片或视频（有喜欢的音乐也可以一起上传），或者发一段脚本，再告诉我要做什么。",
  capabilities:
    "我可以编辑你提供的照片、视频、音频和脚本：按平台或比例设置画面（9:16、3:4、1:1、16:9；小红书、抖音、微信、B站等）、设置时长、排列和裁剪片段、加转场（淡入淡出、滑动、擦除、缩放）、用引号里的文字加标题和文字、根据脚本加字幕、加背景音乐（你上传的或内置曲目）并调节音量、压缩到指定大小，以及撤销。没有素材时，我可以把脚本做成动态文字卡片。",
  cannot: (items) => `抱歉，这里暂时不能${items.map((i) => i.zh).join("或")}。`,
  notUnderstood: "这句话里我没有找到可以执行的编辑。",
  exportReady: (c, ms) => `视频已经可以导出（${c.width}×${c.height}，${s(ms)}），导出后即可得到 MP4。`,
};
