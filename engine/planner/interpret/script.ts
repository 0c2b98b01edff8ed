// Separates a pasted script ("script: …", 文案：…, "…with music: <script>", or the lines after the first) from the instruction.

export interface SplitMessage {
  instruction: string;
  lines: string[];
}

const LABELLED =
  /(?:^|\n|[\s,，;；])(?:script|captions?|subtitles?|cards?|lines|文案|脚本|字幕|台词|卡片)\s*[:：]\s*([\s\S]+)$/i;
// A first line like this announces that the lines after it are the text to show.
const ANNOUNCES_TEXT =
  /script|captions?|subtitles?|\btext\b|cards?|\blines\b|\bwords\b|promo|copy|文案|脚本|字幕|台词|卡片|文字|宣传|一句|[:：]\s*$/i;
// Before a colon: words that say the text after it is to be shown.
const ANNOUNCES_INLINE =
  /\b(?:script|promo\w*|video|captions?|subtitles?|cards?|text|lines|words|copy|ad|advert)\b|文案|脚本|宣传|视频|字幕|卡片|文字|一句|台词/i;
// …unless the colon ends a label whose value is short: "title: Summer Sale", "music: upbeat".
const ENDS_WITH_LABEL =
  /(?:title|heading|name|music|bgm|song|transitions?|duration|length|size|canvas|style|colou?r|标题|题目|名字|音乐|配乐|转场|时长|大小|画幅|颜色|样式)\s*$/i;
const TITLE_LABEL = /(?:title|heading|name|标题|题目|名字)\s*$/i;
const BULLET = /^\s*(?:[-*•·]|\d+[.)、]|[一二三四五六七八九十]+[、.])\s*/;
const WRAPPING_QUOTES = /^["“「『'‘]([\s\S]*)["”」』'’]$/;
const SENTENCE_END = /(?<=[.!?。！？;；])\s*/;

function cleanLine(line: string): string {
  const text = line.replace(BULLET, "").trim();
  return (WRAPPING_QUOTES.exec(text)?.[1] ?? text).trim();
}

/** Lines of a script, one caption or card each: by line, by sentence, or a list "A、B、C". */
function splitLines(text: string): string[] {
  const byLine = text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const lines = byLine.flatMap((line) => {
    // "A. B!", "A | B": sentences or bars; else "A、B、C" is a list
    const sentences = line
      .split(SENTENCE_END)
      .flatMap((sentence) => sentence.split(/[|｜]/))
      .map(cleanLine)
      .filter(Boolean);
    if (sentences.length > 1) return sentences;
    const list = line.split("、").map(cleanLine).filter(Boolean);
    return list.length > 1 ? list : [cleanLine(line)];
  });
  return lines.filter(Boolean);
}

/** The first colon that is not inside a time ("0:05") or a ratio ("9:16"). */
function firstLabelColon(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (
      (text[i] === ":" || text[i] === "：") &&
      !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""))
    )
      return i;
  }
  return -1;
}

export function splitScript(message: string): SplitMessage {
  const text = message.trim();
  const labelled = LABELLED.exec(text);
  if (labelled) return { instruction: text.slice(0, labelled.index), lines: splitLines(labelled[1].trim()) };

  const colon = firstLabelColon(text);
  if (colon > 0) {
    const before = text.slice(0, colon);
    const after = text.slice(colon + 1).trim();
    const long = after.length >= 24 || /[.!?。！？、\n]/.test(after.replace(/[.!?。！？]\s*$/, ""));
    const labelOnly = ENDS_WITH_LABEL.test(before) && (!long || TITLE_LABEL.test(before));
    if (!labelOnly && ANNOUNCES_INLINE.test(before) && after.length >= 4 && !before.includes("\n")) {
      return { instruction: before, lines: splitLines(after) };
    }
  }

  const lines = text.split(/\n/).filter((l) => l.trim());
  if (lines.length >= 2 && ANNOUNCES_TEXT.test(lines[0])) {
    return { instruction: lines[0], lines: lines.slice(1).flatMap(splitLines) };
  }
  return { instruction: text, lines: [] };
}
