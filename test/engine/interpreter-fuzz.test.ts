// Random and hostile messages: the planner always answers, within a second, with commands that fit the schema.
import { describe, expect, it } from "vitest";
import { emptyDraft } from "../../core/draft.ts";
import { Interpretation } from "../../core/edit-commands.ts";
import { planTurn } from "../../engine/planner/index.ts";
import { interpret } from "../../engine/planner/interpret/index.ts";
import { en } from "../../engine/planner/lexicon/en.ts";
import { zh } from "../../engine/planner/lexicon/zh.ts";
import { converse, MEDIA } from "./phrases/fixtures.ts";

/** A small seeded generator, so a failure names a message that can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TERMS = [...en.entries, ...zh.entries].map((e) => e[0].replace(/[*!].*$/, ""));
const PIECES = [
  ...TERMS,
  "0:05",
  "9:16",
  "1080x1920",
  "3.5",
  "-7",
  "１２",
  "百分之",
  "第",
  "倒数第",
  "最后一张",
  '"',
  "“",
  "」",
  "'",
  ":",
  "：",
  "\n",
  ",",
  "。",
  "、",
  "🔥",
  "👩‍👩‍👧",
  "\u0000",
  "\u202e",
  "\ud800",
  "e\u0301",
  " ",
  "   ",
];

function randomMessage(next: () => number): string {
  const n = Math.floor(next() * 30) + 1;
  return Array.from({ length: n }, () => PIECES[Math.floor(next() * PIECES.length)]).join(
    next() < 0.5 ? " " : "",
  );
}

const HOSTILE = [
  "",
  " ",
  "a".repeat(100_000),
  "and ".repeat(5000),
  "1:".repeat(10_000),
  "9:16 ".repeat(3000),
  "'".repeat(5001),
  '"'.repeat(5001),
  "“".repeat(3000),
  "第".repeat(5000),
  "百分之".repeat(2000),
  "一二三四五六七八九十百千".repeat(500),
  "title: ".repeat(2000),
  "call it ".repeat(3000),
  "undo ".repeat(2000),
  "photo 1 and ".repeat(2000),
  "from 1 to 2 seconds ".repeat(1000),
  "😀".repeat(20_000),
  "\u0000\u0001\u0002".repeat(1000),
  `script:\n${"line.\n".repeat(5000)}`,
  "<script>alert(1)</script> 把标题改成 {{x}} %s %n",
  "((((((((((((((((((((((((((((((((((((((((",
  "move photo 99999999999999999999 to 1e308",
  "music -50%",
  "make it 99999999 seconds",
  "swap photo 0 and -0",
  "trim from 10 to 5 seconds",
];

describe("the interpreter under random and hostile text", () => {
  const media = MEDIA.mixed;
  const start = converse(["make a video with a title and music"], media).draft;

  it("answers every message, within a second each, with schema-valid commands", () => {
    const next = rng(20261202);
    const messages = [...HOSTILE, ...Array.from({ length: 1500 }, () => randomMessage(next))];
    for (const message of messages) {
      const t0 = performance.now();
      const meaning = interpret(message);
      expect(Interpretation.safeParse(meaning).success, message.slice(0, 80)).toBe(true);
      for (const draft of [emptyDraft(), start]) {
        const r = planTurn({ draft, instruction: message, media, history: [start], future: [] });
        expect(typeof r.reply, message.slice(0, 80)).toBe("string");
        expect(r.reply.length, message.slice(0, 80)).toBeGreaterThan(0);
        expect(Array.isArray(r.draft.t)).toBe(true);
      }
      expect(performance.now() - t0, message.slice(0, 80)).toBeLessThan(1000);
    }
  });
});
