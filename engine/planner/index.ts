// planTurn: one chat turn of the local engine — interpret the message, step through history, edit, and say what happened.
import { type Draft, isReady } from "../../core/draft.ts";
import {
  allCommands,
  type CommandName,
  type EditCommand,
  type Interpretation,
} from "../../core/edit-commands.ts";
import { summarizeDraft } from "../../core/timeline-view.ts";
import type { PlanInput, PlanResult } from "../types.ts";
import { naturalDurationMs, needsBuild, withLook, withMedia } from "./build-draft.ts";
import { type Change, diffDrafts, toolArgs } from "./changes.ts";
import { applyCommands, type EditContext } from "./edit/apply.ts";
import { redo, reverted, type Timeline, undo } from "./edit/history.ts";
import { interpret } from "./interpret/index.ts";
import { splitScript } from "./interpret/script.ts";
import { normalizeMessage } from "./interpret/tokenize.ts";
import { detectLanguage, type Lang } from "./language.ts";
import { layoutDraft } from "./layout.ts";
import type { ModelInterpreter } from "./model-interpreter.ts";
import type { Note } from "./notes.ts";
import { readSpec } from "./read-spec.ts";
import { type HistoryStep, writeReply } from "./reply.ts";
import { hasContent } from "./spec.ts";

const TOOL = "edit_multitrack";
const HISTORY_LIMIT = 50;
/** Commands about the turn, not the draft: history steps, the export after the edits, making the video at all. */
const NOT_EDITS = new Set<CommandName>(["undo", "redo", "revert", "export", "create"]);
/** Which changes show a command took effect, so it is not also reported as "already so". */
const SHOWN_BY: Partial<Record<CommandName, Change["kind"][]>> = {
  canvas: ["canvas"],
  length: ["duration"],
  shotLength: ["shots", "duration"],
  moveShot: ["order", "shots"],
  swapShots: ["order", "shots"],
  reverseShots: ["order", "shots"],
  keepShots: ["shots", "order"],
  removeShots: ["shots", "order"],
  trim: ["trim", "shots", "duration"],
  transition: ["transition"],
  noTransitions: ["transition"],
  title: ["text"],
  overlays: ["text"],
  captions: ["text"],
  textStyle: ["textStyle"],
  music: ["music"],
  musicVolume: ["music", "clipAudio"],
  removeMusic: ["music"],
  sourceSound: ["clipAudio"],
  budget: ["budget"],
  noBudget: ["budget"],
};

/** The reply's language: the instruction's, not that of quoted words or a pasted script. */
function replyLanguage(message: string): Lang {
  const { instruction } = splitScript(normalizeMessage(message));
  const plain = instruction.replace(/"[^"]*"|“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|'[^']*'/g, " ");
  return detectLanguage(/[a-z\u3400-\u9fff]/i.test(plain) ? plain : message);
}

interface Edited {
  draft?: Draft;
  changes: Change[];
  notes: Note[];
  needsContent: boolean;
}

function editTurn(
  draft: Draft,
  edits: EditCommand[],
  create: Extract<EditCommand, { cmd: "create" }> | undefined,
  input: PlanInput,
  lang: Lang,
): Edited {
  const ctx: EditContext = { media: input.media, lang, ...(create?.topic && { topic: create.topic }) };
  const notes: Note[] = [];
  const before = readSpec(draft, input.media, input.presetId);
  // A platform named in the message sets the look a first build starts from ("make a TikTok from these").
  const named = edits.findLast((c) => c.cmd === "canvas" && c.preset);
  const preset = named?.cmd === "canvas" && named.preset ? named.preset : before.preset;
  const start = needsBuild(before, input.media, !!create)
    ? withMedia({ ...before, preset }, ctx, notes)
    : before;
  const applied = applyCommands(start, edits, ctx);
  notes.push(...applied.notes);
  let spec = applied.spec;
  // A first set of cards from a script takes the preset's look too (music when it promises music).
  if (!before.visuals.length && !before.cards && spec.cards && !spec.visuals.length)
    spec = withLook(spec, ctx, notes);
  if (!hasContent(spec)) return { changes: [], notes, needsContent: true };
  const project = input.presetId;
  if (project && spec.preset !== project && spec.preset !== before.preset)
    notes.push({ kind: "platformSwitched", from: project, to: spec.preset });
  if (!spec.lengthFixed) spec = { ...spec, durationMs: naturalDurationMs(spec) };
  const next = layoutDraft(spec);
  if (edits.some((c) => c.cmd === "length") && next.d < spec.durationMs)
    notes.push({ kind: "clipsShort", requestedMs: spec.durationMs, endMs: next.d });
  const changes = diffDrafts(draft, next, input.media);
  const shown = new Set(changes.map((c) => c.kind));
  const kept = notes.filter(
    (n) => n.kind !== "already" || !(SHOWN_BY[n.cmd] ?? []).some((k) => shown.has(k)),
  );
  return { draft: next, changes, notes: kept, needsContent: false };
}

/** Plans one turn from an interpretation (the deterministic one unless a model's is given). */
export function planTurn(
  input: PlanInput,
  meaning: Interpretation = interpret(input.instruction),
): PlanResult {
  const lang = replyLanguage(input.instruction);
  const commands = allCommands(meaning);
  let t: Timeline = { draft: input.draft, past: input.history, future: input.future ?? [] };
  const history: HistoryStep[] = [];
  const notes: Note[] = [];
  const step = (kind: HistoryStep["kind"], next: Timeline, steps = 1, target?: string) => {
    history.push({
      kind,
      steps,
      ...(target && { target }),
      changes: diffDrafts(t.draft, next.draft, input.media),
    });
    t = next;
  };
  for (const cmd of commands) {
    if (cmd.cmd === "undo") {
      const next = undo(t, cmd.steps);
      if (next) step("undo", next, Math.min(cmd.steps, t.past.length));
      else notes.push({ kind: "nothingToUndo" });
    } else if (cmd.cmd === "redo") {
      const next = redo(t, cmd.steps);
      if (next) step("redo", next, Math.min(cmd.steps, t.future.length));
      else notes.push({ kind: "nothingToRedo" });
    } else if (cmd.cmd === "revert") {
      const draft = reverted(t, cmd.target, input.media);
      if (draft)
        step(
          "revert",
          { draft, past: [...t.past, t.draft].slice(-HISTORY_LIMIT), future: [] },
          1,
          cmd.target,
        );
      else notes.push({ kind: "nothingToRevert", target: cmd.target });
    }
  }

  const edits = commands.filter((c) => !NOT_EDITS.has(c.cmd));
  const unsupported = meaning.clauses.flatMap((c) => c.unsupported ?? []);
  let changes: Change[] = [];
  let needsContent = false;
  const create = commands.find((c) => c.cmd === "create");
  if (edits.length || (create && !unsupported.length)) {
    const edited = editTurn(t.draft, edits, create, input, lang);
    notes.push(...edited.notes);
    needsContent = edited.needsContent;
    if (edited.draft && edited.changes.length) {
      t = { draft: edited.draft, past: [...t.past, t.draft].slice(-HISTORY_LIMIT), future: [] };
      changes = edited.changes;
    }
  }
  const exporting = commands.some((c) => c.cmd === "export");
  if (exporting) {
    if (isReady(t.draft))
      notes.push({
        kind: "exportNext",
        width: t.draft.m.width ?? 0,
        height: t.draft.m.height ?? 0,
        ms: t.draft.d,
      });
    else needsContent = true;
  }
  if (meaning.wantsScript && !edits.some((c) => c.cmd === "captions")) notes.push({ kind: "needsScript" });
  if (unsupported.length)
    notes.push({ kind: "unsupported", items: [...new Map(unsupported.map((u) => [u.en, u])).values()] });
  const unclear = meaning.clauses.filter((c) => c.outcome === "unclear").map((c) => c.text);
  if (unclear.length) notes.push({ kind: "unclear", texts: unclear });

  const acted = commands.length > 0 || unsupported.length > 0;
  const chatOnly = meaning.clauses.length > 0 && meaning.clauses.every((c) => c.outcome === "chat");
  const reply = writeReply(lang, {
    history,
    changes,
    notes,
    needsContent,
    capabilities: meaning.help || (!acted && !chatOnly),
    nothingUnderstood: !acted && !chatOnly && !meaning.help && !unclear.length,
    chatOnly,
  });
  const everything = [...history.flatMap((h) => h.changes), ...changes];
  const changed = history.length > 0 || changes.length > 0;
  const historyArgs = Object.fromEntries(history.map((h) => [h.kind, h.target ?? h.steps]));
  return {
    draft: t.draft,
    history: t.past,
    future: t.future,
    reply,
    tool: changed ? { name: TOOL, args: { ...historyArgs, ...toolArgs(everything) } } : null,
    changed,
    exportRequested: exporting && isReady(t.draft),
  };
}

/** Plans a turn with the model's reading of the message when a model is configured and answers well, else the rules'. */
export async function planMessage(input: PlanInput, model?: ModelInterpreter): Promise<PlanResult> {
  const context = {
    ...(input.presetId && { preset: input.presetId }),
    media: input.media.map((m) => ({ name: m.filename, kind: m.kind })),
    timeline: summarizeDraft(input.draft),
  };
  const meaning = model ? await model(input.instruction, context) : null;
  return planTurn(input, meaning ?? interpret(input.instruction));
}
