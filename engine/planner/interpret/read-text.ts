// Reads text edits from a clause: titles (quoted or not), overlays, captions, removal, size, position, colour, style.
import { type EditCommand, TEXT_LIMITS, type TextTarget } from "../../../core/edit-commands.ts";
import type { Concept } from "../lexicon/types.ts";
import { direction, explicitFactor, intensity, stepFactor } from "./amounts.ts";
import type { ClauseView } from "./clause.ts";
import type { ConceptToken, Token } from "./tokenize.ts";

const TARGETS: Partial<Record<Concept, TextTarget>> = {
  title: "title",
  captions: "captions",
  overlays: "overlays",
  text: "all",
  cards: "cards",
  // "加一句文案", "from this script": the lines are shown as captions
  script: "captions",
};
const TEXT_CONCEPTS = Object.keys(TARGETS) as Concept[];
/** Words that open a free-text slot after "title": "title: X", "the title is X", "make the title say X". */
const OPENER_WORDS = new Set(["is", "be", "say", "says", "read", "reads", "=", "是", "写", "写着", "用"]);
/** Concepts that may stand in a slot without making it a slot (only attributes: "标题改成红色" is a colour). */
const ATTRIBUTES: Concept[] = [
  "color",
  "style",
  "position",
  "bigger",
  "smaller",
  "slightly",
  "much",
  "more",
  "chat",
  "up",
  "down",
];
const NOT_TEXT: Concept[] = [
  "music",
  "sourceSound",
  "volume",
  "transition",
  "transitionKind",
  "fileSize",
  "compress",
  "length",
];
/** A slot ends before these: they start another request inside the same clause ("call it X with music"). */
const SLOT_STOPS: Concept[] = ["music", "transition", "transitionKind", "platform", "aspect", "export"];

function textTargets(v: ClauseView): ConceptToken[] {
  return v.concepts(...TEXT_CONCEPTS);
}

/** The first token of a free-text slot: after a naming word ("call it", 叫), "to", ":" or "is" following the target. */
function slotStart(v: ClauseView, anchor: Token): number | null {
  const i = v.indexOf(anchor);
  const isNaming = anchor.kind === "concept" && anchor.concept === "naming";
  if (isNaming) return i + 1;
  // "change the title to X" names it; "move the title to the top" does not
  const renames = !v.has("move") || v.has("naming");
  for (let k = i + 1; k < Math.min(v.tokens.length, i + 4); k++) {
    const t = v.tokens[k];
    const gap = v.message.slice(v.tokens[k - 1].end, t.start);
    if (/[:：=＝]/.test(gap)) return k;
    if (
      t.kind === "concept" &&
      ((t.concept === "to" && renames) ||
        t.concept === "naming" ||
        (t.concept === "change" && /[成为]$/.test(v.message.slice(t.start, t.end))))
    )
      return k + 1;
    if (t.kind === "word" && OPENER_WORDS.has(t.text.toLowerCase())) return k + 1;
  }
  // "title: X" where the colon sits right after the target
  if (/^\s*[:：=＝]/.test(v.message.slice(anchor.end, anchor.end + 3))) return i + 1;
  return null;
}

/** The free text from a slot start to the end of the clause, unless it is only attributes ("…改成红色"). */
function slotText(v: ClauseView, from: number): { text: string; tokens: Token[] } | null {
  let tokens = v.tokens.slice(from);
  const stop = tokens.findIndex(
    (t) => t.kind === "concept" && SLOT_STOPS.includes(t.concept) && t !== tokens[0],
  );
  if (stop > 0) tokens = tokens.slice(0, stop);
  while (
    tokens.length &&
    tokens.at(-1)?.kind === "concept" &&
    (tokens.at(-1) as ConceptToken).concept === "chat"
  )
    tokens = tokens.slice(0, -1);
  if (!tokens.length) return null;
  // "say '50% OFF' in red": the quote is the words; what follows it is styling
  if (tokens[0].kind === "quote") return { text: tokens[0].text, tokens: [tokens[0]] };
  const onlyAttributes = tokens.every(
    (t) =>
      (t.kind === "concept" && ATTRIBUTES.includes(t.concept)) ||
      (t.kind === "word" && /^(?:the|a|an|it|this|please|pls|的|一点|些)$/i.test(t.text)),
  );
  if (onlyAttributes) return null;
  // Emoji after the last word belong to the title ("Summer Glow ☀️"); the tokenizer skips them.
  const end = (tokens.at(-1) as Token).end;
  const emoji =
    /^(?:\s*(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f))+/u.exec(
      v.message.slice(end),
    )?.[0] ?? "";
  const text = v.message
    .slice(tokens[0].start, end + emoji.length)
    .replace(/^(?:the|a|an)\s+/i, "")
    .replace(/^["'“”「」『』《》]+|["'“”「」『』《》]+$/g, "")
    .trim();
  return text ? { text, tokens } : null;
}

function styleEdit(v: ClauseView, target: TextTarget): EditCommand | null {
  const sign = direction(v, ["bigger"], ["smaller"]);
  const factor = sign ? (explicitFactor(v) ?? stepFactor(sign, intensity(v))) : undefined;
  const pos = v.concepts("position");
  const moveWord = v.concepts("move", "up", "down");
  let position = pos.at(-1)?.value as "top" | "center" | "bottom" | undefined;
  if (!position && v.has("move")) {
    if (v.has("up")) position = "top";
    else if (v.has("down")) position = "bottom";
  }
  const color = v.concepts("color").at(-1);
  const style = v.concepts("style").at(-1);
  if (!factor && !position && !color && !style) return null;
  v.use(...pos, ...moveWord, color, style);
  return {
    cmd: "textStyle",
    target,
    ...(factor && { sizeFactor: Math.round(factor * 100) / 100 }),
    ...(position && { position }),
    ...(color && { color: color.value as string }),
    ...(style && { style: style.value as "clean" }),
  };
}

const targetOf = (t: ConceptToken): TextTarget => TARGETS[t.concept] ?? "auto";
const quoteTexts = (quotes: Token[], max: number) =>
  quotes.flatMap((q) => (q.kind === "quote" ? [q.text.slice(0, max)] : [])).slice(0, TEXT_LIMITS.texts);

export function readText(v: ClauseView): EditCommand[] {
  const targets = textTargets(v);
  const naming = v.concepts("naming")[0];
  const quotes = v.tokens.filter((t) => t.kind === "quote");
  if (!targets.length && !naming) {
    // No text named: colours, styles and text positions still mean the text ("make it red", "move it to the top").
    if (v.has(...NOT_TEXT, "shot", "photo", "clip", "canvas", "aspect", "platform")) return [];
    if (quotes.length && !v.has("only", "remove", "without")) {
      v.use(...quotes, ...v.concepts("add", "change"));
      return [{ cmd: "overlays", texts: quoteTexts(quotes, TEXT_LIMITS.text) }];
    }
    const edit = styleEdit(v, "auto");
    if (edit) v.use(...v.concepts("change", "move"));
    return edit ? [edit] : [];
  }
  if (v.has(...NOT_TEXT) && !naming && !v.has("title", "captions", "overlays", "cards")) return [];

  const commands: EditCommand[] = [];
  const main = targets[0];
  const target: TextTarget = main ? targetOf(main) : "title";
  v.use(...targets, naming);
  const polarity = v.polarity(main ?? naming);
  if (polarity === "remove") {
    v.use(...v.concepts("remove", "without", "all", "neg"));
    const all = v.has("all") || targets.some((t) => t.concept === "text");
    return targets.length > 1 && !all
      ? targets.map((t) => ({ cmd: "removeText", target: targetOf(t) }))
      : [{ cmd: "removeText", target: all ? "all" : target }];
  }

  // Words for the title: a quote, or a free-text slot after "call it", "title:", "标题改成" …
  const titleish = naming || targets.find((t) => t.concept === "title");
  const anchor = naming ?? titleish;
  const start = anchor ? slotStart(v, anchor) : null;
  const slot = start !== null ? slotText(v, start) : null;
  const quote = quotes[0];
  // "标题就叫 …" with the words in the next clause: wait for them
  if (start !== null && start >= v.tokens.length && !quote) return [];
  if (titleish && (slot || quote)) {
    const text = slot?.text ?? (quote?.kind === "quote" ? quote.text : "");
    v.use(...(slot?.tokens ?? [quote]), ...v.concepts("change", "to", "add"));
    commands.push({ cmd: "title", text: text.slice(0, TEXT_LIMITS.text) });
  } else if (quote && (target === "captions" || target === "overlays" || target === "all")) {
    v.use(...quotes);
    commands.push(
      target === "captions"
        ? { cmd: "captions", lines: quoteTexts(quotes, TEXT_LIMITS.line) }
        : { cmd: "overlays", texts: quoteTexts(quotes, TEXT_LIMITS.text) },
    );
  }

  const styled = targets.length > 1 ? targets.map((t) => styleEdit(v, targetOf(t))) : [styleEdit(v, target)];
  for (const edit of styled) if (edit) commands.push(edit);
  if (commands.length) {
    v.use(...v.concepts("change", "move", "to"));
    return commands;
  }

  // "make the title …" with nothing after it waits for the clause beside it ("make the title and captions bigger").
  if (polarity === "change") return [];
  // Asked for text without saying what it says.
  const perShot = v.has("per") && v.has("photo", "shot", "clip");
  v.use(...v.concepts("add", "keep", "change", "per", "photo", "shot", "clip", "all"));
  return targets.map((t): EditCommand => {
    switch (t.concept) {
      case "title":
        return { cmd: "title" };
      case "captions":
      case "script":
        return { cmd: "captions", ...(perShot && { perShot: true }) };
      case "cards":
        return { cmd: "captions" };
      default:
        return perShot ? { cmd: "captions", perShot: true } : { cmd: "overlays" };
    }
  });
}
