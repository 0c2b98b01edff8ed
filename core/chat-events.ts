// Turns the upstream agent's ADK event stream into the chat events Reelsmith sends to browsers.
import type { AdkEvent, StreamItem } from "./contract.ts";
import type { Draft } from "./draft.ts";
import { type Change, changeText, diffDrafts } from "./draft-diff.ts";
import {
  type ApiErrorBody,
  apiError,
  type CatalogueContext,
  catalogueFor,
  entryFor,
  type Lang,
} from "./errors.ts";
import { type GuiAction, splitSentences, translateGuiText } from "./gui-text.ts";
import { type NoticeKind, type Say, say } from "./say.ts";
import { summarizeTimeline, type TimelineView, timelineOf } from "./timeline-view.ts";

export type { NoticeKind };
/** What the browser should offer or open: the GUI actions, plus the upload picker for a routed upload request. */
export type ChatAction = GuiAction | "upload";

/**
 * What a chat turn sends. Anything Reelsmith composes carries `say` (or structured `timeline` and `diff`), so a
 * page renders it in its current language; `text`, `summary` and `changes` are the same in the request's
 * language, for API clients. Agent replies are the agent's own words: `text` only.
 */
export type ChatEvent =
  | { type: "status"; text: string; say: Say }
  | { type: "text"; text: string; say?: Say }
  | { type: "notice"; text: string; kind: NoticeKind; say: Say }
  | { type: "state"; summary: string; changes: string[]; timeline: TimelineView; diff: Change[] }
  | { type: "action"; action: ChatAction }
  | ({ type: "error" } & ApiErrorBody["error"])
  | { type: "done" };

export interface ChatOutcome {
  /** every text the user was shown, for the transcript */
  text: string;
  sawTools: boolean;
  sawText: boolean;
  /** events still owed to the browser (text held back from a stream that ended without its aggregate) */
  events: ChatEvent[];
}

export const statusEvent = (s: Say, lang: Lang): Extract<ChatEvent, { type: "status" }> => ({
  type: "status",
  text: say(s, lang),
  say: s,
});

/** Text Reelsmith composed (a recovered edit, a direct answer), with its `say` for re-rendering. */
export const sayEvent = (s: Say, lang: Lang): Extract<ChatEvent, { type: "text" }> => ({
  type: "text",
  text: say(s, lang),
  say: s,
});

export function noticeEvent(s: Extract<Say, { key: "notice" | "preset-changed" }>, lang: Lang) {
  const kind: NoticeKind = s.key === "notice" ? s.notice : s.key;
  return { type: "notice", kind, text: say(s, lang), say: s } satisfies ChatEvent;
}

/** After an edit: the new timeline and what changed, structured and in words. */
export function stateEvent(before: Draft, after: Draft, lang: Lang): Extract<ChatEvent, { type: "state" }> {
  const timeline = timelineOf(after);
  const diff = diffDrafts(before, after);
  return {
    type: "state",
    summary: summarizeTimeline(timeline, lang),
    changes: diff.map((c) => changeText(c, lang)),
    timeline,
    diff,
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

  function status(s: Say): ChatEvent[] {
    const ev = statusEvent(s, lang);
    if (ev.text === lastStatus) return [];
    lastStatus = ev.text;
    return [ev];
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
        out.push(...status({ key: "tool", tool: part.functionCall.name }));
      } else if (part.functionResponse) {
        sawTools = true;
        // Generation is two-stage: the raw video comes first, then the agent adds BGM, titles and effects itself.
        if (part.functionResponse.name === "generate_video") out.push(...status({ key: "stage-two" }));
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
