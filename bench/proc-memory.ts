// Resident memory and open descriptors of a process tree from /proc (Linux): the whole tree summed, and its workerd alone.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Every process whose ancestry leads to `pid` (e.g. wrangler's launcher, its Node child, workerd). */
export function processTree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the name in parentheses may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const tree = [pid];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, ppid] of parent)
      if (tree.includes(ppid) && !tree.includes(child)) {
        tree.push(child);
        grew = true;
      }
  }
  return tree;
}

export function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

export const rssBytes = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0) * 1024;

/** The anonymous part of the resident memory (heaps), without mapped files and shared memory. */
export const anonBytes = (pid: number) =>
  Number(/RssAnon:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0) * 1024;

/** The open descriptors of one process: all of them, and how many are sockets. */
export function openFds(pid: number): { all: number; sockets: number } {
  let fds: string[] = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {}
  let sockets = 0;
  for (const fd of fds) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith("socket:")) sockets++;
    } catch {}
  }
  return { all: fds.length, sockets };
}

/** Open socket descriptors of the whole tree under `rootPid`. */
export const socketCount = (rootPid: number) =>
  processTree(rootPid).reduce((n, pid) => n + openFds(pid).sockets, 0);

export interface Peak {
  total: number;
  workerd: number;
}

export interface MemorySampler {
  /** the tree's summed RSS right now */
  now(): number;
  reset(): void;
  /** the highest sums (and the highest workerd alone) since the last reset */
  peak(): Peak;
  stop(): void;
}

/** Samples the tree's RSS every 100 ms. */
export function memorySampler(rootPid: number): MemorySampler {
  let peak: Peak = { total: 0, workerd: 0 };
  const sample = () => {
    let total = 0;
    for (const pid of processTree(rootPid)) {
      const rss = rssBytes(pid);
      total += rss;
      if (read(`/proc/${pid}/comm`).trim() === "workerd") peak.workerd = Math.max(peak.workerd, rss);
    }
    peak.total = Math.max(peak.total, total);
    return total;
  };
  const timer = setInterval(sample, 100);
  return {
    now: sample,
    reset: () => {
      peak = { total: 0, workerd: 0 };
    },
    peak: () => ({ ...peak }),
    stop: () => clearInterval(timer),
  };
}
