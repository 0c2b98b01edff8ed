// `wrangler dev` without its DevTools inspector, through wrangler's own startWorker API: same workerd, DO, R2, assets.
import { unstable_startWorker } from "wrangler";

/**
 * The `wrangler dev` flags scripts/start.mjs and the benches use: [script] --port --ip --persist-to --var NAME:VALUE
 * (repeatable) -c/--config --no-bundle --no-watch; --show-interactive-dev-session is accepted and ignored.
 */
function parse(argv) {
  const o = { vars: {}, watch: true, bundle: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === "--port") o.port = Number(value());
    else if (a === "--ip") o.ip = value();
    else if (a === "--persist-to") o.persist = value();
    else if (a === "-c" || a === "--config") o.config = value();
    else if (a === "--var") {
      const v = value();
      const at = v.indexOf(":");
      o.vars[v.slice(0, at)] = v.slice(at + 1);
    } else if (a === "--no-bundle") o.bundle = false;
    else if (a === "--no-watch") o.watch = false;
    else if (a.startsWith("--show-interactive-dev-session")) {
      if (!a.includes("=")) i++;
    } else if (!a.startsWith("-") && !o.script) o.script = a;
    else throw new Error(`dev-worker: unknown argument ${a}`);
  }
  return o;
}

const o = parse(process.argv.slice(2));
const inspect = /^(1|true|yes)$/i.test(process.env.INSPECT ?? "");
const worker = await unstable_startWorker({
  config: o.config ?? "wrangler.toml",
  ...(o.script ? { entrypoint: o.script } : {}),
  build: { bundle: o.bundle },
  bindings: Object.fromEntries(
    Object.entries(o.vars).map(([name, value]) => [name, { type: "plain_text", value }]),
  ),
  dev: {
    server: { hostname: o.ip ?? "127.0.0.1", port: o.port ?? 8787 },
    // The inspector cannot be turned off from the `wrangler dev` command line. With it on, wrangler's inspector
    // proxy sends one loopback HTTP request to the wrangler process for every DevTools event (every chunk of every
    // body the Worker fetches) and keeps every event in memory until a DevTools window attaches: copying one 7 MB
    // render into R2 opened ~1,700 sockets, and a few dozen grew workerd by ~300 MiB ("Local runtime" in
    // bench/RESULTS.md). INSPECT=1 turns it on, on INSPECTOR_PORT (default 9229), for debugging with DevTools.
    inspector: inspect ? { port: Number(process.env.INSPECTOR_PORT || 9229) } : false,
    persist: o.persist ?? ".wrangler/state",
    watch: o.watch,
  },
});
await worker.ready;

// SIGINT/SIGTERM stop it cleanly.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await worker.dispose().catch(() => {});
    process.exit(0);
  });
}
