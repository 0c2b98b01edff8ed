// Load runs against `npm start`'s stack with every process sampled; their latency, memory and descriptor tables and charts.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Stack, startStack } from "../test/e2e/stack.ts";
import {
  activeRoles,
  pointsOf,
  type Sample,
  type SlopeWindow,
  seriesSampler,
  summarize,
} from "./proc-series.ts";
import { fmtMs, spread } from "./stats.ts";
import { saveChart } from "./svg-chart.ts";
import type { Book } from "./user-client.ts";

/**
 * Starts the stack, samples it every `sampleMs` while `load` runs, and stops everything; the whole run is bounded
 * by `limitMs` (a stuck run exits, and the stack is stopped with it).
 */
export async function underStack<T>(
  opts: { sampleMs: number; limitMs: number; settleMs: number },
  /** `elapsedS` answers seconds on the samples' clock */
  load: (stack: Stack, elapsedS: () => number) => Promise<T>,
): Promise<{ result: T; samples: Sample[] }> {
  // Everything the stack prints, for reading after a run that went wrong.
  const logFile = join(tmpdir(), `reelsmith-stack-${process.pid}.log`);
  console.log(`stack output: ${logFile}`);
  const stack = await startStack({ logFile });
  const limit = setTimeout(() => {
    console.error(`the run took over ${Math.round(opts.limitMs / 60_000)} min: stopping\n${stack.logTail()}`);
    process.exit(1);
  }, opts.limitMs);
  const sampler = seriesSampler(() => [stack.pid], opts.sampleMs);
  try {
    const result = await load(stack, sampler.elapsedS);
    // What the processes keep once the load has gone.
    await new Promise((r) => setTimeout(r, opts.settleMs));
    return { result, samples: sampler.samples };
  } finally {
    sampler.stop();
    clearTimeout(limit);
    await stack.stop();
  }
}

/** Latency per route: count, p50, p90, p99 and max, slowest p99 first. */
export function routeTable(book: Book): string {
  const rows = [...book.latency]
    .map(([route, ms]) => ({ route, s: spread(ms) }))
    .sort((a, b) => b.s.p99 - a.s.p99)
    .map(
      ({ route, s }) =>
        `| \`${route}\` | ${s.n} | ${fmtMs(s.p50)} | ${fmtMs(s.p90)} | ${fmtMs(s.p99)} | ${fmtMs(s.max)} |`,
    );
  return ["| route | calls | p50 ms | p90 ms | p99 ms | max ms |", "|---|---|---|---|---|---|", ...rows].join(
    "\n",
  );
}

const mib = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");
const rate = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? "+" : ""}${x.toFixed(2)}` : "–");

/** Memory and descriptors per process role: start, peak, end, and the slope over `window` (seconds into the run). */
export function processTable(samples: Sample[], window: SlopeWindow): string {
  const rows = activeRoles(samples).map((role) => {
    const s = summarize(samples, role, window);
    // ffmpeg processes come and go with renders: a slope of their sum says nothing.
    const [memSlope, anonSlope, fdSlope] =
      role === "ffmpeg"
        ? ["–", "–", "–"]
        : [rate(s.slopeMiBPerMin), rate(s.anonSlopeMiBPerMin), rate(s.fdSlopePerMin)];
    return `| ${role} | ${mib(s.startMiB)} → ${mib(s.peakMiB)} → ${mib(s.endMiB)} | ${memSlope} | ${anonSlope} | ${s.startFds} → ${s.peakFds} → ${s.endFds} | ${fdSlope} |`;
  });
  return [
    "| process | RSS MiB start → peak → end | RSS slope MiB/min | of it anonymous (heaps) MiB/min | open fds start → peak → end | fd slope /min |",
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Two charts (RSS and open descriptors per process over the run), saved under bench/charts; their Markdown. */
export function processCharts(name: string, title: string, samples: Sample[], xUnit: "s" | "min"): string[] {
  const roles = activeRoles(samples);
  const xLabel = xUnit === "min" ? "minutes into the run" : "seconds into the run";
  return [
    saveChart(`${name}-rss`, {
      title: `${title}: resident memory per process`,
      xLabel,
      yLabel: "RSS (MiB)",
      series: roles.map((r) => ({ name: r, points: pointsOf(samples, r, "rssMiB", xUnit) })),
    }),
    saveChart(`${name}-fds`, {
      title: `${title}: open file descriptors per process`,
      xLabel,
      yLabel: "open descriptors",
      series: roles.map((r) => ({ name: r, points: pointsOf(samples, r, "fds", xUnit) })),
    }),
  ];
}
