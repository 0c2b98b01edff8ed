// Exports: submit a render, poll it from the alarm until it ends, copy the finished file into R2.
import { Paths, type RenderProgress, readRenderPoll } from "../core/contract.ts";
import { isReady } from "../core/draft.ts";
import { ReelsmithError } from "../core/errors.ts";
import type { JobTable } from "./jobs.ts";
import type { ProjectRow } from "./projects.ts";
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
  r2_key: string | null;
  size: number | null;
  callback_url: string | null;
  deadline_at: number;
  created_at: number;
  updated_at: number;
};

export interface ExportInfo {
  id: string;
  projectId: string;
  status: ExportStatus;
  progress: number;
  error?: string;
  size?: number;
  downloadUrl?: string;
  createdAt: number;
}

export interface ExportTimings {
  firstPollMs: number;
  pollMs: number;
  deadlineMs: number;
}

export class ExportService {
  constructor(
    private readonly sql: SqlStorage,
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
      if (existing) return info(existing);
    }
    const draft = await this.sessions.draft(row, platform);
    if (!isReady(draft)) throw new ReelsmithError("not_ready");
    const id = `exp_${crypto.randomUUID().replaceAll("-", "")}`;
    const now = Date.now();
    this.sql.exec(
      `INSERT INTO exports (id, project_id, status, progress, idempotency_key, callback_url, deadline_at, created_at, updated_at)
       VALUES (?, ?, 'pending', 0, ?, ?, ?, ?, ?)`,
      id,
      row.id,
      opts.idempotencyKey ?? null,
      opts.callbackUrl ?? null,
      now + this.timings.deadlineMs,
      now,
      now,
    );
    try {
      await this.submit(id, row, draft, platform);
    } catch (e) {
      this.finish(id, {
        status: "failed",
        error: ReelsmithError.from(e)?.entry.message.en ?? "The render could not start.",
      });
      throw e;
    }
    await this.jobs.schedule("poll-export", id, Date.now() + this.timings.firstPollMs);
    return this.get(id)!;
  }

  get(id: string): ExportInfo | undefined {
    const row = this.row(id);
    return row ? info(row) : undefined;
  }

  listFor(projectId: string): ExportInfo[] {
    return this.sql
      .exec<ExportRow>(`SELECT * FROM exports WHERE project_id = ? ORDER BY created_at DESC`, projectId)
      .toArray()
      .map(info);
  }

  /** The R2 key of a completed export, for the download route. */
  fileKey(id: string): string | undefined {
    const row = this.row(id);
    return row?.status === "completed" ? (row.r2_key ?? undefined) : undefined;
  }

  /** One poll step, run by the alarm; idempotent. Answers when to poll again, or null when the export ended. */
  async poll(id: string): Promise<number | null> {
    const row = this.row(id);
    if (!row || row.status === "completed" || row.status === "failed" || !row.render_id) return null;
    if (Date.now() > row.deadline_at) {
      this.finish(id, { status: "failed", error: "The render did not finish in time." });
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
        this.finish(id, { status: "failed", error: p.error ?? "The render failed." });
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
    const keys = this.listFor(projectId)
      .map((e) => this.row(e.id)?.r2_key)
      .filter((k): k is string => !!k);
    return keys.length ? this.media.delete(keys) : Promise.resolve();
  }

  /** Submits with a unique render id; on failure retries once with a new id (402 is a plan issue: no retry). */
  private async submit(id: string, row: ProjectRow, draft: unknown, platform: Platform): Promise<void> {
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

  /** Copies the finished file into R2 so downloads never depend on an expiring upstream URL. */
  private async store(row: ExportRow, p: RenderProgress): Promise<void> {
    // The output URL may be a CDN: fetch it without the token; fall back to the authenticated download route.
    let res = p.url ? await fetch(p.url).catch(() => null) : null;
    if (!res?.ok || !res.body)
      res = await this.client.open(Paths.renderDownload(row.render_id!), { platform: "api" });
    if (!res.ok || !res.body) throw new Error(`download answered HTTP ${res.status}`);
    const key = `exports/${row.project_id}/${row.id}.mp4`;
    const length = Number(res.headers.get("content-length"));
    const body =
      Number.isFinite(length) && length > 0
        ? res.body.pipeThrough(new FixedLengthStream(length))
        : await res.arrayBuffer();
    const obj = await this.media.put(key, body, {
      httpMetadata: { contentType: "video/mp4" },
    });
    this.sql.exec(`UPDATE exports SET r2_key = ?, size = ? WHERE id = ?`, key, obj.size, row.id);
    this.finish(row.id, { status: "completed" });
  }

  private finish(id: string, r: { status: "completed" | "failed"; error?: string }): void {
    this.sql.exec(
      `UPDATE exports SET status = ?, progress = ?, error = ?, updated_at = ? WHERE id = ?`,
      r.status,
      r.status === "completed" ? 100 : (this.row(id)?.progress ?? 0),
      r.error ?? null,
      Date.now(),
      id,
    );
  }

  private async notify(row: ExportRow): Promise<void> {
    if (!row.callback_url) return;
    await sendWebhook(row.callback_url, this.webhookSecret, {
      type: `export.${row.status}`,
      export: info(row),
    });
  }

  private row(id: string): ExportRow | undefined {
    return this.sql.exec<ExportRow>(`SELECT * FROM exports WHERE id = ?`, id).toArray()[0];
  }
}

function info(row: ExportRow): ExportInfo {
  return {
    id: row.id,
    projectId: row.project_id,
    status: row.status,
    progress: row.progress,
    ...(row.error ? { error: row.error } : {}),
    ...(row.size ? { size: row.size } : {}),
    ...(row.status === "completed" ? { downloadUrl: `/api/exports/${row.id}/download` } : {}),
    createdAt: row.created_at,
  };
}
