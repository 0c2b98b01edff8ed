// Projects and their upstream sessions, transcripts and cached drafts, over the DO's SQLite.
import type { ProjectView } from "../core/api-views.ts";
import { type Draft, readDraft } from "../core/draft.ts";
import { ReelsmithError } from "../core/errors.ts";
import type { Say } from "../core/say.ts";

export type ProjectRow = {
  id: string;
  title: string;
  preset: string;
  language: string;
  session_id: string | null;
  task_id: string | null;
  claim_url: string | null;
  draft_json: string | null;
  /** after a lost session (1002): the timeline it held, kept while the editor's new session has none */
  carried_draft_json: string | null;
  busy_until: number | null;
  created_at: number;
  updated_at: number;
};

/** `state` entries are an edit's "what changed" list; `say` is set where Reelsmith, not the agent, spoke. */
export interface TranscriptEntry {
  role: "user" | "agent" | "notice" | "state";
  text: string;
  say?: Say;
  at: number;
}

export class ProjectStore {
  constructor(private readonly sql: SqlStorage) {}

  create(p: { id: string; title: string; preset: string; language: string }): ProjectRow {
    const now = Date.now();
    this.sql.exec(
      `INSERT INTO projects (id, title, preset, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      p.id,
      p.title,
      p.preset,
      p.language,
      now,
      now,
    );
    return this.get(p.id)!;
  }

  get(id: string): ProjectRow | undefined {
    return this.sql.exec<ProjectRow>(`SELECT * FROM projects WHERE id = ?`, id).toArray()[0];
  }

  count(): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM projects`).one().n;
  }

  /**
   * Up to `limit` projects, last changed first, after the one `cursor` names (`<updated_at>.<id>`, opaque to
   * clients); `nextCursor` names the last one when more follow. A project changed meanwhile moves to the front.
   */
  page(cursor: string | undefined, limit: number): { rows: ProjectRow[]; nextCursor: string | null } {
    const after = cursor === undefined ? null : readCursor(cursor);
    const rows = this.sql
      .exec<ProjectRow>(
        `SELECT * FROM projects
         WHERE ? IS NULL OR updated_at < ? OR (updated_at = ? AND id < ?)
         ORDER BY updated_at DESC, id DESC LIMIT ?`,
        after?.at ?? null,
        after?.at ?? null,
        after?.at ?? null,
        after?.id ?? null,
        limit + 1,
      )
      .toArray();
    const more = rows.length > limit;
    const last = rows[limit - 1];
    return { rows: rows.slice(0, limit), nextCursor: more && last ? writeCursor(last) : null };
  }

  delete(id: string): void {
    for (const table of ["transcript", "exports"])
      this.sql.exec(`DELETE FROM ${table} WHERE project_id = ?`, id);
    this.sql.exec(`DELETE FROM projects WHERE id = ?`, id);
  }

  rename(id: string, title: string): void {
    this.sql.exec(`UPDATE projects SET title = ?, updated_at = ? WHERE id = ?`, title, Date.now(), id);
  }

  /** The platform the editor made the video for, when it differs from the one the project started with. */
  setPreset(id: string, preset: string): void {
    this.sql.exec(`UPDATE projects SET preset = ?, updated_at = ? WHERE id = ?`, preset, Date.now(), id);
  }

  setSession(id: string, s: { sessionId: string; taskId: string; claimUrl: string | null }): void {
    this.sql.exec(
      `UPDATE projects SET session_id = ?, task_id = ?, claim_url = ?, updated_at = ? WHERE id = ?`,
      s.sessionId,
      s.taskId,
      s.claimUrl,
      Date.now(),
      id,
    );
  }

  cacheDraft(id: string, draft: Draft): void {
    this.sql.exec(`UPDATE projects SET draft_json = ? WHERE id = ?`, JSON.stringify(draft), id);
  }

  cachedDraft(row: ProjectRow): Draft {
    return readDraft(row.draft_json ? JSON.parse(row.draft_json) : null);
  }

  /** Keeps (or, with null, lets go of) the timeline a lost session held. */
  carryDraft(id: string, draft: Draft | null): void {
    this.sql.exec(
      `UPDATE projects SET carried_draft_json = ? WHERE id = ?`,
      draft && JSON.stringify(draft),
      id,
    );
  }

  carriedDraft(id: string): Draft | null {
    const json = this.sql
      .exec<{ j: string | null }>(`SELECT carried_draft_json AS j FROM projects WHERE id = ?`, id)
      .toArray()[0]?.j;
    return json ? readDraft(JSON.parse(json)) : null;
  }

  /** Marks a chat running until `until`; false when one is already running (a lease, so a crash frees it). */
  tryLock(id: string, until: number): boolean {
    const now = Date.now();
    const cur = this.sql
      .exec(
        `UPDATE projects SET busy_until = ? WHERE id = ? AND (busy_until IS NULL OR busy_until < ?) RETURNING id`,
        until,
        id,
        now,
      )
      .toArray();
    return cur.length > 0;
  }

  unlock(id: string): void {
    this.sql.exec(`UPDATE projects SET busy_until = NULL, updated_at = ? WHERE id = ?`, Date.now(), id);
  }

  addTranscript(id: string, role: TranscriptEntry["role"], text: string, say?: Say): void {
    this.sql.exec(
      `INSERT INTO transcript (project_id, role, text, say_json, created_at) VALUES (?, ?, ?, ?, ?)`,
      id,
      role,
      text,
      say ? JSON.stringify(say) : null,
      Date.now(),
    );
  }

  transcript(id: string): TranscriptEntry[] {
    return this.sql
      .exec<{ role: TranscriptEntry["role"]; text: string; say_json: string | null; created_at: number }>(
        `SELECT role, text, say_json, created_at FROM transcript WHERE project_id = ? ORDER BY seq`,
        id,
      )
      .toArray()
      .map((r) => ({
        role: r.role,
        text: r.text,
        ...(r.say_json ? { say: JSON.parse(r.say_json) as Say } : {}),
        at: r.created_at,
      }));
  }
}

export function projectInfo(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    title: row.title,
    preset: row.preset,
    language: row.language,
    claimUrl: row.claim_url,
    busy: row.busy_until !== null && row.busy_until > Date.now(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const writeCursor = (row: ProjectRow) => btoa(`${row.updated_at}.${row.id}`).replace(/=+$/, "");

function readCursor(cursor: string): { at: number; id: string } {
  let m: RegExpExecArray | null = null;
  try {
    m = /^(\d{1,16})\.(prj_[0-9a-f]{20})$/.exec(atob(cursor));
  } catch {
    // not base64: refused below
  }
  if (!m) throw new ReelsmithError("bad_request", { extra: { problem: "cursor: not one this API gave" } });
  return { at: Number(m[1]), id: m[2] };
}
