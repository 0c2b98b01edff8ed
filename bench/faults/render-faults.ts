// Faults during an export against the real engine: the Worker or the engine restarted, ffmpeg killed, the disk full.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statfsSync } from "node:fs";
import { join } from "node:path";
import type { BenchUser } from "../user-client.ts";
import type { EngineProcess } from "./engine-process.ts";
import type { Observed } from "./outcome.ts";
import { checkDownload, exportWords, getProject, startExport, waitExport } from "./user-view.ts";

export interface RenderRig {
  user: BenchUser;
  projectId: string;
  /** the project's draft length, seconds: what the MP4 must last */
  expectS: number;
  engine: EngineProcess;
  /** the engine's data folder (a small tmpfs when mounting is allowed) */
  dataDir: string;
  /** SIGINT: a restart; SIGKILL: a crash, nothing flushed */
  restartWorker(signal: "SIGINT" | "SIGKILL"): Promise<void>;
}

const RENDER_MS = 5 * 60_000;
const MIB = 1024 * 1024;

/** Starts an export and waits until the engine's ffmpeg run is `percent` % in, the moment each fault strikes. */
async function exportUnderWay(rig: RenderRig, percent: number): Promise<string> {
  const started = await startExport(rig.user, rig.projectId);
  const e = await waitExport(
    rig.user,
    started.id,
    RENDER_MS,
    (x) => x.progress >= percent || (x.status !== "pending" && x.status !== "processing"),
  );
  if (e?.status !== "processing") throw new Error(`the export was ${e?.status ?? "stuck"} before the fault`);
  return started.id;
}

/** The export completes after the fault; its MP4 is whole. Sets the time to recover from `faultAt`. */
async function expectCompleted(o: Observed, rig: RenderRig, id: string, faultAt: number): Promise<boolean> {
  const end = await waitExport(rig.user, id, RENDER_MS);
  if (end?.status !== "completed") {
    if (end?.status === "failed") o.sees.push(`the export failed: ${await exportWords(o, rig.user, id)}`);
    o.lost.push(end ? "the running export (it failed)" : "the running export (it never ended)");
    return false;
  }
  o.recoverMs = performance.now() - faultAt;
  const mp4 = await checkDownload(o, rig.user, id, rig.expectS);
  o.sees.push(
    `the export goes on and completes; the download is a ${mp4.duration.toFixed(1)} s ${mp4.streams} MP4`,
  );
  return true;
}

/** Exports again, as the page's "Try again" does, and checks that it completes. */
async function exportAgain(o: Observed, rig: RenderRig, faultAt: number): Promise<void> {
  const again = await startExport(rig.user, rig.projectId);
  const end = await waitExport(rig.user, again.id, RENDER_MS);
  if (!o.check(end?.status === "completed", `exporting again ended ${end?.status ?? "never"}`)) return;
  o.recoverMs = performance.now() - faultAt;
  const mp4 = await checkDownload(o, rig.user, again.id, rig.expectS);
  o.sees.push(`exporting again completes (${mp4.duration.toFixed(1)} s ${mp4.streams})`);
}

/** Hidden partial outputs and torn temp records the engine left in its renders folder. */
const leftovers = (rig: RenderRig) =>
  readdirSync(join(rig.dataDir, "renders")).filter((n) => n.startsWith(".") || n.endsWith(".tmp"));

/** Renders the engine's records still call running: a restart would render them again. */
function recordedRunning(rig: RenderRig): string[] {
  const dir = join(rig.dataDir, "renders");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .filter((n) => /"status":"(pending|processing)"/.test(readFileSync(join(dir, n), "utf8")));
}

export async function workerRestart(
  o: Observed,
  rig: RenderRig,
  signal: "SIGINT" | "SIGKILL",
): Promise<void> {
  const id = await exportUnderWay(rig, 5);
  const faultAt = performance.now();
  await rig.restartWorker(signal);
  o.sees.push(`the API is away for ${((performance.now() - faultAt) / 1000).toFixed(1)} s`);
  await expectCompleted(o, rig, id, faultAt);
}

export async function engineRestart(
  o: Observed,
  rig: RenderRig,
  signal: "SIGTERM" | "SIGKILL",
): Promise<void> {
  const id = await exportUnderWay(rig, 20);
  const faultAt = performance.now();
  await rig.engine.stop(signal);
  await rig.engine.restart();
  o.sees.push(`the engine is away for ${((performance.now() - faultAt) / 1000).toFixed(1)} s`);
  await expectCompleted(o, rig, id, faultAt);
}

export async function ffmpegKilled(o: Observed, rig: RenderRig): Promise<void> {
  const id = await exportUnderWay(rig, 20);
  const pids = rig.engine.ffmpegPids();
  if (!o.check(pids.length > 0, "no ffmpeg was running")) return;
  const faultAt = performance.now();
  for (const pid of pids) process.kill(pid, "SIGKILL");
  if (!(await expectCompleted(o, rig, id, faultAt))) await exportAgain(o, rig, faultAt);
}

/**
 * Fills the engine's disk while it renders; the export must fail clearly with nothing partial kept, earlier
 * exports stay downloadable, and once space is freed exporting again completes (time to recover from then).
 */
export async function diskFull(o: Observed, rig: RenderRig): Promise<void> {
  const before = (await getProject(rig.user, rig.projectId)).exports.find((e) => e.status === "completed");
  const id = await exportUnderWay(rig, 10);
  const filler = join(rig.dataDir, "filler.bin");
  const { bavail, bsize } = statfsSync(rig.dataDir);
  execFileSync("fallocate", ["-l", String(bavail * bsize), filler]);
  o.sees.push(`disk filled (${Math.round((bavail * bsize) / MIB)} MiB) at 10 %`);
  try {
    const end = await waitExport(rig.user, id, RENDER_MS);
    if (end?.status === "completed") {
      // The render had already written everything it needed: then the MP4 must be whole.
      await checkDownload(o, rig.user, id, rig.expectS);
      o.sees.push("the export still completed");
    } else if (o.check(end?.status === "failed", `the export ended ${end?.status ?? "never"}`)) {
      o.sees.push(`the export fails: ${await exportWords(o, rig.user, id)}`);
      // "Export again" alone would fail again until space is freed: the user must learn that the disk is full.
      o.check(end?.error?.code === "render_no_space", "the error does not say the disk is full");
    }
    o.check(leftovers(rig).length === 0, `partial files left: ${leftovers(rig).join(", ")}`);
  } finally {
    rmSync(filler, { force: true });
  }
  const freedAt = performance.now();
  const settled = Date.now() + 5_000;
  while (recordedRunning(rig).length && Date.now() < settled) await new Promise((r) => setTimeout(r, 250));
  o.check(recordedRunning(rig).length === 0, "the engine still records the failed render as running");
  if (before) {
    await checkDownload(o, rig.user, before.id, rig.expectS);
    o.sees.push("the earlier export still downloads whole");
  }
  await exportAgain(o, rig, freedAt);
}
