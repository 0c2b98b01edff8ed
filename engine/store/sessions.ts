// Agent sessions: their draft, undo history and uploaded media, one sessions/<sid>.json each.
import { randomInt, randomUUID } from "node:crypto";
import { join } from "node:path";
import { type Draft, emptyDraft } from "../../core/draft.ts";
import { getPreset } from "../../core/presets.ts";
import type { MediaItem } from "../types.ts";
import type { JsonFiles } from "./json-files.ts";

const HISTORY_LIMIT = 50;

/** A media file as persisted: paths and URLs are derived, so the data folder and port can change. */
export type StoredMedia = Omit<MediaItem, "path" | "url"> & {
  /** file name inside media/<sid>/ */
  file: string;
  mime: string;
  size: number;
  hash: string;
};

export interface SessionRecord {
  session_id: string;
  task_id: string;
  task_name: string;
  language: string;
  user_id: string;
  created_at: number;
  presetId?: string;
  draft: Draft;
  /** earlier drafts, oldest first */
  history: Draft[];
  /** undone drafts, the next redo last (absent in sessions saved before redo existed) */
  future?: Draft[];
  media: StoredMedia[];
  /** editing is charged once per session */
  charged: boolean;
}

export class SessionStore {
  private constructor(
    private readonly files: JsonFiles,
    private readonly byId: Map<string, SessionRecord>,
  ) {}

  static async open(files: JsonFiles): Promise<SessionStore> {
    const all = await files.readAll<SessionRecord>("sessions");
    return new SessionStore(files, new Map(all.map((s) => [s.session_id, s])));
  }

  create(userId: string, taskName: string, language: string): SessionRecord {
    // Long numeric ids like the upstream's: milliseconds then six random digits.
    const sid = `${Date.now()}${String(randomInt(1_000_000)).padStart(6, "0")}`;
    const rec: SessionRecord = {
      session_id: sid,
      task_id: randomUUID(),
      task_name: taskName,
      language,
      user_id: userId,
      created_at: Date.now(),
      presetId: getPreset(taskName)?.id,
      draft: emptyDraft(),
      history: [],
      media: [],
      charged: false,
    };
    this.byId.set(sid, rec);
    this.save(rec);
    return rec;
  }

  /** The session when it exists and belongs to the user; someone else's session is as good as missing. */
  get(sid: string, userId: string): SessionRecord | undefined {
    const rec = this.byId.get(sid);
    return rec?.user_id === userId ? rec : undefined;
  }

  /** A media file by session and file name, whoever owns it (media URLs are public, like a CDN's). */
  findMedia(sid: string, file: string): StoredMedia | undefined {
    return this.byId.get(sid)?.media.find((m) => m.file === file);
  }

  mediaDir(sid: string): string {
    return this.files.path(join("media", sid));
  }

  /** The session's media as the planner and renderer see it, with URLs on `baseUrl`. */
  mediaItems(rec: SessionRecord, baseUrl: string): MediaItem[] {
    return rec.media.map(({ file, mime: _m, size: _s, hash: _h, ...item }) => ({
      ...item,
      path: join(this.mediaDir(rec.session_id), file),
      url: `${baseUrl}${mediaUrlPath(rec.session_id, file)}`,
    }));
  }

  addMedia(rec: SessionRecord, media: StoredMedia[]): void {
    rec.media.push(...media);
    this.save(rec);
  }

  /** Records a turn: its draft and the undo and redo stacks the planner left. */
  applyTurn(rec: SessionRecord, turn: { draft: Draft; history: Draft[]; future: Draft[] }): void {
    rec.draft = turn.draft;
    rec.history = turn.history.slice(-HISTORY_LIMIT);
    rec.future = turn.future.slice(-HISTORY_LIMIT);
    this.save(rec);
  }

  markCharged(rec: SessionRecord): void {
    rec.charged = true;
    this.save(rec);
  }

  private save(rec: SessionRecord): void {
    void this.files.write(join("sessions", `${rec.session_id}.json`), rec);
  }
}

/** Where the engine serves a session's media file. */
export const mediaUrlPath = (sid: string, file: string) => `/files/media/${sid}/${file}`;
