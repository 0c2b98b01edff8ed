// Reads timing from a message: the target length and transitions (kind, or none, and their length).
import type { TransitionKind } from "../../core/draft.ts";
import type { EditOp } from "./ops.ts";

const SECONDS = String.raw`(?:seconds?|secs?|s\b|秒钟?)`;
const MINUTES = String.raw`(?:minutes?|mins?\b|分钟)`;
const NUM = String.raw`(\d+(?:\.\d+)?)`;
// "1 minute 30 seconds", "1分30秒", "2 minutes", "30-second", "15s", "30秒"
const LENGTH = new RegExp(
  String.raw`${NUM}\s*(?:${MINUTES}|分)\s*(?:and\s*)?${NUM}\s*${SECONDS}|${NUM}\s*-?\s*${MINUTES}|${NUM}\s*-?\s*${SECONDS}`,
  "g",
);
const TRANSITION_WORD =
  "(?:cross-?fades?|fades?|dissolves?|wipes?|slides?|zooms?|transitions?|转场|过渡|淡入淡出)";
// A length right before or after a transition word is the transition's length, not the video's.
const AFTER_LENGTH = new RegExp(String.raw`^\s*(?:-\s*)?(?:long\s+)?(?:的)?${TRANSITION_WORD}`);
const BEFORE_LENGTH = new RegExp(String.raw`${TRANSITION_WORD}\s*(?:of|lasting|duration|时长|为|:)?\s*$`);

interface Length {
  ms: number;
  transition: boolean;
}

function lengths(text: string): Length[] {
  return [...text.matchAll(LENGTH)].map((m) => {
    const [, min, sec, minOnly, secOnly] = m;
    const ms =
      min !== undefined
        ? (Number(min) * 60 + Number(sec)) * 1000
        : minOnly !== undefined
          ? Number(minOnly) * 60_000
          : Number(secOnly) * 1000;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    return { ms: Math.round(ms), transition: AFTER_LENGTH.test(after) || BEFORE_LENGTH.test(before) };
  });
}

const NO_TRANSITIONS =
  /\b(?:no|remove|without|delete|drop|get rid of)\s+(?:the\s+|all\s+|any\s+)?transitions?\b|(?:去掉|不要|取消|删除|删掉|移除|去除)(?:所有的?)?(?:转场|过渡)|无转场/;
// "fade in/out" is about audio or text unless the message speaks of transitions; 淡入淡出 is the usual word for a fade transition.
const KINDS: [RegExp, TransitionKind][] = [
  [/\b(?:cross-?fades?|fades?|dissolves?)\b(?![\s-]*(?:in|out)\b)|淡入淡出|渐变|叠化|溶解/g, "fade"],
  [/\bslides?\b|滑动|滑入|推移/g, "slide"],
  [/\bwipes?\b|擦除|划像|划变/g, "wipe"],
  [/\bzooms?\b(?![\s-]*(?:in|out)\b)|缩放|推拉/g, "zoom"],
];
const GENERIC = /\btransitions?\b|转场|过渡/;
// "use wipe instead of fade": the kind after "instead of" is the one being replaced.
const REPLACED = /\binstead of\s+\w+|而不是\S{0,4}/g;

function lastKind(text: string): TransitionKind | undefined {
  const wanted = text.replace(REPLACED, " ");
  let best: { at: number; kind: TransitionKind } | undefined;
  for (const [re, kind] of KINDS) {
    for (const m of wanted.matchAll(re)) if (!best || m.index > best.at) best = { at: m.index, kind };
  }
  return best?.kind;
}

export function parseTiming(text: string): EditOp[] {
  const ops: EditOp[] = [];
  const found = lengths(text);
  const target = found.find((l) => !l.transition);
  if (target) ops.push({ op: "duration", ms: target.ms });
  if (NO_TRANSITIONS.test(text)) return [...ops, { op: "noTransitions" }];
  const kind = lastKind(text);
  const ms = found.find((l) => l.transition)?.ms;
  if (kind || GENERIC.test(text) || ms !== undefined)
    ops.push({ op: "transition", ...(kind && { kind }), ...(ms && { ms }) });
  return ops;
}
