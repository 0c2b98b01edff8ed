// Splits tokens into clauses and gives readers one clause at a time: what it names, what it asks, what is negated.
import type { Unsupported } from "../../../core/edit-commands.ts";
import type { Concept, ConceptValues } from "../lexicon/types.ts";
import type { Amount } from "./numbers.ts";
import type { ConceptToken, Token } from "./tokenize.ts";

export interface RawClause {
  tokens: Token[];
  /** split from the clause before by a joiner ("and", 然后) or a space between Chinese words, not by punctuation */
  soft: boolean;
}

const isAmount = (t: Token | undefined) =>
  !!t && (t.kind === "number" || t.kind === "ordinal" || t.kind === "duration" || t.kind === "percent");
const isShotNoun = (t: Token | undefined) =>
  t?.kind === "concept" && (t.concept === "photo" || t.concept === "clip" || t.concept === "shot");

/** "swap 1 and 3", "between 5 and 10 seconds", "photo 1 and photo 3": a joiner between two amounts joins, not splits. */
function joinsAmounts(tokens: Token[], at: number): boolean {
  const before = tokens[at - 1];
  const after = isShotNoun(tokens[at + 1]) ? tokens[at + 2] : tokens[at + 1];
  return isAmount(before) && isAmount(after);
}

export function splitClauses(tokens: Token[]): RawClause[] {
  const clauses: RawClause[] = [];
  let current: Token[] = [];
  // whether every separator since the last clause was a soft one
  let softBefore = true;
  tokens.forEach((t, i) => {
    if (t.kind !== "sep" || (!t.hard && joinsAmounts(tokens, i))) {
      current.push(t);
      return;
    }
    if (current.length) {
      clauses.push({ tokens: current, soft: clauses.length > 0 && softBefore });
      current = [];
      softBefore = true;
    }
    if (t.hard) softBefore = false;
  });
  if (current.length) clauses.push({ tokens: current, soft: clauses.length > 0 && softBefore });
  return clauses;
}

type AmountToken<K extends Amount["kind"]> = Token & { kind: K } & Extract<Amount, { kind: K }>;
type Polarity = "add" | "remove" | "keep" | "change" | "mention";

const VERBS: Concept[] = ["add", "remove", "without", "keep", "mute", "change", "move", "trim", "only"];

/** One clause, with the lookups every reader needs and a record of the tokens readers used. */
export class ClauseView {
  readonly used = new Set<Token>();
  /** features a reader found asked for and declines ("music for the first 10 seconds") */
  readonly declined: Unsupported[] = [];
  private readonly position: Map<Token, number>;

  constructor(
    readonly tokens: Token[],
    /** the whole message, for slices of what the user typed */
    readonly message: string,
  ) {
    this.position = new Map(tokens.map((t, i) => [t, i]));
  }

  concepts(...cs: Concept[]): ConceptToken[] {
    return this.tokens.filter((t): t is ConceptToken => t.kind === "concept" && cs.includes(t.concept));
  }

  has(...cs: Concept[]): boolean {
    return this.concepts(...cs).length > 0;
  }

  /** The value of the last token of a valued concept ("red" → its hex). */
  value<C extends keyof ConceptValues>(c: C): ConceptValues[C] | undefined {
    return this.concepts(c).at(-1)?.value as ConceptValues[C] | undefined;
  }

  values<C extends keyof ConceptValues>(c: C): ConceptValues[C][] {
    return this.concepts(c).map((t) => t.value as ConceptValues[C]);
  }

  amounts<K extends Amount["kind"]>(kind: K): AmountToken<K>[] {
    return this.tokens.filter((t): t is AmountToken<K> => t.kind === kind);
  }

  words(): string[] {
    return this.tokens.flatMap((t) => (t.kind === "word" ? [t.text] : []));
  }

  use(...tokens: (Token | undefined)[]): void {
    for (const t of tokens) if (t) this.used.add(t);
  }

  indexOf(t: Token): number {
    return this.position.get(t) ?? -1;
  }

  /** Tokens strictly between two tokens of the clause. */
  between(a: Token, b: Token): Token[] {
    const [i, j] = [this.indexOf(a), this.indexOf(b)].sort((x, y) => x - y);
    return this.tokens.slice(i + 1, j);
  }

  /** What the user typed from one token to another (inclusive), as typed. */
  slice(from: Token, to: Token = this.tokens.at(-1) as Token): string {
    return this.message.slice(from.start, to.end).trim();
  }

  /** A "don't"/别 right before the token (a word or two may sit between: "don't ever add"). */
  negated(t: Token): boolean {
    const i = this.indexOf(t);
    return this.tokens
      .slice(Math.max(0, i - 3), i)
      .some(
        (x) =>
          x.kind === "concept" &&
          (x.concept === "neg" ||
            (x.concept === "without" && VERBS.includes(t.kind === "concept" ? t.concept : "add"))),
      );
  }

  /**
   * What the clause asks of a thing it names: the nearest verb before it (or after it, "music off"), with negation
   * applied — "no music" and "don't add music" remove, "don't remove the music" keeps, "don't change it" keeps.
   */
  polarity(target?: Token): Polarity {
    const verbs = this.concepts(...VERBS).filter((v) => !(v.concept === "without" && this.followedByVerb(v)));
    if (!verbs.length) return "mention";
    const at = target ? this.indexOf(target) : this.tokens.length;
    const before = verbs.filter((v) => this.indexOf(v) < at);
    const verb = before.at(-1) ?? verbs[0];
    const neg = this.negated(verb);
    switch (verb.concept) {
      case "without":
      case "remove":
      case "mute":
        return neg ? "keep" : "remove";
      case "add":
      case "only":
        return neg ? "remove" : "add";
      case "keep":
        return neg ? "remove" : "keep";
      default:
        return neg ? "keep" : "change";
    }
  }

  private followedByVerb(t: ConceptToken): boolean {
    const next = this.tokens[this.indexOf(t) + 1];
    return next?.kind === "concept" && VERBS.includes(next.concept) && next.concept !== "without";
  }
}
