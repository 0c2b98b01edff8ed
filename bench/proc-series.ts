// Memory and open descriptors of a running stack over time, per role (engine, wrangler, workerd, ffmpeg), from /proc.
import { anonBytes, openFds, processTree, read, rssBytes } from "./proc-memory.ts";
import { slope } from "./stats.ts";

export type Role = "engine" | "wrangler" | "workerd" | "ffmpeg" | "other";
export const ROLES: Role[] = ["engine", "wrangler", "workerd", "ffmpeg", "other"];

/** What a process is, from its name and command line (tsx and wrangler launchers count with their child). */
export function roleOf(pid: number): Role {
  const comm = read(`/proc/${pid}/comm`).trim();
  if (comm === "workerd") return "workerd";
  if (comm === "ffmpeg" || comm === "ffprobe") return "ffmpeg";
  const cmd = read(`/proc/${pid}/cmdline`).replaceAll("\0", " ");
  if (cmd.includes("engine/main.ts")) return "engine";
  if (cmd.includes("wrangler") || cmd.includes("dev-worker.mjs")) return "wrangler";
  return "other";
}

export interface Sample {
  /** seconds since the sampler started */
  t: number;
  rssMiB: Record<Role, number>;
  /** of the RSS, anonymous memory (heaps); the rest is mapped files (SQLite, R2's local blobs) and shared memory */
  anonMiB: Record<Role, number>;
  fds: Record<Role, number>;
  sockets: Record<Role, number>;
}

const zero = (): Record<Role, number> => ({ engine: 0, wrangler: 0, workerd: 0, ffmpeg: 0, other: 0 });

/** One reading of every process under the given roots. */
export function sampleTree(rootPids: number[], t: number): Sample {
  const s: Sample = { t, rssMiB: zero(), anonMiB: zero(), fds: zero(), sockets: zero() };
  const seen = new Set<number>();
  for (const root of rootPids)
    for (const pid of processTree(root)) {
      if (seen.has(pid)) continue;
      seen.add(pid);
      const role = roleOf(pid);
      const fds = openFds(pid);
      s.rssMiB[role] += rssBytes(pid) / 2 ** 20;
      s.anonMiB[role] += anonBytes(pid) / 2 ** 20;
      s.fds[role] += fds.all;
      s.sockets[role] += fds.sockets;
    }
  return s;
}

export interface SeriesSampler {
  samples: Sample[];
  /** seconds since the sampler started: the samples' clock */
  elapsedS(): number;
  stop(): void;
}

/** Samples the trees every `everyMs`; roots may change (a restarted process) through `roots()`. */
export function seriesSampler(roots: () => number[], everyMs = 1000): SeriesSampler {
  const started = performance.now();
  const elapsedS = () => (performance.now() - started) / 1000;
  const samples: Sample[] = [];
  const take = () => samples.push(sampleTree(roots(), elapsedS()));
  take();
  const timer = setInterval(take, everyMs);
  return { samples, elapsedS, stop: () => clearInterval(timer) };
}

/** Points of one role's measure, x in minutes or seconds. */
export function pointsOf(
  samples: Sample[],
  role: Role,
  measure: "rssMiB" | "fds" | "sockets",
  xUnit: "s" | "min" = "s",
): Array<[number, number]> {
  return samples.map((s) => [xUnit === "min" ? s.t / 60 : s.t, s[measure][role]]);
}

/** The roles that held any memory during the run (ffmpeg only appears while rendering). */
export const activeRoles = (samples: Sample[]) =>
  ROLES.filter((r) => samples.some((s) => s.rssMiB[r] > 0) && r !== "other");

export interface RoleSummary {
  role: Role;
  startMiB: number;
  peakMiB: number;
  endMiB: number;
  /** MiB per minute over the window, by least squares */
  slopeMiBPerMin: number;
  /** the slope of the anonymous part alone */
  anonSlopeMiBPerMin: number;
  startFds: number;
  peakFds: number;
  endFds: number;
  fdSlopePerMin: number;
}

/** Seconds into the run a slope is fitted over: a soak leaves out its warm-up and the drain after the load. */
export interface SlopeWindow {
  from: number;
  to: number;
}

export function summarize(samples: Sample[], role: Role, window: SlopeWindow): RoleSummary {
  const end = samples.at(-1)!;
  const inside = samples.filter((s) => s.t >= window.from && s.t <= window.to);
  const perMin = (m: "rssMiB" | "anonMiB" | "fds") =>
    slope(inside.map((s) => [s.t / 60, s[m][role]] as const));
  return {
    role,
    startMiB: samples[0].rssMiB[role],
    peakMiB: Math.max(...samples.map((s) => s.rssMiB[role])),
    endMiB: end.rssMiB[role],
    slopeMiBPerMin: perMin("rssMiB"),
    anonSlopeMiBPerMin: perMin("anonMiB"),
    startFds: samples[0].fds[role],
    peakFds: Math.max(...samples.map((s) => s.fds[role])),
    endFds: end.fds[role],
    fdSlopePerMin: perMin("fds"),
  };
}
