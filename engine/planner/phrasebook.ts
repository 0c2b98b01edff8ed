// The sentences a reply is made of, one phrasebook per language.
import type { CommandName, Unsupported } from "../../core/edit-commands.ts";
import type { Change } from "./changes.ts";
import type { Note } from "./notes.ts";

export interface Phrasebook {
  change(c: Change): string;
  note(n: Note): string;
  /** a command that changed nothing because the video already is that way */
  already(cmd: CommandName): string;
  done(changes: string[]): string;
  undone(steps: number, changes: string[]): string;
  redone(steps: number, changes: string[]): string;
  reverted(target: string, changes: string[]): string;
  /** every command in the message was already true of the video */
  nothingChanged(already: string[]): string;
  /** no media and no script: nothing to build from */
  needsContent: string;
  capabilities: string;
  cannot(items: Unsupported[]): string;
  /** nothing in the message could be carried out */
  notUnderstood: string;
  /** thanks, greetings: nothing to do */
  chat: string;
  exportReady(canvas: { width: number; height: number }, ms: number): string;
}

export { percent, seconds } from "../../core/timeline-view.ts";
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
