// Turns the agent's instructions for a GUI Reelsmith does not have ("click Export", "点击导出") into actions, keeping the content.

export type GuiAction = "export" | "show-timeline" | "edit" | "show-credits";

export interface GuiTranslation {
  text: string;
  actions: GuiAction[];
}

/** No sentence or clause break inside a match: an instruction never spans two clauses. */
const ANY = "[^,.;!?，。；！？]*?";
/** Addressed to the user ("you can preview…", "Open the…"), not the agent's own report ("I see…"). */
const YOU = String.raw`(?:^\s*|\b(?:you(?:'ll| can| could| may| will| should)?|to|please|just|simply|now|then|and)\s+)`;
const rule = (action: GuiAction, ...alternatives: string[]): [GuiAction, RegExp] => [
  action,
  new RegExp(alternatives.join("|"), "i"),
];

// Highest priority first: a matched span is blanked before later rules look, so "click Export" is not also an edit.
const RULES = [
  rule(
    "export",
    String.raw`(?:\b(?:click|tap|press|hit|select|choose)\b|点击|单击|点一下|轻点|按下)${ANY}(?:\bexport\b|\bdownload\b|导出|下载)`,
    String.raw`\b(?:export|download) (?:button|icon|option|menu)\b`,
    "(?:导出|下载)(?:按钮|图标|选项|菜单)",
    String.raw`\b(?:go to|head to|open)\b${ANY}\bexport\b`,
    String.raw`\bthen (?:export|download)\b`,
    "(?:然后|即可|再)(?:导出|下载)|(?:导出|下载)即可",
  ),
  rule(
    "show-credits",
    String.raw`${YOU}(?:check|visit|open|go to|head to|see|view|log in to|sign in to)\s+(?:your|the)\s+(?:account|profile|billing|credits?|balance|subscription)\b`,
    `(?:查看|检查|前往|打开|进入|登录)${ANY}(?:账户|账号|个人中心|积分|余额|会员)`,
  ),
  rule(
    "show-timeline",
    String.raw`${YOU}(?:preview|view|see|check|play|watch|review|look at|find)\b${ANY}\b(?:timeline|preview (?:window|panel|pane|player)|player)\b`,
    String.raw`${YOU}preview (?:it|the (?:video|result|changes?|edit)|your (?:video|edit))\b`,
    String.raw`${YOU}(?:open|go to) the (?:timeline|preview)\b`,
    `(?:时间线|时间轴|预览窗口|预览区|播放器)${ANY}(?:预览|查看|播放|看看)`,
    `(?:查看|播放|打开)${ANY}(?:时间线|时间轴|预览窗口|播放器)`,
    "预览",
  ),
  rule(
    "edit",
    String.raw`\b(?:drag|right-click|double-click|slider|click|tap)\b`,
    String.raw`${YOU}(?:open|use|go to|head to)\b${ANY}\b(?:panel|settings|editor|menu|inspector|sidebar|toolbar|tab|properties)\b`,
    "拖拽|拖动|拖到|拖入|拖放|拖曳|滑块|右键|双击|点击|单击|点一下|轻点",
    `打开${ANY}(?:面板|设置|编辑器|菜单|属性|侧边栏|工具栏|选项卡)`,
  ),
];

/** Actions found in one clause, in the order they appear. */
function actionsIn(clause: string): GuiAction[] {
  let rest = clause;
  const found: { at: number; action: GuiAction }[] = [];
  for (const [action, re] of RULES) {
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      found.push({ at: m.index, action });
      rest = rest.slice(0, m.index) + " ".repeat(m[0].length) + rest.slice(m.index + m[0].length);
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.action);
}

/** Splits after sentence ends; the whitespace that follows stays with the next piece. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])(?=\s)|(?<=[。！？\n])/).filter((s) => s !== "");
}

const CLAUSE_SEPARATOR =
  /((?:\s*[,;，；]\s*|\s+[—–-]{1,2}\s+|—|然后|\s+(?=and (?:then )?(?:you can |simply |just )?(?:click|tap|press|open|drag|preview|check|head|go|select)\b))+)/i;
/** A lead-in ("Once you're happy,") that only makes sense with the instruction it introduces. */
const LEAD_IN =
  /^\s*(?:once|when|if|after|whenever|as soon as|before)\b|^\s*(?:如果|若|当|等|待)|(?:的话|之后|以后|无误后|满意后)\s*$/i;

function translateSentence(sentence: string, actions: GuiAction[]): string {
  const [, lead, body, end] = /^(\s*)([\s\S]*?)([.!?。！？]*\s*)$/.exec(sentence) ?? ["", "", sentence, ""];
  const parts = body.split(CLAUSE_SEPARATOR);
  const clauses = parts.filter((_, i) => i % 2 === 0);
  const found = clauses.map(actionsIn);
  const dropped = found.map((a) => a.length > 0);
  if (!dropped.some(Boolean)) return sentence;
  for (let i = clauses.length - 2; i >= 0; i--)
    if (dropped[i + 1] && LEAD_IN.test(clauses[i])) dropped[i] = true;
  actions.push(...found.flat());
  let kept = "";
  clauses.forEach((clause, i) => {
    if (!dropped[i]) kept += kept ? parts[2 * i - 1] + clause : clause;
  });
  kept = kept.trim();
  if (!kept) return "";
  return lead + (dropped[0] ? kept.charAt(0).toUpperCase() + kept.slice(1) : kept) + end;
}

export function translateGuiText(text: string): GuiTranslation {
  const actions: GuiAction[] = [];
  const out = splitSentences(text)
    .map((s) => translateSentence(s, actions))
    .join("")
    .split("\n")
    .filter((line) => !/^\s*(?:[-*•]|\d+[.)])\s*$/.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text: out, actions: [...new Set(actions)] };
}
