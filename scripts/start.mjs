// Runs Reelsmith locally: the engine plus `wrangler dev` in front of it, with a SECRET in .dev.vars; Ctrl-C stops both.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const port = Number(process.env.PORT || 8787);
const enginePort = Number(process.env.ENGINE_PORT || 8790);
/** Where the Worker reaches the engine: itself by default, or something in between (the e2e suite's slow link). */
const upstreamUrl = process.env.UPSTREAM_URL || `http://127.0.0.1:${enginePort}`;
const engineData = resolve(root, process.env.ENGINE_DATA || ".data/engine");
const persistTo = resolve(root, process.env.PERSIST_TO || ".wrangler/state");
const bin = (name) => join(root, "node_modules", ".bin", name);
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 8_000;

const say = (line) => console.log(`reelsmith: ${line}`);

/** True when nothing listens on 127.0.0.1:`p`. */
const portFree = (p) =>
  new Promise((done) => {
    const probe = createServer()
      .once("error", () => done(false))
      .listen(p, "127.0.0.1", () => probe.close(() => done(true)));
  });

/**
 * Starts a child with its output line-prefixed by `tag`. It gets its own process group so that a terminal's
 * Ctrl-C reaches only us and each child is told to stop exactly once (a second signal cuts a graceful close short).
 */
function start(tag, cmd, args, env = {}) {
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.setEncoding("utf8").on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop();
      for (const line of lines) process.stdout.write(`[${tag}] ${line}\n`);
    });
  }
  child.tag = tag;
  return child;
}

/** Polls `url` until it answers 2xx; rejects if `child` exits first or time runs out. */
async function waitFor(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${child.tag} exited while starting`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${child.tag} did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

// SECRET is what the signing keys are derived from; one random value per checkout keeps sessions valid across restarts.
const devVars = join(root, ".dev.vars");
if (!existsSync(devVars)) {
  writeFileSync(devVars, `SECRET=${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  say("created .dev.vars with a random SECRET");
}

for (const [p, name, knob] of [
  [port, "the web app", "PORT"],
  [enginePort, "the engine", "ENGINE_PORT"],
]) {
  if (!(await portFree(p))) {
    console.error(
      `reelsmith: port ${p} for ${name} is taken (another \`npm start\`?); stop it or set ${knob}.`,
    );
    process.exit(1);
  }
}

const engine = start("engine", bin("tsx"), ["engine/main.ts"], {
  ENGINE_PORT: String(enginePort),
  ENGINE_DATA: engineData,
});
// `wrangler dev` through wrangler's own API with its DevTools inspector off (INSPECT=1 turns it on): see dev-worker.mjs.
const wrangler = start(
  "wrangler",
  process.execPath,
  [
    "scripts/dev-worker.mjs",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
    "--var",
    `UPSTREAM_URL:${upstreamUrl}`,
    // Signed media links point here (the engine fetches them), and renders come from the engine's own address.
    "--var",
    `PUBLIC_URL:http://127.0.0.1:${port}`,
    "--var",
    `OUTPUT_ORIGINS:http://127.0.0.1:${enginePort}`,
    // Polling a local engine costs nothing, so exports finish seconds after the render does.
    "--var",
    "RENDER_FIRST_POLL_MS:1500",
    "--var",
    "RENDER_POLL_MS:1500",
  ],
  { WRANGLER_SEND_METRICS: "false" },
);
const children = [engine, wrangler];
let stopping = false;

/** Stops every child still running (SIGKILL after a grace period), then exits with `code`. */
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  // SIGINT is what both treat as a graceful stop; tsx and wrangler's launcher relay it to the real process.
  for (const c of alive) c.kill("SIGINT");
  const force = setTimeout(() => {
    for (const c of alive) {
      try {
        process.kill(-c.pid, "SIGKILL");
      } catch {}
    }
  }, STOP_GRACE_MS);
  Promise.all(alive.map((c) => new Promise((r) => c.once("exit", r)))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (!stopping) say("stopping…");
    stopAll(0);
  });
}
for (const child of children) {
  child.once("exit", (code, signal) => {
    if (stopping) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const other = children.find((c) => c !== child).tag;
    console.error(`reelsmith: ${child.tag} ${how}; stopping ${other}. See the [${child.tag}] lines above.`);
    stopAll(1);
  });
}

try {
  await Promise.all([
    waitFor(`http://127.0.0.1:${enginePort}/health`, engine),
    waitFor(`http://127.0.0.1:${port}/api/presets`, wrangler),
  ]);
} catch (err) {
  if (!stopping) console.error(`reelsmith: ${err.message}`);
  stopAll(1);
}
if (!stopping) {
  say(`ready → http://127.0.0.1:${port}   (engine on :${enginePort}, data in ${engineData}; Ctrl-C stops)`);
}
