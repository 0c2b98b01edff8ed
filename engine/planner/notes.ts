// What a reply says besides the changes: where a suggested title came from, limits hit, things it could not do.
import type { Unsupported } from "./ops.ts";

export type Note =
  | { kind: "titleSource"; source: "topic" | "file" | "default"; text: string; file?: string }
  /** captions or a script were asked for but no script text came with the message */
  | { kind: "needsScript" }
  /** an edit to something the video does not have */
  | { kind: "nothingTo"; what: "music" | "text" | "transitions" | "budget" }
  | { kind: "durationCapped"; maxMs: number; preset: string }
  /** the clips are shorter than the length asked for */
  | { kind: "clipsShort"; requestedMs: number; endMs: number }
  /** transitions wait for a second shot */
  | { kind: "singleShot" }
  | { kind: "unsupported"; items: Unsupported[] };
