// Picks the reply language from the instruction: Chinese when CJK characters are at least as many as Latin words.

export type Lang = "en" | "zh";

export function detectLanguage(text: string): Lang {
  const cjk = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const words = text.match(/[a-z]+/gi)?.length ?? 0;
  return cjk > 0 && cjk >= words ? "zh" : "en";
}
