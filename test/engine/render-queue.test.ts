// RenderQueue: bounded concurrency, job states and progress, failures, cancel; aborting kills ffmpeg.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Draft } from "../../core/draft.ts";
import { renderDraft } from "../../engine/render/render-draft.ts";
import { type RenderJob, RenderQueue } from "../../engine/render/render-queue.ts";
import type { RenderOutput } from "../../engine/types.ts";
import { expectDeliverableMp4 } from "./helpers/expect-mp4.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "reelsmith-queue-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const card = (seconds: number, width = 320, height = 568): Draft => ({
  d: seconds * 1000,
  m: { width, height },
  t: [{ tt: 0, sg: [{ s: 0, d: seconds * 1000, k: "color", bg: ["#112233", "#aa3366"] }] }],
});
const noMedia = () => undefined;
const fakeOutput: RenderOutput = { path: "x.mp4", size: 1, duration: 1, width: 320, height: 568 };

/** Processes whose command line mentions `needle` (our ffmpeg runs write under the test's temp dir). */
async function processesMentioning(needle: string): Promise<number> {
  let count = 0;
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const cmd = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmd.includes(needle) && cmd.startsWith("ffmpeg")) count++;
  }
  return count;
}

describe("RenderQueue", () => {
  it("defaults to one render per two cores", () => {
    expect(new RenderQueue().concurrency).toBe(Math.max(1, Math.floor(availableParallelism() / 2)));
  });

  it("never runs more renders than its concurrency, and runs them all", async () => {
    let running = 0;
    let peak = 0;
    const queue = new RenderQueue({
      concurrency: 2,
      render: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        return fakeOutput;
      },
    });
    const jobs = ["a", "b", "c", "d", "e"].map((id) =>
      queue.submit(id, card(1), { outPath: id, resolveMedia: noMedia }),
    );
    expect(jobs.map((j) => j.status)).toEqual(["processing", "processing", "pending", "pending", "pending"]);
    expect(queue.running).toBe(2);
    const done = await Promise.all(jobs.map((j) => queue.settled(j.id)));
    expect(peak).toBe(2);
    expect(done.map((j) => j?.status)).toEqual(Array(5).fill("completed"));
  });

  it("renders for real: pending → processing → completed with progress reaching 100", async () => {
    const updates: string[] = [];
    const queue = new RenderQueue({ onUpdate: (j) => updates.push(`${j.status}:${j.progress}`) });
    const outPath = join(dir, "queued.mp4");
    const job = queue.submit("real", card(2), { outPath, resolveMedia: noMedia });
    expect(queue.submit("real", card(9), { outPath, resolveMedia: noMedia })).toBe(job);
    const done = await queue.settled("real");
    expect(done).toMatchObject({ status: "completed", progress: 100, output: { path: outPath } });
    expect(updates[0]).toBe("pending:0");
    expect(updates[1]).toBe("processing:0");
    expect(updates.at(-1)).toBe("completed:100");
    const progress = updates.map((u) => Number(u.split(":")[1]));
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
    await expectDeliverableMp4(outPath, { width: 320, height: 568, duration: 2 });
  });

  it("marks a failed render with its reason", async () => {
    const queue = new RenderQueue();
    const draft: Draft = {
      d: 1000,
      m: {},
      t: [{ tt: 0, sg: [{ s: 0, d: 1000, k: "image", src: "https://x/none.jpg" }] }],
    };
    queue.submit("bad", draft, { outPath: join(dir, "bad.mp4"), resolveMedia: noMedia });
    expect(await queue.settled("bad")).toMatchObject({
      status: "failed",
      error: "media not found: https://x/none.jpg",
    });
  });

  it("cancels pending and running jobs", async () => {
    const queue = new RenderQueue({ concurrency: 1 });
    const opts = (name: string) => ({ outPath: join(dir, "cancel", name), resolveMedia: noMedia });
    const started = new Promise<void>((resolve) => {
      queue.submit("long", card(120, 1080, 1920), { ...opts("long.mp4"), onProgress: () => resolve() });
    });
    queue.submit("next", card(1), opts("next.mp4"));
    expect(queue.cancel("next")).toBe(true);
    expect(queue.get("next")).toMatchObject({ status: "failed", error: "cancelled" });
    await started;
    expect(queue.cancel("long")).toBe(true);
    const long = (await queue.settled("long")) as RenderJob;
    expect(long).toMatchObject({ status: "failed", error: "cancelled" });
    expect(queue.cancel("long")).toBe(false);
    expect(await readdir(join(dir, "cancel"))).toEqual([]);
  });
});

describe("abort", () => {
  it("kills ffmpeg promptly and leaves no partial output", async () => {
    const outDir = join(dir, "abort");
    const controller = new AbortController();
    let firstProgressAt = 0;
    const rendering = renderDraft(card(120, 1080, 1920), {
      outPath: join(outDir, "long.mp4"),
      resolveMedia: noMedia,
      signal: controller.signal,
      onProgress: () => {
        if (firstProgressAt) return;
        firstProgressAt = Date.now();
        controller.abort();
      },
    });
    await expect(rendering).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - firstProgressAt).toBeLessThan(3000);
    expect(await processesMentioning(outDir)).toBe(0);
    expect(await readdir(outDir)).toEqual([]);
  });
});
