// Uploads: R2 multipart plans, parts checked and sniffed, assembly, hand-off to the upstream as a signed link.
import { displayName } from "../core/api.ts";
import type { UploadView } from "../core/api-views.ts";
import { Paths, type UploadedFile, UploadResult } from "../core/contract.ts";
import { type ErrorCode, type Lang, ReelsmithError } from "../core/errors.ts";
import { purposeSecret } from "../core/hmac.ts";
import { mediaObjectKey, signMediaUrl } from "../core/media-link.ts";
import {
  extensionOf,
  isAcceptedExtension,
  isDeclarableType,
  judgeContent,
  type Refusal,
  sniff,
} from "../core/media-type.ts";
import { getPreset } from "../core/presets.ts";
import { type UploadLimit, type UpstreamKind, uploadLimit } from "../core/upload-limits.ts";
import type { FairUse } from "./fair-use.ts";
import { importToBucket, tooLarge } from "./imports.ts";
import type { JobTable } from "./jobs.ts";
import type { ProjectRow, ProjectStore } from "./projects.ts";
import type { SessionService } from "./sessions.ts";
import { objectKey, type UploadRow, type UploadStore } from "./upload-store.ts";
import type { Platform, UpstreamClient } from "./upstream-client.ts";

/**
 * 8 MiB: above R2's 5 MiB floor for non-last parts, a 500 MB file is 63 parts (R2 allows 10,000), and on a
 * 1 Mbit/s phone uplink one part takes about a minute, so a dropped connection costs at most that minute.
 */
const PART_SIZE = 8 * 1024 * 1024;

/** Abandoned uploads (no part for this long) are aborted and their storage freed. */
const UPLOAD_IDLE_MS = 86_400_000;

export interface UploadRequest {
  name: string;
  size: number;
  type: string;
}

/** Where the Worker streams part `n`: the R2 multipart upload and the exact length the part must have. */
export interface PartTarget {
  key: string;
  r2UploadId: string;
  length: number;
}

export class UploadService {
  /** assemblies and hand-offs under way, so a second caller joins the first instead of repeating it */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: UploadStore,
    private readonly projects: ProjectStore,
    private readonly jobs: JobTable,
    private readonly sessions: SessionService,
    private readonly client: UpstreamClient,
    private readonly media: R2Bucket,
    /** the Worker's public origin, where the upstream fetches signed media links */
    private readonly origin: string | undefined,
    private readonly secret: string,
    private readonly upstream: UpstreamKind,
    private readonly fairUse: FairUse,
    /**
     * Waits before each new try when the editor could not take a file (down, busy, 5xx): a restart or a burst
     * passes within them. After the last the upload stays `stored` with the error, and `complete` queues it again.
     */
    private readonly retryMs: number[],
  ) {}

  /** Validates name, type and size against the project's preset before any byte moves, and plans the parts. */
  async create(project: ProjectRow, id: string, owner: string, req: UploadRequest) {
    const ext = extensionOf(req.name);
    if (!isAcceptedExtension(ext) || !isDeclarableType(req.type))
      throw new ReelsmithError("unsupported_media", { extra: { name: req.name, declaredType: req.type } });
    if (req.size === 0) throw new ReelsmithError("empty_file");
    const limit = this.limitOf(project);
    if (req.size > limit.bytes) throw tooLarge(limit);
    this.fairUse.uploadBytes(req.size);
    const partCount = Math.ceil(req.size / PART_SIZE);
    // The display name travels with the object, so the upstream sees the user's file name, not the id.
    const mpu = await this.media.createMultipartUpload(mediaObjectKey(owner, id), {
      customMetadata: { name: req.name },
    });
    this.store.insert({
      id,
      project_id: project.id,
      owner,
      name: req.name,
      declared_type: req.type,
      size: req.size,
      part_size: PART_SIZE,
      part_count: partCount,
      ext,
      r2_upload_id: mpu.uploadId,
      source_url: null,
    });
    await this.jobs.schedule("expire-upload", id, Date.now() + UPLOAD_IDLE_MS);
    return { id, partSize: PART_SIZE, partCount };
  }

  /**
   * Checks that part `n` may be sent now with `length` bytes; with the part's first bytes (part 1) judges the
   * real file type.
   */
  async partTarget(id: string, n: number, length: number, head?: Uint8Array): Promise<PartTarget> {
    const row = this.open(id);
    if (!Number.isInteger(n) || n < 1 || n > row.part_count)
      throw new ReelsmithError("bad_request", { extra: { problem: `part: 1 to ${row.part_count}` } });
    const expected = n < row.part_count ? row.part_size : row.size - row.part_size * (row.part_count - 1);
    if (length !== expected) throw new ReelsmithError("part_mismatch", { extra: { part: n, expected } });
    if (head) {
      const verdict = judgeContent(row.ext, sniff(head));
      if (!verdict.ok) {
        await this.fail(row, verdict.code);
        throw refusal(verdict, row);
      }
      this.store.setType(id, verdict.type.ext, verdict.type.kind);
    }
    return { key: objectKey(row), r2UploadId: row.r2_upload_id!, length };
  }

  /** Records a stored part and pushes the abandonment deadline back. */
  async recordPart(id: string, n: number, etag: string, lang: Lang): Promise<UploadView> {
    this.open(id);
    this.store.putPart(id, n, etag);
    await this.jobs.schedule("expire-upload", id, Date.now() + UPLOAD_IDLE_MS);
    return this.info(id, lang);
  }

  /**
   * Assembles the parts (once) and queues the hand-off to the editor, answering at once: the upload is `sent`
   * until the editor has measured it (`ready`) or refused it (`failed`). The editor fetching and probing a file can
   * take a minute under load, too long to hold a request open. Again on a `stored` upload (a hand-off that gave
   * up), queues it again; on one under way, changes nothing (a `sent` one that lost its job is queued again).
   */
  async complete(id: string, platform: Platform, lang: Lang): Promise<UploadView> {
    const row = this.store.get(id);
    if (!row) throw new ReelsmithError("not_found");
    if (row.state === "failed") throw new ReelsmithError(row.error_code ?? "upload_closed");
    if (row.state === "uploading") await this.once(id, () => this.assemble(id));
    const now = this.store.get(id)?.state;
    if (now === "stored" || (now === "sent" && !this.jobs.has("hand-off-upload", id)))
      await this.queueHandOff(id, platform);
    return this.info(id, lang);
  }

  /** Fetches a public URL into R2, then queues it for the editor like a finished upload. */
  async importUrl(
    project: ProjectRow,
    id: string,
    owner: string,
    url: string,
    platform: Platform,
    lang: Lang,
  ): Promise<UploadView> {
    const name = displayName(safeDecode(new URL(url).pathname)) || "download";
    const named = extensionOf(name);
    const row = this.store.insert({
      id,
      project_id: project.id,
      owner,
      name,
      declared_type: "",
      size: 0,
      part_size: 0,
      part_count: 0,
      ext: isAcceptedExtension(named) ? named : null,
      r2_upload_id: null,
      source_url: url,
    });
    await this.jobs.schedule("expire-upload", id, Date.now() + UPLOAD_IDLE_MS);
    try {
      const got = await importToBucket(
        url,
        this.media,
        objectKey(row),
        row.name,
        this.limitOf(project),
        (size) => this.fairUse.uploadBytes(size),
        (head) => {
          const verdict = judgeContent(row.ext, sniff(head));
          if (!verdict.ok) throw refusal(verdict, row);
          return verdict.type;
        },
      );
      this.store.setType(id, got.type.ext, got.type.kind, got.size);
    } catch (e) {
      const err =
        ReelsmithError.from(e) ?? new ReelsmithError("import_failed", { detail: (e as Error).message });
      await this.fail(row, err.code);
      throw err;
    }
    this.store.setState(id, "stored");
    await this.jobs.cancel("expire-upload", id);
    await this.queueHandOff(id, platform);
    return this.info(id, lang);
  }

  /** Aborts or deletes whatever storage the upload holds, then forgets it. */
  async remove(id: string): Promise<void> {
    const row = this.store.get(id);
    if (!row) throw new ReelsmithError("not_found");
    await this.freeStorage(row);
    this.store.delete(id);
    await this.jobs.cancel("expire-upload", id);
  }

  async removeFor(projectId: string): Promise<void> {
    for (const row of this.store.forProject(projectId)) await this.remove(row.id);
  }

  /** The alarm's step for an upload idle for a day: still unfinished means abandoned. Always done after. */
  async expire(id: string): Promise<null> {
    const row = this.store.get(id);
    if (row?.state === "uploading") await this.fail(row, "upload_expired");
    return null;
  }

  info(id: string, lang: Lang): UploadView {
    const row = this.store.get(id);
    if (!row) throw new ReelsmithError("not_found");
    return this.store.info(row, lang, this.client.catalogueContext());
  }

  listFor(projectId: string, lang: Lang): UploadView[] {
    const ctx = this.client.catalogueContext();
    return this.store.forProject(projectId).map((r) => this.store.info(r, lang, ctx));
  }

  /** Joins the step already running for this upload, or runs `step`. */
  private once(id: string, step: () => Promise<void>): Promise<void> {
    let running = this.running.get(id);
    if (!running) {
      running = step().finally(() => this.running.delete(id));
      this.running.set(id, running);
    }
    return running;
  }

  /** Completes the R2 multipart upload from the recorded parts: the file is `stored`. */
  private async assemble(id: string): Promise<void> {
    const row = this.store.get(id);
    if (row?.state !== "uploading") return;
    if (row.source_url) throw new ReelsmithError("upload_incomplete");
    const parts = this.store.parts(id);
    const have = new Set(parts.map((p) => p.n));
    const missing = Array.from({ length: row.part_count }, (_, i) => i + 1).filter((n) => !have.has(n));
    if (missing.length) throw new ReelsmithError("upload_incomplete", { extra: { missing } });
    const mpu = this.media.resumeMultipartUpload(objectKey(row), row.r2_upload_id!);
    await mpu.complete(parts.map((p) => ({ partNumber: p.n, etag: p.etag })));
    this.store.closeMultipart(id);
    this.store.setState(id, "stored");
    await this.jobs.cancel("expire-upload", id);
  }

  /** Marks the stored file `sent` and lets the alarm hand it over; jobs due together run in order, as queued. */
  private async queueHandOff(id: string, platform: Platform): Promise<void> {
    this.store.queueHandOff(id, platform);
    await this.jobs.schedule("hand-off-upload", id, Date.now());
  }

  /**
   * The alarm's step for a queued hand-off; answers when to try again, or null once it has ended (`ready`,
   * `failed`, or `stored` with the error after the last try).
   */
  async handOff(id: string): Promise<number | null> {
    const row = this.store.get(id);
    if (row?.state !== "sent") return null;
    try {
      await this.once(id, () => this.send(id, row.platform ?? "api"));
      return null;
    } catch (e) {
      const code = ReelsmithError.from(e)?.code ?? "upstream_unavailable";
      if (this.store.get(id)?.state !== "sent") return null;
      const wait = this.retryMs[this.store.handOffFailed(id)];
      if (wait !== undefined) return Date.now() + wait;
      this.store.setState(id, "stored", code);
      return null;
    }
  }

  /**
   * Hands over now the project's files still queued, so a message about them reaches the editor after them
   * (a client that did not wait for `ready`). One that fails stays with the alarm.
   */
  async handOffQueued(projectId: string): Promise<void> {
    for (const row of this.store.forProject(projectId)) {
      if (row.state !== "sent") continue;
      const next = await this.handOff(row.id);
      if (next === null) await this.jobs.cancel("hand-off-upload", row.id);
      else await this.jobs.schedule("hand-off-upload", row.id, next);
    }
  }

  /**
   * Hands the project's files the editor had to the session that replaced a lost one (1002), so the user need not
   * upload them again; answers where each moved (old address → new), for the lost timeline to follow. One that
   * fails stays stored with its error, for `complete` to try again.
   */
  async handOverAgain(project: ProjectRow, platform: Platform): Promise<Map<string, string>> {
    const moved = new Map<string, string>();
    const had = this.store.forProject(project.id).filter((r) => r.state === "ready" || r.state === "sent");
    for (const row of had) {
      this.store.setState(row.id, "sent");
      await this.send(row.id, platform, project.session_id ?? undefined).catch((e) => {
        console.warn(`upload ${row.id}: not handed to the new session: ${(e as Error).message}`);
        if (this.store.get(row.id)?.state === "sent")
          this.store.setState(row.id, "stored", ReelsmithError.from(e)?.code ?? "upstream_unavailable");
      });
      const now = this.store.get(row.id)?.cdn_url;
      if (row.cdn_url && now && now !== row.cdn_url) moved.set(row.cdn_url, now);
    }
    return moved;
  }

  /**
   * Hands the `sent` file to the upstream as a signed link. The upstream refusing the file (4001/4002) ends
   * the upload; anything else throws and leaves it `sent`, for the caller to try again or give up. With `sid`, to
   * that session only (a session being set up must not be replaced again from inside).
   */
  private async send(id: string, platform: Platform, sid?: string): Promise<void> {
    const row = this.store.get(id)!;
    const project = this.projects.get(row.project_id);
    if (!project || !row.ext) throw new ReelsmithError("not_found");
    if (!this.origin) throw new ReelsmithError("internal", { detail: "PUBLIC_URL is not a URL" });
    const key = await purposeSecret(this.secret, "media-link");
    const url = await signMediaUrl(this.origin, { userId: row.owner, uploadId: id, ext: row.ext }, key);
    let file: UploadedFile | undefined;
    try {
      const upload = (to: string) =>
        this.client.call(Paths.upload(to), UploadResult, {
          json: { urls: [url], source_type: "url" },
          platform,
        });
      const result = sid ? await upload(sid) : await this.sessions.withSession(project, platform, upload);
      file = result.files[0];
    } catch (e) {
      const code = ReelsmithError.from(e)?.code;
      if (code === "unsupported_media" || code === "payload_too_large") await this.fail(row, code);
      throw e;
    }
    if (!file) throw new ReelsmithError("upstream_unavailable", { detail: "upload answered no file" });
    this.store.setMedia(id, file);
    this.store.setState(id, "ready");
  }

  /** Ends an upload as failed with `code`, freeing its storage. */
  private async fail(row: UploadRow, code: ErrorCode): Promise<void> {
    await this.freeStorage(row);
    this.store.setState(row.id, "failed", code);
    await this.jobs.cancel("expire-upload", row.id);
  }

  private async freeStorage(row: UploadRow): Promise<void> {
    if (row.r2_upload_id) {
      // An upload R2 already forgot (aborted or expired on its side) has nothing left to free.
      await this.media
        .resumeMultipartUpload(objectKey(row), row.r2_upload_id)
        .abort()
        .catch(() => undefined);
      this.store.closeMultipart(row.id);
    }
    await this.media.delete(objectKey(row));
  }

  private limitOf(project: ProjectRow): UploadLimit {
    return uploadLimit(getPreset(project.preset), this.upstream);
  }

  /** The upload, still open for parts. */
  private open(id: string): UploadRow {
    const row = this.store.get(id);
    if (!row) throw new ReelsmithError("not_found");
    if (row.state === "failed" && row.error_code === "upload_expired")
      throw new ReelsmithError("upload_expired");
    if (row.state !== "uploading" || !row.r2_upload_id) throw new ReelsmithError("upload_closed");
    return row;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The error for content that is not what its name says, naming both types for the client. */
function refusal(verdict: Refusal, row: UploadRow): ReelsmithError {
  return new ReelsmithError(verdict.code, {
    extra: { name: row.name, named: row.ext, detected: verdict.detected },
  });
}
