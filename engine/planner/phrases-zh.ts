// Chinese reply sentences.
import type { TextPosition, TextStyleName, TransitionKind } from "../../core/draft.ts";
import type { CommandName, ShotRef } from "../../core/edit-commands.ts";
import { getPreset } from "../../core/presets.ts";
import { aspectName } from "./canvas.ts";
import type { Change } from "./changes.ts";
import { colorName } from "./lexicon/index.ts";
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
const MOOD: Record<string, string> = {
  Upbeat: "欢快",
  Calm: "舒缓",
  Cinematic: "大气",
  "Lo-fi": "低保真",
  Warm: "温暖",
};
const STYLE: Record<TextStyleName, string> = {
  clean: "简约",
  plate: "底框",
  outline: "描边",
  highlight: "高亮条",
  handwritten: "手写",
};
const presetName = (id: string) => getPreset(id)?.label.zh ?? id;

function shotName(ref: ShotRef): string {
  if ("name" in ref) return `“${ref.name}”`;
  const kind = ref.of === "photo" ? "张照片" : ref.of === "clip" ? "段视频" : "个镜头";
  return ref.at === -1
    ? `最后一${kind.slice(0, 1)}${kind.slice(1)}`
    : ref.at < 0
      ? `倒数第 ${-ref.at} ${kind.slice(0, 1)}`
      : `第 ${ref.at} ${kind}`;
}

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
      ? `标题 “${from[0]}” → “${to[0]}”${c.color ? `（${colorName(c.color, "zh")}）` : ""}`
      : `标题“${to[0]}”（前 3 秒，${WHERE[c.pos ?? "center"]}${c.color ? `，${colorName(c.color, "zh")}` : ""}）`;
  }
  if (block === "overlays") return `文字 ${quoted(to)}`;
  if (block === "captions")
    return `根据脚本加了 ${to.length} 条字幕（${WHERE[c.pos ?? "bottom"]}${c.perShot ? "，每个镜头一条" : ""}）`;
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
    case "order":
      return `新顺序：${c.names.join("、")}`;
    case "trim":
      return `“${c.name}”改为播放 ${s(c.inMs)}–${s(c.outMs)}`;
    case "transition":
      if (!c.to) return "已去掉转场";
      if (c.from === c.to) return `转场时长 ${s(c.fromMs)} → ${s(c.ms)}`;
      return c.from
        ? `转场 ${TRANSITION[c.from]} → ${TRANSITION[c.to]}`
        : `${TRANSITION[c.to]}转场（${s(c.ms)}）`;
    case "text":
      return text(c);
    case "textStyle":
      return [
        c.size ? `${BLOCK[c.block]}字号 ${c.size[0]} → ${c.size[1]}` : "",
        c.pos ? `${BLOCK[c.block]}移到${WHERE[c.pos[1]]}` : "",
        c.color ? `${BLOCK[c.block]}改为${colorName(c.color, "zh")}` : "",
        c.style ? `${BLOCK[c.block]}样式：${STYLE[c.style]}` : "",
      ]
        .filter(Boolean)
        .join("，");
    case "music":
      return music(c);
    case "clipAudio":
      if (!c.on) return "视频原声已静音";
      return c.level < 1 ? `视频原声音量 ${percent(c.level)}` : "已保留视频原声";
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
  clipSound: "这些镜头本身都没有声音。",
};

const ALREADY: Partial<Record<CommandName, string>> = {
  canvas: "画面已经是这个比例了。",
  length: "时长已经是这样了。",
  shotLength: "每张照片已经停留这么久了。",
  moveShot: "这个镜头已经在那个位置了。",
  swapShots: "镜头已经是这个顺序了。",
  reverseShots: "镜头已经是这个顺序了。",
  keepShots: "视频里已经只有这些镜头了。",
  removeShots: "视频里没有这些镜头。",
  trim: "这段视频已经是这样裁剪的了。",
  transition: "转场已经是这样了。",
  noTransitions: "视频里没有转场。",
  title: "标题已经有了。",
  overlays: "这些文字已经在画面上了。",
  captions: "这些字幕已经有了。",
  textStyle: "文字已经是这个样子了。",
  music: "已经在用这首音乐了。",
  musicVolume: "音乐已经是这个音量了。",
  removeMusic: "视频里没有背景音乐。",
  sourceSound: "视频原声已经是这样了。",
  budget: "文件已经在这个大小以内了。",
  noBudget: "没有设置文件大小限制。",
};

const WORDS_SOURCE = {
  topic: "取自你的描述",
  hook: "这个平台常用的开场文案",
  title: "你的标题",
  default: "临时文字",
};
const TARGET: Record<string, string> = {
  all: "视频",
  canvas: "画面",
  length: "时长",
  shots: "镜头",
  transitions: "转场",
  title: "标题",
  text: "文字",
  music: "音乐",
};

function note(n: Note): string {
  switch (n.kind) {
    case "wordsChosen":
      return `${n.block === "title" ? "标题" : "画面文字"}用了“${n.text}”（${WORDS_SOURCE[n.source]}）；想换的话，把文字放在引号里发给我，比如：标题“夏日特惠”。`;
    case "needsScript":
      return "你提到了字幕或脚本，但消息里没有脚本内容：把脚本发给我（每行一条字幕，或每张照片一句），我就加上。";
    case "nothingTo":
      return NOTHING_TO[n.what];
    case "already":
      return ALREADY[n.cmd] ?? "";
    case "durationCapped":
      return `${presetName(n.preset)}视频最长 ${s(n.maxMs)}，已按上限设置。`;
    case "clipsShort":
      return `你的视频片段总共只有 ${s(n.endMs)}，所以成片是 ${s(n.endMs)}，不是 ${s(n.requestedMs)}（我不会拉伸或循环画面）。`;
    case "singleShot":
      return "转场出现在两个镜头之间，有两个以上的镜头时才会显示。";
    case "noShot":
      return `视频里找不到${shotName(n.ref)}。`;
    case "noClipToTrim":
      return n.photo ? "照片不能裁剪；可以告诉我每张照片停留几秒。" : "视频里没有可以裁剪的片段。";
    case "trimmedClip":
      return `裁剪的是第 ${n.index} 段视频（“${n.name}”）；要裁别的片段，请说“第 2 段”等。`;
    case "trimTooShort":
      return `这样“${n.name}”只剩不到 1 秒，所以没有裁剪。`;
    case "keptOneShot":
      return "视频至少要有一个镜头，所以都保留了。";
    case "platformSwitched":
      return `你提到了${presetName(n.to)}，视频已从${presetName(n.from)}改为${presetName(n.to)}的格式。`;
    case "captionsPerShot":
      return n.lines > n.shots
        ? `你发了 ${n.lines} 句文案，但只有 ${n.shots} 个镜头，多出的 ${n.lines - n.shots} 句没有用上。`
        : `你发了 ${n.lines} 句文案，但有 ${n.shots} 个镜头，最后 ${n.shots - n.lines} 个镜头没有字幕。`;
    case "noUpload":
      return "你还没有上传音乐，所以先用了内置曲目；上传 MP3、M4A 或 WAV 就能换成你自己的。";
    case "volumeLimit":
      return n.at === "max" ? "音乐已经是最大音量（100%）。" : "音乐已经是静音（0%）。";
    case "musicFades":
      return `音乐已经在开头 ${s(n.inMs)}淡入、结尾 ${s(n.outMs)}淡出。`;
    case "volumeOnClips":
      return "视频里没有背景音乐，所以调整的是视频原声的音量。";
    case "nothingToUndo":
      return "还没有可以撤销的操作。";
    case "nothingToRedo":
      return "没有可以重做的操作。";
    case "nothingToRevert":
      return `${TARGET[n.target] ?? n.target}和最初的版本一样，没有可以还原的。`;
    case "exportNext":
      return `可以导出了：${n.width}×${n.height}，${s(n.ms)}。`;
    case "unsupported":
      return n.items.map((i) => `这里暂时不能${i.zh}${i.insteadZh ? `；${i.insteadZh}` : ""}。`).join("");
    case "unclear":
      return `没看懂${n.texts.map((t) => `“${t}”`).join("和")}，这部分没有改动。`;
  }
}

export const zh: Phrasebook = {
  change,
  note,
  already: (cmd) => ALREADY[cmd] ?? "",
  done: (changes) => `已完成：${changes.join("；")}。`,
  undone: (steps, changes) =>
    `${steps > 1 ? `已撤销最近 ${steps} 步` : "已撤销上一步"}${changes.length ? `：${changes.join("；")}` : ""}。`,
  redone: (steps, changes) =>
    `${steps > 1 ? `已重做 ${steps} 步` : "已重做"}${changes.length ? `：${changes.join("；")}` : ""}。`,
  reverted: (target, changes) =>
    `${target === "all" ? "已回到最初的版本" : `已把${TARGET[target] ?? target}改回原来的样子`}${changes.length ? `：${changes.join("；")}` : ""}。`,
  nothingChanged: (already) => `没有改动：${already.length ? already.join("") : "视频已经是这样了。"}`,
  needsContent:
    "现在还没有可编辑的内容：先上传照片或视频（有喜欢的音乐也可以一起上传），或者发一段脚本，再告诉我要做什么。",
  capabilities:
    "我可以编辑你提供的照片、视频、音频和脚本：按平台、比例或清晰度设置画面（9:16、4:5、1:1、16:9、1080p；小红书、抖音、微信、B站等）、设置时长和每张照片的停留时间、调整镜头顺序（移动、交换、倒序、删除、只用部分）、裁剪片段、加转场（淡入淡出、滑动、擦除、缩放）、加标题和文字并设置颜色、大小、位置和样式、根据脚本加字幕（也可以每张照片一句）、加背景音乐（你上传的或内置风格）并调节音量、保留或关闭原声、压缩到指定大小，以及撤销、重做和改回原样。没有素材时，我可以把脚本做成动态文字卡片。",
  cannot: (items) => `抱歉，这里暂时不能${items.map((i) => i.zh).join("或")}。`,
  notUnderstood: "这句话里我没有找到可以执行的编辑。",
  chat: "不客气！还想改什么直接告诉我，准备好了就说“导出”。",
  exportReady: (c, ms) => `视频已经可以导出（${c.width}×${c.height}，${s(ms)}），导出后即可得到 MP4。`,
};
