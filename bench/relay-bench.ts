// Relay overhead: one scripted 200-message agent reply read straight from the upstream and through the Worker.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Paths, runSseBody } from "../core/contract.ts";
import { upstreamApi } from "../test/contract/http.ts";
import { startFakeUpstream } from "../test/fake-upstream/server.ts";
import { numberFlag, switchFlag } from "./args.ts";
import { loadNote, writeResultsSection } from "./results-file.ts";
import { fmtMs, percentile, spread } from "./stats.ts";
import { saveChart } from "./svg-chart.ts";
import { BenchUser, Book, epochMs, readSse } from "./user-client.ts";
import { startWranglerDev, stopAfter } from "./wrangler-dev.ts";

const TURNS = numberFlag("turns", 10);
const MESSAGES = numberFlag("messages", 200);
/** pause after each agent message (a quarter of it between its partial chunks) */
const PACE_MS = 12;
const PORT = Number(process.env.BENCH_PORT || 8796);
const COMMAND = `npx tsx bench/relay-bench.ts --turns ${TURNS} --messages ${MESSAGES}${switchFlag("write") ? " --write" : ""}`;
const LOAD_BEFORE = loadavg()[0];
const PROMPT = "[scenario:long] walk me through every shot";
const SENT_AT = /sent at ([\d.]+)\.$/;

interface Turn {
  /** ms from the request to its first event, and to the first agent text */
  firstEventMs: number;
  firstTextMs: number;
  /** per agent text: arrival − the upstream's send time, ms */
  delays: number[];
  /** events (SSE messages) the reader received */
  events: number;
  /** agent texts in order, as numbers; the check for lost and repeated messages */
  parts: number[];
}

function newTurn(): Turn {
  return { firstEventMs: Number.NaN, firstTextMs: Number.NaN, delays: [], events: 0, parts: [] };
}

/** Notes one agent text: its delay, its part number, and the first-text time. */
function noteText(turn: Turn, text: string, at: number, started: number) {
  const sent = SENT_AT.exec(text);
  if (!sent) return;
  turn.delays.push(at - Number(sent[1]));
  turn.parts.push(Number(/^Part (\d+)/.exec(text)?.[1]));
  if (Number.isNaN(turn.firstTextMs)) turn.firstTextMs = at - started;
}

async function directTurn(api: ReturnType<typeof upstreamApi>, token: string, sid: string): Promise<Turn> {
  const turn = newTurn();
  const started = epochMs();
  const res = await api.send("POST", Paths.runSse, {
    token,
    json: runSseBody(sid, PROMPT),
    headers: { Accept: "text/event-stream" },
  });
  await readSse(res.body!, (data, at) => {
    turn.events++;
    if (Number.isNaN(turn.firstEventMs)) turn.firstEventMs = at - started;
    try {
      const ev = JSON.parse(data) as { partial?: boolean; content?: { parts?: Array<{ text?: string }> } };
      if (!ev.partial)
        noteText(turn, ev.content?.parts?.map((p) => p.text ?? "").join("") ?? "", at, started);
    } catch {
      // an empty keep-alive `data:` line
    }
  });
  return turn;
}

async function workerTurn(user: BenchUser, projectId: string): Promise<Turn> {
  const turn = newTurn();
  const started = epochMs();
  await user.chat(projectId, PROMPT, (ev, at) => {
    turn.events++;
    if (Number.isNaN(turn.firstEventMs)) turn.firstEventMs = at - started;
    if (ev.type === "text" && ev.text) noteText(turn, ev.text, at, started);
  });
  return turn;
}

const inOrder = (parts: number[]) => parts.length === MESSAGES && parts.every((p, i) => p === i + 1);

function summary(turns: Turn[]) {
  const delays = turns.flatMap((t) => t.delays);
  return {
    delays,
    d: spread(delays),
    firstEvent: percentile(
      turns.map((t) => t.firstEventMs),
      50,
    ),
    firstText: percentile(
      turns.map((t) => t.firstTextMs),
      50,
    ),
    events: Math.round(turns.reduce((n, t) => n + t.events, 0) / turns.length),
    complete: turns.filter((t) => inOrder(t.parts)).length,
  };
}

/** Points of a latency distribution: (delay ms, percentile). */
const cdf = (samples: number[]) =>
  [...samples]
    .sort((a, b) => a - b)
    .map((v, i, all) => [Math.max(v, 0.01), ((i + 1) / all.length) * 100] as const);

const met = (addedMs: number, aimMs: number) => (addedMs < aimMs ? "**met**" : "**missed**");

function section(direct: Turn[], relayed: Turn[]): string {
  const a = summary(direct);
  const b = summary(relayed);
  const row = (name: string, s: ReturnType<typeof summary>) =>
    `| ${name} | ${s.events} | ${s.complete} / ${TURNS} | ${fmtMs(s.firstEvent)} | ${fmtMs(s.firstText)} | ${fmtMs(s.d.p50)} | ${fmtMs(s.d.p99)} | ${fmtMs(s.d.max)} |`;
  const chart = saveChart("relay-latency", {
    title: "Per-event delay, upstream send → client arrival",
    xLabel: "delay (ms, log scale)",
    yLabel: "percent of events",
    xLog: true,
    series: [
      { name: "straight from the upstream", points: cdf(a.delays) },
      { name: "through the Worker", points: cdf(b.delays) },
    ],
  });
  return [
    "## Relay overhead",
    "",
    `\`${COMMAND}\` — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores, ${loadNote(LOAD_BEFORE)};`,
    "the Worker under `npm start`'s runner (scripts/dev-worker.mjs) with the fake upstream in the bench's own process.",
    `One scripted agent reply of ${MESSAGES} messages (each: three partial chunks, its whole text, a keep-alive; a tool`,
    `call and its response every tenth message; ${PACE_MS} ms between messages), read ${TURNS} times straight from the`,
    "upstream's `/run_sse` and, turn about, through `POST /api/projects/:id/messages` with `Accept: text/event-stream`",
    "(one warm-up turn each first, not counted). Each whole text carries the moment the upstream wrote it; an event's",
    "delay is its arrival at the client minus that moment, on one clock. The Worker shows each message once (partial",
    "chunks are held back until the whole text, keep-alives are dropped), so the per-event figures compare the same",
    "messages. Time to first event: the first SSE message of any kind; first text: the first agent message.",
    "",
    "| path | events per turn | turns with every message once, in order | first event p50 ms | first text p50 ms | delay p50 ms | delay p99 ms | delay max ms |",
    "|---|---|---|---|---|---|---|---|",
    row("straight from the upstream", a),
    row("through the Worker", b),
    `| added by the Worker | | | ${fmtMs(b.firstEvent - a.firstEvent)} | ${fmtMs(b.firstText - a.firstText)} | ${fmtMs(b.d.p50 - a.d.p50)} | ${fmtMs(b.d.p99 - a.d.p99)} | |`,
    "",
    `Aim: under 2 ms added at p50 and 10 ms at p99: ${met(b.d.p50 - a.d.p50, 2)} at p50, ${met(b.d.p99 - a.d.p99, 10)} at p99. Through the Worker an event crosses the Durable Object (SSE`,
    "parser, normalizer, one NDJSON line to every reader of the turn), the RPC stream to the Worker, the Worker's SSE",
    "writer, and the local runtime's proxy hop (workerd's entry worker, which production does not have). The first",
    "text comes later through the Worker mostly because the Durable Object reads the project's state before sending",
    "the message (to report what changed after it).",
    "",
    chart,
    "",
  ].join("\n");
}

const dir = mkdtempSync(join(tmpdir(), "reelsmith-relay-"));
const fake = await startFakeUpstream({
  config: {
    longMessages: MESSAGES,
    chunkDelayMs: PACE_MS,
    initialCredits: 100_000,
    oneTokenPerClient: false,
  },
});
const wrangler = await startWranglerDev({ dir, port: PORT, vars: { UPSTREAM_URL: fake.url } });
const limit = stopAfter(20, wrangler);
try {
  const api = upstreamApi(fake.url);
  const { token } = await api.token();
  const { session_id: sid } = await api.session(token);
  const user = await BenchUser.create(wrangler.origin, new Book());
  const project = await user.createProject();
  await directTurn(api, token, sid);
  await workerTurn(user, project.id);
  const direct: Turn[] = [];
  const relayed: Turn[] = [];
  for (let k = 1; k <= TURNS; k++) {
    direct.push(await directTurn(api, token, sid));
    relayed.push(await workerTurn(user, project.id));
    const [d, r] = [direct.at(-1)!, relayed.at(-1)!];
    console.log(
      `turn ${k}: direct p50 ${fmtMs(percentile(d.delays, 50))} ms, worker p50 ${fmtMs(percentile(r.delays, 50))} ms, p99 ${fmtMs(percentile(r.delays, 99))} ms`,
    );
  }
  const text = section(direct, relayed);
  console.log(text);
  if (switchFlag("write")) writeResultsSection("Relay overhead", text);
} finally {
  clearTimeout(limit);
  await wrangler.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
