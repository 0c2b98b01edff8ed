// Reads timing from a clause: transitions (kind, length, none), seconds per photo, pace, and the video's length.
import type { TransitionKind } from "../../../core/draft.ts";
import type { EditCommand } from "../../../core/edit-commands.ts";
import { type Concept, SUBJECTS } from "../lexicon/types.ts";
import { direction, explicitFactor, intensity, stepFactor } from "./amounts.ts";
import type { ClauseView } from "./clause.ts";
import type { Token } from "./tokenize.ts";

const OTHER_SUBJECTS = [...SUBJECTS.text, ...SUBJECTS.sound];

/** "1 second crossfade", "0.5s fade", "fades of 1 second", 转场 1 秒: a length right next to the transition words. */
function transitionLength(v: ClauseView, d: Token): boolean {
  const i = v.indexOf(d);
  const isTransition = (t: Token | undefined) =>
    t?.kind === "concept" && (t.concept === "transition" || t.concept === "transitionKind");
  const after = v.tokens.slice(i + 1, i + 3);
  const before = v.tokens.slice(Math.max(0, i - 3), i);
  const linkOnly = (ts: Token[]) =>
    ts.every(
      (t) => t.kind === "word" || (t.kind === "concept" && (t.concept === "to" || t.concept === "change")),
    );
  return (
    isTransition(after[0]) ||
    (after[0]?.kind === "word" && isTransition(after[1])) ||
    isTransition(before.at(-1)) ||
    (isTransition(before.at(-2)) && linkOnly(before.slice(-1)))
  );
}

export function readTransitions(v: ClauseView): EditCommand[] {
  const words = v.concepts("transition");
  const kinds = v.concepts("transitionKind");
  if (!words.length && !kinds.length) return [];
  // "fade the music out", "fade in the title": about sound or text, unless transitions are named
  if (!words.length && v.has(...OTHER_SUBJECTS)) return [];
  const subject = words[0] ?? kinds[0];
  v.use(...words, ...kinds);
  const hardCut = words.some((w) => /hard|jump/i.test(v.message.slice(w.start, w.end)));
  if (hardCut || v.polarity(subject) === "remove") {
    v.use(...v.concepts("remove", "without", "all", "neg", "change", "add"));
    return [{ cmd: "noTransitions" }];
  }
  // "use wipe instead of fade": the kind after "instead of" is the one being replaced
  const instead = v.concepts("instead")[0];
  const wanted = instead ? kinds.filter((k) => v.indexOf(k) < v.indexOf(instead)) : kinds;
  const kind = (wanted.at(-1) ?? (instead ? undefined : kinds.at(-1)))?.value as TransitionKind | undefined;
  v.use(instead);
  const length = v.amounts("duration").find((d) => !v.used.has(d) && d.ms <= 3000 && transitionLength(v, d));
  const pace = direction(v, ["longer", "slower"], ["shorter", "faster"]);
  const seconds = length ? length.ms / 1000 : pace ? (pace > 0 ? 1 : 0.3) : undefined;
  // "change the transitions", "I don't like the transitions", 换个转场: another kind
  const another = !kind && seconds === undefined && v.has("change", "different", "dislike");
  v.use(
    length,
    ...v.concepts("add", "change", "keep", "all", "between", "shot", "photo", "clip", "different", "dislike"),
  );
  return [
    {
      cmd: "transition",
      ...(kind && { kind }),
      ...(seconds !== undefined && { seconds }),
      ...(another && { different: true }),
    },
  ];
}

/** "2 seconds per photo", 每张2秒, "photos 3 s each"; "faster pace" without a length. */
export function readShotLength(v: ClauseView): EditCommand[] {
  const per = v.concepts("per");
  const d = v.amounts("duration").find((t) => !v.used.has(t));
  const photos = v.concepts("photo", "shot");
  if (d && (per.length || (photos.length && !v.has("length", "video") && !v.amounts("ordinal").length))) {
    v.use(d, ...per, ...photos, ...v.concepts("change", "keep", "add", "to"));
    return [{ cmd: "shotLength", seconds: Math.min(600, Math.max(0.3, d.ms / 1000)) }];
  }
  if (v.has("length", "video", "clip", ...OTHER_SUBJECTS, "transition", "transitionKind") || d) return [];
  const sign = direction(v, ["slower"], ["faster"]);
  if (!sign) return [];
  v.use(...photos, ...v.concepts("change", "more"));
  return [{ cmd: "shotLength", factor: Math.round(stepFactor(sign, intensity(v)) * 100) / 100 }];
}

/** A length right next to a title or the music is about them ("title for 5 seconds"), not the video. */
function aboutOther(v: ClauseView, t: Token): boolean {
  const i = v.indexOf(t);
  return v.tokens
    .slice(Math.max(0, i - 2), i + 3)
    .some((x) => x.kind === "concept" && (OTHER_SUBJECTS as readonly Concept[]).includes(x.concept));
}

export function readLength(v: ClauseView): EditCommand[] {
  const song = v.concepts("songLength")[0];
  if (song) {
    v.use(song, ...v.concepts("change", "length", "video", "to"));
    return [{ cmd: "length", matchMusic: true }];
  }
  const d = v.amounts("duration").find((t) => !v.used.has(t) && !aboutOther(v, t));
  const sign = direction(v, ["longer"], ["shorter"]);
  const next = d && v.tokens[v.indexOf(d) + 1];
  // "longer by 5 seconds", "5 seconds longer"
  const comparative =
    next?.kind === "concept" &&
    (next.concept === "longer" || next.concept === "shorter") &&
    !/^(?:long|short)$/i.test(v.message.slice(next.start, next.end));
  const by = v.words().some((w) => /^by$/i.test(w)) || comparative;
  if (d && sign && by) {
    v.use(d, ...v.concepts("change", "length", "video"));
    return [{ cmd: "length", changeSeconds: (sign * d.ms) / 1000 }];
  }
  if (d) {
    v.use(
      d,
      ...v.concepts("change", "length", "video", "to", "trim", "shorter", "longer", "create", "keep", "add"),
    );
    return [{ cmd: "length", seconds: d.ms / 1000 }];
  }
  // "make it shorter", "a bit longer", "too long": only as a request, not "make a short video"
  if (!sign || v.has("create", "shot", "photo", "clip", ...OTHER_SUBJECTS, "transition", "transitionKind"))
    return [];
  const factor = explicitFactor(v) ?? stepFactor(sign, intensity(v));
  v.use(...v.concepts("change", "length", "video", "more"));
  return [{ cmd: "length", factor: Math.round(factor * 100) / 100 }];
}
