// Turns the upstream agent's ADK event stream into the chat events Reelsmith sends to browsers.
import type { AdkEvent, StreamItem } from "./contract.ts";
import type { Draft } from "./draft.ts";
import {
  apiError,
  type CatalogueContext,
  catalogueFor,
  type ErrorAction,
  entryFor,
  type Lang,
} from "./errors.ts";
import { type GuiAction, splitSentences, translateGuiText } from "./gui-text.ts";
import { describeDraftChange, summarizeDraft } from "./timeline-summary.ts";

export type NoticeKind = "still-working" | "recovering" | "session-reset";
/** What the browser should offer or open: the GUI actions, plus the upload picker for a routed upload request. */
export type ChatAction = GuiAction | "upload";

export type ChatEvent =
  | { type: "status"; text: string }
  | { type: "text"; text: string }
  | { type: "notice"; text: string; kind: NoticeKind }
  | { type: "state"; summary: string; changes: string[] }
  | { type: "action"; action: ChatAction }
  | { type: "error"; code: string; message: string; hint: string; action?: ErrorAction }
  | { type: "done" };

export interface ChatOutcome {
  /** every text the user was shown, for the transcript */
  text: string;
  sawTools: boolean;
  sawText: boolean;
  /** events still owed to the browser (text held back from a stream that ended without its aggregate) */
  events: ChatEvent[];
}

const STATUS: Record<Lang, Record<"video" | "music" | "edit" | "analysis" | "stageTwo", string>> = {
  en: {
    video: "Generating video…",
    music: "Composing music…",
    edit: "Editing the timeline…",
    analysis: "Analyzing your media…",
    stageTwo: "Raw video ready, now adding music, titles and effects…",
  },
  zh: {
    video: "正在生成视频…",
    music: "正在创作音乐…",
    edit: "正在编辑时间线…",
    analysis: "正在分析你的素材…",
    stageTwo: "原始视频已生成，正在自动添加音乐、标题和特效…",
  },
};

const NOTICES: Record<Lang, Record<NoticeKind, string>> = {
  en: {
    "still-working": "Still working… generating can take a few minutes.",
    recovering: "The connection to the editor dropped. Checking what changed…",
    "session-reset":
      "Your editing session expired, so a new one was started. The earlier edit history is gone.",
  },
  zh: {
    "still-working": "仍在处理中…生成可能需要几分钟。",
    recovering: "与编辑器的连接中断了，正在检查已完成的修改…",
    "session-reset": "编辑会话已过期，已为你开启新会话，之前的编辑记录已无法恢复。",
  },
};

const ANALYSIS_TOOL = /analy[sz]|understand|detect|recogni[sz]|transcri|inspect|probe/i;

/** What the agent is doing, in words, from the tool it called. */
export function toolStatus(name: string, lang: Lang): string {
  const s = STATUS[lang];
  if (name === "generate_video") return s.video;
  if (name === "generate_music") return s.music;
  if (name === "edit_multitrack") return s.edit;
  if (ANALYSIS_TOOL.test(name)) return s.analysis;
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return lang === "zh" ? `正在执行：${words}…` : `${words.charAt(0).toUpperCase()}${words.slice(1)}…`;
}

export function noticeEvent(kind: NoticeKind, lang: Lang): Extract<ChatEvent, { type: "notice" }> {
  return { type: "notice", kind, text: NOTICES[lang][kind] };
}

/** After an edit that ended without text: the new summary and what changed. */
export function stateEvent(before: Draft, after: Draft, lang: Lang): Extract<ChatEvent, { type: "state" }> {
  return {
    type: "state",
    summary: summarizeDraft(after, lang),
    changes: describeDraftChange(before, after, lang),
  };
}

const TEMPORARY_ISSUE =
  /^\s*(?:sorry,?\s*)?(?:but\s+)?i(?:'ve| have)? (?:encountered|ran into|hit|experienced) (?:a |some )?temporary (?:issue|problem|error)|^\s*(?:抱歉|不好意思)?[，,]?\s*我?(?:遇到|碰到|出现)了?(?:一个|一些)?(?:临时|暂时)性?的?(?:问题|故障|错误)/i;

/** What may follow the temporary-issue sentence: "Please try again (later)." / "请稍后再试。" */
const RETRY_ADVICE =
  /^\s*(?:please\s+)?try again(?: later| shortly| in a moment)?[.!]?\s*$|^\s*请?稍后(?:再试|重试)[。！]?\s*$/i;

/**
 * The agent often closes a normal reply with "I encountered a temporary issue…" although the work succeeded:
 * drop those trailing sentences. Alone and with nothing before it, the sentence is the only news, so it stays.
 */
function withoutTemporaryIssue(text: string, hadReply: boolean): string {
  const sentences = splitSentences(text);
  let end = sentences.length;
  let found = false;
  for (; end > 0; end--) {
    const sentence = sentences[end - 1];
    if (TEMPORARY_ISSUE.test(sentence)) found = true;
    else if (!RETRY_ADVICE.test(sentence) && sentence.trim()) break;
  }
  if (!found) return text;
  if (end === 0) return hadReply ? "" : text;
  return sentences.slice(0, end).join("").trim();
}

function errorEvent(
  item: Extract<StreamItem, { kind: "error" }>,
  lang: Lang,
  ctx: CatalogueContext,
): ChatEvent {
  const code = Number(item.code);
  const entry =
    Number.isInteger(code) && item.code !== "" ? catalogueFor(code, ctx) : entryFor("upstream_unavailable");
  return { type: "error", ...apiError(entry, lang).error };
}

const textOf = (event: AdkEvent) =>
  event.content?.role === "user" ? "" : (event.content?.parts ?? []).map((p) => p.text ?? "").join("");

/**
 * Normalizes one agent run. Text is sent once per agent message, never as streamed deltas: `partial` chunks
 * are held back and the aggregate that follows them is what the user sees, because GUI instructions
 * ("click Export") can only be recognized, stripped and turned into actions in a whole sentence, and a
 * streamed chunk cannot be taken back. Without streaming the aggregate is all that arrives, so both cases
 * read the same.
 */
export function createChatNormalizer(lang: Lang, ctx: CatalogueContext = {}) {
  let held = "";
  const shown: string[] = [];
  const actionsSent = new Set<GuiAction>();
  let sawTools = false;
  let lastStatus = "";

  function status(text: string): ChatEvent[] {
    if (text === lastStatus) return [];
    lastStatus = text;
    return [{ type: "status", text }];
  }

  function say(raw: string): ChatEvent[] {
    const cleaned = withoutTemporaryIssue(raw, shown.length > 0 || sawTools);
    if (!cleaned.trim()) return [];
    const { text, actions } = translateGuiText(cleaned);
    const out: ChatEvent[] = [];
    if (text && text !== shown.at(-1)) {
      shown.push(text);
      out.push({ type: "text", text });
    }
    for (const action of actions.filter((a) => !actionsSent.has(a))) {
      actionsSent.add(action);
      out.push({ type: "action", action });
    }
    return out;
  }

  function fromEvent(event: AdkEvent): ChatEvent[] {
    if (event.partial) {
      held += textOf(event);
      return [];
    }
    // The aggregate repeats the held chunks; an event without text after chunks means no aggregate is coming.
    const text = textOf(event) || held;
    held = "";
    const out: ChatEvent[] = [];
    for (const part of event.content?.parts ?? []) {
      if (part.functionCall) {
        sawTools = true;
        out.push(...status(toolStatus(part.functionCall.name, lang)));
      } else if (part.functionResponse) {
        sawTools = true;
        // Generation is two-stage: the raw video comes first, then the agent adds BGM, titles and effects itself.
        if (part.functionResponse.name === "generate_video") out.push(...status(STATUS[lang].stageTwo));
      }
    }
    return text ? [...say(text), ...out] : out;
  }

  return {
    push(item: StreamItem): ChatEvent[] {
      if (item.kind === "event") return fromEvent(item.event);
      if (item.kind === "error") return [errorEvent(item, lang, ctx)];
      return [];
    },
    finish(): ChatOutcome {
      const events = held ? say(held) : [];
      held = "";
      return { text: shown.join("\n\n"), sawTools, sawText: shown.length > 0, events };
    },
  };
}

export type ChatNormalizer = ReturnType<typeof createChatNormalizer>;
