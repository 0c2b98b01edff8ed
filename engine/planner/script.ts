// Separates a pasted script ("script: …", 文案：…, or the lines after the first) from the instruction itself.

export interface SplitMessage {
  instruction: string;
  lines: string[];
}

const LABELLED =
  /(?:^|\n|[\s,，;；])(?:script|captions?|subtitles?|cards?|文案|脚本|字幕|台词|卡片)\s*[:：]\s*([\s\S]+)$/i;
// A first line like this announces that the following lines are the text to show.
const ANNOUNCES_TEXT =
  /script|captions?|subtitles?|\btext\b|cards?|\blines\b|promo|文案|脚本|字幕|台词|卡片|文字|宣传|[:：]\s*$/i;
// "Turn this into a promo: Fresh beans daily. Visit us." — the text after the colon is the script.
const ANNOUNCED_INLINE =
  /^(.*(?:\b(?:script|promo\w*|video|captions?|cards?)\b|文案|脚本|宣传|视频|字幕|卡片)[^:：]*)[:：](?!\d)\s*(.{12,})$/i;
// …unless the colon follows another label ("title: Summer Sale").
const ENDS_WITH_LABEL =
  /(?:title|heading|music|bgm|song|transitions?|duration|length|size|canvas|标题|题目|音乐|配乐|转场|时长|大小|画幅)\s*$/i;
const BULLET = /^\s*(?:[-*•·]|\d+[.)、])\s*/;
const WRAPPING_QUOTES = /^["“「『']([\s\S]*)["”」』']$/;

function cleanLine(line: string): string {
  const text = line.replace(BULLET, "").trim();
  return (WRAPPING_QUOTES.exec(text)?.[1] ?? text).trim();
}

/** Sentences of a script, one caption or card each. */
function splitSentences(text: string): string[] {
  return text
    .split(/\n|(?<=[.!?。！？;；])\s*/)
    .map(cleanLine)
    .filter((s) => s.length > 0);
}

export function splitScript(message: string): SplitMessage {
  const text = message.trim();
  const labelled = LABELLED.exec(text);
  if (labelled) {
    const body = labelled[1].trim();
    return { instruction: text.slice(0, labelled.index), lines: splitSentences(cleanLine(body)) };
  }
  const inline = ANNOUNCED_INLINE.exec(text);
  if (inline && !text.includes("\n") && !ENDS_WITH_LABEL.test(inline[1])) {
    return { instruction: inline[1], lines: splitSentences(cleanLine(inline[2])) };
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length >= 2 && ANNOUNCES_TEXT.test(lines[0])) {
    return { instruction: lines[0], lines: lines.slice(1).flatMap(splitSentences) };
  }
  return { instruction: lines.join(" "), lines: [] };
}
