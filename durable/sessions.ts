// Upstream sessions behind projects: created on first need, replaced on 1002 with a notice, state read into drafts.

import { Claim, claimUrl, Paths, Session, SessionState } from "../core/contract.ts";
import { type Draft, readDraft } from "../core/draft.ts";
import { ReelsmithError } from "../core/errors.ts";
import { getPreset } from "../core/presets.ts";
import { type Say, say } from "../core/say.ts";
import { timelineOf } from "../core/timeline-view.ts";
import type { ProjectRow, ProjectStore } from "./projects.ts";
import type { Platform, UpstreamClient } from "./upstream-client.ts";

export type SessionReset = Extract<Say, { key: "notice" }>;

export class SessionService {
  /** Session creations under way per project, so concurrent first calls share one upstream session. */
  private readonly creating = new Map<string, Promise<string>>();
  /** the last reset notice per project, for a live stream to show as the transcript does */
  private readonly resets = new Map<string, SessionReset>();
  /** Gives a replacing session what the lost one held that Reelsmith still has (the project's uploads). */
  private restore?: (row: ProjectRow, platform: Platform) => Promise<void>;

  constructor(
    private readonly projects: ProjectStore,
    private readonly client: UpstreamClient,
  ) {}

  /** Set once by the owner of what a new session needs back (the uploads service, built after this one). */
  onReplaced(restore: (row: ProjectRow, platform: Platform) => Promise<void>): void {
    this.restore = restore;
  }

  /** The project's session id, creating the upstream session (and its claim link) once, on first need. */
  async ensure(row: ProjectRow, platform: Platform): Promise<string> {
    return this.current(row) ?? this.createOnce(row, platform);
  }

  /**
   * Runs `fn` with the session id. On 1002 the session is replaced (once, however many calls saw it), the user
   * is told (transcript, and `onReplaced` for a live stream) that the old edit history is gone, and `fn` runs
   * once more.
   */
  async withSession<T>(
    row: ProjectRow,
    platform: Platform,
    fn: (sid: string) => Promise<T>,
    onReplaced?: (reset: SessionReset) => void,
  ): Promise<T> {
    const sid = await this.ensure(row, platform);
    try {
      return await fn(sid);
    } catch (e) {
      if (ReelsmithError.from(e)?.code !== "session_expired") throw e;
      const now = this.current(row);
      if (now && now !== sid) return fn(now);
      const fresh = await this.createOnce(row, platform, true);
      onReplaced?.(this.resets.get(row.id) ?? { key: "notice", notice: "session-reset" });
      return fn(fresh);
    }
  }

  /**
   * The current draft from the upstream (cached on the project); the cache when the session has none yet.
   * When the editor made the video for another platform than the project's (the draft's `m.preset`, e.g.
   * "…发微信" in a Xiaohongshu project), the project follows what the editor did.
   */
  async draft(row: ProjectRow, platform: Platform): Promise<Draft> {
    if (!this.current(row)) return this.projects.cachedDraft(row);
    const state = await this.withSession(row, platform, (sid) =>
      this.client.call(Paths.state(sid), SessionState, { platform }),
    );
    const draft = readDraft(state.state.draft);
    this.projects.cacheDraft(row.id, draft);
    const applied = draft.m.preset;
    if (applied && applied !== row.preset && getPreset(applied)) {
      this.projects.setPreset(row.id, applied);
      row.preset = applied;
    }
    return draft;
  }

  private current(row: ProjectRow): string | null {
    return this.projects.get(row.id)?.session_id ?? null;
  }

  private createOnce(row: ProjectRow, platform: Platform, replacing = false): Promise<string> {
    let pending = this.creating.get(row.id);
    if (!pending) {
      pending = this.create(row, platform, replacing).finally(() => this.creating.delete(row.id));
      this.creating.set(row.id, pending);
    }
    return pending;
  }

  private async create(row: ProjectRow, platform: Platform, replacing: boolean): Promise<string> {
    const s = await this.client.call(Paths.createSession, Session, {
      json: { task_name: row.preset, language: row.language },
      platform,
    });
    // A claim link is a convenience; a failure here must not block editing.
    const claim = await this.client
      .call(Paths.claimToken, Claim, { json: { task_id: s.task_id, session_id: s.session_id }, platform })
      .catch(() => null);
    const url = claim ? claimUrl(claim.claim_token) : null;
    this.projects.setSession(row.id, { sessionId: s.session_id, taskId: s.task_id, claimUrl: url });
    row.session_id = s.session_id;
    row.task_id = s.task_id;
    row.claim_url = url;
    if (replacing) {
      // What the lost session held, so the user can ask for it again.
      const was = timelineOf(this.projects.cachedDraft(row));
      const reset: SessionReset = {
        key: "notice",
        notice: "session-reset",
        ...(was.lanes.length && { was }),
      };
      this.resets.set(row.id, reset);
      this.projects.addTranscript(row.id, "notice", say(reset, row.language === "zh" ? "zh" : "en"), reset);
      // Before the call that met 1002 runs again, so the editor already has the user's files.
      await this.restore?.(row, platform);
    }
    return s.session_id;
  }
}
