// Typos are forgiven, but a word of the language is never taken for a typo of a lexicon term.
import { describe, expect, it } from "vitest";
import { normalizeMessage, tokenize } from "../../engine/planner/interpret/tokenize.ts";

const conceptOf = (word: string) => {
  const [token] = tokenize(normalizeMessage(word));
  return token?.kind === "concept" ? token.concept : null;
};

describe("typo reading", () => {
  it("reads misspelt terms as the terms", () => {
    expect(["titel", "yelow", "musik", "transtion", "quiter"].map(conceptOf)).toEqual([
      "title",
      "color",
      "music",
      "transition",
      "quieter",
    ]);
  });

  it("leaves words of their own alone (boring is not bring, while is not white, market is not marker)", () => {
    for (const word of ["boring", "while", "market", "found", "expert", "being", "chance", "walking"])
      expect(conceptOf(word), word).toBeNull();
  });
});
