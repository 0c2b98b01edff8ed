// Many users at once against `npm start`'s stack: every visit checked; latency per route, memory and fds per process.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { numberFlag, switchFlag } from "./args.ts";
import { writeResultsSection } from "./results-file.ts";
import { processCharts, processTable, routeTable, underStack } from "./stack-run.ts";
import { fmtMs, spread } from "./stats.ts";
import { Book } from "./user-client.ts";
import { journey, makeJourneyPhotos } from "./user-journey.ts";

const USERS = numberFlag("users", 50);
const SECONDS = numberFlag("seconds", 6);
const EXPORT_POLL_MS = 1500;
const COMMAND = `npx tsx bench/users-bench.ts --users ${USERS}${switchFlag("write") ? " --write" : ""}`;

const dir = mkdtempSync(join(tmpdir(), "reelsmith-users-"));
try {
  const photos = await makeJourneyPhotos(dir);
  const book = new Book();
  const started = performance.now();
  const { result: visits, samples } = await underStack(
    { sampleMs: 1000, limitMs: 40 * 60_000, settleMs: 15_000 },
    (stack) =>
      Promise.all(
        Array.from({ length: USERS }, (_, i) =>
          journey(stack.url, book, photos, i + 1, { exportPollMs: EXPORT_POLL_MS, seconds: SECONDS }),
        ),
      ),
  );
  const wallS = (performance.now() - started) / 1000;
  const ok = visits.filter((v) => v.ok).length;
  const lost = visits.reduce((n, v) => n + v.messages.lost, 0);
  const twice = visits.reduce((n, v) => n + v.messages.duplicated, 0);
  const exportS = spread(visits.filter((v) => v.ok).map((v) => v.exportMs / 1000));
  const visitS = spread(visits.map((v) => v.totalMs / 1000));
  const mb = (photos.reduce((n, p) => n + p.bytes.length, 0) / 2 ** 20).toFixed(1);
  const section = [
    "## Many users",
    "",
    `\`${COMMAND}\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores,`,
    `\`npm start\`'s stack (scripts/start.mjs: the engine with ffmpeg and \`wrangler dev\`, polling renders every 1.5 s).`,
    `${USERS} users start at once, each with its own API key: a project, three 12 MP photos (${mb} MB, one of them in`,
    `two 8 MiB parts, every file's parts in parallel), two chat messages over SSE ("make a ${SECONDS} second video with`,
    `the title …", "make the title bigger"), an export polled every ${EXPORT_POLL_MS / 1000} s as the page does, its download, and the`,
    "transcript read back. Processes are sampled every second until 15 s after the last visit.",
    "",
    "| figure | value |",
    "|---|---|",
    `| visits completed without an error | ${ok} / ${USERS} |`,
    `| errors | ${book.errors.length} |`,
    `| 429 answers waited out | ${book.throttled} |`,
    `| requests re-sent after the local proxy dropped them (see "Local runtime") | ${book.proxyRetries} |`,
    `| messages lost / shown twice | ${lost} / ${twice} of ${USERS * 2} |`,
    `| exports completed and downloaded | ${ok} / ${USERS} |`,
    `| export, submit → completed, p50 / p90 / max | ${fmtMs(exportS.p50)} / ${fmtMs(exportS.p90)} / ${fmtMs(exportS.max)} s |`,
    `| one visit, p50 / max | ${fmtMs(visitS.p50)} / ${fmtMs(visitS.max)} s |`,
    `| whole run | ${wallS.toFixed(0)} s |`,
    "",
    ...(book.errors.length ? ["Errors:", "", ...book.errors.slice(0, 20).map((e) => `- ${e}`), ""] : []),
    routeTable(book),
    "",
    "Renders queue in the engine (one at a time on 2 cores), so the export time grows with the user's place in the",
    "queue; every other route answers from the user's own Durable Object.",
    "",
    processTable(samples, 0),
    "",
    ...processCharts("users", `${USERS} users`, samples, "s"),
    "",
  ].join("\n");
  console.log(section);
  if (switchFlag("write")) writeResultsSection("Many users", section);
  if (book.errors.length) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
