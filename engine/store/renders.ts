// Render jobs, one renders/<id>.json each; the finished MP4 and its cover sit beside it as renders/<id>.mp4 and .jpg.
import { randomBytes } from "node:crypto";
import type { RenderStatus } from "../../core/contract.ts";
import type { Draft } from "../../core/draft.ts";
import type { JsonFiles } from "./json-files.ts";

export interface RenderJob {
  id: string;
  sessionId: string;
  userId: string;
  status: RenderStatus;
  /** 0–100; kept in memory while running, persisted with status changes */
  progress: number;
  createdAt: number;
  completedAt?: number;
  error?: string;
  draft: Draft;
  /** how many times the job was started (a restart mid-render starts it again) */
  attempts: number;
  /** unguessable part of the public output URL (job ids come from clients) */
  key: string;
  /** `cover`: whether the poster image was written beside the video */
  output?: { size: number; duration: number; width: number; height: number; cover?: boolean };
}

export class RenderStore {
  private constructor(
    private readonly files: JsonFiles,
    private readonly byId: Map<string, RenderJob>,
  ) {}

  static async open(files: JsonFiles): Promise<RenderStore> {
    const all = await files.readAll<RenderJob>("renders");
    return new RenderStore(files, new Map(all.map((j) => [j.id, j])));
  }

  find(id: string): RenderJob | undefined {
    return this.byId.get(id);
  }

  /** The job when it belongs to the user. */
  get(id: string, userId: string): RenderJob | undefined {
    const job = this.byId.get(id);
    return job?.userId === userId ? job : undefined;
  }

  /** Jobs a previous process left pending or processing. */
  unfinished(): RenderJob[] {
    return [...this.byId.values()].filter((j) => j.status === "pending" || j.status === "processing");
  }

  create(fields: Pick<RenderJob, "id" | "sessionId" | "userId" | "draft">): RenderJob {
    const job: RenderJob = {
      ...fields,
      status: "pending",
      progress: 0,
      createdAt: Date.now(),
      attempts: 0,
      key: randomBytes(12).toString("hex"),
    };
    this.byId.set(job.id, job);
    this.save(job);
    return job;
  }

  update(job: RenderJob, patch: Partial<Omit<RenderJob, "id">>): void {
    Object.assign(job, patch);
    this.save(job);
  }

  outputPath(id: string): string {
    return this.files.path(`renders/${id}.mp4`);
  }

  /** Where the renderer writes the poster image. */
  coverPath(id: string): string {
    return this.files.path(`renders/${id}.jpg`);
  }

  private save(job: RenderJob): void {
    void this.files.write(`renders/${job.id}.json`, job);
  }
}
