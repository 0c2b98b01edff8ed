// One chat turn: relay the upstream /run_sse as normalized events, watch for silence, recover from drops without re-sending.
import { createParser } from "eventsource-parser";
import {
  type ChatEvent,
  createChatNormalizer,
  noticeEvent,
  sayEvent,
  stateEvent,
  statusEvent,
} from "../core/chat-events.ts";
import { classifyStreamData, Paths, runSseBody, type StreamItem } from "../core/contract.ts";
import type { Draft } from "../core/draft.ts";
import { ReelsmithError } from "../core/errors.ts";
import type { Config } from "./config.ts";
import type { ProjectRow, ProjectStore } from "./projects.ts";
import type { SessionService } from "./sessions.ts";
import { TurnFeed } from "./turn-feed.ts";
import type { Platform, UpstreamClient } from "./upstream-client.ts";

export interface ChatRequest {
  text: string;
  platform: Platform;
  lang: "en" | "zh";
}

/** Outcome of reading the upstream stream. */
type StreamEnd = { kind: "closed" } | { kind: "dropped" } | { kind: "timeout" };

export class ChatRelay {
  /** the turn running in each project, while it runs */
  private readonly running = new Map<string, TurnFeed>();

  constructor(
    private readonly projects: ProjectStore,
    private readonly sessions: SessionService,
    private readonly client: UpstreamClient,
    private readonly cfg: Config,
    /** hands over the project's uploads still queued, so the message reaches the editor after its media */
    private readonly handOffQueued: (projectId: string) => Promise<void>,
  ) {}

  /**
   * Locks the project (409 when a turn runs: never a double send) and starts the turn in the background. The
   * answer is the turn's NDJSON events; if the browser has gone, the turn still finishes into the transcript.
   */
  start(row: ProjectRow, req: ChatRequest): ReadableStream<Uint8Array> {
    const lease =
      Date.now() +
      this.cfg.chatIdleTimeoutMs +
      this.cfg.chatRecoveryFirstMs +
      6 * this.cfg.chatRecoveryEveryMs;
    if (!this.projects.tryLock(row.id, lease + 15 * 60_000)) throw new ReelsmithError("busy");
    const feed = new TurnFeed();
    this.running.set(row.id, feed);
    const emit = (ev: ChatEvent) => feed.publish(ev);
    this.projects.addTranscript(row.id, "user", req.text);
    const preset = row.preset;
    this.run(row, req, emit)
      .then(() => this.followPreset(row.id, preset, req.lang, emit))
      .catch((e) => {
        const err = ReelsmithError.from(e) ?? new ReelsmithError("internal");
        if (err.code === "internal") console.error(`chat ${row.id}: ${(e as Error)?.message}`);
        emit({ type: "error", ...err.body(req.lang).error });
      })
      .finally(() => {
        this.projects.unlock(row.id);
        this.running.delete(row.id);
        emit({ type: "done" });
        feed.close();
      });
    return feed.subscribe();
  }

  /** The running turn of a project from its start, for a page opened mid-turn; null when none runs. */
  watch(projectId: string): ReadableStream<Uint8Array> | null {
    return this.running.get(projectId)?.subscribe() ?? null;
  }

  private async run(row: ProjectRow, req: ChatRequest, emit: (ev: ChatEvent) => void): Promise<void> {
    const { lang, platform } = req;
    emit(statusEvent({ key: "sending" }, lang));
    await this.handOffQueued(row.id);
    const before = await this.sessions.draft(row, platform).catch(() => this.projects.cachedDraft(row));
    const normalizer = createChatNormalizer(lang);
    const forward = (events: ChatEvent[]) => {
      for (const ev of events) emit(ev);
    };
    const end = await this.sessions.withSession(
      row,
      platform,
      async (sid) => {
        const abort = new AbortController();
        const json = runSseBody(sid, req.text);
        const res = await this.client.open(Paths.runSse, { json, platform, signal: abort.signal });
        return this.read(
          res,
          abort,
          (item) => forward(normalizer.push(item)),
          () => emit(noticeEvent({ key: "notice", notice: "still-working" }, lang)),
        );
      },
      (reset) => emit(noticeEvent(reset, lang)),
    );
    const result = normalizer.finish();
    forward(result.events);

    if (end.kind === "timeout") throw new ReelsmithError("upstream_timeout");
    if (end.kind === "dropped") {
      emit(noticeEvent({ key: "notice", notice: "recovering" }, lang));
      const changed = await this.recover(row, platform, before);
      if (!changed) throw new ReelsmithError("stream_dropped");
      this.reportChange(row, before, changed, lang, emit);
      return;
    }
    if (result.sawTools || !result.sawText) {
      const after = await this.sessions.draft(row, platform).catch(() => before);
      if (!result.sawText) return this.reportChange(row, before, after, lang, emit);
      this.recordState(row, stateEvent(before, after, lang), emit);
    }
    if (result.text) this.projects.addTranscript(row.id, "agent", result.text);
  }

  /** A silent edit (tools, no text) or a recovered one: the summary and the specific change, in words. */
  private reportChange(
    row: ProjectRow,
    before: Draft,
    after: Draft,
    lang: "en" | "zh",
    emit: (ev: ChatEvent) => void,
  ) {
    const state = stateEvent(before, after, lang);
    emit(state);
    const reply = sayEvent({ key: "edited", changes: state.diff }, lang);
    emit(reply);
    this.projects.addTranscript(row.id, "agent", reply.text, reply.say);
  }

  /** An edit's "what changed", kept in the transcript too. */
  private recordState(
    row: ProjectRow,
    state: Extract<ChatEvent, { type: "state" }>,
    emit: (ev: ChatEvent) => void,
  ) {
    emit(state);
    if (state.diff.length)
      this.projects.addTranscript(row.id, "state", state.changes.join("\n"), {
        key: "changes",
        changes: state.diff,
      });
  }

  /** Tells the user when the editor made the video for another platform than the project's (it now follows). */
  private followPreset(id: string, from: string, lang: "en" | "zh", emit: (ev: ChatEvent) => void) {
    const to = this.projects.get(id)?.preset;
    if (!to || to === from) return;
    const notice = noticeEvent({ key: "preset-changed", from, to }, lang);
    emit(notice);
    this.projects.addTranscript(id, "notice", notice.text, notice.say);
  }

  /**
   * Reads the SSE body. Keep-alives do not count as progress: after the silence notice time a "still working"
   * notice goes out once, and after the idle timeout the turn ends as a timeout.
   */
  private async read(
    res: Response,
    abort: AbortController,
    onItem: (item: StreamItem) => void,
    onSilence: () => void,
  ): Promise<StreamEnd> {
    if (!res.body) return { kind: "closed" };
    let lastContent = Date.now();
    let noticed = false;
    let timedOut = false;
    const parser = createParser({
      onEvent: (ev) => {
        const item = classifyStreamData(ev.data);
        if (item.kind !== "keepalive") {
          lastContent = Date.now();
          noticed = false;
        }
        onItem(item);
      },
    });
    const watchdog = setInterval(
      () => {
        const quiet = Date.now() - lastContent;
        if (quiet >= this.cfg.chatIdleTimeoutMs) {
          timedOut = true;
          abort.abort();
        } else if (quiet >= this.cfg.chatSilenceNoticeMs && !noticed) {
          noticed = true;
          onSilence();
        }
      },
      Math.max(20, Math.min(1000, this.cfg.chatSilenceNoticeMs / 4)),
    );
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return { kind: "closed" };
        parser.feed(value);
      }
    } catch {
      return timedOut ? { kind: "timeout" } : { kind: "dropped" };
    } finally {
      clearInterval(watchdog);
    }
  }

  /** docs/upstream.md: after a drop, read the state after 30 s, then every 60 s, up to 5 unchanged reads. */
  private async recover(row: ProjectRow, platform: Platform, before: Draft): Promise<Draft | null> {
    const baseline = JSON.stringify(before);
    for (let read = 0; read < 5; read++) {
      await sleep(read === 0 ? this.cfg.chatRecoveryFirstMs : this.cfg.chatRecoveryEveryMs);
      const now = await this.sessions.draft(row, platform).catch(() => null);
      if (now && JSON.stringify(now) !== baseline) return now;
    }
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
