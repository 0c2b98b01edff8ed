// Runs ffmpeg: a render with progress from `-progress pipe:1` and abort by signal, or a short job read from stdout; failures carry a short stderr reason.
import { spawn } from "node:child_process";
import { FFMPEG } from "./ffmpeg-bin.ts";

export class RenderError extends Error {
  override name = "RenderError";
}

/** ffmpeg ended by a signal nobody in the engine sent (the OOM killer, an operator): not the draft's fault. */
export class FfmpegKilledError extends RenderError {
  override name = "FfmpegKilledError";
}

export class RenderAbortedError extends Error {
  override name = "AbortError";
  constructor() {
    super("render aborted");
  }
}

export interface FfmpegJob {
  args: string[];
  /** expected output duration, seconds: progress is out_time over this */
  duration: number;
  /** 0–99 while running; the caller reports 100 once the output is in place */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

const STDERR_KEEP = 8192;

/** ffmpeg's follow-on complaints, which only repeat that an earlier error happened. */
const CONSEQUENCES =
  /^(Conversion failed!?|Error marking filters as finished|Error reinitializing filters!?|Cannot determine format of input stream .* after EOF|Failed to inject frame into filter network.*|Error while (filtering|processing the decoded data).*|Nothing was written into output file.*)$/;

/** The first distinct meaningful stderr lines (the cause comes first), without `[demuxer @ 0x…]` prefixes. */
export function stderrReason(stderr: string, code: number | null): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.replace(/^\[[^\]]+ @ 0x[0-9a-f]+\]\s*/i, "").trim())
    .filter((l) => l && !CONSEQUENCES.test(l));
  const reason = [...new Set(lines)].slice(0, 2).join("; ") || `ffmpeg exited with code ${code}`;
  return reason.length > 300 ? `${reason.slice(0, 297)}...` : reason;
}

export function runFfmpeg(job: FfmpegJob): Promise<void> {
  return new Promise((resolve, reject) => {
    if (job.signal?.aborted) return reject(new RenderAbortedError());
    const args = [
      "-hide_banner",
      "-nostdin",
      "-y",
      "-loglevel",
      "error",
      "-progress",
      "pipe:1",
      "-nostats",
      ...job.args,
    ];
    const child = spawn(FFMPEG, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let pending = "";
    let last = -1;
    const onAbort = () => child.kill("SIGKILL");
    job.signal?.addEventListener("abort", onAbort, { once: true });

    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const m = /^out_time_us=(\d+)/.exec(line);
        if (!m || !job.onProgress || job.duration <= 0) continue;
        const percent = Math.min(99, Math.floor((Number(m[1]) / 1e6 / job.duration) * 100));
        if (percent > last) {
          last = percent;
          job.onProgress(percent);
        }
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });
    child.on("error", (err) => {
      job.signal?.removeEventListener("abort", onAbort);
      reject(new RenderError(`cannot start ffmpeg: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      job.signal?.removeEventListener("abort", onAbort);
      if (job.signal?.aborted) reject(new RenderAbortedError());
      else if (signal) reject(new FfmpegKilledError(`ffmpeg was killed (${signal})`));
      else if (code === 0) resolve();
      else reject(new RenderError(stderrReason(stderr, code)));
    });
  });
}

/** Runs a short ffmpeg job (a thumbnail, a measurement) and resolves with its stdout and stderr. */
export function ffmpegOutput(
  args: string[],
  logLevel = "error",
): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG, ["-hide_banner", "-nostdin", "-y", "-loglevel", logLevel, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr = (stderr + d).slice(-STDERR_KEEP);
    });
    child.on("error", (err) => reject(new RenderError(`cannot start ffmpeg: ${err.message}`)));
    child.on("close", (code, signal) => {
      if (signal) reject(new FfmpegKilledError(`ffmpeg was killed (${signal})`));
      else if (code === 0) resolve({ stdout: Buffer.concat(out), stderr });
      else reject(new RenderError(stderrReason(stderr, code)));
    });
  });
}
