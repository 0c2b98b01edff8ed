// Reads the words to show from a message: titles, quoted overlays, a pasted script, and text size/position edits.
import type { TextPosition } from "../../core/draft.ts";
import { clauses } from "./normalize.ts";
import type { EditOp, TextTarget } from "./ops.ts";
import { QUOTE_MARK, type Quote } from "./quotes.ts";

const TITLE_BEFORE_QUOTE =
  /(?<![a-z])(?:title|titled|heading|called|named|标题|题目|名字|叫做?|名为)[^"“「『《'\n]{0,12}$/i;
const SCRIPT_BEFORE_QUOTE = /(?:script|captions?|subtitles?|文案|脚本|字幕|台词)[^"“「『《'\n]{0,8}$/i;
const UNQUOTED_TITLE = [
  /(?<![a-z])(?:title|heading)\s*[:：]\s*([^\n,，。;；!！?？¶]+)/i,
  /标题\s*(?:[:：]|是|为|改成|改为|换成|叫做?|用)\s*([^\n,，。;；!！?？¶]+)/,
  /\b(?:change|set|rename)\s+(?:the\s+)?title\s+to\s+([^\n,.;!?¶]+)/i,
];
const NOT_A_TITLE =
  /^(?:the\s+)?(?:top|bottom|middle|center|centre|bigger|smaller|larger)\b|^(?:顶部|底部|中间|居中|大一点|小一点|上面|下面)/i;

const TARGETS: [RegExp, TextTarget][] = [
  [/\btitles?\b|\bheadings?\b|标题|题目/, "title"],
  [/\bcaptions?\b|\bsubtitles?\b|字幕/, "captions"],
  [/\boverlays?\b/, "overlays"],
  [/\bcards?\b|卡片/, "cards"],
  [/\btext\b|\bwords\b|文字|文本|字体/, "all"],
];
const REMOVE =
  /\b(?:remove|delete|drop|no|without|hide|get rid of|take off)\b|去掉|删除|删掉|去除|不要|取消|移除|隐藏|拿掉/;
const BIGGER = /\b(?:bigger|larger|enlarge)\b|大一点|大一些|大些|大点|放大|更大|加大|调大/;
const SMALLER = /\b(?:smaller|tinier)\b|小一点|小一些|小些|小点|缩小|更小|调小/;
const NOT_TEXT = /\bmusic\b|\bbgm\b|\bvolume\b|\bfile\b|\bsong\b|音乐|配乐|音量|文件|声音/;
const POSITIONS: [RegExp, TextPosition][] = [
  [/\btop\b|顶部|顶端|上方|上面|最上|上边|顶上/, "top"],
  [/\bbottom\b|底部|底端|下方|下面|最下|下边|底下/, "bottom"],
  [/\b(?:center|centre|middle)\b|中间|居中|正中|中央/, "center"],
];
const MOVE = /\b(?:move|put|place|position|shift|at|to)\b|放|移|挪|置|在|到/;
const ADD_TITLE =
  /\btitles?\b|\bheadings?\b|\btext overlays?\b|标题|题目|(?:加|添加|加上|加个|配上?)(?:一些|点|上)?文字/;
const CAPTIONS = /\bcaptions?\b|\bsubtitles?\b|字幕/;

function targetOf(clause: string): TextTarget {
  return TARGETS.find(([re]) => re.test(clause))?.[1] ?? "auto";
}

/** Removals, size and position edits, clause by clause. */
function styleEdits(text: string): EditOp[] {
  return clauses(text).flatMap((clause): EditOp[] => {
    const target = targetOf(clause);
    if (NOT_TEXT.test(clause)) return [];
    if (REMOVE.test(clause) && target !== "auto") return [{ op: "removeText", target }];
    const ops: EditOp[] = [];
    if (BIGGER.test(clause)) ops.push({ op: "resizeText", target, factor: 1.25 });
    else if (SMALLER.test(clause)) ops.push({ op: "resizeText", target, factor: 0.8 });
    const pos = POSITIONS.find(([re]) => re.test(clause))?.[1];
    if (pos && MOVE.test(clause)) ops.push({ op: "moveText", target, pos });
    return ops;
  });
}

function unquotedTitle(rest: string): string | undefined {
  for (const re of UNQUOTED_TITLE) {
    const text = re.exec(rest)?.[1]?.trim();
    if (text && !NOT_A_TITLE.test(text)) return text;
  }
  return undefined;
}

/**
 * @param text the normalized instruction, quotes set aside
 * @param rest the instruction as typed, quotes set aside (keeps the case of an unquoted title)
 */
export function parseText(text: string, rest: string, quotes: Quote[], scriptLines: string[]): EditOp[] {
  const titled = quotes.filter((q) => TITLE_BEFORE_QUOTE.test(q.before));
  const scripted = quotes.filter((q) => !titled.includes(q) && SCRIPT_BEFORE_QUOTE.test(q.before));
  const loose = quotes.filter((q) => !titled.includes(q) && !scripted.includes(q)).map((q) => q.text);
  const lines = [...scriptLines, ...scripted.map((q) => q.text)];
  const style = styleEdits(text.replaceAll(QUOTE_MARK, " "));
  const ops: EditOp[] = lines.length ? [{ op: "script", lines }] : [];

  const titleText = titled[0]?.text ?? unquotedTitle(rest);
  const touchesTitle = style.some(
    (op) => "target" in op && op.target !== "captions" && op.target !== "cards",
  );
  if (titleText) ops.push({ op: "title", text: titleText });
  if (loose.length) ops.push({ op: "quotedText", texts: loose });
  else if (!titleText && !touchesTitle && ADD_TITLE.test(text)) ops.push({ op: "title" });
  const touchesCaptions = style.some((op) => "target" in op && op.target === "captions");
  if (!lines.length && !touchesCaptions && CAPTIONS.test(text)) ops.push({ op: "captions" });
  return [...ops, ...style];
}
