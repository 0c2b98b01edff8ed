// Many users against `npm start`'s stack: all at once, or (--soak-minutes) one arriving at a steady rate for a
// long run; every visit checked; latency per route, memory and fds per process, and for a soak their slopes.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { numberFlag, switchFlag } from "./args.ts";
import { loadNote, writeResultsSection } from "./results-file.ts";
import { processCharts, processTable, routeTable, underStack } from "./stack-run.ts";
import { fmtMs, spread } from "./stats.ts";
import { saveChart } from "./svg-chart.ts";
import { BenchUser, Book } from "./user-client.ts";
import { type JourneyResult, journey, makeJourneyPhotos, type Photo } from "./user-journey.ts";

const USERS = numberFlag("users", 50);
const SOAK_MIN = numberFlag("soak-minutes", 0);
/** a soak's arrivals: one new user every this many seconds (a render takes well under it on a quiet machine) */
const EVERY_S = numberFlag("every", 20);
/**
 * a soak's visitors: 0, a new user each time (a new Durable Object every visit); K, K users who keep coming back in
 * turn (K objects in all), which tells memory kept per object from memory kept per visit
 */
const RETURNING = numberFlag("returning", 0);
const SECONDS = numberFlag("seconds", 6);
const EXPORT_POLL_MS = 1500;
const SETTLE_MS = 15_000;
/** a soak watches longer after its load: memory an idle stack gives back (objects evicted, caches dropped) is no leak */
const SOAK_SETTLE_MS = 120_000;
const WRITE = switchFlag("write") ? " --write" : "";
const COMMAND = SOAK_MIN
  ? `npx tsx bench/users-bench.ts --soak-minutes ${SOAK_MIN} --every ${EVERY_S}${RETURNING ? ` --returning ${RETURNING}` : ""}${WRITE}`
  : `npx tsx bench/users-bench.ts --users ${USERS}${WRITE}`;
const LOAD_BEFORE = loadavg()[0];
const soakHeading = RETURNING ? "Soak, returning users" : "Soak";
const opts = { exportPollMs: EXPORT_POLL_MS, seconds: SECONDS };

interface Visit extends JourneyResult {
  /** seconds into the run (the samples' clock) the user arrived */
  arrivedS: number;
}

/** All users at once. */
const burst = (photos: Photo[], book: Book) =>
  underStack({ sampleMs: 1000, limitMs: 40 * 60_000, settleMs: SETTLE_MS }, (stack) =>
    Promise.all(
      Array.from({ length: USERS }, (_, i) =>
        journey(stack.url, book, photos, i + 1, opts).then((v): Visit => ({ ...v, arrivedS: 0 })),
      ),
    ),
  );

/** One visit every EVERY_S seconds for SOAK_MIN minutes (by a new user, or one of RETURNING in turn), then the last ones finish. */
const soak = (photos: Photo[], book: Book) =>
  underStack(
    { sampleMs: 5000, limitMs: (SOAK_MIN + 20) * 60_000, settleMs: SOAK_SETTLE_MS },
    async (stack, elapsedS) => {
      const visits: Promise<Visit>[] = [];
      const arrivals = Math.floor((SOAK_MIN * 60) / EVERY_S);
      const pool: Promise<BenchUser>[] = [];
      const visitor = (n: number) => {
        if (!RETURNING) return undefined;
        const k = (n - 1) % RETURNING;
        pool[k] ??= BenchUser.create(stack.url, book);
        return () => pool[k];
      };
      for (let n = 1; n <= arrivals; n++) {
        const arrivedS = elapsedS();
        visits.push(journey(stack.url, book, photos, n, opts, visitor(n)).then((v) => ({ ...v, arrivedS })));
        await new Promise((r) => setTimeout(r, EVERY_S * 1000));
      }
      const loadEndS = elapsedS();
      return { visits: await Promise.all(visits), loadEndS };
    },
  );

/** What every visit must show: no error, nothing lost or shown twice, every export done. */
function visitTable(visits: Visit[], book: Book, wallS: number): string {
  const ok = visits.filter((v) => v.ok).length;
  const lost = visits.reduce((n, v) => n + v.messages.lost, 0);
  const twice = visits.reduce((n, v) => n + v.messages.duplicated, 0);
  const sent = visits.reduce((n, v) => n + v.messages.sent, 0);
  const exportS = spread(visits.filter((v) => v.ok).map((v) => v.exportMs / 1000));
  const visitS = spread(visits.map((v) => v.totalMs / 1000));
  return [
    "| figure | value |",
    "|---|---|",
    `| visits completed without an error | ${ok} / ${visits.length} |`,
    `| errors | ${book.errors.length} |`,
    `| 429 answers waited out (fair-use limits) | ${book.throttled} |`,
    `| requests re-sent after the local proxy dropped them (see "Local runtime") | ${book.proxyRetries} |`,
    `| PUT/GET requests re-sent after their connection broke, as the page re-sends parts | ${book.networkRetries} |`,
    `| messages lost / shown twice | ${lost} / ${twice} of ${sent} |`,
    `| exports completed and downloaded | ${ok} / ${visits.length} |`,
    `| export, submit → completed, p50 / p90 / max | ${fmtMs(exportS.p50)} / ${fmtMs(exportS.p90)} / ${fmtMs(exportS.max)} s |`,
    `| one visit, p50 / p90 / max | ${fmtMs(visitS.p50)} / ${fmtMs(visitS.p90)} / ${fmtMs(visitS.max)} s |`,
    `| whole run | ${wallS.toFixed(0)} s |`,
    "",
    ...(book.errors.length ? ["Errors:", "", ...book.errors.slice(0, 20).map((e) => `- ${e}`), ""] : []),
  ].join("\n");
}

function journeyText(mb: string): string {
  return [
    `each with its own API key: a project, three 12 MP photos (${mb} MB, one of them in two 8 MiB parts, every`,
    `file's parts in parallel), two chat messages over SSE ("make a ${SECONDS} second video with the title …", "make the`,
    `title bigger"), an export polled every ${EXPORT_POLL_MS / 1000} s as the page does, its download, and the transcript read`,
    "back (each message must be there once, with one reply).",
  ].join("\n");
}

const header = () =>
  `\`${COMMAND}\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, ${loadNote(LOAD_BEFORE)};\n` +
  "`npm start`'s stack (scripts/start.mjs: the engine with ffmpeg and `wrangler dev`, polling renders every 1.5 s).";

const dir = mkdtempSync(join(tmpdir(), "reelsmith-users-"));
try {
  const photos = await makeJourneyPhotos(dir);
  const mb = (photos.reduce((n, p) => n + p.bytes.length, 0) / 2 ** 20).toFixed(1);
  const book = new Book();
  const started = performance.now();
  let section: string;
  if (SOAK_MIN) {
    const { result, samples } = await soak(photos, book);
    const wallS = (performance.now() - started) / 1000;
    // The slope is fitted over the second half of the arrivals: past the warm-up, before the drain.
    const window = { from: result.loadEndS / 2, to: result.loadEndS };
    const who = RETURNING
      ? `one of ${RETURNING} users arrives in turn every ${EVERY_S} s (${result.visits.length} visits, each user back every ${((RETURNING * EVERY_S) / 60).toFixed(1)} min with a new project)`
      : `a new user arrives every ${EVERY_S} s (${result.visits.length} in all)`;
    section = [
      `## ${soakHeading}`,
      "",
      header(),
      `For ${SOAK_MIN} minutes ${who}, ${journeyText(mb)}`,
      `Processes are sampled every 5 s until ${SOAK_SETTLE_MS / 60_000} min after the last visit (the "end" column: what the idle stack keeps). Slopes are least-squares fits over`,
      `the second half of the arrivals (${(window.from / 60).toFixed(1)}–${(window.to / 60).toFixed(1)} min): memory that levels off shows a slope near 0.`,
      "",
      visitTable(result.visits, book, wallS),
      processTable(samples, window),
      "",
      ...processCharts(
        RETURNING ? "soak-returning" : "soak",
        `${soakHeading}, a visit every ${EVERY_S} s`,
        samples,
        "min",
      ),
      saveChart(RETURNING ? "soak-returning-visits" : "soak-visits", {
        title: `${soakHeading}: each visit's length by its arrival`,
        xLabel: "minutes into the run (arrival)",
        yLabel: "visit (s)",
        series: [
          {
            name: "one visit, start to transcript read",
            points: result.visits.map((v) => [v.arrivedS / 60, v.totalMs / 1000] as const),
          },
        ],
      }),
      "",
      routeTable(book),
      "",
    ].join("\n");
  } else {
    const { result: visits, samples } = await burst(photos, book);
    const wallS = (performance.now() - started) / 1000;
    section = [
      "## Many users",
      "",
      header(),
      `${USERS} users start at once, ${journeyText(mb)}`,
      `Processes are sampled every second until ${SETTLE_MS / 1000} s after the last visit.`,
      "",
      visitTable(visits, book, wallS),
      routeTable(book),
      "",
      "Renders queue in the engine (one at a time on 2 cores), so the export time grows with the user's place in the",
      "queue; every other route answers from the user's own Durable Object.",
      "",
      processTable(samples, { from: 0, to: Number.POSITIVE_INFINITY }),
      "",
      ...processCharts("users", `${USERS} users`, samples, "s"),
      "",
    ].join("\n");
  }
  console.log(section);
  if (switchFlag("write")) writeResultsSection(SOAK_MIN ? soakHeading : "Many users", section);
  if (book.errors.length) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
