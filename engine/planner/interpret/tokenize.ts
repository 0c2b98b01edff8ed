// Turns a message into tokens: lexicon concepts (longest match), amounts, quotes, file names, separators and unknown words.
import { LEXICONS } from "../lexicon/index.ts";
import type { Concept, Entry, Lexicon } from "../lexicon/types.ts";
import { type Amount, readAmount } from "./numbers.ts";

interface Span {
  /** offsets into the message as typed (line breaks as \n) */
  start: number;
  end: number;
}
export type ConceptToken = Span & { kind: "concept"; concept: Concept; value?: unknown };
export type Token =
  | ConceptToken
  | (Span & Amount)
  | (Span & { kind: "quote"; text: string })
  | (Span & { kind: "file"; name: string })
  /** `hard`: punctuation or a line break; otherwise a joiner word ("and", 然后) or a space between Chinese words */
  | (Span & { kind: "sep"; hard: boolean })
  | (Span & { kind: "word"; text: string; cjk: boolean });

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_WORD = /[a-z0-9][a-z0-9'’+&-]*/y;
const QUOTE_PAIRS: Record<string, string> = {
  '"': '"',
  "“": "”",
  "「": "」",
  "『": "』",
  "《": "》",
  "‘": "’",
  "'": "'",
};
const HARD_SEP = /[.,;!?。，；！？、\n|]/;
const FILE = /[\p{L}\p{N}_-]+\.(?:jpe?g|png|heic|webp|gif|mp4|mov|m4v|webm|mkv|avi|mp3|wav|m4a|aac)\b/iuy;

/** Latin terms indexed by their first word; CJK terms by their first character. Longest terms first. */
interface Index {
  latin: Map<string, { words: string[]; entry: Entry }[]>;
  /** Latin terms whose first word ends in "*", by that word's stem ("remove*" → "remove") */
  stems: { stem: string; term: { words: string[]; entry: Entry } }[];
  cjk: Map<string, { term: string; notBefore: string; entry: Entry }[]>;
  /** single Latin words of five letters or more, for typo matching */
  fuzzy: { word: string; entry: Entry }[];
  /** words of the languages themselves that are close to a lexicon word ("boring", "while"): never typos */
  realWords: Set<string>;
  joiners: { latin: string[][]; cjk: string[] };
}

function buildIndex(lexicons: Lexicon[]): Index {
  const index: Index = {
    latin: new Map(),
    stems: [],
    cjk: new Map(),
    fuzzy: [],
    realWords: new Set(),
    joiners: { latin: [], cjk: [] },
  };
  const seen = new Set<string>();
  for (const lex of lexicons) {
    for (const entry of lex.entries) {
      const [raw] = entry;
      const [term, notBefore = ""] = raw.toLowerCase().split("!");
      if (seen.has(term)) continue;
      seen.add(term);
      if (CJK.test(term[0])) {
        const list = index.cjk.get(term[0]) ?? [];
        list.push({ term, notBefore, entry });
        index.cjk.set(term[0], list);
      } else {
        const words = term.split(/\s+/);
        const key = words[0].replace(/\*$/, "");
        const list = index.latin.get(key) ?? [];
        list.push({ words, entry });
        index.latin.set(key, list);
        if (words[0].endsWith("*")) index.stems.push({ stem: key, term: { words, entry } });
        const stem = term.replace(/\*$/, "");
        if (words.length === 1 && stem.length >= 5 && /^[a-z]+$/.test(stem))
          index.fuzzy.push({ word: stem, entry });
      }
    }
    for (const w of lex.realWords ?? []) index.realWords.add(w);
    for (const j of lex.joiners) {
      if (CJK.test(j[0])) index.joiners.cjk.push(j);
      else index.joiners.latin.push(j.split(/\s+/));
    }
  }
  for (const list of index.cjk.values()) list.sort((a, b) => b.term.length - a.term.length);
  for (const list of index.latin.values()) list.sort((a, b) => b.words.length - a.words.length);
  index.joiners.cjk.sort((a, b) => b.length - a.length);
  return index;
}

const INDEX = buildIndex(Object.values(LEXICONS));

/** Damerau-Levenshtein distance, at most `max` + 1. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Words of the lower-cased message from `at`, with their end offsets, skipping spaces and hyphens between them. */
function wordsFrom(lower: string, at: number, count: number): { word: string; end: number }[] {
  const out: { word: string; end: number }[] = [];
  let i = at;
  while (out.length < count) {
    LATIN_WORD.lastIndex = i;
    const m = LATIN_WORD.exec(lower);
    if (!m) break;
    out.push({ word: m[0].replace(/’/g, "'"), end: i + m[0].length });
    i += m[0].length;
    const gap = /^[ \t-]+/.exec(lower.slice(i, i + 4));
    if (!gap) break;
    i += gap[0].length;
  }
  return out;
}

const wordMatches = (pattern: string, word: string) =>
  pattern.endsWith("*") ? word.startsWith(pattern.slice(0, -1)) : word === pattern || word === `${pattern}s`;

function latinTerm(lower: string, at: number): { entry: Entry; end: number } | null {
  const words = wordsFrom(lower, at, 6);
  if (!words.length) return null;
  const first = words[0].word;
  const candidates = [
    ...(INDEX.latin.get(first) ?? []),
    ...(INDEX.latin.get(first.replace(/s$/, "")) ?? []),
    ...INDEX.stems.filter((s) => s.stem !== first && first.startsWith(s.stem)).map((s) => s.term),
  ];
  let best: { entry: Entry; end: number } | null = null;
  for (const c of candidates) {
    if (c.words.length > words.length) continue;
    if (!c.words.every((w, i) => wordMatches(w, words[i].word))) continue;
    const end = words[c.words.length - 1].end;
    if (!best || end > best.end) best = { entry: c.entry, end };
  }
  return best;
}

/** The lexicon word a lower-case word is a typo of, if any (a word of the language itself is no typo). */
export function typoOf(
  word: string,
  opts: { ignoreRealWords?: boolean } = {},
): { word: string; entry: Entry } | null {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return null;
  if (!opts.ignoreRealWords && INDEX.realWords.has(word)) return null;
  const max = word.length >= 8 ? 2 : 1;
  // Closest first; among equals, the one that starts like the word and is as long ("yelow" is yellow, not below).
  const score = (w: string, d: number) =>
    d * 4 + (w[0] === word[0] ? 0 : 2) + (w.length === word.length ? 0 : 1);
  let best: { word: string; entry: Entry; score: number } | null = null;
  for (const f of INDEX.fuzzy) {
    const d = distance(word, f.word, max);
    if (d > max) continue;
    const s = score(f.word, d);
    if (!best || s < best.score) best = { word: f.word, entry: f.entry, score: s };
  }
  return best && { word: best.word, entry: best.entry };
}

function cjkTerm(lower: string, at: number): { entry: Entry; end: number } | null {
  for (const c of INDEX.cjk.get(lower[at]) ?? []) {
    if (!lower.startsWith(c.term, at)) continue;
    const next = lower[at + c.term.length] ?? "";
    if (c.notBefore && next && c.notBefore.includes(next)) continue;
    return { entry: c.entry, end: at + c.term.length };
  }
  return null;
}

function quoteAt(text: string, at: number): { text: string; end: number } | null {
  const open = text[at];
  const close = QUOTE_PAIRS[open];
  if (!close) return null;
  // Straight single quotes count only at word edges, so "don't" and "Summer's" stay words.
  if (open === "'" && at > 0 && /[a-z0-9]/i.test(text[at - 1])) return null;
  const end = text.indexOf(close, at + 1);
  if (end < 0 || text.slice(at + 1, end).includes("\n")) return null;
  if (open === "'" && /[a-z0-9]/i.test(text[end + 1] ?? "")) return null;
  const inner = text.slice(at + 1, end).trim();
  return inner ? { text: inner, end: end + 1 } : null;
}

const conceptToken = (entry: Entry, start: number, end: number): ConceptToken => ({
  kind: "concept",
  concept: entry[1],
  ...(entry.length > 2 && { value: entry[2] }),
  start,
  end,
});

/** The longest reading at `at`: a lexicon term, an amount ("三十秒" beats 三), or a joiner ("and", 然后). */
function longest(
  at: number,
  term: { entry: Entry; end: number } | null,
  amount: ReturnType<typeof readAmount>,
  joinerEnd: number | false | undefined | null,
): Token | null {
  const options: Token[] = [];
  if (term) options.push(conceptToken(term.entry, at, term.end));
  if (amount) options.push({ ...amount.amount, start: at, end: at + amount.length } as Token);
  if (joinerEnd) options.push({ kind: "sep", hard: false, start: at, end: joinerEnd });
  return options.sort((a, b) => b.end - a.end)[0] ?? null;
}

/** Line breaks as "\n"; everything else stays as typed, so titles and captions keep the user's punctuation. */
export const normalizeMessage = (message: string) => message.replace(/\r\n?/g, "\n");

/**
 * The form words are matched in: compatibility forms folded one character at a time (ＡＢ１ → ab1, ： → :) and
 * ASCII lower-cased, always to one character, so an offset in it is an offset in what the user typed.
 */
function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const folded = text[i].normalize("NFKC");
    out += folded.length === 1 ? folded : text[i];
  }
  return out.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function tokenize(text: string): Token[] {
  const lower = fold(text);
  const tokens: Token[] = [];
  let i = 0;
  const push = (t: Token) => tokens.push(t);
  while (i < text.length) {
    const ch = lower[i];
    if (ch === " " || ch === "\t") {
      // A space between two Chinese words separates them like a comma would, softly.
      const prev = tokens.at(-1);
      const nextCh = lower.slice(i).trimStart()[0] ?? "";
      if (prev && prev.kind !== "sep" && CJK.test(text[prev.end - 1] ?? "") && CJK.test(nextCh))
        push({ kind: "sep", hard: false, start: i, end: i + 1 });
      i++;
      continue;
    }
    const quote = quoteAt(text, i);
    if (quote) {
      push({ kind: "quote", text: quote.text, start: i, end: quote.end });
      i = quote.end;
      continue;
    }
    if (HARD_SEP.test(ch) && !(ch === "." && /\d/.test(lower[i + 1] ?? ""))) {
      push({ kind: "sep", hard: true, start: i, end: i + 1 });
      i++;
      continue;
    }
    FILE.lastIndex = i;
    const file = (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1])) && FILE.exec(text);
    if (file) {
      push({ kind: "file", name: file[0], start: i, end: i + file[0].length });
      i += file[0].length;
      continue;
    }
    if (CJK.test(ch)) {
      const joiner = INDEX.joiners.cjk.find((j) => lower.startsWith(j, i));
      const term = cjkTerm(lower, i);
      const amount = readAmount(lower, i);
      // The longest reading wins; an amount ("三十秒") beats a single-character concept.
      const best = longest(i, term, amount, joiner ? i + joiner.length : null);
      if (best) {
        push(best);
        i = best.end;
        continue;
      }
      const prev = tokens.at(-1);
      if (prev?.kind === "word" && prev.cjk && prev.end === i) {
        prev.text += text[i];
        prev.end = i + 1;
      } else push({ kind: "word", text: text[i], cjk: true, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (/[a-z0-9]/.test(ch)) {
      const atWordStart = i === 0 || !/[a-z0-9]/.test(lower[i - 1]);
      if (atWordStart) {
        const joiner = INDEX.joiners.latin.find((j) => {
          const w = wordsFrom(lower, i, j.length);
          return w.length === j.length && j.every((x, k) => x === w[k].word);
        });
        const term = latinTerm(lower, i);
        const amount = readAmount(lower, i);
        if (text.startsWith("RED", i) && !/[A-Za-z]/.test(text[i + 3] ?? "")) {
          push({ kind: "concept", concept: "platform", value: "xiaohongshu", start: i, end: i + 3 });
          i += 3;
          continue;
        }
        const joinerEnd = joiner && (wordsFrom(lower, i, joiner.length).at(-1)?.end ?? i);
        const best = longest(i, term, amount, joinerEnd);
        if (best) {
          push(best);
          i = best.end;
          continue;
        }
      }
      LATIN_WORD.lastIndex = i;
      const word = LATIN_WORD.exec(lower)?.[0] ?? ch;
      // Typos are forgiven in lower-case words only: a capitalised word is more likely a name ("Night Market").
      const fuzzy = atWordStart && !/[A-Z]/.test(text[i]) ? typoOf(word)?.entry : null;
      push(
        fuzzy
          ? conceptToken(fuzzy, i, i + word.length)
          : {
              kind: "word",
              text: text.slice(i, i + word.length),
              cjk: false,
              start: i,
              end: i + word.length,
            },
      );
      i += word.length;
      continue;
    }
    i++; // emoji, symbols: nothing to read
  }
  return tokens;
}
