// Reads what a clause asks of the turn rather than of the draft: make a video, export it, help, and its topic.
import type { EditCommand } from "../../../core/edit-commands.ts";
import type { ClauseView } from "./clause.ts";

// "a video about our coffee shop", "promo for the bakery"
const TOPIC_EN =
  /\b(?:about|promo(?:tional video)?\s+for|ad\s+for|advert\s+for|video\s+for|reel\s+for|promoting|showing off)\s+(?:my|our|the|a|an)?\s*([a-z][a-z0-9' -]{2,40}?)(?=\s*(?:[,.;!?]|$|\b(?:with|and|in|on|using|that|to|for)\b))/i;
const TOPIC_ZH = /(?:关于|介绍|推广|宣传)([^，。,.！!？?的\s]{2,12})(?:的|$)/;
const NOT_A_TOPIC =
  /xiaohongshu|douyin|tiktok|wechat|weixin|bilibili|reels?|shorts|instagram|youtube|\d|seconds?|minutes?|these|this|my photos|my clips|小红书|抖音|微信|视频号|秒|分钟/i;

export interface TurnIntent {
  create: boolean;
  help: boolean;
  topic?: string;
}

export function readExport(v: ClauseView): EditCommand[] {
  const ex = v.concepts("export")[0];
  if (!ex || v.negated(ex)) return [];
  v.use(ex, ...v.concepts("video", "to", "change", "all"));
  return [{ cmd: "export" }];
}

export function readIntent(v: ClauseView): TurnIntent {
  const create = v.concepts("create").find((c) => !v.negated(c));
  const help = v.concepts("help")[0];
  v.use(
    create,
    help,
    ...(create ? v.concepts("video", "photo", "clip", "shot", "all", "mine", "to", "about") : []),
  );
  const text = v.slice(v.tokens[0]);
  const topic = (TOPIC_EN.exec(text) ?? TOPIC_ZH.exec(text))?.[1]?.trim();
  const valid = topic && !NOT_A_TOPIC.test(topic) ? topic : undefined;
  if (valid)
    v.use(...v.tokens.filter((t) => t.kind === "word" && valid.includes(t.text)), ...v.concepts("about"));
  return { create: !!create, help: !!help, ...(valid && { topic: valid }) };
}
