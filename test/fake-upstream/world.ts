// The fake upstream's in-memory state: tokens, users, sessions, media, renders, recorded requests, faults, clock.
import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import type { UploadedFile } from "../../core/contract.ts";
import { type Draft, emptyDraft } from "../../core/draft.ts";
import {
  type ConfigPatch,
  type Endpoint,
  type FakeConfig,
  FaultSpec,
  type Inspection,
  type PollShape,
  type RecordedRequest,
  type RenderPlan,
  type Scenario,
} from "./control-schema.ts";
import { renderState } from "./render-lifecycle.ts";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface TokenRecord {
  token: string;
  userId: string;
  clientId: string;
  ip: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface UserRecord {
  userId: string;
  available: number;
  frozen: number;
}

export interface SessionRecord {
  sessionId: string;
  taskId: string;
  taskName: string;
  language: string;
  userId: string;
  /** the draft as edited by the agent or set through the control API (any shape); read it with readDraft */
  draft: unknown;
  videoInfos: UploadedFile[];
}

export interface RenderRecord {
  id: string;
  sessionId: string;
  userId: string;
  draft: Draft;
  createdAt: number;
  durationMs: number;
  shape?: PollShape;
  /** the finished render also has a poster image (Reelsmith's engine makes one; NemoVideo does not) */
  cover?: boolean;
  /** the video is served without Content-Length */
  chunked?: boolean;
  /** set when the render will fail (plan, or nothing to render) */
  failWith?: string;
  cancelledAt?: number;
}

/** An uploaded file served back at its cdn_url: the bytes, or the URL it came from. */
export type MediaRecord = { bytes: Uint8Array<ArrayBuffer>; contentType: string } | { sourceUrl: string };

type QueuedFault = z.output<typeof FaultSpec>;

export class FakeWorld {
  config: FakeConfig;
  tokens = new Map<string, TokenRecord>();
  users = new Map<string, UserRecord>();
  sessions = new Map<string, SessionRecord>();
  renders = new Map<string, RenderRecord>();
  media = new Map<string, MediaRecord>();
  requests: RecordedRequest[] = [];
  defaultScenario: Scenario = "text";
  sessionScenarios = new Map<string, Scenario>();
  private faults: QueuedFault[] = [];
  private renderPlans: RenderPlan[] = [];
  private clockOffsetMs = 0;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private counter = 0;

  constructor(private readonly startConfig: FakeConfig) {
    this.config = { ...startConfig };
  }

  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    Object.assign(this, new FakeWorld(this.startConfig));
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  patchConfig(patch: ConfigPatch): FakeConfig {
    this.config = { ...this.config, ...patch };
    return this.config;
  }

  /** Runs `fn` after `ms` unless the world is reset first. */
  later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  record(req: Omit<RecordedRequest, "seq" | "at">): void {
    this.requests.push({ seq: this.requests.length + 1, at: Date.now(), ...req });
  }

  // ---- tokens and users

  /** A new anonymous token, or why not: the client still holds a valid token, or the IP used up its quota. */
  issueToken(clientId: string, ip: string): TokenRecord | "rate-limited" {
    const now = this.now();
    const all = [...this.tokens.values()];
    const clientHoldsValid = all.some((t) => t.clientId === clientId && this.isValid(t));
    const fromIp = all.filter((t) => t.ip === ip && now - t.issuedAt < WEEK_MS).length;
    if (this.config.oneTokenPerClient && clientHoldsValid) return "rate-limited";
    if (this.config.tokensPerIp !== null && fromIp >= this.config.tokensPerIp) return "rate-limited";
    const previous = all.find((t) => t.clientId === clientId);
    const userId = previous?.userId ?? `anon_${randomBytes(8).toString("hex")}`;
    if (!this.users.has(userId))
      this.users.set(userId, { userId, available: this.config.initialCredits, frozen: 0 });
    const record: TokenRecord = {
      token: `nmv_usr_${randomBytes(16).toString("hex")}`,
      userId,
      clientId,
      ip,
      issuedAt: now,
      expiresAt: now + WEEK_MS,
      revoked: false,
    };
    this.tokens.set(record.token, record);
    return record;
  }

  private isValid(t: TokenRecord): boolean {
    return !t.revoked && t.expiresAt > this.now();
  }

  /** The token record named by an `Authorization: Bearer …` header, valid or not. */
  private bearer(authorization: string | undefined): TokenRecord | undefined {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
    return token ? this.tokens.get(token) : undefined;
  }

  /** The valid token named by the header, else null. */
  authenticate(authorization: string | undefined): TokenRecord | null {
    const record = this.bearer(authorization);
    return record && this.isValid(record) ? record : null;
  }

  /** After the fake answers 1001 for a token, it is invalid for good (so its client may get a new one). */
  revoke(authorization: string | undefined): void {
    const record = this.bearer(authorization);
    if (record) record.revoked = true;
  }

  user(userId: string): UserRecord {
    const user = this.users.get(userId);
    if (!user) throw new Error(`fake upstream: no user ${userId}`);
    return user;
  }

  // ---- sessions

  createSession(userId: string, taskName: string, language: string): SessionRecord {
    const session: SessionRecord = {
      sessionId: `${Date.now()}${String(++this.counter).padStart(6, "0")}`,
      taskId: randomUUID(),
      taskName,
      language,
      userId,
      draft: emptyDraft(),
      videoInfos: [],
    };
    this.sessions.set(session.sessionId, session);
    return session;
  }

  /** The session if it exists and belongs to the user. */
  sessionOf(userId: string, sessionId: string): SessionRecord | null {
    const s = this.sessions.get(sessionId);
    return s && s.userId === userId ? s : null;
  }

  scenarioFor(sessionId: string): Scenario {
    return this.sessionScenarios.get(sessionId) ?? this.defaultScenario;
  }

  // ---- faults and render plans

  addFault(spec: FaultSpec): void {
    this.faults.push(FaultSpec.parse(spec));
  }

  /** Consumes one use of the first fault queued for this endpoint (and session, when the fault names one). */
  takeFault(endpoint: Endpoint, sessionId: string | null): QueuedFault | null {
    const fault = this.faults.find(
      (f) => f.endpoint === endpoint && (f.sessionId === undefined || f.sessionId === sessionId),
    );
    if (!fault) return null;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  addRenderPlan(plan: RenderPlan): void {
    this.renderPlans.push(plan);
  }

  takeRenderPlan(sessionId: string): RenderPlan | null {
    const i = this.renderPlans.findIndex((p) => p.sessionId === undefined || p.sessionId === sessionId);
    return i < 0 ? null : this.renderPlans.splice(i, 1)[0];
  }

  // ---- inspection

  inspect(): Inspection {
    const runSse: Record<string, number> = {};
    for (const r of this.requests) {
      if (r.endpoint === "runSse" && r.sessionId) runSse[r.sessionId] = (runSse[r.sessionId] ?? 0) + 1;
    }
    const tokens = [...this.tokens.values()];
    return {
      requests: this.requests,
      runSse,
      tokens: tokens.map((t) => ({
        token: t.token,
        userId: t.userId,
        clientId: t.clientId,
        revoked: t.revoked,
        expiresAt: new Date(t.expiresAt).toISOString(),
      })),
      tokensInUrls: this.requests
        .filter((r) => tokens.some((t) => r.url.includes(t.token)))
        .map((r) => r.url),
      sessions: [...this.sessions.values()].map((s) => ({
        sessionId: s.sessionId,
        taskId: s.taskId,
        userId: s.userId,
        draft: s.draft,
      })),
      renders: [...this.renders.values()].map((r) => ({
        id: r.id,
        sessionId: r.sessionId,
        status: renderState(r, this.now()).status,
      })),
      users: [...this.users.values()],
      faults: this.faults,
    };
  }
}
