// Reads history requests from a clause: undo (and how many steps), redo, and putting something back as it was.
import type { EditCommand } from "../../../core/edit-commands.ts";
import type { Concept } from "../lexicon/types.ts";
import type { ClauseView } from "./clause.ts";

type RevertTarget = Extract<EditCommand, { cmd: "revert" }>["target"];

const REVERT_TARGETS: [Concept[], RevertTarget][] = [
  [["title"], "title"],
  [["captions", "overlays", "text", "cards"], "text"],
  [["music"], "music"],
  [["transition", "transitionKind"], "transitions"],
  [["canvas", "aspect", "platform"], "canvas"],
  [["length"], "length"],
  [["order", "photo", "clip", "shot"], "shots"],
];

function steps(v: ClauseView): number {
  const n = v.amounts("number")[0];
  const twice = v.words().some((w) => /^(?:twice|两次|两步)$/i.test(w));
  v.use(n);
  return Math.max(1, Math.min(50, Math.round(n?.value ?? (twice ? 2 : 1))));
}

export function readHistory(v: ClauseView): EditCommand[] {
  const undo = v.concepts("undo")[0];
  if (undo && !v.negated(undo)) {
    v.use(undo);
    return [{ cmd: "undo", steps: steps(v) }];
  }
  const redo = v.concepts("redo")[0];
  if (redo && !v.negated(redo)) {
    v.use(redo);
    return [{ cmd: "redo", steps: steps(v) }];
  }
  const revert = v.concepts("revert")[0];
  const back = v.concepts("back")[0];
  const original = v.concepts("original")[0];
  const asksBack = back && v.has("change", "move", "add", "to", "revert", "original");
  const asksOriginal =
    original && v.has("back", "revert", "change", "to", "keep") && !v.has("sourceSound", "aspect");
  if (!(revert || asksBack || asksOriginal) || v.has("sourceSound")) return [];
  if (revert && v.negated(revert)) return [];
  const target = REVERT_TARGETS.find(([cs]) => v.has(...cs));
  v.use(revert, back, original, ...v.concepts("change", "move", "to", "all", "add"));
  if (target) {
    v.use(...v.concepts(...target[0]));
    return [{ cmd: "revert", target: target[1] }];
  }
  // "start over", "back to the original" → the first version; "change it back", "put it back" → the last edit
  const everything =
    original ||
    v.has("all") ||
    /start over|scratch|reset|重来|从头|全部|恢复原样|回到最初/i.test(v.slice(v.tokens[0]));
  return everything ? [{ cmd: "revert", target: "all" }] : [{ cmd: "undo", steps: 1 }];
}
