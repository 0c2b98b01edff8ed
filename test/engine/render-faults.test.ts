// Renders through the engine's HTTP API when something outside breaks them: ffmpeg killed mid-render, a disk that
// refuses the job's record.
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Draft } from "../../core/draft.ts";
import type { Engine } from "../../engine/server/index.ts";
import { expectDeliverableMp4 } from "./helpers/expect-mp4.ts";
import { type EngineClient, startEngine, tempDir } from "./server-fixtures.ts";

/** While set, the engine's JSON records cannot be written (their temp files), as on a full disk. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  const writeFile: typeof fs.writeFile = (path, ...rest) =>
    disk.full && String(path).endsWith(".tmp")
      ? Promise.reject(Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }))
      : fs.writeFile(path, ...rest);
  return { ...fs, writeFile, default: { ...fs, writeFile } };
});

let dir: string;
let engine: Engine;
let client: EngineClient;
let sid: string;

beforeAll(async () => {
  dir = await tempDir("render-faults");
  ({ engine, client } = await startEngine({ dataDir: join(dir, "data") }));
  await client.login("render-faults-client");
  sid = (await client.newSession()).session_id;
});
afterAll(async () => {
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Long enough at full size that the test catches ffmpeg mid-run. */
const card = (seconds: number): Draft => ({
  d: seconds * 1000,
  m: { width: 1080, height: 1920 },
  t: [{ tt: 0, sg: [{ s: 0, d: seconds * 1000, k: "color", bg: ["#112233", "#aa3366"] }] }],
});

/** The ffmpeg processes this test process started (the engine runs in it). */
async function ourFfmpegs(): Promise<number[]> {
  const pids: number[] = [];
  for (const pid of await readdir("/proc")) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid === process.pid && stat.includes("(ffmpeg)")) pids.push(Number(pid));
  }
  return pids;
}

describe("a render whose ffmpeg is killed from outside", () => {
  it("renders again by itself and completes with a whole MP4", async () => {
    expect((await client.submitRender("render_killed", sid, card(12))).status).toBe(200);
    const midway = await client.pollRender("render_killed", (d) => d.progress >= 10 || d.status === "failed");
    expect(midway.status).toBe("processing");
    const pids = await ourFfmpegs();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, "SIGKILL");

    const done = await client.pollRender("render_killed");
    expect(done).toMatchObject({ status: "completed", progress: 100 });
    const path = join(dir, "killed.mp4");
    await writeFile(path, Buffer.from(await (await fetch(done.outputUrl)).arrayBuffer()));
    await expectDeliverableMp4(path, { width: 1080, height: 1920, duration: 12 });
  });
});

describe("a render that ends while the disk refuses its record", () => {
  it("is recorded once the disk takes writes again, so a restart does not render it again", async () => {
    expect((await client.submitRender("render_unrecorded", sid, card(2))).status).toBe(200);
    await client.pollRender("render_unrecorded", (d) => d.status === "processing");
    disk.full = true;
    const done = await client.pollRender("render_unrecorded");
    expect(done).toMatchObject({ status: "completed" });
    disk.full = false;

    const record = join(dir, "data", "renders", "render_unrecorded.json");
    await expect
      .poll(async () => JSON.parse(await readFile(record, "utf8")).status, { timeout: 10_000, interval: 200 })
      .toBe("completed");
    expect((await readdir(join(dir, "data", "renders"))).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    await engine.close();
    const token = client.token;
    ({ engine, client } = await startEngine({ dataDir: join(dir, "data") }));
    client.token = token;
    expect((await client.pollRender("render_unrecorded", () => true)).status).toBe("completed");
  });
});
