// Platform presets: canvas, limits, encoding caps, look and safe zones, starter instructions, in English and Chinese.
import type { MusicMood, TextStyleName, TransitionKind } from "./draft.ts";

export interface Canvas {
  width: number;
  height: number;
  fps: number;
}

/** Pixels kept clear of text at the preset's canvas size, where the platform draws its own buttons and captions. */
export interface SafeZone {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What a preset's video looks like when the sentence says nothing more; the planner starts every draft from it. */
export interface PresetLook {
  /** seconds each photo stays on screen */
  shotSec: number;
  transition: { kind: TransitionKind; ms: number } | null;
  /** built-in music mood when the preset promises music; null: silent unless asked */
  music: MusicMood | null;
  textStyle: TextStyleName;
  /** words for on-screen text asked for without words ("add text overlays") */
  hook: { en: string; zh: string };
}

export interface Preset {
  id: string;
  label: { en: string; zh: string };
  description: { en: string; zh: string };
  /** default canvas; `keepAspect` presets fit the source within it instead */
  canvas: Canvas;
  /** other canvases the preset allows, e.g. 3:4 on Xiaohongshu */
  altCanvases?: Canvas[];
  keepAspect?: boolean;
  /** longest output, seconds */
  maxDurationSec: number;
  /** default target length, seconds */
  defaultDurationSec: number;
  /** largest single upload, bytes */
  maxUploadBytes: number;
  /** output size budget, bytes (undefined: bitrate cap only) */
  outputBudgetBytes?: number;
  encoding: {
    videoCodec: "h264";
    profile: "high";
    pixFmt: "yuv420p";
    fps: number;
    gopSec: number;
    maxVideoKbps: number;
    audioKbps: number;
    audioRate: 48000;
  };
  /** what the preset asks of the agent when a project starts */
  starter: { en: string; zh: string };
  look: PresetLook;
  safeZone: SafeZone;
}

const MB = 1024 * 1024;
const vertical: Canvas = { width: 1080, height: 1920, fps: 30 };
/**
 * Safe zones at 1080×1920 (README "Presets" cites the sources). Vertical feeds cover the top (status, tabs,
 * author row), the bottom (caption, sound, progress) and the right (button rail). TikTok publishes template
 * files rather than numbers; its practical margins (top ≤250, bottom ≤460, right ≤180) are taken at their
 * strictest, and Douyin, Xiaohongshu and WeChat Channels, whose players lay out the same parts, share them.
 */
const feedSafe: SafeZone = { top: 250, bottom: 460, left: 60, right: 180 };
/** Meta's Reels guidance: keep 14% at the top, 35% at the bottom and 6% at each side clear. */
const reelsSafe: SafeZone = { top: 270, bottom: 672, left: 65, right: 65 };
/** Google's vertical YouTube guidance: 288 px top, 672 px bottom, 48 px left, 192 px right. */
const shortsSafe: SafeZone = { top: 288, bottom: 672, left: 48, right: 192 };
/** A chat's player: close button at the top, progress bar at the bottom, title-safe 5% at the sides. */
const chatSafe: SafeZone = { top: 96, bottom: 160, left: 54, right: 54 };
/** 16:9 broadcast title-safe (5% a side) plus the player's control bar at the bottom. */
const landscapeSafe: SafeZone = { top: 54, bottom: 120, left: 96, right: 96 };
const fade = (ms: number) => ({ kind: "fade", ms }) as const;
const landscape: Canvas = { width: 1920, height: 1080, fps: 30 };

function encoding(maxVideoKbps: number) {
  return {
    videoCodec: "h264",
    profile: "high",
    pixFmt: "yuv420p",
    fps: 30,
    gopSec: 2,
    maxVideoKbps,
    audioKbps: 128,
    audioRate: 48000,
  } as const;
}

type PresetInput = Omit<Preset, "encoding" | "maxUploadBytes"> & {
  maxVideoKbps?: number;
  maxUploadBytes?: number;
};
const preset = ({ maxVideoKbps = 8000, maxUploadBytes = 500 * MB, ...p }: PresetInput): Preset => ({
  ...p,
  maxUploadBytes,
  encoding: encoding(maxVideoKbps),
});

export const PRESETS: readonly Preset[] = [
  preset({
    id: "xiaohongshu",
    label: { en: "Xiaohongshu (RED)", zh: "小红书" },
    description: {
      en: "Vertical 9:16 1080×1920 (3:4 1080×1440 on request), titles and music, up to 5 minutes.",
      zh: "竖屏 9:16 1080×1920（可选 3:4 1080×1440），带标题和音乐，最长 5 分钟。",
    },
    canvas: vertical,
    altCanvases: [{ width: 1080, height: 1440, fps: 30 }],
    maxDurationSec: 300,
    defaultDurationSec: 30,
    starter: {
      en: "Make a vertical Xiaohongshu video with a title and background music.",
      zh: "做一个小红书竖屏视频，加标题和背景音乐。",
    },
    look: {
      shotSec: 3.5,
      transition: fade(500),
      music: "warm",
      textStyle: "plate",
      hook: { en: "Little things I love ✨", zh: "今日好物分享 ✨" },
    },
    safeZone: feedSafe,
  }),
  preset({
    id: "weixin",
    label: { en: "WeChat chat share", zh: "微信聊天分享" },
    description: {
      en: "Keeps the original aspect, at most 1080p, compressed to fit 25 MB for sending in chats.",
      zh: "保持原始比例，最高 1080p，压缩到 25 MB 以内，方便在聊天中发送。",
    },
    canvas: { width: 1080, height: 1920, fps: 30 },
    keepAspect: true,
    maxDurationSec: 300,
    defaultDurationSec: 30,
    maxUploadBytes: 200 * MB,
    outputBudgetBytes: 25 * MB,
    maxVideoKbps: 6000,
    starter: { en: "Compress this video to send on WeChat.", zh: "把这段视频压缩一下发微信。" },
    look: {
      shotSec: 3,
      transition: null,
      music: null,
      textStyle: "clean",
      hook: { en: "Sharing a moment with you", zh: "分享一下 😊" },
    },
    safeZone: chatSafe,
  }),
  preset({
    id: "weixin-channels",
    label: { en: "WeChat Channels", zh: "视频号" },
    description: {
      en: "Vertical 1080×1920 for WeChat Channels, up to 60 seconds recommended.",
      zh: "视频号竖屏 1080×1920，建议 60 秒以内。",
    },
    canvas: vertical,
    maxDurationSec: 60,
    defaultDurationSec: 30,
    maxUploadBytes: 200 * MB,
    starter: { en: "Make a vertical WeChat Channels video.", zh: "做一个视频号竖屏视频。" },
    look: {
      shotSec: 3,
      transition: fade(500),
      music: null,
      textStyle: "plate",
      hook: { en: "Worth a look 👍", zh: "值得一看 👍" },
    },
    safeZone: feedSafe,
  }),
  preset({
    id: "douyin",
    label: { en: "Douyin", zh: "抖音" },
    description: {
      en: "Vertical 9:16 1080×1920 for Douyin, punchy and short.",
      zh: "抖音竖屏 9:16 1080×1920，短而有节奏。",
    },
    canvas: vertical,
    maxDurationSec: 180,
    defaultDurationSec: 15,
    maxVideoKbps: 10000,
    starter: {
      en: "Make a punchy vertical Douyin video with music.",
      zh: "做一个有节奏感的抖音竖屏视频，配上音乐。",
    },
    look: {
      shotSec: 2,
      transition: { kind: "zoom", ms: 300 } as const,
      music: "upbeat",
      textStyle: "outline",
      hook: { en: "Watch till the end 👀", zh: "看到最后有惊喜 👀" },
    },
    safeZone: feedSafe,
  }),
  preset({
    id: "tiktok",
    label: { en: "TikTok", zh: "TikTok" },
    description: { en: "Vertical 9:16 1080×1920 for TikTok.", zh: "TikTok 竖屏 9:16 1080×1920。" },
    canvas: vertical,
    maxDurationSec: 180,
    defaultDurationSec: 15,
    maxVideoKbps: 10000,
    starter: {
      en: "Make a vertical TikTok video with captions and music.",
      zh: "做一个 TikTok 竖屏视频，带字幕和音乐。",
    },
    look: {
      shotSec: 2,
      transition: { kind: "slide", ms: 300 } as const,
      music: "upbeat",
      textStyle: "highlight",
      hook: { en: "You need to see this 👀", zh: "一定要看到最后 👀" },
    },
    safeZone: feedSafe,
  }),
  preset({
    id: "reels",
    label: { en: "Instagram Reels", zh: "Instagram Reels" },
    description: {
      en: "Vertical 9:16 1080×1920 for Reels, up to 90 seconds.",
      zh: "Reels 竖屏 9:16 1080×1920，最长 90 秒。",
    },
    canvas: vertical,
    maxDurationSec: 90,
    defaultDurationSec: 15,
    starter: {
      en: "Make a vertical Instagram Reel with music.",
      zh: "做一个 Instagram Reels 竖屏视频，配上音乐。",
    },
    look: {
      shotSec: 2.5,
      transition: fade(400),
      music: "lofi",
      textStyle: "plate",
      hook: { en: "Save this for later 📌", zh: "先收藏再看 📌" },
    },
    safeZone: reelsSafe,
  }),
  preset({
    id: "shorts",
    label: { en: "YouTube Shorts", zh: "YouTube Shorts" },
    description: {
      en: "Vertical 9:16 1080×1920, up to 60 seconds.",
      zh: "竖屏 9:16 1080×1920，最长 60 秒。",
    },
    canvas: vertical,
    maxDurationSec: 60,
    defaultDurationSec: 30,
    starter: {
      en: "Make a vertical YouTube Short with a title.",
      zh: "做一个带标题的 YouTube Shorts 竖屏视频。",
    },
    look: {
      shotSec: 2.5,
      transition: fade(400),
      music: null,
      textStyle: "outline",
      hook: { en: "Wait for it… 👀", zh: "等到最后 👀" },
    },
    safeZone: shortsSafe,
  }),
  preset({
    id: "bilibili",
    label: { en: "Bilibili", zh: "哔哩哔哩" },
    description: { en: "Landscape 16:9 1920×1080 for Bilibili.", zh: "哔哩哔哩横屏 16:9 1920×1080。" },
    canvas: landscape,
    maxDurationSec: 1800,
    defaultDurationSec: 60,
    maxVideoKbps: 10000,
    starter: { en: "Make a landscape Bilibili video with a title.", zh: "做一个带标题的哔哩哔哩横屏视频。" },
    look: {
      shotSec: 4,
      transition: fade(600),
      music: null,
      textStyle: "clean",
      hook: { en: "The full story", zh: "完整记录来了" },
    },
    safeZone: landscapeSafe,
  }),
  preset({
    id: "promo-from-script",
    label: { en: "Promo from a script", zh: "脚本生成宣传片" },
    description: {
      en: "Turns a script into animated text cards over generated backgrounds, with music; 30 seconds by default.",
      zh: "把脚本变成动态文字卡片和生成背景，配音乐，默认 30 秒。",
    },
    canvas: vertical,
    maxDurationSec: 120,
    defaultDurationSec: 30,
    starter: {
      en: "Turn this script into a 30-second promotional video.",
      zh: "把这段脚本做成 30 秒的宣传视频。",
    },
    look: {
      shotSec: 3,
      transition: fade(500),
      music: "upbeat",
      textStyle: "plate",
      hook: { en: "Don't miss out 🔥", zh: "限时推荐 🔥" },
    },
    safeZone: feedSafe,
  }),
  preset({
    id: "clips-to-video",
    label: { en: "Clips to one video", zh: "片段合成视频" },
    description: {
      en: "Joins your clips into a 60-second video with transitions and music.",
      zh: "把多个片段合成 60 秒的视频，带转场和音乐。",
    },
    canvas: vertical,
    maxDurationSec: 300,
    defaultDurationSec: 60,
    starter: {
      en: "Join these clips into a 60-second video with transitions and music.",
      zh: "把这些片段合成一个 60 秒的视频，加转场和音乐。",
    },
    look: {
      shotSec: 3,
      transition: fade(500),
      music: "upbeat",
      textStyle: "clean",
      hook: { en: "Highlights 🎬", zh: "精彩合集 🎬" },
    },
    safeZone: feedSafe,
  }),
];

export const DEFAULT_PRESET_ID = "xiaohongshu";

export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Video bitrate (kbps) that fits a size budget for a duration, capped by the preset. */
export function videoKbpsFor(p: Preset, durationSec: number, budgetBytes = p.outputBudgetBytes): number {
  const cap = p.encoding.maxVideoKbps;
  if (!budgetBytes || durationSec <= 0) return cap;
  // 4% container overhead; audio comes out of the same budget.
  const totalKbps = (budgetBytes * 8 * 0.96) / 1000 / durationSec;
  return Math.max(300, Math.min(cap, Math.floor(totalKbps - p.encoding.audioKbps)));
}

/** A rectangle in canvas pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of `canvas` where text may go for a preset: its safe zone, scaled by the canvas's width and height
 * against the preset's own canvas (3:4 on Xiaohongshu, a landscape clip on WeChat keep-aspect).
 */
export function safeAreaFor(p: Preset, canvas: { width: number; height: number }): Rect {
  const sx = canvas.width / p.canvas.width;
  const sy = canvas.height / p.canvas.height;
  const z = p.safeZone;
  const x = Math.ceil(z.left * sx);
  const y = Math.ceil(z.top * sy);
  return {
    x,
    y,
    width: Math.floor(canvas.width - z.right * sx) - x,
    height: Math.floor(canvas.height - z.bottom * sy) - y,
  };
}
