// Helpers that build lexicon entries from "a|b|c" term lists: plain words, words carrying a value, declined features.
import type { Unsupported } from "../../../core/edit-commands.ts";
import type { Concept, ConceptValues, Entry } from "./types.ts";

type Plain = Exclude<Concept, keyof ConceptValues>;
const terms = (list: string) => list.split("|").map((t) => t.trim());

export const words = (concept: Plain, list: string): Entry[] => terms(list).map((t) => [t, concept] as Entry);

export const valued = <C extends keyof ConceptValues>(
  concept: C,
  value: ConceptValues[C],
  list: string,
): Entry[] => terms(list).map((t) => [t, concept, value] as Entry);

/** A feature Reelsmith declines, with what it can do instead; the same record in every language's lexicon. */
export const unsupported = (feature: Unsupported, list: string): Entry[] =>
  valued("unsupported", feature, list);
