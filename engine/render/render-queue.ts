// In-memory render queue with bounded concurrency; the server persists the jobs it reads from here.
import { availableParallelism } from "node:os";
import type { Draft } from "../../core/draft.ts";
import type { RenderOptions, RenderOutput } from "../types.ts";
import { renderDraft } from "./render-draft.ts";
import { FfmpegKilledError } from "./run-ffmpeg.ts";

/** A render whose ffmpeg was killed from outside runs again from the start, at most this many times. */
const KILLED_RETRIES = 2;

export type RenderStatus = "pending" | "processing" | "completed" | "failed";

export interface RenderJob {
  id: string;
  status: RenderStatus;
  /** 0–100 */
  progress: number;
  error?: string;
  output?: RenderOutput;
}

export interface RenderQueueOptions {
  /** renders at once; x264 already uses every core, so the default is one per two cores */
  concurrency?: number;
  /** called whenever a job's status or progress changes */
  onUpdate?: (job: RenderJob) => void;
  /** the renderer; replaceable in tests */
  render?: (draft: Draft, opts: RenderOptions) => Promise<RenderOutput>;
}

interface Entry {
  job: RenderJob;
  draft: Draft;
  opts: RenderOptions;
  controller: AbortController;
  settled: Promise<RenderJob>;
  settle: (job: RenderJob) => void;
}

export class RenderQueue {
  readonly concurrency: number;
  private readonly entries = new Map<string, Entry>();
  private readonly waiting: Entry[] = [];
  private active = 0;

  constructor(private readonly options: RenderQueueOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? Math.floor(availableParallelism() / 2));
  }

  /** Queues a render. Submitting an id that is still pending or processing returns the existing job. */
  submit(id: string, draft: Draft, opts: RenderOptions): RenderJob {
    const existing = this.entries.get(id);
    if (existing && (existing.job.status === "pending" || existing.job.status === "processing"))
      return existing.job;
    let settle!: (job: RenderJob) => void;
    const settled = new Promise<RenderJob>((resolve) => {
      settle = resolve;
    });
    const entry: Entry = {
      job: { id, status: "pending", progress: 0 },
      draft,
      opts,
      controller: new AbortController(),
      settled,
      settle,
    };
    this.entries.set(id, entry);
    this.waiting.push(entry);
    this.update(entry.job);
    this.pump();
    return entry.job;
  }

  get(id: string): RenderJob | undefined {
    return this.entries.get(id)?.job;
  }

  /** Resolves with the job once it has completed or failed. */
  settled(id: string): Promise<RenderJob> | undefined {
    return this.entries.get(id)?.settled;
  }

  /** Stops a pending or running render; it ends as failed with error "cancelled". */
  cancel(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || entry.job.status === "completed" || entry.job.status === "failed") return false;
    const queued = this.waiting.indexOf(entry);
    if (queued >= 0) {
      this.waiting.splice(queued, 1);
      this.finish(entry, { status: "failed", error: "cancelled" });
    } else {
      entry.controller.abort();
    }
    return true;
  }

  /** Renders currently running. */
  get running(): number {
    return this.active;
  }

  private pump(): void {
    while (this.active < this.concurrency && this.waiting.length > 0) {
      const entry = this.waiting.shift()!;
      this.active++;
      void this.run(entry).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async run(entry: Entry): Promise<void> {
    const { job, opts } = entry;
    job.status = "processing";
    this.update(job);
    const signal = opts.signal
      ? AbortSignal.any([opts.signal, entry.controller.signal])
      : entry.controller.signal;
    const onProgress = (percent: number) => {
      opts.onProgress?.(percent);
      if (percent <= job.progress) return;
      job.progress = percent;
      this.update(job);
    };
    const render = () => (this.options.render ?? renderDraft)(entry.draft, { ...opts, signal, onProgress });
    try {
      let output: RenderOutput | undefined;
      for (let retries = 0; !output; retries++) {
        output = await render().catch((err: unknown) => {
          const killed = err instanceof FfmpegKilledError && !signal.aborted && retries < KILLED_RETRIES;
          if (!killed) throw err;
          // The output so far is gone with the process; the progress bar holds until the new run passes it.
          console.warn(`render ${job.id}: ${err.message}; rendering again`);
          return undefined;
        });
      }
      this.finish(entry, { status: "completed", progress: 100, output });
    } catch (err) {
      const error = entry.controller.signal.aborted
        ? "cancelled"
        : err instanceof Error
          ? err.message
          : String(err);
      this.finish(entry, { status: "failed", error });
    }
  }

  private finish(entry: Entry, result: Partial<RenderJob>): void {
    Object.assign(entry.job, result);
    this.update(entry.job);
    entry.settle(entry.job);
  }

  private update(job: RenderJob): void {
    this.options.onUpdate?.(job);
  }
}
