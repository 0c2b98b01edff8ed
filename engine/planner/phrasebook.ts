// The sentences a reply is made of, one phrasebook per language.
import type { Change } from "./changes.ts";
import type { Note } from "./notes.ts";
import type { Unsupported } from "./ops.ts";

export interface Phrasebook {
  change(c: Change): string;
  note(n: Note): string;
  done(changes: string[]): string;
  undone(changes: string[]): string;
  nothingChanged: string;
  nothingToUndo: string;
  /** no media and no script: nothing to build from */
  needsContent: string;
  capabilities: string;
  cannot(items: Unsupported[]): string;
  notUnderstood: string;
  exportReady(canvas: { width: number; height: number }, ms: number): string;
}

/** 10 s, 3.3 s: tenths only when they matter. */
export const seconds = (ms: number) => String(Math.round(ms / 100) / 10);
export const percent = (v: number) => `${Math.round(v * 100)}%`;
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
