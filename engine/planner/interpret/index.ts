// The deterministic interpreter: a message → clauses → typed edit commands, with every clause accounted for.
import {
  type Clause,
  type EditCommand,
  type Interpretation,
  TEXT_LIMITS,
  type Unsupported,
} from "../../../core/edit-commands.ts";
import { type Concept, SUBJECTS } from "../lexicon/types.ts";
import { ClauseView, type RawClause, splitClauses } from "./clause.ts";
import { readFormat } from "./read-format.ts";
import { readHistory } from "./read-history.ts";
import { readCreate, readExport, readHelp } from "./read-intent.ts";
import { readShots } from "./read-shots.ts";
import { readSound } from "./read-sound.ts";
import { readText } from "./read-text.ts";
import { readLength, readShotLength, readTransitions } from "./read-timing.ts";
import { splitScript } from "./script.ts";
import { normalizeMessage, type Token, tokenize } from "./tokenize.ts";

/** Longer messages are cut here: enough for any instruction plus a long script, and bounded work. */
export const MAX_MESSAGE_CHARS = 8000;
/** An instruction is read up to this many tokens; the rest is named in the reply as not read. */
const MAX_TOKENS = 300;

/** Readers in order; history stands alone, the others may each add commands for the same clause. */
const READERS = [
  readCreate,
  readExport,
  readShots,
  readTransitions,
  readShotLength,
  readText,
  readSound,
  readFormat,
  readLength,
];

const TARGETS: Concept[] = Object.values(SUBJECTS).flat();
/** What a clause asks, as opposed to what it names: the part a clause after "and" may share. */
const ACTIONS: Concept[] = [
  "add",
  "remove",
  "without",
  "neg",
  "keep",
  "mute",
  "change",
  "move",
  "only",
  "trim",
  "bigger",
  "smaller",
  "louder",
  "quieter",
  "longer",
  "shorter",
  "faster",
  "slower",
  "up",
  "down",
  "too",
  "slightly",
  "much",
  "more",
  "position",
  "color",
  "style",
];
/** Tokens that carry no request of their own: leftovers of these never make a clause unclear. */
const FILLER_CONCEPTS: Concept[] = [
  "chat",
  "video",
  "all",
  "to",
  "from",
  "more",
  "then",
  "mine",
  "about",
  "slightly",
  "much",
  "per",
  "change",
  "add",
  "keep",
  "neg",
];
const FILLER_WORDS = new Set(
  "the a an it its it's this that these those of in on for me please can could you would will i i'm im we is are be some any so just like really do does did get let's lets let us them they there here what how make made into up my your our by or if also now again too very bit little one ones both either yes bro pls thanks thank u ur guys hey hi ok okay".split(
    " ",
  ),
);
const FILLER_CJK =
  /^[的了吧吗呢啊呀哦嘛把给我你它这那个一下让使弄帮请就还也都再又很真挺得地着过么来去上里点些张段条]+$/;

interface Read {
  tokens: Token[];
  soft: boolean;
  commands: EditCommand[];
  unsupported: Unsupported[];
  help: boolean;
  /** tokens no reader used that carry meaning: what made the clause unclear */
  leftovers: Token[];
}

function isFiller(t: Token): boolean {
  if (t.kind === "sep") return true;
  if (t.kind === "concept") return FILLER_CONCEPTS.includes(t.concept);
  if (t.kind === "word")
    return t.cjk ? FILLER_CJK.test(t.text) : FILLER_WORDS.has(t.text.toLowerCase()) || !/[a-z]/i.test(t.text);
  return false;
}

function read(tokens: Token[], soft: boolean, message: string): Read {
  const v = new ClauseView(tokens, message);
  const unsupported = v.concepts("unsupported");
  v.use(...unsupported);
  const history = readHistory(v);
  const commands = history.length ? history : READERS.flatMap((reader) => reader(v));
  const help = readHelp(v);
  const leftovers = tokens.filter((t) => !v.used.has(t) && !isFiller(t));
  return {
    tokens,
    soft,
    commands,
    unsupported: [
      ...new Map(
        [...unsupported.map((u) => u.value as Unsupported), ...v.declined].map((u) => [u.en, u]),
      ).values(),
    ],
    help,
    leftovers,
  };
}

const isTarget = (t: Token) => t.kind === "concept" && TARGETS.includes(t.concept);
const isAction = (t: Token) => t.kind === "concept" && ACTIONS.includes(t.concept);
/** A clause that only names things ("…and transitions"): it takes its verb from the clause before. */
const onlyNames = (tokens: Token[]) =>
  tokens.some(isTarget) &&
  tokens.every((t) => isTarget(t) || t.kind === "word" || (isFiller(t) && !isAction(t)));
const actionTokens = (tokens: Token[]) => tokens.filter(isAction);
const titleText = (r: Read) =>
  r.commands.find((c): c is Extract<EditCommand, { cmd: "title" }> => c.cmd === "title")?.text;

/** Joins what "and" split too eagerly: shared verbs, shared attributes, and names that contain "and". */
function settle(raw: RawClause[], message: string): Read[] {
  const reads = raw.map((c) => read(c.tokens, c.soft, message));
  for (let i = 0; i < reads.length; i++) {
    const cur = reads[i];
    const prev = reads[i - 1];
    const next = reads[i + 1];
    // "remove the music and transitions": the second clause borrows "remove"
    if (prev && cur.soft && onlyNames(cur.tokens) && prev.commands.length) {
      const borrowed = read([...actionTokens(prev.tokens), ...cur.tokens], cur.soft, message);
      if (borrowed.commands.length) reads[i] = { ...borrowed, tokens: cur.tokens };
      continue;
    }
    // "call it Salt and Pepper": a title that runs on into a clause that means nothing alone
    if (titleText(cur) && next?.soft && !next.commands.length && next.leftovers.length) {
      const merged = read([...cur.tokens, ...next.tokens], cur.soft, message);
      if ((titleText(merged)?.length ?? 0) > (titleText(cur)?.length ?? 0)) {
        reads.splice(i, 2, merged);
        i--;
        continue;
      }
    }
    if (cur.commands.length || !next?.soft) continue;
    // "make the title and captions bigger": the first clause borrows "bigger"
    if (cur.tokens.some(isTarget)) {
      const borrowed = read(
        [...cur.tokens, ...actionTokens(next.tokens).filter((t) => !isTarget(t))],
        cur.soft,
        message,
      );
      if (borrowed.commands.length && !borrowed.leftovers.length) {
        reads[i] = { ...borrowed, tokens: cur.tokens };
        continue;
      }
    }
    // "call it Salt and Pepper", "add rock and roll music": one clause after all
    const merged = read([...cur.tokens, ...next.tokens], cur.soft, message);
    if (merged.commands.length && !merged.leftovers.length) {
      reads.splice(i, 2, merged);
      i--;
    }
  }
  return reads;
}

/** Concepts a description of the video is made of ("the first clip is too long"), as opposed to a request. */
const DESCRIBES: Concept[] = [
  ...TARGETS,
  "too",
  "longer",
  "shorter",
  "louder",
  "quieter",
  "bigger",
  "smaller",
  "faster",
  "slower",
];
const describes = (t: Token) =>
  (t.kind === "concept" && DESCRIBES.includes(t.concept)) || t.kind === "ordinal" || t.kind === "number";

function outcome(r: Read, next: Read | undefined): Clause["outcome"] {
  if (r.commands.length) return "commands";
  if (r.unsupported.length) return "unsupported";
  // "第一段太长了，只要前5秒": a complaint the next clause acts on is context, not a request left undone.
  if (next?.commands.length && r.leftovers.every(describes)) return "chat";
  return r.leftovers.length ? "unclear" : "chat";
}

const clauseText = (r: Read, message: string) =>
  r.tokens.length ? message.slice(r.tokens[0].start, (r.tokens.at(-1) as Token).end).trim() : "";

/** Script lines become captions (or cards): on the clause that asked for them, else on a clause of their own. */
function attachScript(clauses: Clause[], lines: string[], perShot: boolean): Clause[] {
  const isTextAsk = (c: EditCommand) =>
    (c.cmd === "captions" && !c.lines) || (c.cmd === "overlays" && !c.texts);
  const captions: EditCommand = { cmd: "captions", lines, ...(perShot && { perShot: true }) };
  const host = clauses.find((c) => c.commands.some(isTextAsk));
  if (host) {
    const commands = host.commands.filter((c) => !isTextAsk(c));
    return clauses.map((c) => (c === host ? { ...c, commands: [...commands, captions] } : c));
  }
  // A clause that only said "script"/"文案" is what the lines answer.
  const scriptOnly = clauses.find(
    (c) => c.outcome === "unclear" && /script|文案|脚本|copy|lines|字幕/i.test(c.text),
  );
  const rest = scriptOnly ? clauses.filter((c) => c !== scriptOnly) : clauses;
  return [...rest, { text: scriptOnly?.text ?? lines[0], commands: [captions], outcome: "commands" }];
}

export function interpret(message: string): Interpretation {
  const text = normalizeMessage(message).slice(0, MAX_MESSAGE_CHARS);
  const { instruction, lines } = splitScript(text);
  const tokens = tokenize(instruction);
  const reads = settle(splitClauses(tokens.slice(0, MAX_TOKENS)), instruction);
  let clauses: Clause[] = reads.map((r, i) => ({
    text: clauseText(r, instruction),
    commands: r.commands,
    outcome: outcome(r, reads[i + 1]),
    ...(r.unsupported.length && { unsupported: r.unsupported }),
  }));
  if (tokens.length > MAX_TOKENS) {
    const rest = instruction.slice(tokens[MAX_TOKENS].start).trim();
    clauses.push({
      text: rest.length > 60 ? `${rest.slice(0, 60)}…` : rest,
      commands: [],
      outcome: "unclear",
    });
  }
  const perShot = reads.some((r) => r.commands.some((c) => c.cmd === "captions" && c.perShot));
  const script = lines.slice(0, TEXT_LIMITS.lines).map((l) => l.slice(0, TEXT_LIMITS.line));
  if (script.length) clauses = attachScript(clauses, script, perShot);
  const wantsScript =
    !lines.length &&
    (clauses.some((c) => c.commands.some((x) => x.cmd === "captions" && !x.lines)) ||
      /\bscript\b|文案|脚本/i.test(instruction));
  return {
    clauses,
    help: reads.some((r) => r.help),
    wantsScript,
  };
}
