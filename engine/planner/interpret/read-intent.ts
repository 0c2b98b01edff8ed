// Reads what a clause asks of the turn rather than of the draft: make a video, export it, help, and its topic.
import type { EditCommand } from "../../../core/edit-commands.ts";
import type { ClauseView } from "./clause.ts";

// "a video about our coffee shop", "promo for the bakery"
const TOPIC_EN =
  /\b(?:about|promo(?:tional video)?\s+for|ad\s+for|advert\s+for|video\s+for|reel\s+for|promoting|showing off)\s+(?:my|our|the|a|an)?\s*([a-z][a-z0-9' -]{2,40}?)(?=\s*(?:[,.;!?]|$|\b(?:with|and|in|on|using|that|to|for)\b))/i;
// 关于我们咖啡店的, 做成探店视频
const TOPIC_ZH =
  /(?:关于|介绍|推广|宣传)([^，。,.！!？?的\s]{2,12})(?:的|$)|(?:做成|剪成)(?:一个|一条|个|条)?([^，。,.！!？?的\s]{2,8}?)(?:短视频|视频|短片|vlog)/i;
const NOT_A_TOPIC =
  /xiaohongshu|douyin|tiktok|wechat|weixin|bilibili|reels?|shorts|instagram|youtube|\d|seconds?|minutes?|these|this|my photos|my clips|小红书|抖音|微信|视频号|秒|分钟/i;

export function readExport(v: ClauseView): EditCommand[] {
  const ex = v.concepts("export")[0];
  if (!ex || v.negated(ex)) return [];
  v.use(ex, ...v.concepts("video", "to", "change", "all"));
  return [{ cmd: "export" }];
}

/** "make a cute video for my bakery": a video to build, what it is about, and the words that only describe it. */
export function readCreate(v: ClauseView): EditCommand[] {
  const create = v.concepts("create").find((c) => !v.negated(c));
  const text = v.slice(v.tokens[0]);
  const zh = TOPIC_ZH.exec(text);
  const found = (TOPIC_EN.exec(text)?.[1] ?? zh?.[1] ?? zh?.[2])?.trim();
  const topic = found && !NOT_A_TOPIC.test(found) ? found : undefined;
  if (!create && !topic) return [];
  // Words around a make-request describe the video ("cute", "nice", 好看的): nothing is left unclear by them.
  v.use(
    create,
    ...v.concepts("video", "photo", "clip", "shot", "all", "mine", "to", "about"),
    ...v.tokens.filter((t) => t.kind === "word"),
  );
  return [{ cmd: "create", ...(topic && { topic: topic.slice(0, 80) }) }];
}

export function readHelp(v: ClauseView): boolean {
  const help = v.concepts("help")[0];
  v.use(help);
  return !!help;
}
