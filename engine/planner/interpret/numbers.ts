// Reads amounts where a message has them: digits, English number words, Chinese numerals, with their units.
import { en } from "../lexicon/en.ts";

export type Amount =
  | { kind: "number"; value: number }
  | { kind: "duration"; ms: number }
  | { kind: "percent"; value: number }
  | { kind: "bytes"; value: number }
  /** a shape; `px` when it was given as a frame size ("1080x1920": 9:16 at 1080) */
  | { kind: "ratio"; w: number; h: number; px?: number }
  | { kind: "resolution"; px: number }
  | { kind: "ordinal"; value: number };

export interface AmountMatch {
  amount: Amount;
  /** characters consumed from the start position */
  length: number;
}

const ZH_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  俩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
// Bounded, so a long run of numerals is read in linear time.
const ZH_NUMERAL = "[零〇一二两俩三四五六七八九十百千]{1,8}";

/** 十五 → 15, 一百二十 → 120, 两 → 2. */
export function zhNumber(text: string): number {
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in ZH_DIGIT) current = ZH_DIGIT[ch];
    else if (ch === "十") [total, current] = [total + (current || 1) * 10, 0];
    else if (ch === "百") [total, current] = [total + (current || 1) * 100, 0];
    else if (ch === "千") [total, current] = [total + (current || 1) * 1000, 0];
  }
  return total + current;
}

/** Aspect ratios people name with a colon; anything else with a colon is a time ("1:30", "0:05"). */
const RATIOS = new Set([
  "9:16",
  "16:9",
  "4:5",
  "5:4",
  "3:4",
  "4:3",
  "1:1",
  "2:3",
  "3:2",
  "21:9",
  "9:21",
  "16:10",
]);

const SEC = "(?:seconds?|secs?|sec|s|秒钟?)";
const MIN = "(?:minutes?|mins?|分钟)";
const HOUR = "(?:hours?|hrs?|h|小时)";
const NUM = String.raw`(\d{1,9}(?:\.\d{1,6})?)`;
const UNIT_END = "(?![a-z])";

interface Rule {
  re: RegExp;
  read: (m: RegExpExecArray) => Amount | null;
}

const sticky = (source: string) => new RegExp(source, "iy");

const DIGIT_RULES: Rule[] = [
  // 1:30 (time) or 9:16 (ratio); 1:30:00 as time
  {
    re: sticky(String.raw`(\d{1,2})\s*[:：]\s*(\d{1,2})(?:[:：](\d{2}))?(?![\d.])`),
    read: ([, a, b, c]) => {
      if (!c && RATIOS.has(`${Number(a)}:${Number(b)}`)) return { kind: "ratio", w: Number(a), h: Number(b) };
      if (!c && b.length < 2) return null;
      const ms = c
        ? (Number(a) * 3600 + Number(b) * 60 + Number(c)) * 1000
        : (Number(a) * 60 + Number(b)) * 1000;
      return { kind: "duration", ms };
    },
  },
  // 1080x1920, 1920 × 1080
  {
    re: sticky(String.raw`(\d{3,4})\s*[x×*]\s*(\d{3,4})(?!\d)`),
    read: ([, a, b]) => {
      const [w, h] = [Number(a), Number(b)];
      const gcd = (x: number, y: number): number => (y ? gcd(y, x % y) : x);
      const g = gcd(w, h);
      return w / g <= 64 && h / g <= 64 ? { kind: "ratio", w: w / g, h: h / g, px: Math.min(w, h) } : null;
    },
  },
  // 9x16, 4 × 5, 9比16
  {
    re: sticky(String.raw`(\d{1,2})\s*(?:x|×|比)\s*(\d{1,2})(?!\d)`),
    read: ([, a, b]) =>
      RATIOS.has(`${Number(a)}:${Number(b)}`) ? { kind: "ratio", w: Number(a), h: Number(b) } : null,
  },
  // 1 minute 30 seconds, 1分30秒, 1m30s, 2 min and 10 s
  {
    re: sticky(String.raw`${NUM}\s*(?:${MIN}|m|分)\s*(?:and\s*)?${NUM}\s*${SEC}${UNIT_END}`),
    read: ([, m, s]) => ({ kind: "duration", ms: (Number(m) * 60 + Number(s)) * 1000 }),
  },
  {
    re: sticky(String.raw`${NUM}\s*-?\s*${HOUR}${UNIT_END}`),
    read: ([, h]) => ({ kind: "duration", ms: Number(h) * 3_600_000 }),
  },
  {
    re: sticky(String.raw`${NUM}\s*-?\s*${MIN}${UNIT_END}`),
    read: ([, m]) => ({ kind: "duration", ms: Number(m) * 60_000 }),
  },
  {
    re: sticky(String.raw`${NUM}\s*-?\s*${SEC}${UNIT_END}`),
    read: ([, s]) => ({ kind: "duration", ms: Number(s) * 1000 }),
  },
  {
    re: sticky(String.raw`${NUM}\s*(?:%|％|percent|per cent|pct)`),
    read: ([, n]) => ({ kind: "percent", value: Number(n) }),
  },
  {
    re: sticky(String.raw`${NUM}\s*(mb|mib|megabytes?|megs?|m|兆|gb|gib|gigabytes?|g)(?![a-z])`),
    read: ([, n, unit]) => ({
      kind: "bytes",
      value: Math.round(Number(n) * 1024 * 1024 * (unit.toLowerCase().startsWith("g") ? 1024 : 1)),
    }),
  },
  {
    re: sticky(String.raw`(\d{3,4})\s*p(?![a-z])`),
    read: ([, n]) => ({ kind: "resolution", px: Number(n) }),
  },
  {
    re: sticky(String.raw`([248])\s*k(?![a-z])`),
    read: ([, n]) => ({ kind: "resolution", px: { 2: 1440, 4: 2160, 8: 4320 }[n] ?? 2160 }),
  },
  {
    re: sticky(String.raw`(\d{1,9})\s*(?:st|nd|rd|th)(?![a-z])`),
    read: ([, n]) => ({ kind: "ordinal", value: Number(n) }),
  },
  { re: sticky(NUM), read: ([, n]) => ({ kind: "number", value: Number(n) }) },
];

const ZH_RULES: Rule[] = [
  { re: sticky("半分钟"), read: () => ({ kind: "duration", ms: 30_000 }) },
  {
    re: sticky(`(${ZH_NUMERAL})分半钟?`),
    read: ([, n]) => ({ kind: "duration", ms: (zhNumber(n) * 60 + 30) * 1000 }),
  },
  {
    re: sticky(`(${ZH_NUMERAL})分(?:钟)?(${ZH_NUMERAL})秒`),
    read: ([, m, s]) => ({ kind: "duration", ms: (zhNumber(m) * 60 + zhNumber(s)) * 1000 }),
  },
  {
    re: sticky(`(${ZH_NUMERAL})个?(?:小时)`),
    read: ([, n]) => ({ kind: "duration", ms: zhNumber(n) * 3_600_000 }),
  },
  {
    re: sticky(`(${ZH_NUMERAL})(?:分钟)`),
    read: ([, n]) => ({ kind: "duration", ms: zhNumber(n) * 60_000 }),
  },
  { re: sticky(`(${ZH_NUMERAL})秒钟?`), read: ([, n]) => ({ kind: "duration", ms: zhNumber(n) * 1000 }) },
  {
    re: sticky(`百分之(${ZH_NUMERAL}|\\d{1,9})`),
    read: ([, n]) => ({ kind: "percent", value: /\d/.test(n) ? Number(n) : zhNumber(n) }),
  },
  { re: sticky(`(${ZH_NUMERAL})成`), read: ([, n]) => ({ kind: "percent", value: zhNumber(n) * 10 }) },
  { re: sticky("一半"), read: () => ({ kind: "percent", value: 50 }) },
  {
    re: sticky(`第(${ZH_NUMERAL}|\\d{1,9}(?:\\.\\d{1,6})?)秒钟?`),
    read: ([, n]) => ({ kind: "duration", ms: (/\d/.test(n) ? Number(n) : zhNumber(n)) * 1000 }),
  },
  {
    re: sticky(`倒数第(${ZH_NUMERAL}|\\d{1,9})`),
    read: ([, n]) => ({ kind: "ordinal", value: -(/\d/.test(n) ? Number(n) : zhNumber(n)) }),
  },
  {
    re: sticky(`第(${ZH_NUMERAL}|\\d{1,9})`),
    read: ([, n]) => ({ kind: "ordinal", value: /\d/.test(n) ? Number(n) : zhNumber(n) }),
  },
  { re: sticky("最后一(?=[张个段条幅首])"), read: () => ({ kind: "ordinal", value: -1 }) },
  { re: sticky("(?:首|头一)(?=[张个段条幅])"), read: () => ({ kind: "ordinal", value: 1 }) },
  {
    re: sticky(`(${ZH_NUMERAL})(?=\\s*(?:兆|mb|m|g|%|张|个|段|条|幅|首|步|次|下|倍|秒|句))`),
    read: ([, n]) => ({ kind: "number", value: zhNumber(n) }),
  },
];

// English number words, spelled out: "twenty five", "twenty-five", "one and a half", "a minute and a half".
const NUMBER_WORDS = en.numberWords ?? {};
const WORD = Object.keys(NUMBER_WORDS)
  .filter((w) => !w.includes(" ") && w !== "a" && w !== "an")
  .sort((a, b) => b.length - a.length)
  .join("|");
const EN_SPELLED = sticky(
  String.raw`(?:(${WORD})(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?|(an?))(?:\s+and\s+a\s+half)?(?=[\s-]+(?:and a half\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|percent|per cent)\b|[\s-]*%)`,
);
const EN_HALF_UNIT = sticky(String.raw`half\s+(?:a|an)\s+(minute|hour)\b`);
const EN_UNIT_AFTER = sticky(
  String.raw`[\s-]+(?:and a half\s+)?(seconds?|secs?|minutes?|mins?|hours?|percent|per cent)\b|[\s-]*%`,
);
const EN_COUNT = sticky(String.raw`(${WORD})(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?\b`);

const ORDINALS = en.ordinals ?? {};
const EN_ORDINAL = sticky(
  `(?:${Object.keys(ORDINALS)
    .sort((a, b) => b.length - a.length)
    .join("|")})(?![a-z])`,
);

function spelledEnglish(text: string, at: number): AmountMatch | null {
  EN_HALF_UNIT.lastIndex = at;
  const half = EN_HALF_UNIT.exec(text);
  if (half) {
    const ms = half[1].toLowerCase() === "hour" ? 1_800_000 : 30_000;
    return { amount: { kind: "duration", ms }, length: half[0].length };
  }
  EN_SPELLED.lastIndex = at;
  const m = EN_SPELLED.exec(text);
  if (m) {
    const base = m[3] ? 1 : NUMBER_WORDS[m[1].toLowerCase()] + (m[2] ? NUMBER_WORDS[m[2].toLowerCase()] : 0);
    EN_UNIT_AFTER.lastIndex = at + m[0].length;
    const unit = EN_UNIT_AFTER.exec(text);
    if (unit) {
      // "one and a half minutes", "a minute and a half"
      const trailing = /^\s+and a half\b/i.exec(text.slice(at + m[0].length + unit[0].length));
      const plusHalf = /and a half/i.test(m[0]) || /and a half/i.test(unit[0]) || trailing ? 0.5 : 0;
      const n = base + plusHalf;
      const u = (unit[1] ?? "%").toLowerCase();
      const length = m[0].length + unit[0].length + (trailing?.[0].length ?? 0);
      if (u.startsWith("per") || u === "%") return { amount: { kind: "percent", value: n }, length };
      const ms = u.startsWith("h") ? n * 3_600_000 : u.startsWith("m") ? n * 60_000 : n * 1000;
      return { amount: { kind: "duration", ms: Math.round(ms) }, length };
    }
  }
  EN_ORDINAL.lastIndex = at;
  const ordinal = EN_ORDINAL.exec(text);
  if (ordinal) return { amount: { kind: "ordinal", value: ORDINALS[ordinal[0]] }, length: ordinal[0].length };
  EN_COUNT.lastIndex = at;
  const count = EN_COUNT.exec(text);
  if (count && !/^(?:a|an|half|few)$/i.test(count[1])) {
    const value =
      NUMBER_WORDS[count[1].toLowerCase()] + (count[2] ? NUMBER_WORDS[count[2].toLowerCase()] : 0);
    return { amount: { kind: "number", value }, length: count[0].length };
  }
  return null;
}

function byRules(rules: Rule[], text: string, at: number): AmountMatch | null {
  for (const rule of rules) {
    rule.re.lastIndex = at;
    const m = rule.re.exec(text);
    if (!m) continue;
    const amount = rule.read(m);
    if (amount) return { amount, length: m[0].length };
  }
  return null;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Keeps amounts within what any command can take: an hour, 10,000 of anything, 4 GB, 4K. */
function bounded(m: AmountMatch | null): AmountMatch | null {
  if (!m) return null;
  const a = m.amount;
  const amount: Amount =
    a.kind === "duration"
      ? { ...a, ms: clamp(a.ms, 0, 3_600_000) }
      : a.kind === "number" || a.kind === "percent"
        ? { ...a, value: clamp(a.value, 0, 10_000) }
        : a.kind === "ordinal"
          ? { ...a, value: clamp(a.value, -500, 500) }
          : a.kind === "bytes"
            ? { ...a, value: clamp(a.value, 1024 * 1024, 4096 * 1024 * 1024) }
            : a.kind === "resolution"
              ? { ...a, px: clamp(a.px, 240, 2160) }
              : a;
  return { ...m, amount };
}

/** An amount starting exactly at `at`, if there is one. `text` is the message with ASCII letters lower-cased. */
export function readAmount(text: string, at: number): AmountMatch | null {
  return bounded(unboundedAmount(text, at));
}

function unboundedAmount(text: string, at: number): AmountMatch | null {
  const ch = text[at];
  if (/\d/.test(ch)) {
    return byRules(DIGIT_RULES, text, at);
  }
  if (/[零〇一二两俩三四五六七八九十百千半第倒最首头]/.test(ch)) return byRules(ZH_RULES, text, at);
  if (/[a-z]/.test(ch)) return spelledEnglish(text, at);
  return null;
}
