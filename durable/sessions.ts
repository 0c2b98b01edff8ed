// Upstream sessions behind projects: created on first need, replaced on 1002 with a notice, state read into drafts.

import { Claim, claimUrl, Paths, Session, SessionState } from "../core/contract.ts";
import { type Draft, isReady, moveSources, readDraft } from "../core/draft.ts";
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
  /**
   * Gives a replacing session what the lost one held that Reelsmith still has (the project's uploads); answers
   * where each file's address moved.
   */
  private restore?: (row: ProjectRow, platform: Platform) => Promise<Map<string, string>>;

  constructor(
    private readonly projects: ProjectStore,
    private readonly client: UpstreamClient,
  ) {}

  /** Set once by the owner of what a new session needs back (the uploads service, built after this one). */
  onReplaced(restore: (row: ProjectRow, platform: Platform) => Promise<Map<string, string>>): void {
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
    let draft = readDraft(state.state.draft);
    // After a lost session, its timeline stands until the new session has one of its own.
    const carried = this.projects.carriedDraft(row.id);
    if (carried && isReady(draft)) this.projects.carryDraft(row.id, null);
    else if (carried) draft = carried;
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
      const lost = this.projects.cachedDraft(row);
      // Before the call that met 1002 runs again, so the editor already has the user's files.
      const moved = (await this.restore?.(row, platform)) ?? new Map<string, string>();
      const reset = await this.bringBack(row, lost, moved, platform);
      this.resets.set(row.id, reset);
      this.projects.addTranscript(row.id, "notice", say(reset, row.language === "zh" ? "zh" : "en"), reset);
    }
    return s.session_id;
  }

  /**
   * The lost session's timeline, its files moved to the new session's addresses: given to the new session where the
   * editor can take it (Reelsmith's engine), else kept by the project, so the page shows it and exports use it
   * until the editor makes a new one. The notice says which, and what the timeline was.
   */
  private async bringBack(
    row: ProjectRow,
    lost: Draft,
    moved: Map<string, string>,
    platform: Platform,
  ): Promise<SessionReset> {
    if (!isReady(lost)) return { key: "notice", notice: "session-reset" };
    const was = timelineOf(lost);
    const draft = moveSources(lost, moved);
    const seeded = await this.client
      .call(Paths.seedDraft(row.session_id!), SessionState, { method: "PUT", json: { draft }, platform })
      .then(
        () => true,
        () => false,
      );
    this.projects.cacheDraft(row.id, draft);
    if (seeded) return { key: "notice", notice: "session-reset", was, kept: "all" };
    this.projects.carryDraft(row.id, draft);
    return { key: "notice", notice: "session-reset", was, kept: "timeline" };
  }
}
