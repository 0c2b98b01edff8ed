// Turns an English, Chinese or mixed message into typed edit operations plus the turn's intent.
import { normalize } from "./normalize.ts";
import type { EditOp, ParsedInstruction } from "./ops.ts";
import { parseFormat } from "./parse-format.ts";
import { parseMusic } from "./parse-music.ts";
import { parseText } from "./parse-text.ts";
import { parseTiming } from "./parse-timing.ts";
import { extractQuotes } from "./quotes.ts";
import { splitScript } from "./script.ts";
import { findUnsupported } from "./unsupported.ts";

const UNDO =
  /\b(?:undo|revert|go back|take (?:that|it) back)\b|撤销|撤回|回退|返回上一步|回到上一步|恢复上一步|还原/;
const EXPORT =
  /\b(?:export|download|render)\b|\bsend (?:me|it|over)\b|\b(?:send|give|get) (?:me )?(?:the|my) (?:video|file|mp4)\b|导出|下载|发给我|发我|输出视频|渲染/;
const HELP = /\bwhat can you do\b|\bhelp\b|\bhow does this work\b|你能做什么|你会什么|帮助|怎么用/;
// Asking for a whole video, not tweaking one ("make the title bigger", "make it 15 seconds" are edits).
const CREATE =
  /\b(?:create|build|produce|put together|combine|join|assemble|generate|compile)\b|\bturn\b[^.,;]{0,40}\binto\b|\bmake (?:me )?(?:a|an|one|something)\b|\bedit (?:these|this|my)\b|做一个|做个|做成|做一条|制作|生成|合成|剪辑|剪成|拼成|弄一个|搞一个/;
const SCRIPT = /\bscript\b|脚本|文案/;
// "a video about our coffee shop", "promo for the bakery", "关于春天的视频"
const TOPIC_EN =
  /\b(?:about|promo(?:tional video)? for|ad for|video for)\s+(?:my|our|the|a|an)?\s*([a-z][a-z0-9' -]{2,40}?)(?=\s*(?:[,.;!?]|$|\b(?:with|and|in|on|using|that)\b))/i;
const TOPIC_ZH = /关于([^，。,.！!？?的]{2,12})的/;
const NOT_A_TOPIC =
  /xiaohongshu|douyin|tiktok|wechat|weixin|bilibili|reels?|shorts|\d+[ -]?(?:s|sec|second|minute)/i;

// Words before their styling (a title is added, then moved), music before its volume.
const APPLY_ORDER: EditOp["op"][] = [
  "canvas",
  "duration",
  "script",
  "title",
  "quotedText",
  "captions",
  "removeText",
  "resizeText",
  "moveText",
  "transition",
  "noTransitions",
  "music",
  "removeMusic",
  "musicVolume",
  "clipAudio",
  "budget",
  "noBudget",
];

function topicOf(rest: string): string | undefined {
  const topic = (TOPIC_EN.exec(rest) ?? TOPIC_ZH.exec(rest))?.[1]?.trim();
  return topic && !NOT_A_TOPIC.test(topic) ? topic : undefined;
}

export function parseInstruction(message: string): ParsedInstruction {
  const { instruction, lines } = splitScript(message);
  const { quotes, rest } = extractQuotes(instruction);
  const text = normalize(rest);
  const ops = [
    ...parseFormat(text, rest),
    ...parseTiming(text),
    ...parseText(text, rest, quotes, lines),
    ...parseMusic(text),
  ];
  const rank = (op: EditOp) => APPLY_ORDER.indexOf(op.op);
  const topic = topicOf(rest);
  return {
    ops: ops.toSorted((a, b) => rank(a) - rank(b)),
    undo: UNDO.test(text),
    export: EXPORT.test(text),
    help: HELP.test(text),
    create: CREATE.test(text),
    unsupported: findUnsupported(text),
    mentionsScript: SCRIPT.test(text) || lines.length > 0,
    ...(topic && { topic }),
    plain: rest,
  };
}
