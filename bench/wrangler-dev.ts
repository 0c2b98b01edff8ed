// `wrangler dev` for benchmarks: the Worker bundled once into a temp folder, its own port, state and vars.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const wrangler = join(root, "node_modules", ".bin", "wrangler");

export interface WranglerDev {
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `wrangler dev` reloads the Worker whenever a watched file changes, which other work in this checkout may do at
 * any moment: so the Worker is bundled once into `dir` and served from there, with an empty asset folder.
 */
export async function startWranglerDev(opts: {
  dir: string;
  port: number;
  vars: Record<string, string>;
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
  const bundle = join(dir, "bundle");
  const built = spawnSync(wrangler, ["deploy", "--dry-run", "--outdir", bundle, "-c", config], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (built.status !== 0) throw new Error("bundling the Worker failed");
  const vars = { SECRET: randomBytes(24).toString("hex"), ...opts.vars };
  const args = ["dev", join(bundle, "index.js"), "--no-bundle", "-c", config, "--port", String(port)];
  args.push("--ip", "127.0.0.1", "--persist-to", join(dir, "state"), "--show-interactive-dev-session=false");
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const child = spawn(wrangler, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    // its own process group, so that stopping reaches wrangler's children too
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
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
