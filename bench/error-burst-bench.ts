// Error-heavy bursts against `wrangler dev`: statuses, latency, and the open sockets of the wrangler process tree.
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeUpstream } from "../test/fake-upstream/server.ts";
import { socketCount } from "./proc-memory.ts";
import { writeResultsSection } from "./results-file.ts";
import { startWranglerDev, stopAfter } from "./wrangler-dev.ts";

const BURST = Number(process.env.BURST || 100);
/** refused parts carry real bodies, so fewer of them */
const PART_BURST = Math.max(1, Math.round(BURST / 5));
const REQUEST_TIMEOUT_MS = 15_000;
/** sockets are counted this long after a burst's last answer, and again after the longer wait */
const SETTLE_MS = 2_000;
const LATER_MS = 10_000;
const PORT = Number(process.env.BENCH_PORT || 8798);
const MiB = 1024 * 1024;

// ---- the client: one connection per request (Connection: close), so sockets left afterwards are the server's

const noKeepAlive = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
let cookie = "";

interface Answer {
  status: number;
  ms: number;
  body: string;
}

function call(method: string, path: string, body?: Uint8Array | string, type?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { Cookie: cookie, Origin: `http://127.0.0.1:${PORT}` };
    if (type) headers["Content-Type"] = type;
    if (body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(body));
    const req = request(
      { host: "127.0.0.1", port: PORT, method, path, headers, agent: noKeepAlive },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const set = res.headers["set-cookie"]?.[0];
          if (set) cookie = set.split(";")[0];
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            body: Buffer.concat(chunks).toString(),
          });
        });
        res.on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy());
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
    req.end(body);
  });
}

const json = (method: string, path: string, value: unknown) =>
  call(method, path, JSON.stringify(value), "application/json");

interface BurstResult {
  name: string;
  count: number;
  statuses: Record<number, number>;
  slowestMs: number;
  before: number;
  peak: number;
  after: number;
  later: number;
  probeMs: number;
}

async function burst(name: string, rootPid: number, requests: Array<() => Promise<Answer>>) {
  const before = socketCount(rootPid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, socketCount(rootPid));
  }, 50);
  const answers = await Promise.all(requests.map((r) => r()));
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const after = socketCount(rootPid);
  const probe = await call("GET", "/api/projects");
  await new Promise((r) => setTimeout(r, LATER_MS - SETTLE_MS));
  const later = socketCount(rootPid);
  const statuses: Record<number, number> = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const result: BurstResult = {
    name,
    count: requests.length,
    statuses,
    slowestMs: Math.max(...answers.map((a) => a.ms)),
    before,
    peak,
    after,
    later,
    probeMs: probe.status === 200 ? probe.ms : Number.POSITIVE_INFINITY,
  };
  console.log(JSON.stringify(result));
  return result;
}

// ---- the bursts

async function newUpload(projectId: string, name: string, size: number, type: string) {
  const plan = await json("POST", `/api/projects/${projectId}/uploads`, { name, size, type });
  return JSON.parse(plan.body).id as string;
}

async function run(rootPid: number, fakeScenario: (s: "stall" | "text") => Promise<void>) {
  await call("GET", "/api/me");
  const project = JSON.parse((await json("POST", "/api/projects", { preset: "xiaohongshu" })).body);
  const base = `/api/projects/${project.id}`;
  const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  const results: BurstResult[] = [];

  results.push(
    await burst(
      "200 project list (DO), for comparison",
      rootPid,
      times(BURST, () => () => call("GET", "/api/projects")),
    ),
  );
  results.push(
    await burst(
      "404 not found (DO)",
      rootPid,
      times(BURST, () => () => call("GET", "/api/projects/prj_missing")),
    ),
  );
  results.push(
    await burst(
      "415 refused file (DO)",
      rootPid,
      times(BURST, (i) => () => json("POST", `${base}/uploads`, { name: `x${i}.exe`, size: 10, type: "" })),
    ),
  );

  // 409: a turn that keeps running (keep-alives only) while the same project gets more messages.
  await fakeScenario("stall");
  const running = json("POST", `${base}/messages`, { text: "make it" });
  await new Promise((r) => setTimeout(r, 500));
  results.push(
    await burst(
      "409 busy chat (DO)",
      rootPid,
      times(BURST, () => () => json("POST", `${base}/messages`, { text: "again" })),
    ),
  );
  await fakeScenario("text");

  const notes = Buffer.from("shopping notes, not a photo ".repeat(80));
  const sniffIds = await Promise.all(
    times(PART_BURST, (i) => newUpload(project.id, `n${i}.jpg`, notes.length, "image/jpeg")),
  );
  results.push(
    await burst(
      "415 refused part body, sniffed (2 KB)",
      rootPid,
      sniffIds.map((id) => () => call("PUT", `/api/uploads/${id}/parts/1`, notes)),
    ),
  );
  const wrongIds = await Promise.all(
    times(PART_BURST, (i) => newUpload(project.id, `c${i}.mp4`, 20 * MiB, "video/mp4")),
  );
  const sixMiB = new Uint8Array(6 * MiB);
  results.push(
    await burst(
      "400 wrong-length part (6 MiB of 8)",
      rootPid,
      wrongIds.map((id) => () => call("PUT", `/api/uploads/${id}/parts/2`, sixMiB)),
    ),
  );
  await running.catch(() => undefined);
  return results;
}

// ---- results

function section(results: BurstResult[], label: string): string {
  const rows = results.map((r) => {
    const statuses = Object.entries(r.statuses)
      .map(([s, n]) => `${n}× ${s === "0" ? "no answer" : s}`)
      .join(", ");
    const probe = Number.isFinite(r.probeMs) ? `${r.probeMs.toFixed(0)} ms` : "no answer";
    return `| ${r.name} | ${r.count} | ${statuses} | ${r.slowestMs.toFixed(0)} ms | ${r.before} → ${r.peak} → ${r.after} → ${r.later} | ${probe} |`;
  });
  return [
    "## Error bursts",
    "",
    `\`npx tsx bench/error-burst-bench.ts\` — ${label}. Each burst sends all its requests at once, each on its own`,
    "connection (`Connection: close`), from one user against `wrangler dev` with the fake upstream. Sockets are the",
    "open socket descriptors of the whole wrangler process tree (wrangler, its proxy, workerd) before the burst, at",
    `its peak (sampled every 50 ms), ${SETTLE_MS / 1000} s and ${LATER_MS / 1000} s after the last answer; the probe is one`,
    `GET /api/projects at ${SETTLE_MS / 1000} s.`,
    "",
    `| burst | requests | answers | slowest | sockets before → peak → ${SETTLE_MS / 1000} s → ${LATER_MS / 1000} s | probe |`,
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

const dir = mkdtempSync(join(tmpdir(), "reelsmith-bursts-"));
const fake = await startFakeUpstream({ port: 0 });
const wrangler = await startWranglerDev({
  dir,
  port: PORT,
  vars: { UPSTREAM_URL: fake.url, CHAT_IDLE_TIMEOUT_MS: "120000" },
});
// The whole run is bounded: a dev server that stops answering ends the bench instead of hanging it.
const limit = stopAfter(5, wrangler);
try {
  const results = await run(wrangler.process.pid!, (s) => fake.control.scenario(s));
  if (process.argv.includes("--write"))
    writeResultsSection(
      "Error bursts",
      section(results, `${new Date().toISOString().slice(0, 10)}, Node ${process.version}`),
    );
  else console.log(section(results, "this run"));
} finally {
  clearTimeout(limit);
  await wrangler.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
