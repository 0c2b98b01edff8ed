// planTurn: one chat turn of the local engine — parse the message, edit or undo the draft, and say what changed.
import type { PlanInput, PlanResult } from "../types.ts";
import { applyEdits } from "./apply-edits.ts";
import { defaultDurationMs, needsBuild, withMedia } from "./build-draft.ts";
import { diffDrafts, toolArgs } from "./changes.ts";
import { detectLanguage, type Lang } from "./language.ts";
import { layoutDraft } from "./layout.ts";
import type { Note } from "./notes.ts";
import type { ParsedInstruction } from "./ops.ts";
import { parseInstruction } from "./parse-instruction.ts";
import { readSpec } from "./read-spec.ts";
import { answerReply, editReply, needsContentReply, undoReply } from "./reply.ts";
import { hasContent } from "./spec.ts";

const TOOL = "edit_multitrack";
const unchanged = (input: PlanInput, reply: string): PlanResult => ({
  draft: input.draft,
  reply,
  tool: null,
  changed: false,
});

function undoTurn(input: PlanInput, lang: Lang): PlanResult {
  const previous = input.history.at(-1);
  if (!previous) return unchanged(input, undoReply(lang, null));
  const changes = diffDrafts(input.draft, previous, input.media);
  return {
    draft: previous,
    reply: undoReply(lang, changes),
    tool: { name: TOOL, args: { undo: true, ...toolArgs(changes) } },
    changed: true,
    undo: true,
  };
}

function editTurn(input: PlanInput, parsed: ParsedInstruction, lang: Lang): PlanResult {
  const before = readSpec(input.draft, input.media, input.presetId);
  const start = needsBuild(before, input.media, parsed.create) ? withMedia(before, input.media) : before;
  const { spec: edited, notes } = applyEdits(start, parsed.ops, {
    media: input.media,
    lang,
    topic: parsed.topic,
  });
  const extra: Note[] = parsed.unsupported.length ? [{ kind: "unsupported", items: parsed.unsupported }] : [];
  if (!hasContent(edited)) return unchanged(input, needsContentReply(lang, extra));
  if (parsed.mentionsScript && !parsed.ops.some((op) => op.op === "script" || op.op === "captions")) {
    notes.push({ kind: "needsScript" });
  }
  const spec = edited.durationMs ? edited : { ...edited, durationMs: defaultDurationMs(edited) };
  const draft = layoutDraft(spec);
  const asked = parsed.ops.some((op) => op.op === "duration");
  if (asked && draft.d < spec.durationMs) {
    notes.push({ kind: "clipsShort", requestedMs: spec.durationMs, endMs: draft.d });
  }
  notes.push(...extra);
  const changes = diffDrafts(input.draft, draft, input.media);
  // Media URLs can change host between engine runs; a turn that only refreshes them changed nothing the user sees.
  if (!changes.length) return unchanged(input, editReply(lang, [], notes));
  return {
    draft,
    reply: editReply(lang, changes, notes),
    tool: { name: TOOL, args: toolArgs(changes) },
    changed: true,
  };
}

export function planTurn(input: PlanInput): PlanResult {
  const parsed = parseInstruction(input.instruction);
  // A message that is only quoted text or a script is answered in the language of that text.
  const lang = detectLanguage(/[a-z\u3400-\u9fff]/i.test(parsed.plain) ? parsed.plain : input.instruction);
  if (parsed.undo) return undoTurn(input, lang);
  const edits = parsed.ops.length > 0 || (parsed.create && !parsed.unsupported.length);
  return edits ? editTurn(input, parsed, lang) : unchanged(input, answerReply(lang, parsed, input.draft));
}
