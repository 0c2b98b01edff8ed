// JSON files under a root folder, written atomically (temp + rename) and serialized per file.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** A write the disk refused (full, say) is tried again this often, until it lands or a newer one replaces it. */
const RETRY_MS = 2_000;

export class JsonFiles {
  private readonly chains = new Map<string, Promise<void>>();
  /** the text last asked for, per file, until it lands: a retry gives way to a newer write */
  private readonly latest = new Map<string, string>();

  constructor(readonly root: string) {}

  path(rel: string): string {
    return join(this.root, rel);
  }

  async read<T>(rel: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(this.path(rel), "utf8")) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
  }

  /** JSON files directly inside `relDir`, parsed; unreadable ones (a torn copy from a crash) are skipped. */
  async readAll<T>(relDir: string): Promise<T[]> {
    const names = await readdir(this.path(relDir)).catch(() => [] as string[]);
    const out: T[] = [];
    for (const name of names.filter((n) => n.endsWith(".json"))) {
      const value = await this.read<T>(join(relDir, name)).catch(() => undefined);
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  /**
   * Snapshots `value` now; writes land in call order, so the file always ends as the latest snapshot.
   * Never rejects: a failed write is logged and tried again later, since a job's last state (a render that
   * ended while the disk was full) may have no later write to carry it, and a restart would then re-run it.
   */
  write(rel: string, value: unknown): Promise<void> {
    const target = this.path(rel);
    const text = JSON.stringify(value);
    this.latest.set(target, text);
    return this.enqueue(target, text);
  }

  private enqueue(target: string, text: string): Promise<void> {
    const next = (this.chains.get(target) ?? Promise.resolve())
      .then(async () => {
        await writeAtomic(target, text);
        if (this.latest.get(target) === text) this.latest.delete(target);
      })
      .catch((err) => {
        console.error(`engine: could not write ${target} (trying again in ${RETRY_MS / 1000} s):`, err);
        setTimeout(() => {
          if (this.latest.get(target) === text) void this.enqueue(target, text);
        }, RETRY_MS).unref();
      });
    this.chains.set(target, next);
    return next;
  }

  /** Waits for every queued write. */
  async flush(): Promise<void> {
    await Promise.all(this.chains.values());
  }
}

async function writeAtomic(target: string, text: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, text, { flush: true });
    await rename(tmp, target);
  } catch (err) {
    // A full disk leaves a torn temp file behind otherwise.
    await rm(tmp, { force: true });
    throw err;
  }
}
