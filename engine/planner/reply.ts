// Writes a turn's reply in the user's language: what history steps did, what changed, and every part not carried out.
import type { Change } from "./changes.ts";
import type { Lang } from "./language.ts";
import type { Note } from "./notes.ts";
import { en } from "./phrases-en.ts";
import { zh } from "./phrases-zh.ts";

const BOOKS = { en, zh };

export interface HistoryStep {
  kind: "undo" | "redo" | "revert";
  steps: number;
  target?: string;
  changes: Change[];
}

/** Everything a turn did or declined, for the reply to account for. */
export interface TurnReport {
  history: HistoryStep[];
  changes: Change[];
  notes: Note[];
  /** no media and no script to build from */
  needsContent: boolean;
  /** the message asked what Reelsmith can do, or nothing in it could be done */
  capabilities: boolean;
  /** nothing in the message could be carried out or declined */
  nothingUnderstood: boolean;
  /** only thanks or greetings */
  chatOnly: boolean;
}

export function writeReply(lang: Lang, r: TurnReport): string {
  const book = BOOKS[lang];
  const said = (changes: Change[]) => changes.map(book.change).filter(Boolean);
  const parts: string[] = r.history.map((h) =>
    h.kind === "undo"
      ? book.undone(h.steps, said(h.changes))
      : h.kind === "redo"
        ? book.redone(h.steps, said(h.changes))
        : book.reverted(h.target ?? "all", said(h.changes)),
  );
  const already = r.notes
    .filter((n) => n.kind === "already")
    .map(book.note)
    .filter(Boolean);
  const others = r.notes.filter((n) => n.kind !== "already").map(book.note);
  if (r.changes.length) parts.push(book.done(said(r.changes)));
  const onlyAlready = !r.changes.length && !r.history.length && already.length > 0;
  parts.push(...(onlyAlready ? [book.nothingChanged([...new Set(already)])] : already));
  parts.push(...others);
  if (r.needsContent) parts.push(book.needsContent);
  if (r.nothingUnderstood) parts.push(book.notUnderstood);
  if (r.capabilities) parts.push(book.capabilities);
  if (r.chatOnly && !parts.length) parts.push(book.chat);
  // Edits that cancel each other out ("quieter … louder") leave the video as it was: say so.
  if (!parts.some(Boolean)) parts.push(book.nothingChanged([]));
  return [...new Set(parts.filter(Boolean))].join(lang === "zh" ? "" : " ");
}
