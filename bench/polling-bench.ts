// Polling cost: upstream requests per export for short to long renders at the production cadence, time-scaled.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeUpstream } from "../test/fake-upstream/server.ts";
import { numberFlag, switchFlag } from "./args.ts";
import { loadNote, writeResultsSection } from "./results-file.ts";
import { saveChart } from "./svg-chart.ts";
import { BenchUser, Book } from "./user-client.ts";
import { startWranglerDev, stopAfter } from "./wrangler-dev.ts";

/** Production seconds per bench second: every timing below runs this much faster, and is scaled back to report. */
const SCALE = numberFlag("scale", 20);
const FIRST_POLL_S = 10;
const POLL_S = 30;
const DEADLINE_S = 3600;
/** Render lengths in production seconds, each mid-way between two polls (15 s from each): jitter cannot move a count. */
const RENDERS_S = [5, 25, 55, 115, 295, 595, 1795];
const PORT = Number(process.env.BENCH_PORT || 8795);
const COMMAND = `npx tsx bench/polling-bench.ts --scale ${SCALE}${switchFlag("write") ? " --write" : ""}`;
const LOAD_BEFORE = loadavg()[0];

const scaled = (productionS: number) => Math.round((productionS * 1000) / SCALE);
/** Polls the cadence needs: the first at 10 s, then every 30 s, until one sees the render finished. */
const expectedPolls = (renderS: number) => 1 + Math.max(0, Math.ceil((renderS - FIRST_POLL_S) / POLL_S));

interface Measured {
  renderS: number;
  polls: number;
  byEndpoint: Record<string, number>;
  /** production seconds from the render finishing to the poll that saw it */
  seenS: number;
  /** real ms (not scaled) from that poll to the export reading completed: the copy into R2 and the bookkeeping */
  copyMs: number;
  /** production seconds from submit to the first poll, and between polls on average */
  firstPollS: number;
  everyS: number;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "reelsmith-polling-"));
  const fake = await startFakeUpstream({ config: { oneTokenPerClient: false, initialCredits: 100_000 } });
  const wrangler = await startWranglerDev({
    dir,
    port: PORT,
    vars: {
      UPSTREAM_URL: fake.url,
      // the fake serves finished renders from loopback, as the engine does under `npm start`
      OUTPUT_ORIGINS: fake.url,
      RENDER_FIRST_POLL_MS: String(scaled(FIRST_POLL_S)),
      RENDER_POLL_MS: String(scaled(POLL_S)),
      RENDER_DEADLINE_MS: String(scaled(DEADLINE_S)),
    },
  });
  const limit = stopAfter(15, wrangler);
  try {
    // One user (one Durable Object) per render, each with a ready draft and its render's length planned.
    const setups = [];
    for (const renderS of RENDERS_S) {
      const user = await BenchUser.create(wrangler.origin, new Book());
      const project = await user.createProject();
      await user.chat(project.id, "[scenario:silent-edit] add a clip");
      const sessionId = (await fake.control.inspect()).requests.filter((r) => r.endpoint === "runSse").at(-1)!
        .sessionId!;
      await fake.control.renderPlan({ durationMs: scaled(renderS), sessionId });
      setups.push({ renderS, user, project, sessionId });
    }
    const before = (await fake.control.inspect()).requests.length;
    const runs = await Promise.all(
      setups.map(async (s) => {
        const exp = await s.user.exportAndWait(s.project.id, 50, scaled(DEADLINE_S));
        if (exp.status !== "completed") throw new Error(`the ${s.renderS} s render ended ${exp.status}`);
        // on the fake upstream's clock (it stamps requests with Date.now())
        return { ...s, completedAt: Date.now() };
      }),
    );
    // Nothing pending now: no upstream request may follow, however long we wait.
    const quietMs = 5 * scaled(POLL_S);
    const settled = (await fake.control.inspect()).requests.length;
    await new Promise((r) => setTimeout(r, quietMs));
    const inspection = await fake.control.inspect();
    const after = inspection.requests.slice(settled).filter((r) => r.endpoint !== null).length;
    const renderIds = new Map(inspection.renders.map((r) => [r.sessionId, r.id]));
    const measured: Measured[] = runs.map((run) => {
      const renderId = renderIds.get(run.sessionId)!;
      const mine = inspection.requests
        .slice(before)
        .filter((r) => r.sessionId === run.sessionId || r.url.includes(renderId));
      const byEndpoint: Record<string, number> = {};
      for (const r of mine) {
        const kind = r.endpoint ?? "output file";
        byEndpoint[kind] = (byEndpoint[kind] ?? 0) + 1;
      }
      const submitAt = mine.find((r) => r.endpoint === "render")!.at;
      const pollAt = mine.filter((r) => r.endpoint === "renderPoll").map((r) => r.at);
      const prodS = (ms: number) => (ms * SCALE) / 1000;
      return {
        renderS: run.renderS,
        polls: pollAt.length,
        byEndpoint,
        seenS: prodS(pollAt.at(-1)! - submitAt - scaled(run.renderS)),
        copyMs: run.completedAt - pollAt.at(-1)!,
        firstPollS: prodS(pollAt[0] - submitAt),
        everyS: pollAt.length > 1 ? prodS((pollAt.at(-1)! - pollAt[0]) / (pollAt.length - 1)) : Number.NaN,
      };
    });
    return { measured, after, quietMs };
  } finally {
    clearTimeout(limit);
    await wrangler.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const minutes = (s: number) => (s < 60 ? `${s} s` : `${(s / 60).toFixed(s % 60 ? 1 : 0)} min`);

function section(r: Awaited<ReturnType<typeof main>>): string {
  const rows = r.measured.map((m) => {
    const all = Object.values(m.byEndpoint).reduce((a, b) => a + b, 0);
    const kinds = Object.entries(m.byEndpoint)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    const every = Number.isFinite(m.everyS) ? `${m.everyS.toFixed(1)} s` : "–";
    return `| ${minutes(m.renderS)} | ${m.polls} | ${expectedPolls(m.renderS)} | ${m.firstPollS.toFixed(1)} s / ${every} | ${all} (${kinds}) | ${m.seenS.toFixed(1)} s | ${Math.round(m.copyMs)} ms |`;
  });
  const chart = saveChart("polling-cost", {
    title: "Render polls per export at the production cadence",
    xLabel: "render length (minutes)",
    yLabel: "polls (= alarm wake-ups)",
    series: [
      { name: "measured", points: r.measured.map((m) => [m.renderS / 60, m.polls] as const) },
      {
        name: "first at 10 s, then every 30 s",
        points: RENDERS_S.map((s) => [s / 60, expectedPolls(s)] as const),
      },
    ],
  });
  return [
    "## Polling cost",
    "",
    `\`${COMMAND}\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, ${loadNote(LOAD_BEFORE)};`,
    `the Worker under \`npm start\`'s runner with the fake upstream. The production cadence (first poll ${FIRST_POLL_S} s after submitting, then every ${POLL_S} s, given up after`,
    `${DEADLINE_S / 60} min) and the render lengths all run ${SCALE}× faster (\`RENDER_FIRST_POLL_MS=${scaled(FIRST_POLL_S)}\`,`,
    `\`RENDER_POLL_MS=${scaled(POLL_S)}\`); counts do not depend on the scale, and times are scaled back. One user (one Durable`,
    "Object) per render, all exporting at once; every request the upstream received for that user's session",
    "from the export on is counted. Render lengths sit mid-way between two polls (15 s from each). Each next poll is",
    "timed from the end of the last, so intervals run a little over 30 s (the poll's own time and the alarm's",
    `delay, both ×${SCALE} here, a fraction of a second each in production); a count below the cadence's means that`,
    "drift passed 15 s over the render. The first-poll and copy columns say how long a finished render waits: for",
    "the poll that sees it (up to 30 s, production time), then for its copy into R2 (real time, not scaled).",
    "",
    "| render length | polls | polls the cadence needs | first poll / then every | upstream requests for the export | render done → a poll sees it | that poll → export completed (real time) |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Per export: one state read (the draft to render), one submit, the polls, and the finished file and its poster",
    "fetched from the addresses the last poll gave (`output file`). Polls grow by two a minute of render: a 30-minute render costs about 60 upstream requests",
    "and as many alarm wake-ups of its user's Durable Object, and one user's renders share that one alarm. The",
    "page's own progress reads (`GET /api/exports/:id` every 1.5 s) never reach the upstream: the Durable Object",
    "answers them from its table.",
    "",
    `Then nothing was pending: in the next ${((r.quietMs * SCALE) / 60_000).toFixed(1)} production minutes (5 poll intervals) the upstream received`,
    `**${r.after}** requests. The alarm is cleared when the last job ends (test/worker/exports.test.ts reads`,
    "`getAlarm()` inside the Durable Object: armed while exports are pending, null with an empty job table after).",
    "",
    chart,
    "",
  ].join("\n");
}

const result = await main();
const text = section(result);
console.log(text);
if (switchFlag("write")) writeResultsSection("Polling cost", text);
