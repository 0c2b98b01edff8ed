// Scripted agent turns: each chat scenario as an async generator of SSE frames.
import { randomUUID } from "node:crypto";
import { type AdkTurn, frame, KEEP_ALIVES } from "./adk.ts";
import type { FakeConfig, Scenario } from "./control-schema.ts";

/** What a scenario may use while it runs. */
export interface ScenarioRun {
  turn: AdkTurn;
  /** the user's message, marker removed */
  text: string;
  zh: boolean;
  config: FakeConfig;
  /** aborted when the client goes away */
  signal: AbortSignal;
  /** resolves after `ms`, or at once when the client has gone */
  sleep(ms: number): Promise<void>;
  /** applies the next deterministic edit to the session's draft; answers what changed */
  edit(): string;
  /** the same edit, `ms` from now (after a drop) */
  editLater(ms: number): void;
  /** destroys the socket mid-stream */
  drop(): void;
}

type Script = (run: ScenarioRun) => AsyncGenerator<string, void>;

const replies = {
  text: (run: ScenarioRun) =>
    run.zh
      ? `收到：“${run.text}”。我可以剪辑片段、添加标题、字幕、背景音乐和转场，告诉我想怎么改。`
      : `Got it: "${run.text}". I can trim clips, add titles, captions, background music and transitions. Tell me what to change.`,
  gui: (run: ScenarioRun) =>
    run.zh
      ? "视频已经准备好了。点击导出按钮即可下载，也可以打开右侧面板在时间线中预览。"
      : "Your video is ready. Click the Export button to download it, or open the panel on the right to preview it in the timeline.",
  edited: (run: ScenarioRun, change: string) => (run.zh ? `已完成：${change}。` : `Done. ${change}.`),
  temporaryIssue: "I encountered a temporary issue. Please try again.",
};

/** A text cut into about `count` equal pieces, as streamed partial chunks. */
function chunks(text: string, count = 4): string[] {
  const size = Math.ceil(text.length / count);
  return Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
    text.slice(i * size, (i + 1) * size),
  );
}

async function* partialReply(run: ScenarioRun, text: string) {
  for (const chunk of chunks(text)) {
    yield frame(run.turn.text(chunk, true));
    await run.sleep(run.config.chunkDelayMs);
  }
  yield frame(run.turn.text(text));
}

/** edit_multitrack call, the edit, its response; answers what changed. */
async function* toolEdit(run: ScenarioRun): AsyncGenerator<string, string> {
  const id = `call_${randomUUID().slice(0, 8)}`;
  yield frame(run.turn.call(id, "edit_multitrack", { instruction: run.text }));
  await run.sleep(run.config.chunkDelayMs);
  const change = run.edit();
  yield frame(run.turn.response(id, "edit_multitrack", { status: "success", result: change }));
  return change;
}

/** Keep-alives in all three forms for `ms` (or until the client leaves). */
async function* keepAlives(run: ScenarioRun, ms: number) {
  const until = Date.now() + ms;
  for (let i = 0; Date.now() < until && !run.signal.aborted; i++) {
    yield KEEP_ALIVES[i % KEEP_ALIVES.length];
    await run.sleep(Math.min(run.config.keepAliveMs, Math.max(0, until - Date.now())));
  }
}

async function* dropMidStream(run: ScenarioRun, editAfterMs?: number) {
  yield frame(run.turn.text(run.zh ? "好的，正在处理" : "On it, working", true));
  yield frame(
    run.turn.call(`call_${randomUUID().slice(0, 8)}`, "edit_multitrack", { instruction: run.text }),
  );
  await run.sleep(run.config.chunkDelayMs);
  if (editAfterMs !== undefined) run.editLater(editAfterMs);
  run.drop();
}

/** Epoch milliseconds with sub-millisecond precision, comparable across processes on one machine. */
const epochMs = () => (performance.timeOrigin + performance.now()).toFixed(3);

/**
 * `longMessages` agent messages, each as partial chunks then its whole text, a keep-alive after each and a tool
 * call every tenth. Each whole text ends "sent at <epoch ms>." (the moment it was written), so a reader can time
 * every event: the relay benchmark reads this turn straight from here and through the Worker.
 */
async function* longReply(run: ScenarioRun) {
  const n = run.config.longMessages;
  for (let i = 1; i <= n; i++) {
    if (i % 10 === 0) {
      const id = `call_${randomUUID().slice(0, 8)}`;
      yield frame(run.turn.call(id, "analyze_media", { part: i }));
      yield frame(run.turn.response(id, "analyze_media", { status: "success" }));
    }
    const text = `Part ${i} of ${n}`;
    for (const chunk of chunks(text, 3)) {
      yield frame(run.turn.text(chunk, true));
      await run.sleep(run.config.chunkDelayMs / 4);
    }
    yield frame(run.turn.text(`${text}, sent at ${epochMs()}.`));
    yield KEEP_ALIVES[i % KEEP_ALIVES.length];
    await run.sleep(run.config.chunkDelayMs);
  }
}

export const SCRIPTS: Record<Scenario, Script> = {
  text: async function* (run) {
    yield frame(run.turn.text(replies.text(run)));
  },
  partial: (run) => partialReply(run, replies.text(run)),
  edit: async function* (run) {
    const change = yield* toolEdit(run);
    yield* partialReply(run, replies.edited(run, change));
  },
  "silent-edit": async function* (run) {
    yield* toolEdit(run);
  },
  gui: (run) => partialReply(run, replies.gui(run)),
  stall: (run) => keepAlives(run, run.config.stallMaxMs),
  drop: (run) => dropMidStream(run),
  "drop-edit": (run) => dropMidStream(run, run.config.dropEditDelayMs),
  "error-code": async function* (run) {
    yield frame(run.turn.error("INTERNAL_ERROR", "The agent could not complete the request"));
  },
  "error-data": async function* () {
    yield frame({ error: "Internal server error" });
  },
  "temporary-issue": async function* (run) {
    yield* partialReply(run, replies.text(run));
    await run.sleep(run.config.chunkDelayMs);
    yield frame(run.turn.text(replies.temporaryIssue));
  },
  long: longReply,
  slow: async function* (run) {
    yield* keepAlives(run, run.config.slowReplyMs);
    yield* partialReply(run, replies.text(run));
  },
};
