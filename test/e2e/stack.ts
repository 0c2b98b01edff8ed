// Runs Reelsmith the way `npm start` does (scripts/start.mjs), on free ports with throwaway state, for the browser tests.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

export interface Stack {
  url: string;
  /** scripts/start.mjs, whose process tree holds the engine and wrangler dev */
  pid: number;
  /** the last lines the engine and wrangler printed, for failure messages */
  logTail(): string;
  stop(): Promise<void>;
}

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    if (e.name === "dist" || e.name === "node_modules") return max;
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);
}

/** `npm test` builds the SPA in scripts/setup.mjs; a direct `vitest run` may find it missing or older than web/. */
function buildWebIfStale(): void {
  const built = join(root, "web", "dist", "index.html");
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(root, "web"))) return;
  const r = spawnSync("npx", ["vite", "build", "web", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("e2e: `vite build web` failed");
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
  });

const exited = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/** Signals the whole process group of `child` (start.mjs stops the engine and wrangler on SIGTERM). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

export interface StackOptions {
  /** put something between the Worker and the engine: gets the engine's port, answers the upstream URL to use */
  upstream?: (enginePort: number) => Promise<string>;
  /** also append every line the engine and wrangler print to this file */
  logFile?: string;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  buildWebIfStale();
  const [port, enginePort] = await Promise.all([freePort(), freePort()]);
  const upstreamUrl = opts.upstream ? await opts.upstream(enginePort) : undefined;
  const state = mkdtempSync(join(tmpdir(), "reelsmith-e2e-"));
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      ENGINE_PORT: String(enginePort),
      ENGINE_DATA: join(state, "engine"),
      PERSIST_TO: join(state, "wrangler"),
      // loopback only: wrangler would fetch a `Request.cf` sample from the internet, then fall back to a placeholder
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      ...(upstreamUrl ? { UPSTREAM_URL: upstreamUrl } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  // If vitest itself is interrupted, afterAll never runs: don't leave servers behind.
  const onExit = () => signalGroup(child, "SIGTERM");
  process.once("exit", onExit);

  const lines: string[] = [];
  const logTail = () => lines.slice(-40).join("\n");
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`e2e: no "ready" line in ${READY_TIMEOUT_MS / 1000} s\n${logTail()}`)),
      READY_TIMEOUT_MS,
    );
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding("utf8").on("data", (chunk: string) => {
        if (opts.logFile) appendFileSync(opts.logFile, chunk);
        for (const line of chunk.split("\n")) {
          if (line.trim()) lines.push(line);
          if (lines.length > 400) lines.shift();
          const ready = /ready → (http:\/\/\S+)/.exec(line);
          if (ready) {
            clearTimeout(timer);
            resolve(ready[1]);
          }
        }
      });
    }
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`e2e: scripts/start.mjs exited (${code}) before it was ready\n${logTail()}`));
    });
  });

  return {
    url,
    pid: child.pid!,
    logTail,
    async stop() {
      process.off("exit", onExit);
      signalGroup(child, "SIGTERM");
      if (!(await exited(child, STOP_TIMEOUT_MS))) signalGroup(child, "SIGKILL");
      rmSync(state, { recursive: true, force: true });
    },
  };
}
