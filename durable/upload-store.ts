// Upload rows and their stored parts over the DO's SQLite, and the public view of an upload.
import type { UploadView } from "../core/api-views.ts";
import type { UploadedFile } from "../core/contract.ts";
import { apiError, type CatalogueContext, type ErrorCode, entryFor, type Lang } from "../core/errors.ts";
import { mediaObjectKey } from "../core/media-link.ts";
import type { AcceptedExtension, MediaKind } from "../core/media-type.ts";
import type { Platform } from "./upstream-client.ts";

/** uploading → stored → sent → ready | failed (`error_code` says why). */
export type UploadState = UploadView["state"];

export type UploadRow = {
  id: string;
  project_id: string;
  owner: string;
  name: string;
  declared_type: string;
  size: number;
  part_size: number;
  part_count: number;
  r2_upload_id: string | null;
  source_url: string | null;
  /** the named type until the first bytes are sniffed, then the true type */
  ext: AcceptedExtension | null;
  /** set once the first bytes have been sniffed */
  kind: MediaKind | null;
  state: UploadState;
  error_code: ErrorCode | null;
  duration: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  /** the attribution its hand-off to the editor is sent with */
  platform: Platform | null;
  /** hand-off tries that failed since it was last queued */
  hand_off_failures: number;
  /** the address the editor gave the file */
  cdn_url: string | null;
  created_at: number;
  updated_at: number;
};

export type NewUpload = Pick<
  UploadRow,
  "id" | "project_id" | "owner" | "name" | "declared_type" | "size" | "part_size" | "part_count" | "ext"
> & { r2_upload_id: string | null; source_url: string | null };

export const objectKey = (row: UploadRow) => mediaObjectKey(row.owner, row.id);

export class UploadStore {
  constructor(private readonly sql: SqlStorage) {}

  insert(u: NewUpload): UploadRow {
    const now = Date.now();
    this.sql.exec(
      `INSERT INTO uploads (id, project_id, owner, name, declared_type, size, part_size, part_count, r2_upload_id,
         source_url, ext, state, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'uploading', ?, ?)`,
      u.id,
      u.project_id,
      u.owner,
      u.name,
      u.declared_type,
      u.size,
      u.part_size,
      u.part_count,
      u.r2_upload_id,
      u.source_url,
      u.ext,
      now,
      now,
    );
    return this.get(u.id)!;
  }

  get(id: string): UploadRow | undefined {
    return this.sql.exec<UploadRow>(`SELECT * FROM uploads WHERE id = ?`, id).toArray()[0];
  }

  forProject(projectId: string): UploadRow[] {
    return this.sql
      .exec<UploadRow>(`SELECT * FROM uploads WHERE project_id = ? ORDER BY created_at`, projectId)
      .toArray();
  }

  /** Moves to a state; `error` replaces the last error (null clears it). */
  setState(id: string, state: UploadState, error: ErrorCode | null = null): void {
    this.sql.exec(
      `UPDATE uploads SET state = ?, error_code = ?, updated_at = ? WHERE id = ?`,
      state,
      error,
      Date.now(),
      id,
    );
  }

  /** Queued for the editor: `sent`, no error, no failed tries yet. */
  queueHandOff(id: string, platform: Platform): void {
    this.sql.exec(
      `UPDATE uploads SET state = 'sent', error_code = NULL, platform = ?, hand_off_failures = 0, updated_at = ?
       WHERE id = ?`,
      platform,
      Date.now(),
      id,
    );
  }

  /** Counts a failed hand-off; answers how many failed before it. */
  handOffFailed(id: string): number {
    return this.sql
      .exec<{ n: number }>(
        `UPDATE uploads SET hand_off_failures = hand_off_failures + 1 WHERE id = ? RETURNING hand_off_failures - 1 AS n`,
        id,
      )
      .one().n;
  }

  setType(id: string, ext: AcceptedExtension, kind: MediaKind, size?: number): void {
    this.sql.exec(
      `UPDATE uploads SET ext = ?, kind = ?, size = COALESCE(?, size) WHERE id = ?`,
      ext,
      kind,
      size ?? null,
      id,
    );
  }

  /** The R2 multipart upload is over (completed or aborted). */
  closeMultipart(id: string): void {
    this.sql.exec(`UPDATE uploads SET r2_upload_id = NULL WHERE id = ?`, id);
  }

  setMedia(id: string, f: UploadedFile): void {
    this.sql.exec(
      `UPDATE uploads SET duration = ?, width = ?, height = ?, fps = ?, cdn_url = ? WHERE id = ?`,
      f.duration ?? null,
      f.width ?? null,
      f.height ?? null,
      f.fps ?? null,
      f.cdn_url,
      id,
    );
  }

  /** Records a stored part; sending a part again replaces it. */
  putPart(id: string, n: number, etag: string): void {
    this.sql.exec(
      `INSERT INTO upload_parts (upload_id, n, etag) VALUES (?, ?, ?)
       ON CONFLICT (upload_id, n) DO UPDATE SET etag = excluded.etag`,
      id,
      n,
      etag,
    );
    this.sql.exec(`UPDATE uploads SET updated_at = ? WHERE id = ?`, Date.now(), id);
  }

  parts(id: string): Array<{ n: number; etag: string }> {
    return this.sql
      .exec<{ n: number; etag: string }>(
        `SELECT n, etag FROM upload_parts WHERE upload_id = ? ORDER BY n`,
        id,
      )
      .toArray();
  }

  delete(id: string): void {
    this.sql.exec(`DELETE FROM upload_parts WHERE upload_id = ?`, id);
    this.sql.exec(`DELETE FROM uploads WHERE id = ?`, id);
  }

  /** The public view, its error worded in `lang`. */
  info(row: UploadRow, lang: Lang, ctx: CatalogueContext): UploadView {
    const hasMedia = row.state === "ready";
    return {
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      size: row.size,
      state: row.state,
      source: row.source_url ? "url" : "upload",
      partSize: row.part_size,
      partCount: row.part_count,
      parts: this.parts(row.id).map((p) => p.n),
      ...(row.ext && row.kind ? { type: { ext: row.ext, kind: row.kind } } : {}),
      ...(hasMedia
        ? { media: { duration: row.duration, width: row.width, height: row.height, fps: row.fps } }
        : {}),
      ...(row.error_code ? { error: apiError(entryFor(row.error_code, ctx), lang).error } : {}),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
