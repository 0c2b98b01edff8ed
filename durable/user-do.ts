// UserDO: one per user. Holds the upstream token and client id, projects, transcripts, uploads, exports and API keys.
import { DurableObject } from "cloudflare:workers";
import { Credits, Paths } from "../core/contract.ts";
import { isReady } from "../core/draft.ts";
import { type Lang, ReelsmithError } from "../core/errors.ts";
import { settle } from "../core/outcome.ts";
import type { Say } from "../core/say.ts";
import { summarizeTimeline, timelineOf } from "../core/timeline-view.ts";
import { ApiKeyStore } from "./api-keys.ts";
import { ChatRelay, type ChatRequest } from "./chat-relay.ts";
import { type Config, readConfig } from "./config.ts";
import { type ExportRequest, ExportService } from "./exports.ts";
import { FairUse } from "./fair-use.ts";
import { IdentityStore } from "./identity.ts";
import { type JobKind, JobTable } from "./jobs.ts";
import { type ProjectRow, ProjectStore, projectInfo } from "./projects.ts";
import { migrate } from "./schema.ts";
import { SessionService } from "./sessions.ts";
import { UploadStore } from "./upload-store.ts";
import { type UploadRequest, UploadService } from "./uploads.ts";
import { type Platform, UpstreamClient } from "./upstream-client.ts";
import { WebhookService } from "./webhook.ts";

export class UserDO extends DurableObject<Env> {
  private readonly cfg: Config;
  private readonly identity: IdentityStore;
  private readonly projects: ProjectStore;
  private readonly jobs: JobTable;
  private readonly client: UpstreamClient;
  private readonly sessions: SessionService;
  private readonly exports: ExportService;
  private readonly uploads: UploadService;
  private readonly keys: ApiKeyStore;
  private readonly chat: ChatRelay;
  private readonly fairUse: FairUse;
  private readonly webhooks: WebhookService;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    migrate(sql);
    // A new instance means no chat turn is still running in this object: free the locks a crash left behind.
    sql.exec(`UPDATE projects SET busy_until = NULL WHERE busy_until IS NOT NULL`);
    this.cfg = readConfig(env);
    this.identity = new IdentityStore(sql);
    this.projects = new ProjectStore(sql);
    this.jobs = new JobTable(sql, ctx.storage);
    this.client = new UpstreamClient(this.identity, this.cfg);
    this.sessions = new SessionService(this.projects, this.client);
    this.fairUse = new FairUse(sql);
    this.keys = new ApiKeyStore(sql);
    this.webhooks = new WebhookService(sql, this.jobs, (keyId) => this.keys.webhookSecret(keyId));
    this.exports = new ExportService(
      sql,
      this.projects,
      this.jobs,
      this.sessions,
      this.client,
      env.MEDIA,
      {
        firstPollMs: this.cfg.renderFirstPollMs,
        pollMs: this.cfg.renderPollMs,
        deadlineMs: this.cfg.renderDeadlineMs,
      },
      this.fairUse,
      this.webhooks,
      { trustedOrigins: this.cfg.outputOrigins },
    );
    this.uploads = new UploadService(
      new UploadStore(sql),
      this.projects,
      this.jobs,
      this.sessions,
      this.client,
      env.MEDIA,
      this.cfg.publicOrigin,
      env.SECRET,
      this.cfg.upstreamKind,
      this.fairUse,
      this.cfg.handOffRetryMs,
    );
    this.sessions.onReplaced((row, platform) => this.uploads.handOverAgain(row, platform));
    this.chat = new ChatRelay(this.projects, this.sessions, this.client, this.cfg, (projectId) =>
      this.uploads.handOffQueued(projectId),
    );
  }

  // ---- identity and credits

  me(userId: string) {
    this.identity.getOrCreate("user_id", () => userId);
    return {
      userId,
      upstreamUserId: this.identity.get("upstream_user_id") ?? null,
      tokenSource: this.tokenSource(),
    };
  }

  /**
   * The balance. Reading it never signs in to the editor: without a token yet (`signIn` false) the numbers are null,
   * since minting anonymous tokens from plain reads would burn the upstream's per-IP allowance.
   */
  credits(platform: Platform, signIn: boolean) {
    return settle(async () => {
      const upstreamUserId = () => this.identity.get("upstream_user_id") ?? null;
      if (!signIn && !this.client.hasToken())
        return {
          available: null,
          frozen: null,
          total: null,
          upstreamUserId: null,
          tokenSource: "none" as const,
        };
      const c = await this.client.call(Paths.credits, Credits, { platform });
      return { ...c, upstreamUserId: upstreamUserId(), tokenSource: this.tokenSource() };
    });
  }

  private tokenSource() {
    return (this.identity.get("token_source") ?? "none") as "anonymous" | "user" | "none";
  }

  /** Stores the user's own upstream token after checking it works; the previous token comes back on failure. */
  useOwnToken(token: string, platform: Platform) {
    return settle(() => this.client.adoptUserToken(token, platform));
  }

  // ---- projects

  createProject(input: { preset: string; title: string; language: string }) {
    return settle(() => {
      this.fairUse.below("projects", this.projects.count());
      return projectInfo(this.projects.create({ id: newId("prj"), ...input }));
    });
  }

  /** A page of projects, last changed first, each with the poster of its latest export. */
  listProjects(cursor: string | undefined, limit: number) {
    return settle(() => {
      const page = this.projects.page(cursor, limit);
      return {
        projects: page.rows.map((row) => ({
          ...projectInfo(row),
          coverUrl: this.exports.latestCoverUrl(row.id),
        })),
        nextCursor: page.nextCursor,
      };
    });
  }

  renameProject(id: string, title: string) {
    return settle(() => {
      this.project(id);
      this.projects.rename(id, title);
      return projectInfo(this.project(id));
    });
  }

  /**
   * The project with its draft (fresh from the upstream when reachable), its timeline as lanes and as a summary
   * in `lang`, transcript, uploads and exports.
   */
  getProject(id: string, platform: Platform, lang: Lang) {
    return settle(() => this.projectDetails(id, platform, lang));
  }

  private async projectDetails(id: string, platform: Platform, lang: Lang) {
    const row = this.project(id);
    const draft = await this.sessions.draft(row, platform).catch(() => this.projects.cachedDraft(row));
    const timeline = timelineOf(draft);
    return {
      project: projectInfo(this.project(id)),
      draft,
      timeline,
      summary: summarizeTimeline(timeline, lang),
      ready: isReady(draft),
      transcript: this.projects.transcript(id),
      uploads: this.uploads.listFor(id, lang),
      exports: this.exports.listFor(id, lang),
    };
  }

  deleteProject(id: string) {
    return settle(async () => {
      this.project(id);
      await this.exports.deleteFor(id);
      await this.uploads.removeFor(id);
      this.projects.delete(id);
      return { deleted: true as const };
    });
  }

  // ---- chat

  /** Counts a message answered without the agent against the fair-use limit, before it is answered. */
  admitMessage(projectId: string) {
    return settle(() => {
      this.project(projectId);
      this.fairUse.message();
      return { admitted: true as const };
    });
  }

  /**
   * Counts a message for the agent against the fair-use limit and starts its turn: a stream of NDJSON chat events;
   * `busy` (409) while another turn runs. One call, so the first event is one round trip away, not two.
   */
  sendMessage(projectId: string, req: ChatRequest) {
    return settle(() => {
      const row = this.project(projectId);
      this.fairUse.message();
      return this.chat.start(row, req);
    });
  }

  /** The turn running in the project, from its start (for a page reopened mid-turn); null when none runs. */
  watchTurn(projectId: string) {
    return settle(() => {
      this.project(projectId);
      return this.chat.watch(projectId);
    });
  }

  /** Keeps a directly answered message (export, credits, status, upload) in the transcript too. */
  recordExchange(projectId: string, text: string, replies: Array<{ text: string; say: Say }>) {
    return settle(() => {
      this.project(projectId);
      this.projects.addTranscript(projectId, "user", text);
      for (const r of replies) this.projects.addTranscript(projectId, "agent", r.text, r.say);
      return { recorded: true as const };
    });
  }

  // ---- uploads: the Worker streams part bytes into R2; this object plans, checks and records them

  createUpload(projectId: string, owner: string, req: UploadRequest) {
    return settle(() => this.uploads.create(this.project(projectId), newId("upl"), owner, req));
  }

  /**
   * Where part `n` goes, once its declared `length` is right; part 1 comes with its first bytes, to judge the
   * file type. A refusal leaves the part's body to the Worker, which drains it.
   */
  uploadPartTarget(id: string, n: number, length: number, head?: Uint8Array) {
    return settle(() => this.uploads.partTarget(id, n, length, head));
  }

  recordUploadPart(id: string, n: number, etag: string, lang: Lang) {
    return settle(() => this.uploads.recordPart(id, n, etag, lang));
  }

  /** Assembles the upload and queues its hand-off to the editor; answers at once (`sent` until `ready`). */
  completeUpload(id: string, platform: Platform, lang: Lang) {
    return settle(() => this.uploads.complete(id, platform, lang));
  }

  getUpload(id: string, lang: Lang) {
    return settle(() => this.uploads.info(id, lang));
  }

  deleteUpload(id: string) {
    return settle(async () => {
      await this.uploads.remove(id);
      return { deleted: true as const };
    });
  }

  importUrl(projectId: string, owner: string, url: string, platform: Platform, lang: Lang) {
    return settle(() =>
      this.uploads.importUrl(this.project(projectId), newId("upl"), owner, url, platform, lang),
    );
  }

  // ---- exports

  createExport(projectId: string, req: ExportRequest) {
    return settle(() => this.exports.create(this.project(projectId), req));
  }

  getExport(id: string, lang: Lang) {
    return settle(() => this.exports.get(id, lang) ?? notFound());
  }

  /** A completed export's stored file and poster, with its project's title (for file names and share pages). */
  exportFiles(id: string) {
    return settle(() => {
      const files = this.exports.files(id) ?? notFound();
      const project = this.project(files.projectId);
      return { ...files, title: project.title, preset: project.preset };
    });
  }

  // ---- API keys and webhooks

  createApiKey(userId: string, label: string) {
    return settle(() => {
      this.fairUse.below("api-keys", this.keys.count());
      return this.keys.create(userId, label);
    });
  }

  listApiKeys() {
    return this.keys.list();
  }

  revokeApiKey(id: string) {
    return settle(async () => {
      if (!this.keys.revoke(id)) notFound();
      await this.webhooks.cancelForKey(id);
      return { revoked: true as const };
    });
  }

  /** The key's id when it is valid, else null. */
  verifyApiKey(key: string): Promise<string | null> {
    return this.keys.verify(key);
  }

  webhookDeliveries(exportId?: string) {
    return this.webhooks.list(exportId);
  }

  // ---- the alarm: run every due job, re-arm at the earliest remaining one

  async alarm(): Promise<void> {
    for (const job of this.jobs.due(Date.now())) {
      const next = await this.runJob(job.kind, job.ref).catch((e) => {
        console.warn(`${job.kind} ${job.ref}: ${(e as Error).message}`);
        return Date.now() + this.cfg.renderPollMs;
      });
      if (next === null) await this.jobs.cancel(job.kind, job.ref);
      else await this.jobs.schedule(job.kind, job.ref, next);
    }
    await this.jobs.arm();
  }

  /** One job step; answers the next due time, or null when the job is done. */
  private runJob(kind: JobKind, ref: string): Promise<number | null> {
    switch (kind) {
      case "poll-export":
        return this.exports.poll(ref);
      case "expire-upload":
        return this.uploads.expire(ref);
      case "hand-off-upload":
        return this.uploads.handOff(ref);
      case "deliver-webhook":
        return this.webhooks.attempt(ref);
    }
  }

  private project(id: string): ProjectRow {
    return this.projects.get(id) ?? notFound();
  }
}

function notFound(): never {
  throw new ReelsmithError("not_found");
}

function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
}
