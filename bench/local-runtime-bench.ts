// The local runtime under load: `wrangler dev` with and without its DevTools inspector; its entry worker's keep-alive race.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeUpstream } from "../test/fake-upstream/server.ts";
import { numberFlag, switchFlag } from "./args.ts";
import { ROLES, type Sample, seriesSampler } from "./proc-series.ts";
import { writeResultsSection } from "./results-file.ts";
import { fmtMs, spread } from "./stats.ts";
import { saveChart } from "./svg-chart.ts";
import { BenchUser, Book } from "./user-client.ts";
import { startWranglerDev } from "./wrangler-dev.ts";

const EXPORTS = numberFlag("exports", 20);
const RENDER_BYTES = 7 * 2 ** 20;
const EXPORT_TIMEOUT_MS = 60_000;
const PORT = Number(process.env.BENCH_PORT || 8799);
const COMMAND = `npx tsx bench/local-runtime-bench.ts --exports ${EXPORTS} --tries ${numberFlag("tries", 5)}`;

const RUNNERS = [
  { id: "wrangler-cli", label: "`wrangler dev` (inspector on)" },
  { id: "dev-worker", label: "scripts/dev-worker.mjs (inspector off)" },
] as const;

interface RunResult {
  label: string;
  done: number;
  stalledAt?: number;
  secondsPerExport: number[];
  samples: Sample[];
}

const total = (s: Sample, m: "rssMiB" | "sockets") => ROLES.reduce((n, r) => n + s[m][r], 0);

async function run(runner: (typeof RUNNERS)[number]): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "reelsmith-runtime-"));
  const fake = await startFakeUpstream({ config: { renderFileBytes: RENDER_BYTES, renderMs: 200 } });
  const wrangler = await startWranglerDev({
    dir,
    port: PORT,
    runner: runner.id,
    vars: { UPSTREAM_URL: fake.url, RENDER_FIRST_POLL_MS: "200", RENDER_POLL_MS: "200" },
  });
  const sampler = seriesSampler(() => [wrangler.process.pid!], 250);
  const result: RunResult = { label: runner.label, done: 0, secondsPerExport: [], samples: sampler.samples };
  try {
    const user = await BenchUser.create(wrangler.origin, new Book());
    const project = await user.createProject();
    await user.chat(project.id, "[scenario:edit] add the clip");
    for (let i = 1; i <= EXPORTS; i++) {
      const started = performance.now();
      const exp = await user.exportAndWait(project.id, 200, EXPORT_TIMEOUT_MS).catch(() => null);
      if (exp?.status !== "completed") {
        result.stalledAt = i;
        break;
      }
      result.secondsPerExport.push((performance.now() - started) / 1000);
      result.done = i;
    }
    await new Promise((r) => setTimeout(r, 10_000));
  } finally {
    sampler.stop();
    await wrangler.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `${runner.label}: ${result.done} exports${result.stalledAt ? `, stalled at ${result.stalledAt}` : ""}`,
  );
  return result;
}

/** Idle gaps before a POST, in ms, around workerd's 5 s idle close of the proxy's pooled connection. */
const GAPS = [3000, 4900, 4950, 4975, 5000, 6000];
const TRIES = numberFlag("tries", 5);

/** For each gap: how many of TRIES POSTs, sent after the connection idled that long, the proxy dropped (503). */
async function keepAliveRace(): Promise<Array<{ gap: number; dropped: number }>> {
  const dir = mkdtempSync(join(tmpdir(), "reelsmith-race-"));
  const fake = await startFakeUpstream();
  const wrangler = await startWranglerDev({ dir, port: PORT, vars: { UPSTREAM_URL: fake.url } });
  const out: Array<{ gap: number; dropped: number }> = [];
  try {
    const cookie = (await fetch(`${wrangler.origin}/api/me`)).headers.get("Set-Cookie")!.split(";")[0];
    const call = (method: string, path: string, body?: string) =>
      fetch(wrangler.origin + path, {
        method,
        body,
        headers: { Cookie: cookie, "Content-Type": "application/json" },
      }).then(async (r) => ({ status: r.status, text: await r.text() }));
    for (const gap of GAPS) {
      let dropped = 0;
      for (let i = 0; i < TRIES; i++) {
        await call("GET", "/api/projects");
        await new Promise((r) => setTimeout(r, gap));
        const answer = await call("POST", "/api/projects", JSON.stringify({ preset: "tiktok" }));
        if (answer.status === 503 && answer.text.startsWith("Your worker restarted")) dropped++;
      }
      console.log(`idle ${gap} ms: ${dropped} of ${TRIES} dropped`);
      out.push({ gap, dropped });
    }
  } finally {
    await wrangler.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function section(results: RunResult[], race: Array<{ gap: number; dropped: number }>): string {
  const rows = results.map((r) => {
    const s = spread(r.secondsPerExport);
    const first = r.samples[0];
    const last = r.samples.at(-1)!;
    const peakSockets = Math.max(...r.samples.map((x) => total(x, "sockets")));
    const peakWorkerd = Math.max(...r.samples.map((x) => x.rssMiB.workerd));
    const done = r.stalledAt
      ? `${r.done} (export ${r.stalledAt} not done in ${EXPORT_TIMEOUT_MS / 1000} s)`
      : `${r.done}`;
    return `| ${r.label} | ${done} | ${fmtMs(s.p50)} / ${fmtMs(s.max)} | ${total(first, "sockets")} → ${peakSockets} → ${total(last, "sockets")} | ${first.rssMiB.workerd.toFixed(0)} → ${peakWorkerd.toFixed(0)} → ${last.rssMiB.workerd.toFixed(0)} | ${first.rssMiB.wrangler.toFixed(0)} → ${last.rssMiB.wrangler.toFixed(0)} |`;
  });
  const chart = (m: "rssMiB" | "sockets", yLabel: string, name: string, title: string) =>
    saveChart(name, {
      title,
      xLabel: "seconds into the run",
      yLabel,
      series: results.map((r) => ({
        name: r.label.replaceAll("`", ""),
        points: r.samples.map((s) => [s.t, m === "rssMiB" ? s.rssMiB.workerd : total(s, "sockets")] as const),
      })),
    });
  return [
    "## Local runtime",
    "",
    `\`${COMMAND}\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, wrangler 4.86.0, the fake upstream.`,
    `One user, one project, then ${EXPORTS} exports one after another; each ends with the Durable Object copying a`,
    `${RENDER_BYTES / 2 ** 20} MiB render from the upstream into R2 (render and polls at 200 ms, so the copy dominates).`,
    "The same Worker, state and requests under each runner; the process tree is sampled every 250 ms until 10 s after",
    "the last export.",
    "",
    "| runner | exports done | s per export, p50 / max | sockets start → peak → end | workerd RSS MiB start → peak → end | wrangler RSS MiB start → end |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    "With the inspector on, wrangler's inspector proxy (a Worker in the first workerd) posts every DevTools event to",
    "the wrangler process as its own HTTP request and buffers every event until a DevTools window attaches: each chunk",
    "of a fetched body is a `Network.dataReceived` event, so one copy is a thousand-odd loopback connections and",
    "memory that never comes back. `wrangler dev` has no flag to turn the inspector off, so `npm start` runs the same",
    "Worker through wrangler's `unstable_startWorker` with `inspector: false` (scripts/dev-worker.mjs; `INSPECT=1`",
    "turns it back on). Production has no such proxy; this was a cost of the local stack only.",
    "",
    chart("sockets", "open sockets (whole tree)", "runtime-sockets", "Open sockets of the local runtime"),
    chart("rssMiB", "workerd RSS (MiB)", "runtime-workerd-rss", "workerd memory of the local runtime"),
    "",
    "A second artefact of the local runtime, under either runner: requests reach the Worker through wrangler's entry",
    "worker, which keeps a pool of connections to it, and workerd closes a connection that has idled 5 s. A request",
    "sent on a pooled connection in the instant it is being closed is lost; the entry worker sends GET and HEAD again",
    'by itself and answers anything else with 503 "Your worker restarted mid-request" (the Worker never saw it). One',
    `user, one GET, an idle gap, then one POST, ${TRIES} times per gap:`,
    "",
    `| idle gap before the POST | ${GAPS.map((g) => `${g} ms`).join(" | ")} |`,
    `|---|${GAPS.map(() => "---").join("|")}|`,
    `| POSTs dropped with 503 | ${race.map((r) => `${r.dropped} / ${TRIES}`).join(" | ")} |`,
    "",
    "Under load many pooled connections pass the 5 s mark at once, and in trial runs of the many-users bench every",
    "visit met this on an upload part or completion. The bench's client therefore sends such a request again (PUT",
    "parts and completion are idempotent by contract; a re-sent message or export would show as a duplicate in the",
    "visit's checks) and reports how many it re-sent. Production has no entry worker in front of the Worker.",
    "",
  ].join("\n");
}

const results: RunResult[] = [];
for (const runner of RUNNERS) results.push(await run(runner));
const text = section(results, await keepAliveRace());
console.log(text);
if (switchFlag("write")) writeResultsSection("Local runtime", text);
