// The concepts a creator's words map to; each language's lexicon file lists its words for them.
import type { MusicMood, TextPosition, TextStyleName, TransitionKind } from "../../../core/draft.ts";
import type { Unsupported } from "../../../core/edit-commands.ts";

export type Concept =
  // verbs
  | "add"
  | "remove"
  | "keep"
  | "mute"
  | "change"
  | "move"
  | "swap"
  | "reverse"
  | "only"
  | "trim"
  | "undo"
  | "redo"
  | "revert"
  | "export"
  | "create"
  | "compress"
  | "help"
  /** "don't", 别: negates the verb after it */
  | "neg"
  /** "no", "without", 不要 + noun: the thing should not be there */
  | "without"
  // what an edit is about
  | "title"
  | "captions"
  | "overlays"
  | "text"
  | "cards"
  | "music"
  | "sourceSound"
  | "volume"
  | "transition"
  | "shot"
  | "photo"
  | "clip"
  | "video"
  | "order"
  | "length"
  | "fileSize"
  | "canvas"
  | "script"
  // amounts and directions
  | "bigger"
  | "smaller"
  | "louder"
  | "quieter"
  | "longer"
  /** as long as the user's song */
  | "songLength"
  /** "I don't like the transitions", 不喜欢这个音乐: another one */
  | "dislike"
  | "shorter"
  | "faster"
  | "slower"
  | "up"
  | "down"
  | "too"
  | "slightly"
  | "much"
  | "more"
  | "per"
  | "all"
  | "start"
  | "end"
  | "from"
  | "to"
  | "between"
  | "instead"
  | "back"
  | "original"
  | "mine"
  | "builtIn"
  | "different"
  | "about"
  | "naming"
  | "chat"
  | "then"
  // values
  | "platform"
  | "aspect"
  | "resolution"
  | "position"
  | "color"
  | "style"
  | "mood"
  | "transitionKind"
  | "unsupported";

/** What an edit can be about, by kind; readers ask "is this clause about text?" through these. */
export const SUBJECTS = {
  text: ["title", "captions", "overlays", "text", "cards"],
  sound: ["music", "sourceSound", "volume"],
  shots: ["shot", "photo", "clip"],
  other: ["transition", "video", "order", "length", "fileSize", "canvas", "script"],
} as const satisfies Record<string, readonly Concept[]>;

export interface ConceptValues {
  platform: string;
  aspect: { w: number; h: number } | "source";
  resolution: number;
  position: TextPosition;
  color: string;
  style: TextStyleName;
  mood: MusicMood;
  transitionKind: TransitionKind;
  unsupported: Unsupported;
}

/** One word or phrase and the concept it stands for; `value` for concepts that carry one (a colour's hex …). */
export type Entry = {
  [C in Concept]: C extends keyof ConceptValues
    ? [term: string, concept: C, value: ConceptValues[C]]
    : [term: string, concept: C];
}[Concept];

export interface Lexicon {
  /** words and phrases; Latin terms match whole words (a trailing "*" matches any ending), others anywhere */
  entries: Entry[];
  /** words that split a message into clauses ("and", "then", 然后) besides punctuation */
  joiners: string[];
  /** number words: "twelve" → 12 (Latin) or numerals read by the language's own rule */
  numberWords?: Record<string, number>;
  /** ordinal words: "third" → 3, "last" → -1 */
  ordinals?: Record<string, number>;
  /** words of the language close to one of its terms ("boring" ~ bring, "while" ~ white): never read as typos */
  realWords?: readonly string[];
}
