// Folds a message into one matchable form: lower case, half-width punctuation, numbers as digits (一分钟 → 1分钟).

const ZH_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十五 → 15, 一百二十 → 120, 两 → 2. */
function parseZhNumber(text: string): number {
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in ZH_DIGITS) current = ZH_DIGITS[ch];
    else if (ch === "十") [total, current] = [total + (current || 1) * 10, 0];
    else if (ch === "百") [total, current] = [total + (current || 1) * 100, 0];
  }
  return total + current;
}

const EN_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};
const EN_WORD = Object.keys(EN_NUMBERS).join("|");
const EN_BEFORE_UNIT = new RegExp(
  `\\b(${EN_WORD})(?:[\\s-]+(one|two|three|four|five|six|seven|eight|nine))?(?=[\\s-]+(?:seconds?|secs?|minutes?|mins?)\\b)`,
  "g",
);
const ZH_NUMERAL = "[零〇一二两三四五六七八九十百]+";

function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/。/g, ".")
    .replace(/、/g, ",")
    .replace(/\u3000/g, " ");
}

function spellOutNumbers(text: string): string {
  return text
    .replace(/\b(?:a|one) minute and a half\b|\b(?:one|1) and a half minutes?\b/g, "90 seconds")
    .replace(/\bhalf[\s-](?:a[\s-])?minute\b/g, "30 seconds")
    .replace(EN_BEFORE_UNIT, (_m, tens: string, unit?: string) =>
      String(EN_NUMBERS[tens] + (unit ? EN_NUMBERS[unit] : 0)),
    )
    .replace(/半分钟/g, "30秒")
    .replace(/一分半钟?/g, "90秒")
    .replace(
      new RegExp(`百分之(${ZH_NUMERAL}|\\d+)`, "g"),
      (_m, n: string) => `${/\d/.test(n) ? n : parseZhNumber(n)}%`,
    )
    .replace(new RegExp(`(${ZH_NUMERAL})(?=\\s*(?:秒|分钟|分|兆|m|g|%))`, "gi"), (n) =>
      String(parseZhNumber(n)),
    );
}

/** The matchable form of a message (quotes already set aside by the caller). */
export function normalize(text: string): string {
  return spellOutNumbers(foldWidth(text).toLowerCase());
}

/** Splits a normalized message into clauses, so "make the title bigger and the music quieter" is two edits. */
export function clauses(text: string): string[] {
  return text
    .split(/[,.;!?\n]|\band\b|\bthen\b|\balso\b|然后|并且|同时|再把|另外/)
    .map((c) => c.trim())
    .filter(Boolean);
}
