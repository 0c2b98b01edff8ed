// The typed edit operations the instruction parser produces and the planner applies, in the order they apply.
import type { TextPosition, TransitionKind } from "../../core/draft.ts";

export type Mood = "upbeat" | "calm" | "cinematic" | "lofi";

/** Which text a style edit is about; "auto" is the title if there is one, else the next text that exists. */
export type TextTarget = "auto" | "all" | "title" | "captions" | "overlays" | "cards";

export type EditOp =
  /** a platform preset, an explicit size, or WeChat's keep-the-source-aspect rule */
  | { op: "canvas"; preset?: string; size?: { width: number; height: number }; keepAspect?: boolean }
  | { op: "duration"; ms: number }
  /** script lines: captions over media, animated text cards without media */
  | { op: "script"; lines: string[] }
  /** add or change the title; without text the planner suggests one and says where it came from */
  | { op: "title"; text?: string }
  /** quoted words with no label: the first becomes the title when there is none, the rest overlays */
  | { op: "quotedText"; texts: string[] }
  /** captions asked for with no script given */
  | { op: "captions" }
  | { op: "removeText"; target: TextTarget }
  | { op: "resizeText"; target: TextTarget; factor: number }
  | { op: "moveText"; target: TextTarget; pos: TextPosition }
  /** kind undefined: keep the current kind, or fade */
  | { op: "transition"; kind?: TransitionKind; ms?: number }
  | { op: "noTransitions" }
  | { op: "music"; mood?: Mood; builtIn?: boolean }
  | { op: "removeMusic" }
  /** an absolute percent, or a step up/down as a fraction */
  | { op: "musicVolume"; percent?: number; step?: number }
  | { op: "clipAudio"; on: boolean }
  /** bytes undefined: the preset's budget or the WeChat-sized default */
  | { op: "budget"; bytes?: number }
  | { op: "noBudget" };

/** Something asked for that the planner cannot do, named in both languages for the reply. */
export interface Unsupported {
  en: string;
  zh: string;
}

export interface ParsedInstruction {
  ops: EditOp[];
  undo: boolean;
  /** "send me the video", 导出: the gateway normally answers these itself */
  export: boolean;
  /** "what can you do", 帮助 */
  help: boolean;
  /** a make/create verb: builds a first draft, or rebuilds when new media arrived */
  create: boolean;
  unsupported: Unsupported[];
  /** the message speaks of a script even if none was pasted */
  mentionsScript: boolean;
  /** "a video about X", "关于X的": a title suggestion */
  topic?: string;
  /** the instruction without quoted text or script, for language detection */
  plain: string;
}
