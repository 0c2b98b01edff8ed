// Exports: submit a render, poll it from the alarm until it ends, copy the finished file into R2.
import { Paths, type RenderProgress, readRenderPoll } from "../core/contract.ts";
import { type Draft, isReady } from "../core/draft.ts";
import { type ErrorCode, ReelsmithError } from "../core/errors.ts";
import type { JobTable } from "./jobs.ts";
import type { ProjectRow, ProjectStore } from "./projects.ts";
import { copyRenderOutput } from "./render-output.ts";
import type { SessionService } from "./sessions.ts";
import type { Platform, UpstreamClient } from "./upstream-client.ts";
import { sendWebhook } from "./webhook.ts";

export type ExportStatus = "pending" | "processing" | "completed" | "failed";

type ExportRow = {
  id: string;
  project_id: string;
  status: ExportStatus;
  progress: number;
  render_id: string | null;
  submits: number;
  polls: number;
  error: string | null;
  error_code: ErrorCode | null;
  r2_key: string | null;
  cover_key: string | null;
  size: number | null;
  duration: number | null;
  draft_json: string | null;
  callback_url: string | null;
  deadline_at: number;
  created_at: number;
  completed_at: number | null;
  updated_at: number;
};

export interface ExportInfo {
  id: string;
  projectId: string;
  status: ExportStatus;
  progress: number;
  /** the upstream's words for a failure; `errorCode` is the catalogue code a page words in its language */
  error?: string;
  errorCode?: ErrorCode;
  size?: number;
  /** seconds */
  duration?: number;
  downloadUrl?: string;
  /** the poster image, when the upstream made one */
  coverUrl?: string;
  /** made from an older draft than the project's current one: exporting again gives the edits */
  outdated: boolean;
  createdAt: number;
  completedAt?: number;
}

export interface ExportTimings {
  firstPollMs: number;
  pollMs: number;
  deadlineMs: number;
}

export class ExportService {
  constructor(
    private readonly sql: SqlStorage,
    private readonly projects: ProjectStore,
    private readonly jobs: JobTable,
    private readonly sessions: SessionService,
    private readonly client: UpstreamClient,
    private readonly media: R2Bucket,
    private readonly timings: ExportTimings,
    private readonly webhookSecret: string,
  ) {}

  /** Starts an export of the project's current draft; the same idempotency key answers the same export. */
  async create(
    row: ProjectRow,
    opts: { idempotencyKey?: string; callbackUrl?: string },
    platform: Platform,
  ): Promise<ExportInfo> {
    if (opts.idempotencyKey) {
      const existing = this.sql
        .exec<ExportRow>(`SELECT * FROM exports WHERE idempotency_key = ?`, opts.idempotencyKey)
        .toArray()[0];
      if (existing) return this.info(existing);
    }
    const draft = await this.sessions.draft(row, platform);
    if (!isReady(draft)) throw new ReelsmithError("not_ready");
    const id = `exp_${crypto.randomUUID().replaceAll("-", "")}`;
    const now = Date.now();
    this.sql.exec(
      `INSERT INTO exports (id, project_id, status, progress, idempotency_key, callback_url, draft_json, duration,
         deadline_at, created_at, updated_at)
       VALUES (?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      row.id,
      opts.idempotencyKey ?? null,
      opts.callbackUrl ?? null,
      JSON.stringify(draft),
      draft.d / 1000,
      now + this.timings.deadlineMs,
      now,
      now,
    );
    try {
      await this.submit(id, row, draft, platform);
    } catch (e) {
      const known = ReelsmithError.from(e);
      this.finish(id, {
        status: "failed",
        code: known?.code ?? "render_failed",
        error: known?.entry.message.en ?? "The render could not start.",
      });
      throw e;
    }
    await this.jobs.schedule("poll-export", id, Date.now() + this.timings.firstPollMs);
    return this.get(id)!;
  }

  get(id: string): ExportInfo | undefined {
    const row = this.row(id);
    return row ? this.info(row) : undefined;
  }

  /** The project's exports, newest first. */
  listFor(projectId: string): ExportInfo[] {
    return this.rowsFor(projectId).map((r) => this.info(r));
  }

  /** The poster of the project's latest export that has one, for the project list. */
  latestCoverUrl(projectId: string): string | null {
    const row = this.rowsFor(projectId).find((r) => r.status === "completed" && r.cover_key);
    return row ? coverUrl(row.id) : null;
  }

  /** The R2 keys of a completed export's file and poster, for the download, cover and share routes. */
  files(id: string): { video: string; cover: string | null; projectId: string } | undefined {
    const row = this.row(id);
    if (row?.status !== "completed" || !row.r2_key) return undefined;
    return { video: row.r2_key, cover: row.cover_key, projectId: row.project_id };
  }

  /** One poll step, run by the alarm; idempotent. Answers when to poll again, or null when the export ended. */
  async poll(id: string): Promise<number | null> {
    const row = this.row(id);
    if (!row || row.status === "completed" || row.status === "failed" || !row.render_id) return null;
    if (Date.now() > row.deadline_at) {
      this.finish(id, {
        status: "failed",
        code: "render_timeout",
        error: "The render did not finish in time.",
      });
      await this.notify(this.row(id)!);
      return null;
    }
    this.sql.exec(`UPDATE exports SET polls = polls + 1 WHERE id = ?`, id);
    try {
      const res = await this.client.open(Paths.renderPoll(row.render_id), { platform: "api" });
      const p = readRenderPoll(await res.json());
      if (!p) throw new Error("unreadable render status");
      if (p.status === "completed") await this.store(row, p);
      else if (p.status === "failed")
        this.finish(id, { status: "failed", code: "render_failed", error: p.error ?? "The render failed." });
      else {
        this.sql.exec(
          `UPDATE exports SET status = ?, progress = ?, updated_at = ? WHERE id = ?`,
          p.status,
          Math.min(p.progress, 99),
          Date.now(),
          id,
        );
      }
    } catch (e) {
      const known = ReelsmithError.from(e);
      console.warn(
        `export ${id}: poll failed: ${known ? `${known.code} ${known.detail ?? ""}` : (e as Error).message}`,
      );
    }
    const after = this.row(id)!;
    if (after.status !== "completed" && after.status !== "failed") return Date.now() + this.timings.pollMs;
    await this.notify(after);
    return null;
  }

  deleteFor(projectId: string): Promise<void> {
    const keys = this.rowsFor(projectId).flatMap((r) =>
      [r.r2_key, r.cover_key].filter((k): k is string => !!k),
    );
    return keys.length ? this.media.delete(keys) : Promise.resolve();
  }

  /** Submits with a unique render id; on failure retries once with a new id (402 is a plan issue: no retry). */
  private async submit(id: string, row: ProjectRow, draft: Draft, platform: Platform): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const renderId = `render_${Date.now()}_${crypto.randomUUID().slice(0, 8)}`;
      this.sql.exec(`UPDATE exports SET render_id = ?, submits = submits + 1 WHERE id = ?`, renderId, id);
      try {
        await this.sessions.withSession(row, platform, (sid) =>
          this.client.open(Paths.render, {
            json: { id: renderId, sessionId: sid, draft, output: { format: "mp4", quality: "high" } },
            platform,
          }),
        );
        return;
      } catch (e) {
        const blocked = ReelsmithError.from(e)?.code === "export_blocked";
        if (blocked || attempt >= 1) throw e;
      }
    }
  }

  /** Copies the finished file (and its poster) into R2 so nothing depends on an expiring upstream URL. */
  private async store(row: ExportRow, p: RenderProgress): Promise<void> {
    const out = await copyRenderOutput(this.media, this.client, row, p);
    this.sql.exec(
      `UPDATE exports SET r2_key = ?, size = ?, cover_key = ?, duration = COALESCE(?, duration) WHERE id = ?`,
      out.video,
      out.size,
      out.cover,
      p.duration ?? null,
      row.id,
    );
    this.finish(row.id, { status: "completed" });
  }

  private finish(
    id: string,
    r: { status: "completed" } | { status: "failed"; code: ErrorCode; error: string },
  ): void {
    const failed = r.status === "failed";
    this.sql.exec(
      `UPDATE exports SET status = ?, progress = ?, error = ?, error_code = ?, updated_at = ?, completed_at = ?
       WHERE id = ?`,
      r.status,
      failed ? (this.row(id)?.progress ?? 0) : 100,
      failed ? r.error : null,
      failed ? r.code : null,
      Date.now(),
      failed ? null : Date.now(),
      id,
    );
  }

  private async notify(row: ExportRow): Promise<void> {
    if (!row.callback_url) return;
    await sendWebhook(row.callback_url, this.webhookSecret, {
      type: `export.${row.status}`,
      export: this.info(row),
    });
  }

  private row(id: string): ExportRow | undefined {
    return this.sql.exec<ExportRow>(`SELECT * FROM exports WHERE id = ?`, id).toArray()[0];
  }

  private rowsFor(projectId: string): ExportRow[] {
    return this.sql
      .exec<ExportRow>(`SELECT * FROM exports WHERE project_id = ? ORDER BY created_at DESC`, projectId)
      .toArray();
  }

  /** The public view; `outdated` compares the draft it was made from with the project's latest known draft. */
  private info(row: ExportRow): ExportInfo {
    const current = this.projects.get(row.project_id)?.draft_json ?? null;
    const completed = row.status === "completed";
    return {
      id: row.id,
      projectId: row.project_id,
      status: row.status,
      progress: row.progress,
      ...(row.error ? { error: row.error } : {}),
      ...(row.error_code ? { errorCode: row.error_code } : {}),
      ...(row.size ? { size: row.size } : {}),
      ...(row.duration ? { duration: row.duration } : {}),
      ...(completed ? { downloadUrl: `/api/exports/${row.id}/download` } : {}),
      ...(completed && row.cover_key ? { coverUrl: coverUrl(row.id) } : {}),
      outdated: row.draft_json !== null && current !== null && row.draft_json !== current,
      createdAt: row.created_at,
      ...(row.completed_at ? { completedAt: row.completed_at } : {}),
    };
  }
}

const coverUrl = (id: string) => `/api/exports/${id}/cover`;
