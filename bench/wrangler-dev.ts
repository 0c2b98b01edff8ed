// `wrangler dev` for benchmarks, as `npm start` runs it: its own port, state folder and vars.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

export interface WranglerDev {
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Bounds a run: past `minutes`, the dev server's process group is killed and the bench exits with an error. */
export function stopAfter(minutes: number, wrangler: WranglerDev): NodeJS.Timeout {
  return setTimeout(() => {
    console.error(`the run took over ${minutes} min: stopping`);
    process.kill(-(wrangler.process.pid as number), "SIGKILL");
    process.exit(1);
  }, minutes * 60_000);
}

/**
 * The Worker as `npm start` runs it (scripts/dev-worker.mjs: `wrangler dev` without the DevTools inspector), from a
 * config in `dir` with an empty asset folder, not watching files (other work in this checkout may change them).
 */
export async function startWranglerDev(opts: {
  dir: string;
  port: number;
  vars: Record<string, string>;
  /** "wrangler-cli": the `wrangler dev` command itself, DevTools inspector on (for comparison) */
  runner?: "dev-worker" | "wrangler-cli";
}): Promise<WranglerDev> {
  const { dir, port } = opts;
  const config = join(dir, "wrangler.toml");
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(
    config,
    readFileSync(join(root, "wrangler.toml"), "utf8")
      .replace(/^main = .*$/m, `main = "${join(root, "functions", "index.ts")}"`)
      .replace(/^directory = .*$/m, `directory = "${join(dir, "assets")}"`),
  );
  const vars = { SECRET: randomBytes(24).toString("hex"), ...opts.vars };
  const cli = opts.runner === "wrangler-cli";
  const args = cli
    ? [
        join(root, "node_modules", ".bin", "wrangler"),
        "dev",
        "-c",
        config,
        "--show-interactive-dev-session=false",
      ]
    : [join(root, "scripts", "dev-worker.mjs"), "-c", config, "--no-watch"];
  args.push("--port", String(port), "--ip", "127.0.0.1", "--persist-to", join(dir, "state"));
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const child = spawn(cli ? args.shift()! : process.execPath, args, {
    cwd: root,
    stdio: ["ignore", process.env.BENCH_DEV_LOG ? "inherit" : "ignore", "inherit"],
    // its own process group, so that stopping reaches wrangler's children too
    detached: true,
    // loopback only: no metrics, and no fetch of the `Request.cf` sample (it falls back to a placeholder anyway)
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGINT");
    await exited;
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("wrangler dev exited while starting");
    const up = await fetch(`${origin}/api/presets`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { origin, process: child, stop };
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error("wrangler dev did not start within 120 s");
}
