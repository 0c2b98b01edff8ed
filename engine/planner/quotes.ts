// Finds quoted text ("…", “…”, 「…」, 『…』, 《…》, '…') with what precedes each quote, and the message without them.

export interface Quote {
  text: string;
  /** the characters just before the opening mark, where labels such as "title" or 标题 sit */
  before: string;
}

// Single quotes count only at word edges, so apostrophes in "don't" or "Summer's" are left alone.
const QUOTE =
  /"([^"\n]+)"|“([^”\n]+)”|「([^」\n]+)」|『([^』\n]+)』|《([^》\n]+)》|(?<=^|[\s:：(（,，])'([^'\n]+)'(?=$|[\s,.!?;:，。！？；：)）])/g;

/** Marks where a quote was, so words on either side do not run together. */
export const QUOTE_MARK = "¶";

export function extractQuotes(text: string): { quotes: Quote[]; rest: string } {
  const quotes: Quote[] = [];
  let rest = "";
  let last = 0;
  for (const m of text.matchAll(QUOTE)) {
    const inner = m.slice(1).find((g) => g !== undefined) ?? "";
    if (inner.trim())
      quotes.push({ text: inner.trim(), before: text.slice(Math.max(0, m.index - 24), m.index) });
    rest += `${text.slice(last, m.index)} ${QUOTE_MARK} `;
    last = m.index + m[0].length;
  }
  return { quotes, rest: rest + text.slice(last) };
}
