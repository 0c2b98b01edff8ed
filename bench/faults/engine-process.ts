// The local engine as a process of its own (as `npm start` runs it), so a fault bench can kill and restart it alone.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { processTree, read } from "../proc-memory.ts";

const root = new URL("../..", import.meta.url).pathname;
const READY_MS = 60_000;

export interface EngineProcess {
  url: string;
  /** Kills the whole process group at once, synchronously: for a bench that exits early. */
  killNow(): void;
  /** running ffmpeg processes of the engine */
  ffmpegPids(): number[];
  /** Stops it with `signal` (SIGTERM: a restart; SIGKILL: a crash) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data folder; resolves once it answers. */
  restart(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once("exit", () => r()));

/** Starts `engine/main.ts` on `port` with its data in `dataDir`. */
export async function startEngine(opts: { port: number; dataDir: string }): Promise<EngineProcess> {
  const url = `http://127.0.0.1:${opts.port}`;
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(join(root, "node_modules", ".bin", "tsx"), ["engine/main.ts"], {
      cwd: root,
      env: { ...process.env, ENGINE_PORT: String(opts.port), ENGINE_DATA: opts.dataDir },
      stdio: ["ignore", process.env.BENCH_DEV_LOG ? "inherit" : "ignore", "inherit"],
      detached: true,
    });
    const deadline = Date.now() + READY_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error("the engine exited while starting");
      // Any HTTP answer means it listens (the root path is not an endpoint).
      if (
        await fetch(url).then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the engine did not answer within ${READY_MS / 1000} s`);
  };
  const tree = () => processTree(child.pid!);
  const engine: EngineProcess = {
    url,
    killNow: () => process.kill(-child.pid!, "SIGKILL"),
    ffmpegPids: () => tree().filter((p) => read(`/proc/${p}/comm`).trim() === "ffmpeg"),
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited(child);
      // tsx relays SIGTERM to the engine; a crash has to reach the engine process itself.
      if (signal === "SIGKILL") process.kill(-child.pid!, "SIGKILL");
      else child.kill(signal);
      await done;
    },
    restart: launch,
  };
  await launch();
  return engine;
}
