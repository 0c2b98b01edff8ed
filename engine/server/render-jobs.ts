// Render jobs: the renderer's queue does the work; every status change is persisted, and unfinished jobs resume.
import { isReady } from "../../core/draft.ts";
import { isNoSpace, NO_SPACE_REASON } from "../../core/upstream-facts.ts";
import { type RenderJob as QueueJob, RenderQueue } from "../render/index.ts";
import type { Store } from "../store/index.ts";
import type { RenderJob } from "../store/renders.ts";
import type { MediaItem } from "../types.ts";
import { UpstreamError } from "./errors.ts";

/** A job started this many times without finishing (the engine kept stopping) is failed instead of re-run. */
const MAX_ATTEMPTS = 3;

export class RenderJobs {
  private readonly queue: RenderQueue;
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly baseUrl: () => string,
    concurrency?: number,
  ) {
    this.queue = new RenderQueue({ concurrency, onUpdate: (q) => this.onUpdate(q) });
  }

  submit(fields: Pick<RenderJob, "id" | "sessionId" | "userId" | "draft">): RenderJob {
    const job = this.store.renders.create(fields);
    this.start(job);
    return job;
  }

  cancel(job: RenderJob): void {
    if (job.status !== "pending" && job.status !== "processing") {
      throw new UpstreamError(409, `Render ${job.id} already ${job.status}`);
    }
    this.finish(job, { status: "failed", error: "Render cancelled" });
    this.queue.cancel(job.id);
  }

  /** Jobs the last process left unfinished run again, unless they already had their chances. */
  resume(): void {
    for (const job of this.store.renders.unfinished()) {
      if (job.attempts >= MAX_ATTEMPTS) {
        this.finish(job, {
          status: "failed",
          error: `The engine stopped ${job.attempts} times during this render`,
        });
      } else {
        this.start(job);
      }
    }
  }

  /** Stops rendering without recording the stopped jobs as failed, so the next start re-runs them. */
  async close(): Promise<void> {
    this.closing = true;
    const stopping = this.store.renders.unfinished().map((job) => {
      const settled = this.queue.settled(job.id);
      this.queue.cancel(job.id);
      return settled;
    });
    await Promise.all(stopping);
  }

  private start(job: RenderJob): void {
    if (!isReady(job.draft)) {
      this.finish(job, { status: "failed", error: "Draft has no segments to render" });
      return;
    }
    this.store.renders.update(job, { status: "pending", progress: 0, attempts: job.attempts + 1 });
    this.queue.submit(job.id, job.draft, {
      outPath: this.store.renders.outputPath(job.id),
      coverPath: this.store.renders.coverPath(job.id),
      resolveMedia: this.resolver(job),
    });
  }

  /** Mirrors the queue into the job: status changes are written, progress stays in memory. */
  private onUpdate(q: QueueJob): void {
    const job = this.store.renders.find(q.id);
    // A cancelled job is already final, and a shutdown's aborts are not the render's fault.
    if (!job || this.closing || job.status === "failed" || job.status === "completed") return;
    if (q.status === "completed" && q.output) {
      const { size, duration, width, height, cover } = q.output;
      this.finish(job, { status: "completed", output: { size, duration, width, height, cover: !!cover } });
    } else if (q.status === "failed") {
      this.finish(job, { status: "failed", error: reason(q.error) });
    } else if (q.status !== job.status) {
      this.store.renders.update(job, { status: q.status, progress: q.progress });
    } else {
      job.progress = Math.max(job.progress, Math.min(99, Math.round(q.progress)));
    }
  }

  private finish(job: RenderJob, patch: Pick<RenderJob, "status"> & Partial<RenderJob>): void {
    const progress = patch.status === "completed" ? 100 : job.progress;
    this.store.renders.update(job, { ...patch, progress, completedAt: Date.now() });
  }

  /** Segments name media by URL; match on the path so URLs from before a port change still resolve. */
  private resolver(job: RenderJob): (src: string) => MediaItem | undefined {
    const rec = this.store.sessions.get(job.sessionId, job.userId);
    const items = rec ? this.store.sessions.mediaItems(rec, this.baseUrl()) : [];
    const pathOf = (url: string) => URL.parse(url, "http://x")?.pathname;
    return (src) => items.find((m) => m.url === src || pathOf(m.url) === pathOf(src));
  }
}

/** The first line of the renderer's reason, short enough to show a user; a full disk in one plain phrase. */
function reason(error: string | undefined): string {
  if (isNoSpace(error)) return NO_SPACE_REASON;
  return error?.split("\n")[0].slice(0, 300) || "Render failed";
}
