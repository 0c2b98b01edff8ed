// Exports: submit a render, poll it from the alarm until it ends, copy the finished file into R2, and tell the
// starting key's webhook. Failures are kept as catalogue codes and worded in the reader's language.
import type { ExportView } from "../core/api-views.ts";
import { Paths, type RenderProgress, readRenderPoll } from "../core/contract.ts";
import { type Draft, isReady } from "../core/draft.ts";
import { apiError, type ErrorCode, entryFor, type Lang, ReelsmithError } from "../core/errors.ts";
import { isNoSpace } from "../core/upstream-facts.ts";
import type { FairUse } from "./fair-use.ts";
import type { JobTable } from "./jobs.ts";
import type { ProjectRow, ProjectStore } from "./projects.ts";
import { copyRenderOutput, type OutputRules } from "./render-output.ts";
import type { SessionService } from "./sessions.ts";
import type { Platform, UpstreamClient } from "./upstream-client.ts";
import type { WebhookService } from "./webhook.ts";

export type ExportStatus = ExportView["status"];

export interface ExportRequest {
  /** scoped to the project: the same key on another project starts another export */
  idempotencyKey?: string;
  callbackUrl?: string;
  /** the API key that started it, whose webhook secret signs the callback */
  keyId?: string;
  platform: Platform;
  lang: Lang;
}

type ExportRow = {
  id: string;
  project_id: string;
  status: ExportStatus;
  progress: number;
  render_id: string | null;
  submits: number;
  polls: number;
  error_code: ErrorCode | null;
  r2_key: string | null;
  cover_key: string | null;
  size: number | null;
  duration: number | null;
  draft_json: string | null;
  callback_url: string | null;
  key_id: string | null;
  lang: string | null;
  deadline_at: number;
  created_at: number;
  completed_at: number | null;
  updated_at: number;
};

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
    private readonly fairUse: FairUse,
    private readonly webhooks: WebhookService,
    private readonly outputRules: OutputRules,
  ) {}

  /** Starts an export of the project's current draft; the same idempotency key on the project answers the same export. */
  async create(row: ProjectRow, opts: ExportRequest): Promise<ExportView> {
    const { platform, lang } = opts;
    const idempotencyKey = opts.idempotencyKey ? `${row.id}:${opts.idempotencyKey}` : null;
    if (idempotencyKey) {
      const existing = this.sql
        .exec<ExportRow>(`SELECT * FROM exports WHERE idempotency_key = ?`, idempotencyKey)
        .toArray()[0];
      if (existing) return this.info(existing, lang);
    }
    this.fairUse.below("concurrent-exports", this.running().length, this.nextPollInS());
    const draft = await this.sessions.draft(row, platform);
    if (!isReady(draft)) throw new ReelsmithError("not_ready");
    const id = `exp_${crypto.randomUUID().replaceAll("-", "")}`;
    const now = Date.now();
    this.sql.exec(
      `INSERT INTO exports (id, project_id, status, progress, idempotency_key, callback_url, key_id, lang, draft_json,
         duration, deadline_at, created_at, updated_at)
       VALUES (?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      row.id,
      idempotencyKey,
      opts.callbackUrl ?? null,
      opts.keyId ?? null,
      lang,
      JSON.stringify(draft),
      draft.d / 1000,
      now + this.timings.deadlineMs,
      now,
      now,
    );
    try {
      await this.submit(id, row, draft, platform);
    } catch (e) {
      this.finish(id, { status: "failed", code: ReelsmithError.from(e)?.code ?? "render_failed" });
      throw e;
    }
    await this.jobs.schedule("poll-export", id, Date.now() + this.timings.firstPollMs);
    return this.get(id, lang)!;
  }

  get(id: string, lang: Lang): ExportView | undefined {
    const row = this.row(id);
    return row ? this.info(row, lang) : undefined;
  }

  /** The project's exports, newest first. */
  listFor(projectId: string, lang: Lang): ExportView[] {
    return this.rowsFor(projectId).map((r) => this.info(r, lang));
  }

  /** The poster of the project's latest export that has one, for the project list. */
  latestCoverUrl(projectId: string): string | null {
    const row = this.rowsFor(projectId).find((r) => r.status === "completed" && r.cover_key);
    return row ? coverUrl(row.id) : null;
  }

  /** A completed export's stored file and poster (R2 keys), length and size, for the download, cover and share routes. */
  files(id: string) {
    const row = this.row(id);
    if (row?.status !== "completed" || !row.r2_key) return undefined;
    return {
      id: row.id,
      video: row.r2_key,
      cover: row.cover_key,
      projectId: row.project_id,
      duration: row.duration,
      size: row.size,
    };
  }

  /** One poll step, run by the alarm; idempotent. Answers when to poll again, or null when the export ended. */
  async poll(id: string): Promise<number | null> {
    const row = this.row(id);
    if (!row || row.status === "completed" || row.status === "failed" || !row.render_id) return null;
    if (Date.now() > row.deadline_at) {
      this.finish(id, { status: "failed", code: "render_timeout" });
      await this.notify(this.row(id)!);
      return null;
    }
    this.sql.exec(`UPDATE exports SET polls = polls + 1 WHERE id = ?`, id);
    try {
      const res = await this.client.open(Paths.renderPoll(row.render_id), { platform: "api" });
      const p = readRenderPoll(await res.json());
      if (!p) throw new Error("unreadable render status");
      if (p.status === "completed") await this.store(row, p);
      else if (p.status === "failed") {
        // The upstream's own words (ffmpeg's, at times) are for the log; users read the catalogue's.
        console.warn(`export ${id}: render failed: ${p.error ?? "no reason given"}`);
        this.finish(id, { status: "failed", code: isNoSpace(p.error) ? "render_no_space" : "render_failed" });
      } else {
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
    const out = await copyRenderOutput(this.media, this.client, row, p, this.outputRules);
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

  private finish(id: string, r: { status: "completed" } | { status: "failed"; code: ErrorCode }): void {
    const failed = r.status === "failed";
    this.sql.exec(
      `UPDATE exports SET status = ?, progress = ?, error_code = ?, updated_at = ?, completed_at = ? WHERE id = ?`,
      r.status,
      failed ? (this.row(id)?.progress ?? 0) : 100,
      failed ? r.code : null,
      Date.now(),
      failed ? null : Date.now(),
      id,
    );
  }

  /** The starting key's webhook hears how the export ended. */
  private async notify(row: ExportRow): Promise<void> {
    if (!row.callback_url || !row.key_id || (row.status !== "completed" && row.status !== "failed")) return;
    await this.webhooks.enqueue({
      exportId: row.id,
      keyId: row.key_id,
      url: row.callback_url,
      event: `export.${row.status}`,
      payload: { export: this.info(row, row.lang === "zh" ? "zh" : "en") },
    });
  }

  /** Exports still rendering. */
  private running(): ExportRow[] {
    return this.sql
      .exec<ExportRow>(`SELECT * FROM exports WHERE status IN ('pending', 'processing')`)
      .toArray();
  }

  /** Seconds until the next running export is polled (and may be done): when to try starting another. */
  private nextPollInS(): number {
    const at = this.sql
      .exec<{ at: number | null }>(`SELECT MIN(due_at) AS at FROM jobs WHERE kind = 'poll-export'`)
      .one().at;
    return Math.max(1, Math.ceil(((at ?? Date.now()) - Date.now()) / 1000));
  }

  private row(id: string): ExportRow | undefined {
    return this.sql.exec<ExportRow>(`SELECT * FROM exports WHERE id = ?`, id).toArray()[0];
  }

  private rowsFor(projectId: string): ExportRow[] {
    return this.sql
      .exec<ExportRow>(`SELECT * FROM exports WHERE project_id = ? ORDER BY created_at DESC`, projectId)
      .toArray();
  }

  /**
   * The public view in `lang`; `outdated` compares the draft it was made from with the project's latest known draft.
   */
  private info(row: ExportRow, lang: Lang): ExportView {
    const current = this.projects.get(row.project_id)?.draft_json ?? null;
    const completed = row.status === "completed";
    return {
      id: row.id,
      projectId: row.project_id,
      status: row.status,
      progress: row.progress,
      ...(row.error_code
        ? { error: apiError(entryFor(row.error_code, this.client.catalogueContext()), lang).error }
        : {}),
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
