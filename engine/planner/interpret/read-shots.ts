// Reads shot edits from a clause: which shots (by position, kind or file name), reorder, choose, drop and trim.
import type { EditCommand, ShotRef } from "../../../core/edit-commands.ts";
import type { ClauseView } from "./clause.ts";
import type { Token } from "./tokenize.ts";

interface FoundRef {
  ref: ShotRef;
  tokens: Token[];
}

const NOUNS = ["photo", "clip", "shot"] as const;
const isNoun = (t: Token | undefined): t is Token & { kind: "concept" } =>
  t?.kind === "concept" && (NOUNS as readonly string[]).includes(t.concept);
const kindOf = (t: Token | undefined): "photo" | "clip" | undefined =>
  t?.kind === "concept" && (t.concept === "photo" || t.concept === "clip") ? t.concept : undefined;
const STOP = new Set(
  "the a an this that my your our its one these those of in on at from for to with by and or 和 的 把 将 在".split(
    " ",
  ),
);
const ref = (at: number, of?: "photo" | "clip"): ShotRef => ({
  at: Math.max(-500, Math.min(500, Math.round(at))) || 1,
  ...(of && { of }),
});

/** Shots the clause points at: "the third photo", "photo 3", "clip 2", 第三张, 最后一段, "beach.jpg", "the beach photo". */
export function shotRefs(v: ClauseView): FoundRef[] {
  const t = v.tokens;
  const found: FoundRef[] = [];
  const clauseNoun = t.find(isNoun);
  t.forEach((tok, i) => {
    const next = t[i + 1];
    const prev = t[i - 1];
    if (tok.kind === "ordinal") {
      // "the first two photos", "the last 3 clips": a run of shots
      if (next?.kind === "number" && isNoun(t[i + 2])) {
        const n = Math.min(next.value, 50);
        const of = kindOf(t[i + 2]);
        const run = Array.from({ length: n }, (_, k) => (tok.value > 0 ? ref(k + 1, of) : ref(k - n, of)));
        for (const r of run) found.push({ ref: r, tokens: [tok, next, t[i + 2]] });
        return;
      }
      // "swap the first two": a run with the clause's noun, or of any shots
      if (
        next?.kind === "number" &&
        !isNoun(t[i + 2]) &&
        v.has("swap", "only", "remove", "without", "keep")
      ) {
        const n = Math.min(next.value, 50);
        const of = kindOf(clauseNoun);
        for (let k = 0; k < n; k++)
          found.push({ ref: ref(tok.value > 0 ? k + 1 : k - n, of), tokens: [tok, next] });
        return;
      }
      const noun = isNoun(next) ? next : isNoun(t[i + 2]) && t[i + 1]?.kind === "word" ? t[i + 2] : undefined;
      if (noun) found.push({ ref: ref(tok.value, kindOf(noun)), tokens: [tok, noun] });
      // "the first and last photos": an ordinal joined to one that has a noun
      else if (next?.kind === "sep" && t[i + 2]?.kind === "ordinal" && clauseNoun)
        found.push({ ref: ref(tok.value, kindOf(clauseNoun)), tokens: [tok] });
      return;
    }
    if (tok.kind === "number" && isNoun(prev)) {
      found.push({ ref: ref(tok.value, kindOf(prev)), tokens: [prev, tok] });
      return;
    }
    // "photos 2 and 4": a number joined to a numbered shot
    if (tok.kind === "number" && prev?.kind === "sep" && t[i - 2]?.kind === "number" && found.length) {
      const last = found.at(-1) as FoundRef;
      if ("at" in last.ref) found.push({ ref: ref(tok.value, last.ref.of), tokens: [tok] });
      return;
    }
    if (tok.kind === "file") {
      found.push({ ref: { name: tok.name }, tokens: [tok] });
      return;
    }
    if (
      tok.kind === "word" &&
      isNoun(next) &&
      !STOP.has(tok.text.toLowerCase()) &&
      tok.text.length >= 2 &&
      prev?.kind !== "number"
    )
      found.push({ ref: { name: tok.text }, tokens: [tok, next] });
  });
  // "put the clip last": one shot named by its kind alone is the first (and likely only) one of that kind
  if (!found.length) {
    const i = t.findIndex(
      (tok, k) =>
        isNoun(tok) &&
        !/s$/i.test(v.message.slice(tok.start, tok.end)) &&
        t[k - 1]?.kind === "word" &&
        /^(?:the|this|that|my)$/i.test((t[k - 1] as Token & { kind: "word" }).text),
    );
    if (i > 0 && kindOf(t[i])) found.push({ ref: ref(1, kindOf(t[i])), tokens: [t[i - 1], t[i]] });
  }
  return found;
}

/** Where a moved shot goes: first, last, or a position. */
function destination(v: ClauseView, after: number): "first" | "last" | number | undefined {
  for (const tok of v.tokens.slice(after)) {
    if (tok.kind === "concept" && tok.concept === "start") return "first";
    if (tok.kind === "concept" && (tok.concept === "end" || tok.concept === "back")) return "last";
    if (tok.kind === "ordinal") return tok.value === 1 ? "first" : tok.value < 0 ? "last" : tok.value;
    if (tok.kind === "number" && v.tokens.some((x) => x.kind === "concept" && x.concept === "to"))
      return Math.max(1, Math.min(500, Math.round(tok.value)));
  }
  return undefined;
}

function readOrder(v: ClauseView, refs: FoundRef[]): EditCommand[] {
  const use = (...r: FoundRef[]) => v.use(...r.flatMap((x) => x.tokens));
  const reverse = v.concepts("reverse")[0];
  if (reverse && !v.negated(reverse)) {
    // "reverse the clip" or "the video" means playing it backwards, which is a speed change, not an order.
    const singular = v
      .concepts("clip", "video")
      .some((t) => /^(?:clip|video|vid|footage)$/i.test(v.message.slice(t.start, t.end)));
    if (singular && !v.has("order")) return [];
    v.use(reverse, ...v.concepts("order", "photo", "clip", "shot", "all", "change"));
    return [{ cmd: "reverseShots" }];
  }
  const swap = v.concepts("swap")[0];
  if (swap && refs.length >= 2) {
    use(refs[0], refs[1]);
    v.use(swap);
    return [{ cmd: "swapShots", a: refs[0].ref, b: refs[1].ref }];
  }
  const move = v.concepts("move")[0];
  // "start with the last photo", "以最后一张开头", "end on clip 2"
  const anchor = v
    .concepts("start", "end")
    .find((t) => refs.length && v.indexOf(t) < v.indexOf(refs[0].tokens[0]));
  if ((move || (anchor && v.has("add", "change"))) && refs.length) {
    const from = refs[0];
    const after = v.indexOf(from.tokens.at(-1) as Token) + 1;
    const to =
      move && !anchor
        ? destination(v, after)
        : anchor?.kind === "concept" && anchor.concept === "start"
          ? "first"
          : "last";
    const dest = to ?? (move ? destination(v, 0) : undefined);
    if (dest === undefined) return [];
    use(from);
    v.use(
      move,
      anchor,
      ...v.concepts("to", "start", "end", "back", "add", "change"),
      ...v.tokens.filter((x) => x.kind === "ordinal" || x.kind === "number"),
    );
    return [{ cmd: "moveShot", shot: from.ref, to: dest }];
  }
  const only = v.concepts("only")[0];
  if (only && !v.negated(only)) {
    // "use only one clip", "only 2 photos": the first ones of that kind
    const count = v.tokens.find((x, i) => x.kind === "number" && isNoun(v.tokens[i + 1]));
    if (!refs.length && count?.kind === "number") {
      const noun = v.tokens[v.indexOf(count) + 1];
      v.use(only, count, noun, ...v.concepts("change", "keep"));
      const of = kindOf(noun);
      return [
        {
          cmd: "keepShots",
          shots: Array.from({ length: Math.min(count.value, 50) }, (_, k) => ref(k + 1, of)),
        },
      ];
    }
    if (refs.length && !v.amounts("duration").length) {
      use(...refs);
      v.use(only, ...v.concepts("change", "keep"));
      return [{ cmd: "keepShots", shots: refs.map((r) => r.ref) }];
    }
  }
  // "cut the third photo" drops it; "trim" shortens, which photos cannot be
  const remove = v
    .concepts("remove", "without", "trim")
    .find((t) => !/^trim/i.test(v.message.slice(t.start, t.end)));
  const everyShot =
    remove && !refs.length && v.has("all", "per") ? v.concepts("photo", "clip", "shot")[0] : undefined;
  if (everyShot) {
    v.use(remove, everyShot, ...v.concepts("all", "per"));
    const of = kindOf(everyShot);
    return [{ cmd: "removeShots", shots: Array.from({ length: 50 }, (_, k) => ref(k + 1, of)) }];
  }
  if (remove && refs.length && !v.negated(remove) && !v.amounts("duration").length) {
    use(...refs);
    v.use(remove);
    return [{ cmd: "removeShots", shots: refs.map((r) => r.ref) }];
  }
  return [];
}

const seconds = (t: Token): number | undefined =>
  t.kind === "duration" ? t.ms / 1000 : t.kind === "number" ? t.value : undefined;

/** "from 0:05 to 0:12", "between 5 and 12 s", "5-12s", 从5秒到12秒: a range in a clip. */
function range(v: ClauseView, refTokens: Token[]): { from: number; to: number; tokens: Token[] } | null {
  const points = v.tokens.filter(
    (t) => (t.kind === "duration" || t.kind === "number") && !v.used.has(t) && !refTokens.includes(t),
  );
  if (points.length < 2 || !points.some((p) => p.kind === "duration")) return null;
  const [a, b] = points;
  const gap = v.between(a, b);
  const joined =
    gap.every(
      (t) =>
        t.kind === "sep" ||
        (t.kind === "concept" && t.concept === "to") ||
        (t.kind === "word" && /^(?:and|-)$/.test(t.text)),
    ) &&
    (v.has("from", "between") || /[-~–—]|to|到|至/.test(v.message.slice(a.end, b.start)));
  const [from, to] = [seconds(a), seconds(b)];
  if (!joined || from === undefined || to === undefined || to <= from) return null;
  return { from, to, tokens: [a, b, ...gap] };
}

function readTrim(v: ClauseView, refs: FoundRef[]): EditCommand[] {
  const clip = refs.find((r) => !("at" in r.ref) || r.ref.of !== "photo");
  const shot = clip ? { shot: clip.ref } : {};
  const mark = () => {
    if (clip) v.use(...clip.tokens);
    v.use(
      ...v.concepts(
        "trim",
        "keep",
        "only",
        "from",
        "to",
        "between",
        "start",
        "end",
        "clip",
        "shot",
        "remove",
        "add",
        "change",
      ),
    );
  };
  const span = range(
    v,
    refs.flatMap((r) => r.tokens),
  );
  if (span && (v.has("trim", "keep", "only", "from", "between", "clip", "shot", "change") || clip)) {
    v.use(...span.tokens);
    mark();
    return [{ cmd: "trim", ...shot, from: span.from, to: span.to }];
  }
  const d = v.amounts("duration").find((t) => !v.used.has(t));
  if (!d) {
    // "trim the first photo": said so the reply can explain that photos are not trimmed
    const photoRef = refs.find((r) => "at" in r.ref && r.ref.of === "photo");
    if (!photoRef || !v.has("trim")) return [];
    v.use(...photoRef.tokens, ...v.concepts("trim"));
    return [{ cmd: "trim", shot: photoRef.ref }];
  }
  const at = v.indexOf(d);
  const near = (t: Token) => Math.abs(v.indexOf(t) - at) <= 4;
  const first = v.tokens.find(
    (t) =>
      near(t) && ((t.kind === "ordinal" && t.value === 1) || (t.kind === "concept" && t.concept === "start")),
  );
  const last = v.tokens.find(
    (t) =>
      near(t) && ((t.kind === "ordinal" && t.value === -1) || (t.kind === "concept" && t.concept === "end")),
  );
  const cut = v.concepts("trim", "remove", "without").find((t) => !v.negated(t));
  const keep =
    v.concepts("keep", "only").find((t) => !v.negated(t)) ??
    (v.has("change") && (first || last) ? v.concepts("change")[0] : undefined);
  const startAt =
    v.concepts("from").find((t) => v.indexOf(t) < at) ??
    (v.has("start") && v.has("to") ? v.concepts("start")[0] : undefined);
  const s = d.ms / 1000;
  let cmd: EditCommand | null = null;
  if (cut && first) cmd = { cmd: "trim", ...shot, cutStart: s };
  else if (cut && last) cmd = { cmd: "trim", ...shot, cutEnd: s };
  else if (keep && last) cmd = { cmd: "trim", ...shot, keepLast: s };
  else if (keep && first) cmd = { cmd: "trim", ...shot, keepFirst: s };
  // "start at 0:03", 从第3秒开始
  else if (startAt && (v.has("start") || clip || v.has("trim"))) cmd = { cmd: "trim", ...shot, from: s };
  if (!cmd) return [];
  v.use(d, first, last);
  mark();
  return [cmd];
}

export function readShots(v: ClauseView): EditCommand[] {
  if (v.has("music", "sourceSound", "transition", "title", "captions", "overlays", "text")) {
    return [];
  }
  const refs = shotRefs(v);
  const order = readOrder(v, refs);
  return order.length ? order : readTrim(v, refs);
}
