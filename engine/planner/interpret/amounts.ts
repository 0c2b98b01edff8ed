// Relative amounts shared by readers: how much bigger, quieter or longer "a bit", "much" and "too" mean.
import type { ClauseView } from "./clause.ts";

/** "is", "it's", "sounds": what turns "loud" into a description of the video rather than a request. */
const COPULAS = /^(?:is|are|was|it's|its|that's|thats|sounds?|feels?|looks?|seems?|gets?|so)$/i;
const BASE_ADJECTIVES = new Set([
  "loud",
  "quiet",
  "big",
  "small",
  "large",
  "tiny",
  "huge",
  "long",
  "short",
  "响",
  "长",
  "短",
]);

/** +1 for up (bigger, louder, longer), −1 for down, adjusted by "too" ("too loud" means quieter). */
export function direction(
  v: ClauseView,
  up: Parameters<ClauseView["has"]>,
  down: Parameters<ClauseView["has"]>,
): number {
  const ups = v.concepts(...up);
  const downs = v.concepts(...down);
  if (!ups.length && !downs.length) return 0;
  v.use(...ups, ...downs);
  const sign = ups.length >= downs.length ? 1 : -1;
  // "too loud", "the music is kinda loud", "字太小": a complaint about a state asks for the other way;
  // "louder", "noisy" (吵) or "make it big" already say which way to go.
  const too = v.concepts("too");
  v.use(...too);
  const adjective = [...ups, ...downs].find((t) =>
    BASE_ADJECTIVES.has(v.message.slice(t.start, t.end).toLowerCase()),
  );
  const complaint =
    adjective &&
    (too.length > 0 ||
      v.tokens
        .slice(Math.max(0, v.indexOf(adjective) - 2), v.indexOf(adjective))
        .some(
          (t) =>
            (t.kind === "word" && COPULAS.test(t.text)) ||
            (t.kind === "concept" && (t.concept === "slightly" || t.concept === "much")),
        ));
  return complaint ? -sign : sign;
}

/** "a bit" 0.5, plain 1, "much" 2: the size of a relative step. */
export function intensity(v: ClauseView): number {
  const slight = v.concepts("slightly");
  const much = v.concepts("much");
  v.use(...slight, ...much);
  if (slight.length && !much.length) return 0.5;
  if (much.length) return 2;
  return 1;
}

/** A step as a multiplier: bigger ×1.25, a bit bigger ×1.12, much bigger ×1.5, smaller ×0.8; scale 4 doubles or halves. */
export function stepFactor(sign: number, scale: number): number {
  const step = { 0.5: 0.12, 1: 0.25, 2: 0.5, 4: 1 }[scale] ?? 0.25;
  return sign > 0 ? 1 + step : 1 / (1 + step);
}

/** "twice as big", "double", "half as loud": an explicit multiplier, if the clause has one. */
export function explicitFactor(v: ClauseView): number | undefined {
  const words = v.words().map((w) => w.toLowerCase());
  if (words.some((w) => w === "twice" || w === "double" || w === "两倍" || w === "翻倍")) return 2;
  if (words.includes("triple") || words.includes("三倍")) return 3;
  const half = v.message.slice(v.tokens[0]?.start ?? 0, v.tokens.at(-1)?.end ?? 0).toLowerCase();
  if (/\bhalf\b|一半|减半/.test(half)) return 0.5;
  return undefined;
}
