// Reads the output format from a message: platform and aspect words → canvas, size words → a file-size budget.
import type { EditOp } from "./ops.ts";

const MB = 1024 * 1024;

// Checked in order: 视频号 before 微信, which it contains.
const PLATFORMS: [RegExp, string][] = [
  [/视频号|(?:wechat|weixin) channels?/, "weixin-channels"],
  [/小红书|xiaohongshu|rednote|red note/, "xiaohongshu"],
  [/微信|wechat|weixin/, "weixin"],
  [/抖音|douyin/, "douyin"],
  [/tiktok|tik tok/, "tiktok"],
  [/\breels?\b|instagram/, "reels"],
  [/\bshorts\b|youtube/, "shorts"],
  [/bilibili|\bb站|哔哩哔哩/, "bilibili"],
];

const ASPECTS: [RegExp, { width: number; height: number }][] = [
  [/\b3\s*:\s*4\b/, { width: 1080, height: 1440 }],
  [/\b4\s*:\s*3\b/, { width: 1440, height: 1080 }],
  [/\b1\s*:\s*1\b|\bsquare\b|正方形|方形|方屏/, { width: 1080, height: 1080 }],
  [/\b9\s*:\s*16\b|\bvertical\b|\bportrait\b|竖屏|竖版|竖向|竖的/, { width: 1080, height: 1920 }],
  [
    /\b16\s*:\s*9\b|\blandscape\b|\bhorizontal\b|\bwidescreen\b|横屏|横版|横向|横的/,
    { width: 1920, height: 1080 },
  ],
];

function parseCanvas(text: string, original: string): EditOp | null {
  // "RED" only in capitals: "red" is a colour.
  const preset = /\bRED\b/.test(original) ? "xiaohongshu" : PLATFORMS.find(([re]) => re.test(text))?.[1];
  const size = ASPECTS.find(([re]) => re.test(text))?.[1];
  if (!preset && !size) return null;
  return {
    op: "canvas",
    ...(preset && { preset }),
    ...(size && { size }),
    ...(preset === "weixin" && !size && { keepAspect: true }),
  };
}

const SIZE = /(\d+(?:\.\d+)?)\s*(mb|mib|megabytes?|m|兆|gb|g)(?![a-z])/;
const COMPRESS =
  /\bcompress(?:ed|ion)?\b|\bshrink\b[^,.;]*\bfile\b|\bsmaller file\b|\bfile smaller\b|\breduce (?:the )?(?:file )?size\b|压缩|减小体积|缩小体积|文件小一点|文件变小/;
const NO_BUDGET = /\bno compression\b|\bdon'?t compress\b|\bremove the size limit\b|不要压缩|不压缩|取消压缩/;
// Sending on WeChat means fitting its chat limit even without the word "compress".
const SEND_ON_WECHAT = /发微信|发到微信|微信发|(?:send|share)[^,.;]*\b(?:wechat|weixin)\b/;

function parseBudget(text: string): EditOp | null {
  if (NO_BUDGET.test(text)) return { op: "noBudget" };
  const size = SIZE.exec(text);
  if (size) {
    const unit = size[2].startsWith("g") ? 1024 * MB : MB;
    return { op: "budget", bytes: Math.round(Number(size[1]) * unit) };
  }
  return COMPRESS.test(text) || SEND_ON_WECHAT.test(text) ? { op: "budget" } : null;
}

export function parseFormat(text: string, original: string): EditOp[] {
  return [parseCanvas(text, original), parseBudget(text)].filter((op): op is EditOp => op !== null);
}
