// What one fault scenario ended with, as seen through the public API, and the table of all of them.
import { fmtMs } from "../stats.ts";

export interface Outcome {
  scenario: string;
  /** what the user sees, in words built from the observed answers */
  sees: string;
  /** what was lost (a message, an export, bytes of an upload …); empty when nothing was */
  lost: string[];
  /** from the fault to the user's work being whole again; NaN when it never was */
  recoverMs: number;
  /** anything else that was not clean: a raw or missing error, a wrong status, a leftover file */
  problems: string[];
}

export const clean = (o: Outcome) => o.lost.length === 0 && o.problems.length === 0;

/** Collects one scenario's observations; `check` records a problem when the condition is false. */
export class Observed {
  readonly sees: string[] = [];
  readonly lost: string[] = [];
  readonly problems: string[] = [];
  recoverMs = Number.NaN;

  check(ok: boolean, problem: string): boolean {
    if (!ok) this.problems.push(problem);
    return ok;
  }

  outcome(scenario: string): Outcome {
    return {
      scenario,
      sees: this.sees.join("; "),
      lost: this.lost,
      recoverMs: this.recoverMs,
      problems: this.problems,
    };
  }
}

/** Runs one scenario within `limitMs`; a throw or a timeout becomes a failed outcome with what was seen so far. */
export async function runScenario(
  scenario: string,
  limitMs: number,
  body: (o: Observed) => Promise<void>,
): Promise<Outcome> {
  const o = new Observed();
  const started = performance.now();
  console.log(`· ${scenario}`);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      body(o),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not end within ${limitMs / 1000} s`)), limitMs);
      }),
    ]);
  } catch (e) {
    // fetch's own message ("fetch failed") says nothing; its cause says what broke.
    const cause = (e as Error).cause as Error | undefined;
    const why = `${(e as Error).message}${cause?.message ? ` (${cause.message})` : ""}`;
    o.problems.push(why.split("\n")[0].slice(0, 200));
  } finally {
    clearTimeout(timer);
  }
  const out = o.outcome(scenario);
  console.log(
    `  ${clean(out) ? "ok" : "FAILED"} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${out.sees}` +
      (out.lost.length ? ` | lost: ${out.lost.join(", ")}` : "") +
      (out.problems.length ? ` | problems: ${out.problems.join("; ")}` : ""),
  );
  return out;
}

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
const seconds = (ms: number) => (Number.isFinite(ms) ? `${fmtMs(ms / 1000)} s` : "never");

export function outcomeTable(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) =>
    [
      o.scenario,
      clean(o) ? "ok" : ["**FAILED**", ...o.problems].join(": "),
      o.sees,
      o.lost.length ? o.lost.join("; ") : "nothing",
      seconds(o.recoverMs),
    ]
      .map(cell)
      .join(" | "),
  );
  return [
    "| scenario | result | what the user sees | what was lost | time to recover |",
    "|---|---|---|---|---|",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}
