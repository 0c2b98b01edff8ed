// The lexicons together, and reverse lookups replies need (a colour's name from its hex).
import { en } from "./en.ts";
import type { Lexicon } from "./types.ts";
import { zh } from "./zh.ts";

export const LEXICONS: Record<"en" | "zh", Lexicon> = { en, zh };

/** "#FF3B30" → "red" / "红色": the first word the language's lexicon has for that colour. */
export function colorName(hex: string, lang: "en" | "zh"): string {
  const entry = LEXICONS[lang].entries.find((e) => e[1] === "color" && e[2] === hex);
  return entry?.[0] ?? hex;
}
