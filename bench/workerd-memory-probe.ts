// Which step of a visit leaves heap behind in the local workerd: rounds of one kind of work by 6 users, workerd's
// anonymous (heap) RSS read before and after each kind, 30 s after its last request.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack } from "../test/e2e/stack.ts";
import { numberFlag } from "./args.ts";
import { anonBytes, processTree } from "./proc-memory.ts";
import { roleOf } from "./proc-series.ts";
import { BenchUser, Book } from "./user-client.ts";
import { makeJourneyPhotos, type Photo } from "./user-journey.ts";

const ROUNDS = numberFlag("rounds", 30);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stack = await startStack({ logFile: join(tmpdir(), "workerd-memory-probe.log") });
const workerdAnon = () =>
  processTree(stack.pid)
    .filter((p) => roleOf(p) === "workerd")
    .reduce((n, p) => n + anonBytes(p), 0) /
  2 ** 20;
/** Plans an upload, sends its parts through the Worker's part route, and deletes it (no hand-off to the editor). */
async function sendAndDelete(u: BenchUser, projectId: string, photo: Photo): Promise<void> {
  const plan = await u.json<{ id: string; partSize: number; partCount: number }>(
    "POST",
    `/api/projects/${projectId}/uploads`,
    { name: photo.name, size: photo.bytes.length, type: photo.type },
  );
  for (let n = 1; n <= plan.partCount; n++) await u.sendPart(plan.id, n, plan.partSize, photo.bytes);
  await u.json("DELETE", `/api/uploads/${plan.id}`);
}

try {
  const book = new Book();
  const users = await Promise.all(Array.from({ length: 6 }, () => BenchUser.create(stack.url, book)));
  const photos = await makeJourneyPhotos(mkdtempSync(join(tmpdir(), "reelsmith-probe-")));
  const projects = await Promise.all(users.map((u) => u.createProject()));
  // warm-up: one of each
  await Promise.all(users.map((u, i) => u.chat(projects[i].id, "hello")));
  await sleep(30_000);
  const steps: Array<[string, (u: BenchUser, p: string, n: number) => Promise<unknown>]> = [
    ["new project + read it", async (u) => u.json("GET", `/api/projects/${(await u.createProject()).id}`)],
    [
      "chat turn (engine reply)",
      (u, p, n) => u.chat(p, n % 2 ? "make the title bigger" : "make the title smaller"),
    ],
    ["a 3.5 MB photo in one part to R2, the upload then deleted", (u, p) => sendAndDelete(u, p, photos[2])],
    ["a 9 MB photo in two parts to R2, the upload then deleted", (u, p) => sendAndDelete(u, p, photos[0])],
  ];
  for (const [name, step] of steps) {
    const before = workerdAnon();
    for (let r = 0; r < ROUNDS; r++) await Promise.all(users.map((u, i) => step(u, projects[i].id, r)));
    await sleep(30_000);
    const after = workerdAnon();
    console.log(
      `${name}: ${ROUNDS * 6} ops, workerd heap ${before.toFixed(0)} → ${after.toFixed(0)} MiB, ${(((after - before) * 1024) / (ROUNDS * 6)).toFixed(1)} KiB per op`,
    );
  }
} finally {
  await stack.stop();
}
