// JSON files under a root folder, written atomically (temp + rename) and serialized per file.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export class JsonFiles {
  private readonly chains = new Map<string, Promise<void>>();

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
   * Never rejects: a failed write is logged, and the next one rewrites the whole file.
   */
  write(rel: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    const target = this.path(rel);
    const next = (this.chains.get(target) ?? Promise.resolve())
      .then(() => writeAtomic(target, text))
      .catch((err) => console.error(`engine: could not write ${target}:`, err));
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
  await writeFile(tmp, text, { flush: true });
  await rename(tmp, target);
}
