// Writes a turn's reply in the user's language: exactly what changed and why, or honestly what it can do instead.
import type { Draft } from "../../core/draft.ts";
import { isReady } from "../../core/draft.ts";
import type { Change } from "./changes.ts";
import type { Lang } from "./language.ts";
import type { Note } from "./notes.ts";
import type { ParsedInstruction } from "./ops.ts";
import { en } from "./phrases-en.ts";
import { zh } from "./phrases-zh.ts";

const BOOKS = { en, zh };
const sentences = (lang: Lang, parts: string[]) => parts.filter(Boolean).join(lang === "zh" ? "" : " ");

export function editReply(lang: Lang, changes: Change[], notes: Note[]): string {
  const book = BOOKS[lang];
  const head = changes.length ? book.done(changes.map(book.change)) : notes.length ? "" : book.nothingChanged;
  return sentences(lang, [head, ...new Set(notes.map(book.note))]);
}

export function undoReply(lang: Lang, changes: Change[] | null): string {
  const book = BOOKS[lang];
  return changes ? book.undone(changes.map(book.change)) : book.nothingToUndo;
}

export function needsContentReply(lang: Lang, notes: Note[]): string {
  return sentences(lang, [...notes.map(BOOKS[lang].note), BOOKS[lang].needsContent]);
}

/** A turn with no edit in it: an export request, a question, something unsupported, or words it did not follow. */
export function answerReply(lang: Lang, parsed: ParsedInstruction, draft: Draft): string {
  const book = BOOKS[lang];
  if (parsed.export && !parsed.unsupported.length) {
    return isReady(draft)
      ? book.exportReady({ width: draft.m.width ?? 0, height: draft.m.height ?? 0 }, draft.d)
      : book.needsContent;
  }
  if (parsed.help) return book.capabilities;
  const lead = parsed.unsupported.length ? book.cannot(parsed.unsupported) : book.notUnderstood;
  return sentences(lang, [lead, book.capabilities]);
}
