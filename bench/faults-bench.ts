// Faults against real processes, checked as a user would through the public API: `npx tsx bench/faults-bench.ts [--write]`.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../test/e2e/stack.ts";
import { startFakeUpstream } from "../test/fake-upstream/server.ts";
import { switchFlag } from "./args.ts";
import { retryStaleSockets, staleSocketRetries } from "./faults/browser-fetch.ts";
import { startEngine } from "./faults/engine-process.ts";
import { photo } from "./faults/media.ts";
import { clean, type Outcome, outcomeTable, runScenario } from "./faults/outcome.ts";
import {
  diskFull,
  engineRestart,
  ffmpegKilled,
  type RenderRig,
  workerRestart,
} from "./faults/render-faults.ts";
import { uploadDropAndResume } from "./faults/upload-resume.ts";
import {
  dropAfterEdit,
  dropWithoutEdit,
  pollErrors,
  type SessionRig,
  sessionLost,
  stall,
  transparentFault,
  upstreamError,
} from "./faults/upstream-faults.ts";
import { writeResultsSection } from "./results-file.ts";
import { BenchUser, Book } from "./user-client.ts";
import { startWranglerDev, type WranglerDev } from "./wrangler-dev.ts";

/** The whole run stops by itself after this long, whatever hangs. */
const RUN_LIMIT_MS = 14 * 60_000;
const SCENARIO_MS = 4 * 60_000;
const TMPFS_SIZE = "256m";
/** The promo the engine plans and renders in every export scenario: long enough to strike mid-render. */
const PROMPT = 'make a 20 second promo: "Spring Sale"';

/** Chat timings shortened for the fake-upstream session, so a stall or a drop resolves in seconds. */
const FAST_CHAT = {
  RATE_LIMIT_WAIT_MS: "2000",
  CHAT_SILENCE_NOTICE_MS: "2000",
  CHAT_IDLE_TIMEOUT_MS: "5000",
  CHAT_RECOVERY_FIRST_MS: "1000",
  CHAT_RECOVERY_EVERY_MS: "1000",
  RENDER_FIRST_POLL_MS: "500",
  RENDER_POLL_MS: "500",
};

const root = mkdtempSync(join(tmpdir(), "reelsmith-faults-"));
/** Undone on any exit, a hung run's included: processes (by group id) and the tmpfs. */
const undo: Array<() => void> = [];
process.on("exit", () => {
  for (const fn of undo.reverse()) {
    try {
      fn();
    } catch {}
  }
  rmSync(root, { recursive: true, force: true });
});
setTimeout(() => {
  console.error(`the run took over ${RUN_LIMIT_MS / 60_000} min: stopping`);
  process.exit(1);
}, RUN_LIMIT_MS).unref();

const run = (name: string, body: Parameters<typeof runScenario>[2]) => runScenario(name, SCENARIO_MS, body);

const killGroup = (pid: number | undefined) => pid && process.kill(-pid, "SIGKILL");

/** A small tmpfs as the engine's data folder, so the disk can really fill; false when mounting is refused. */
function mountTmpfs(dir: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${TMPFS_SIZE}`, "tmpfs", dir], { stdio: "ignore" });
    undo.push(() => execFileSync("umount", ["-l", dir], { stdio: "ignore" }));
    return true;
  } catch {
    return false;
  }
}

/** The engine and `wrangler dev` in front of it, each restartable alone. */
async function engineFaults(): Promise<Outcome[]> {
  const dataDir = join(root, "engine");
  mkdirSync(dataDir);
  const mounted = mountTmpfs(dataDir);
  const enginePort = await freePort();
  const engine = await startEngine({ port: enginePort, dataDir });
  undo.push(() => engine.killNow());
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // One SECRET across restarts, as .dev.vars keeps it for `npm start`: keys and cookies stay valid.
  const vars = {
    SECRET: randomBytes(24).toString("hex"),
    UPSTREAM_URL: engine.url,
    PUBLIC_URL: origin,
    OUTPUT_ORIGINS: engine.url,
    RENDER_FIRST_POLL_MS: "1500",
    RENDER_POLL_MS: "1500",
  };
  const startWorker = () => startWranglerDev({ dir: join(root, "worker"), port, vars });
  let worker: WranglerDev = await startWorker();
  undo.push(() => killGroup(worker.process.pid));
  try {
    const user = await BenchUser.create(origin, new Book());
    const project = await user.createProject();
    await user.chat(project.id, PROMPT);
    const details = await user.json<{ ready: boolean; draft: { d: number } }>(
      "GET",
      `/api/projects/${project.id}`,
    );
    if (!details.ready) throw new Error(`the engine planned nothing to export for: ${PROMPT}`);
    const rig: RenderRig = {
      user,
      projectId: project.id,
      expectS: details.draft.d / 1000,
      engine,
      dataDir,
      restartWorker: async (signal) => {
        if (signal === "SIGINT") await worker.stop();
        else {
          const gone = new Promise((r) => worker.process.once("exit", r));
          killGroup(worker.process.pid);
          await gone;
        }
        worker = await startWorker();
      },
    };
    return [
      await run("a client disconnects mid-upload and resumes", (o) => uploadDropAndResume(o, user)),
      await run("`wrangler dev` restarted (SIGINT) during an export", (o) => workerRestart(o, rig, "SIGINT")),
      await run("`wrangler dev` killed (SIGKILL) during an export, then started", (o) =>
        workerRestart(o, rig, "SIGKILL"),
      ),
      await run("the engine restarted (SIGTERM) during a render", (o) => engineRestart(o, rig, "SIGTERM")),
      await run("the engine killed (SIGKILL) during a render, then started", (o) =>
        engineRestart(o, rig, "SIGKILL"),
      ),
      await run("ffmpeg killed mid-render", (o) => ffmpegKilled(o, rig)),
      await run(`the disk fills during a render (engine data on a ${TMPFS_SIZE} tmpfs)`, async (o) => {
        if (!o.check(mounted, "not run: mounting a tmpfs was refused")) return;
        await diskFull(o, rig);
      }),
    ];
  } finally {
    await worker.stop();
    await engine.stop();
  }
}

/** `wrangler dev` against the fake upstream, whose faults are injected mid-session. */
async function upstreamFaults(): Promise<Outcome[]> {
  const fake = await startFakeUpstream();
  const port = await freePort();
  const worker = await startWranglerDev({
    dir: join(root, "worker-fake"),
    port,
    vars: { UPSTREAM_URL: fake.url, ...FAST_CHAT },
  });
  undo.push(() => killGroup(worker.process.pid));
  try {
    const user = await BenchUser.create(worker.origin, new Book());
    const project = await user.createProject();
    const rig: SessionRig = { user, projectId: project.id, fake: fake.control, sent: [] };
    // The session under way: a photo uploaded and an edit made, so there are files and a timeline to keep.
    await user.upload(project.id, { name: "photo.png", type: "image/png", bytes: photo() });
    const opening = "[scenario:edit] start with the city clip";
    await user.chat(project.id, opening);
    rig.sent.push(opening);
    return [
      await run("upstream 1001 (token expired) mid-session", (o) => transparentFault(o, rig, 1001)),
      await run("upstream 429 (rate limited) mid-session", (o) => transparentFault(o, rig, 429)),
      await run("upstream 500 mid-session", (o) => upstreamError(o, rig, 500)),
      await run("upstream 503 on render polls during an export", (o) => pollErrors(o, rig)),
      await run("the stream drops mid-reply, after the edit was made", (o) => dropAfterEdit(o, rig)),
      await run("the stream drops mid-reply, nothing changed", (o) => dropWithoutEdit(o, rig)),
      await run("a stall with only keep-alives", (o) => stall(o, rig)),
      // Last: after it the project holds its timeline while the new session has none, and the fake's next edit
      // happens to make the very same timeline, which an edit after a drop would then report as no change.
      await run("upstream 1002 (session not found) mid-session", (o) => sessionLost(o, rig)),
    ];
  } finally {
    await worker.stop();
    await fake.close();
  }
}

retryStaleSockets();
const started = Date.now();
const onEngine = await engineFaults();
const outcomes = [...onEngine, ...(await upstreamFaults())];
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const table = outcomeTable(outcomes);
console.log(`\n${table}\n\n${outcomes.filter(clean).length}/${outcomes.length} clean in ${minutes} min`);

if (switchFlag("write")) {
  writeResultsSection(
    "Faults",
    `## Faults

\`npx tsx bench/faults-bench.ts --write\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${minutes} min.
Every scenario runs against real processes on loopback and is judged only by what the public HTTP API answers
afterwards: the project (transcript, exports), the export's status and its error in English and Chinese, and the
downloaded MP4 probed with ffprobe (H.264 + AAC, the draft's length). The first ${onEngine.length} run the engine
(\`engine/main.ts\`, its data folder on a ${TMPFS_SIZE} tmpfs) and \`wrangler dev\` as separate processes, each
restarted or broken alone, exporting what the engine planned for \`${PROMPT}\`; the rest run \`wrangler dev\`
against the fake upstream (\`test/fake-upstream/\`), whose faults are injected in one ongoing chat session, with the
chat timings shortened (${Object.entries(FAST_CHAT)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}) so stalls and drops resolve in seconds.
_Lost_ counts what the user would have to redo or would never get: a message, a reply, an export, upload bytes.
_Time to recover_ runs from the fault (for the disk, from when space was freed; for errors the user acts on, from
the error) to the user's work being whole again: the export downloaded, the reply received, the upload ready.
Like a browser, the client sends a GET or PUT again when a pooled keep-alive connection turns out closed before
any answer (Node's fetch does not): ${staleSocketRetries.count} time(s) in this run.

${table}
`,
  );
  console.log("wrote the Faults section of bench/RESULTS.md");
}
process.exit(outcomes.every(clean) ? 0 : 1);
