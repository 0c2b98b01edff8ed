// Planner benchmark: the phrase table's pass rate and the time to plan one message on the deterministic path.
import { cpus } from "node:os";
import { planTurn } from "../engine/planner/index.ts";
import { interpret } from "../engine/planner/interpret/index.ts";
import { checkRow } from "../test/engine/phrases/check.ts";
import { converse, MEDIA } from "../test/engine/phrases/fixtures.ts";
import { ROWS } from "../test/engine/phrases/rows.ts";
import { writeResultsSection } from "./results-file.ts";

const COMMAND = "npx tsx bench/planner-bench.ts";
const REPEATS = 30;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (x: number) => x.toFixed(3);

function passRate() {
  const failed: string[] = [];
  for (const row of ROWS) {
    try {
      checkRow(row);
    } catch {
      failed.push(row.say.split("\n")[0]);
    }
  }
  return { passed: ROWS.length - failed.length, failed };
}

/** Times the row's last turn alone (the conversation before it is set up untimed), REPEATS times each. */
function timings() {
  const plan: number[] = [];
  const read: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const row of ROWS) {
      const media = MEDIA[row.media ?? "photos"];
      const before = converse(row.after ?? [], media, row.preset);
      const input = {
        draft: before.draft,
        instruction: row.say,
        media,
        history: [],
        future: [],
        presetId: row.preset,
      };
      let t0 = performance.now();
      interpret(row.say);
      read.push(performance.now() - t0);
      t0 = performance.now();
      planTurn(input);
      plan.push(performance.now() - t0);
    }
  }
  return { plan: plan.sort((a, b) => a - b), read: read.sort((a, b) => a - b) };
}

// Warm the JIT the way a running engine is warm, then measure.
timings();
const { passed, failed } = passRate();
const { plan, read } = timings();
const lines = [
  "## Planner",
  "",
  `\`${COMMAND}\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores (${cpus()[0].model.trim()}).`,
  `Phrase table (\`test/engine/phrases/\`): ${ROWS.length} rows — English, Chinese and both, typos, emoji, casual talk,`,
  "follow-ups — each asserting the draft and that the reply accounts for every clause.",
  `Planning time is one message's whole turn (interpret, apply, lay out, diff, reply) on the deterministic path,`,
  `measured ${REPEATS}× per row after a warm-up round, conversation before it set up untimed; ${plan.length} samples.`,
  "",
  "| figure | value |",
  "|---|---|",
  `| rows passing | ${passed} / ${ROWS.length} (${((passed / ROWS.length) * 100).toFixed(1)}%) |`,
  `| plan a turn, p50 | ${ms(percentile(plan, 50))} ms |`,
  `| plan a turn, p99 | ${ms(percentile(plan, 99))} ms |`,
  `| plan a turn, max | ${ms(plan.at(-1) ?? 0)} ms |`,
  `| interpret only, p50 / p99 | ${ms(percentile(read, 50))} / ${ms(percentile(read, 99))} ms |`,
  "",
  `Aim: every row passes, planning under 5 ms at p50.${failed.length ? ` Failing rows: ${failed.map((f) => `"${f}"`).join(", ")}.` : ""}`,
  "",
];
console.log(lines.join("\n"));

writeResultsSection("Planner", lines.join("\n"));
