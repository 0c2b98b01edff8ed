// Render benchmark: the issue's three workloads against pure-encode lower bounds; writes the Rendering section of RESULTS.md.
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { encodingFor, outputArgs, X264_PRESET } from "../engine/render/encode-args.ts";
import { probeMedia } from "../engine/render/probe.ts";
import { buildRenderGraph, renderDraft } from "../engine/render/render-draft.ts";
import { canvasOf, planRender } from "../engine/render/render-plan.ts";
import { ffmpeg, resolverFor } from "../test/engine/helpers/media-fixtures.ts";
import { WORKLOADS, type Workload } from "./render-workloads.ts";

const RESULTS = new URL("./RESULTS.md", import.meta.url);
const COMMAND = "npx tsx bench/render-bench.ts --runs 2";

/** CPU seconds used by finished child processes (ffmpeg), from /proc/self/stat cutime + cstime. */
function childCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

interface Timing {
  wall: number;
  cpu: number;
}

/** `--runs N`: render and bounds run N times, interleaved, keeping the fastest of each (the machine is shared). */
const RUNS = Math.max(1, Number(process.argv[process.argv.indexOf("--runs") + 1]) || 1);

async function timed(run: () => Promise<unknown>): Promise<Timing> {
  const [wall0, cpu0] = [performance.now(), childCpuSeconds()];
  await run();
  return { wall: (performance.now() - wall0) / 1000, cpu: childCpuSeconds() - cpu0 };
}

const faster = (a: Timing | undefined, b: Timing) => (a && a.wall <= b.wall ? a : b);

interface Row {
  name: string;
  seconds: number;
  render: Timing;
  sameFrames: Timing;
  testsrc: Timing;
  sizeMB: number;
  budgetMB?: number;
  output: string;
}

async function bench(w: Workload, dir: string): Promise<Row> {
  const out = join(dir, "out.mp4");
  const { width, height, fps } = canvasOf(w.draft);
  const seconds = w.draft.d / 1000;
  const output = [
    ...outputArgs(encodingFor(w.draft.m, seconds, fps)),
    "-t",
    String(seconds),
    join(dir, "bound.mp4"),
  ];
  // Bound 1: exactly the frames and sound the encoders receive in the render, produced beforehand, encoded alone.
  const [raw, wav] = [join(dir, "frames.yuv"), join(dir, "mix.wav")];
  const graph = await buildRenderGraph(planRender(w.draft, resolverFor(w.media)), dir);
  await ffmpeg([
    ...graph.args,
    "-map",
    graph.video,
    "-f",
    "rawvideo",
    "-pix_fmt",
    "yuv420p",
    raw,
    "-map",
    graph.audio,
    wav,
  ]);
  const rawVideo = [
    "-f",
    "rawvideo",
    "-pix_fmt",
    "yuv420p",
    "-s",
    `${width}x${height}`,
    "-r",
    String(fps),
    "-i",
    raw,
  ];
  // Bound 2: a synthetic moving pattern and a tone of the same size and length.
  const lavfi = ["-f", "lavfi", "-i", `testsrc2=s=${width}x${height}:r=${fps}:d=${seconds}`];
  const synthetic = [...lavfi, "-f", "lavfi", "-i", `sine=r=48000:d=${seconds}`];
  let [render, sameFrames, testsrc]: (Timing | undefined)[] = [];
  for (let i = 0; i < RUNS; i++) {
    render = faster(
      render,
      await timed(() => renderDraft(w.draft, { outPath: out, resolveMedia: resolverFor(w.media) })),
    );
    sameFrames = faster(sameFrames, await timed(() => ffmpeg([...rawVideo, "-i", wav, ...output])));
    testsrc = faster(testsrc, await timed(() => ffmpeg([...synthetic, ...output])));
  }
  await rm(raw);
  const probe = await probeMedia(out);
  const budget = w.draft.m.budget;
  return {
    name: w.name,
    seconds,
    render: render!,
    sameFrames: sameFrames!,
    testsrc: testsrc!,
    sizeMB: (await stat(out)).size / 2 ** 20,
    budgetMB: budget ? budget / 2 ** 20 : undefined,
    output: `${probe.width}×${probe.height} ${probe.fps} fps ${probe.videoCodec} ${probe.videoProfile} ${probe.pixFmt} + ${probe.audioCodec} ${probe.sampleRate} Hz, ${probe.duration.toFixed(2)} s, faststart ${probe.moovBeforeMdat}`,
  };
}

const f = (n: number, digits = 2) => n.toFixed(digits);

/** The issue's aims, checked: faster than real time, and within 1.3× of each bound (wall time). */
function verdict(r: Row): string {
  const within = (bound: Timing) => (r.render.wall <= 1.3 * bound.wall ? "within" : "not within");
  const realtime = r.render.wall < r.seconds ? "faster than real time" : "NOT faster than real time";
  const budget = r.budgetMB ? (r.sizeMB <= r.budgetMB ? ", budget met" : ", BUDGET MISSED") : "";
  return `Aims: ${realtime}; ${within(r.sameFrames)} 1.3× of the same-frames bound; ${within(r.testsrc)} 1.3× of testsrc2${budget}.`;
}

function section(rows: Row[], load: number[]): string {
  const lines = [
    "## Rendering",
    "",
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model.trim()}), ffmpeg 5.1 (Debian), x264 preset \`${X264_PRESET}\`.`,
    `Command: \`${COMMAND}\`. Load average before/after the run: ${load.map((l) => f(l)).join(" / ")} (the machine is shared).`,
    "",
    "Render = `renderDraft` end to end: one analysis run (loudness, thumbnails), text drawn, one ffmpeg run (video",
    "and mastered audio), ffprobe check, the cover's frame decoded from the output (title drawn on if needed).",
    "Lower bounds run the same output settings (x264 + AAC + faststart) on the same frame count and size with no",
    "decoding and no filters: _same frames_ = exactly the frames and sound the encoders received in the render,",
    "written to raw YUV/WAV beforehand (the honest bound:",
    "identical content); _testsrc2_ = a synthetic moving pattern with a tone. Realtime = video seconds ÷",
    "wall seconds. Ratio = render ÷ bound, by wall time and by CPU time (CPU is stable when other jobs share the cores).",
    `Each figure is the fastest of ${RUNS} run(s).`,
    "",
    "| workload | render wall | realtime | render CPU | same-frames wall / CPU | ratio wall / CPU | testsrc2 wall / CPU | ratio wall / CPU | size |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${f(r.render.wall, 1)} s | ${f(r.seconds / r.render.wall)}× | ${f(r.render.cpu, 1)} s | ` +
        `${f(r.sameFrames.wall, 1)} s / ${f(r.sameFrames.cpu, 1)} s | ${f(r.render.wall / r.sameFrames.wall)} / ${f(r.render.cpu / r.sameFrames.cpu)} | ` +
        `${f(r.testsrc.wall, 1)} s / ${f(r.testsrc.cpu, 1)} s | ${f(r.render.wall / r.testsrc.wall)} / ${f(r.render.cpu / r.testsrc.cpu)} | ` +
        `${f(r.sizeMB, 1)} MB${r.budgetMB ? ` (budget ${f(r.budgetMB, 0)} MB)` : ""} |`,
    ),
    "",
    ...rows.map((r) => `- ${r.name}: ${r.output}. ${verdict(r)}`),
    "",
    // The unit docs/scaling.md sizes engines with.
    `Renders an hour one engine process sustains on these ${cpus().length} cores (its queue runs one render at a time per two`,
    `cores, so 3600 s ÷ render wall): ${rows.map((r) => `${r.name.split(" (")[0]} **${Math.floor(3600 / r.render.wall)}**`).join("; ")}.`,
    "",
    "Where the time above the same-frames bound goes (measured by running the filter graph alone): decoding the",
    "sources (≈3 ms per 1080×1920 H.264 frame on one thread), per-frame zoom scaling of stills (≈3 ms per frame;",
    "pans are free crops), text layers (each a PNG drawn once, then overlaid only where it is), transition pieces",
    "(overlay fades/slides; xfade for wipe/zoom), and before the run the loudness measurement (audio only) and",
    "the small thumbnails that text colours and the cover are chosen from. The",
    "testsrc2 bound is cheaper content than grainy photos or phone footage (compare it with the same-frames bound),",
    "so its ratios mix renderer overhead with content difficulty; the same-frames ratio isolates the renderer.",
    "",
  ];
  return lines.join("\n");
}

function writeSection(text: string): void {
  let doc = "";
  try {
    doc = readFileSync(RESULTS, "utf8");
  } catch {
    doc = "# Benchmark results\n\n";
  }
  const start = doc.indexOf("## Rendering");
  if (start < 0) doc = `${doc.trimEnd()}\n\n${text}`;
  else {
    const next = doc.indexOf("\n## ", start + 1);
    doc = doc.slice(0, start) + text + (next < 0 ? "" : `\n${doc.slice(next + 1)}`);
  }
  writeFileSync(RESULTS, `${doc.trimEnd()}\n`);
}

const dir = await mkdtemp(join(tmpdir(), "render-bench-"));
try {
  const loadBefore = loadavg()[0];
  const rows: Row[] = [];
  for (const make of WORKLOADS) {
    const workload = await make(dir);
    const row = await bench(workload, dir);
    console.log(
      `${row.name}: render ${f(row.render.wall, 1)} s wall / ${f(row.render.cpu, 1)} s CPU; same-frames bound ${f(row.sameFrames.wall, 1)} / ${f(row.sameFrames.cpu, 1)}; testsrc2 ${f(row.testsrc.wall, 1)} / ${f(row.testsrc.cpu, 1)}; ${f(row.sizeMB, 1)} MB`,
    );
    rows.push(row);
  }
  const text = section(rows, [loadBefore, loadavg()[0]]);
  if (!process.argv.includes("--no-write")) writeSection(text);
  console.log(`\n${text}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
