// The fake upstream's control API (/__fake/*): scenario names, fault endpoints, config and inspection shapes.
import { z } from "zod";
import { MAX_UPLOAD_BYTES, type Paths, type RenderStatus } from "../../core/contract.ts";

/** Chat behaviours; chosen per message with a `[scenario:<name>]` marker, per session, or as the default. */
export const Scenario = z.enum([
  "text",
  "partial",
  "edit",
  "silent-edit",
  "gui",
  "stall",
  "drop",
  "drop-edit",
  "error-code",
  "error-data",
  "temporary-issue",
  "slow",
  "long",
]);
export type Scenario = z.infer<typeof Scenario>;

/** Upstream endpoints, named as in core/contract.ts `Paths`. */
export const Endpoint = z.enum([
  "anonymousToken",
  "createSession",
  "claimToken",
  "runSse",
  "upload",
  "credits",
  "state",
  "render",
  "renderPoll",
  "renderCancel",
  "renderDownload",
] as const satisfies readonly (keyof typeof Paths)[]);
export type Endpoint = z.infer<typeof Endpoint>;

export const PollShape = z.enum(["A", "B"]);
export type PollShape = z.infer<typeof PollShape>;

/**
 * "The next `times` requests to `endpoint` (optionally only those about `sessionId`) answer `code`", after
 * `delayMs` when given; code 200 with a delay is a slow upstream that then answers normally.
 */
export const FaultSpec = z.object({
  endpoint: Endpoint,
  code: z.number().int(),
  delayMs: z.number().int().nonnegative().max(60_000).optional(),
  times: z.number().int().positive().default(1),
  message: z.string().optional(),
  sessionId: z.string().optional(),
});
export type FaultSpec = z.input<typeof FaultSpec>;

export const ScenarioChoice = z.object({ scenario: Scenario, sessionId: z.string().optional() });

/** How the next submitted render (optionally only one for `sessionId`) behaves. */
export const RenderPlan = z.object({
  shape: PollShape.optional(),
  durationMs: z.number().int().nonnegative().optional(),
  /** the render fails halfway with this error */
  error: z.string().optional(),
  /** false: the finished render has no poster, as NemoVideo's have none (the engine's and, by default, the fake's do) */
  cover: z.boolean().optional(),
  /** the finished video is served as a stream without Content-Length (chunked), as some CDNs do */
  chunked: z.boolean().optional(),
  sessionId: z.string().optional(),
});
export type RenderPlan = z.infer<typeof RenderPlan>;

export const FakeConfig = z.object({
  /** render poll answer shape when the render has no plan of its own */
  pollShape: PollShape,
  /** time from submit to completed */
  renderMs: z.number().int().nonnegative(),
  /** size of the file served at a finished render's output url */
  renderFileBytes: z.number().int().positive(),
  /** upload limit; lower it in tests instead of sending 500 MB */
  maxUploadBytes: z.number().int().positive(),
  /** 429 when a client id that still holds a valid token asks for another */
  oneTokenPerClient: z.boolean(),
  /** tokens per IP per 7 days; null: unlimited */
  tokensPerIp: z.number().int().positive().nullable(),
  initialCredits: z.number().nonnegative(),
  /** credits a chat turn holds (frozen) while it runs and then spends */
  chatCost: z.number().nonnegative(),
  /** pause between events of a reply */
  chunkDelayMs: z.number().int().nonnegative(),
  /** pause between keep-alives (stall, slow) */
  keepAliveMs: z.number().int().positive(),
  /** keep-alives before the slow reply arrives */
  slowReplyMs: z.number().int().nonnegative(),
  /** longest a stall lasts if the client never gives up (the upstream's 15 minutes) */
  stallMaxMs: z.number().int().positive(),
  /** delay after a drop before `drop-edit` changes the draft */
  dropEditDelayMs: z.number().int().nonnegative(),
  /** agent messages in a `long` reply */
  longMessages: z.number().int().positive(),
});
export type FakeConfig = z.infer<typeof FakeConfig>;
export const ConfigPatch = FakeConfig.partial();

export const DEFAULT_CONFIG: FakeConfig = {
  pollShape: "A",
  renderMs: 600,
  renderFileBytes: 64 * 1024,
  maxUploadBytes: MAX_UPLOAD_BYTES,
  oneTokenPerClient: true,
  tokensPerIp: null,
  initialCredits: 100,
  chatCost: 1,
  chunkDelayMs: 20,
  keepAliveMs: 100,
  slowReplyMs: 2000,
  stallMaxMs: 15 * 60_000,
  dropEditDelayMs: 300,
  longMessages: 200,
};
export type ConfigPatch = z.infer<typeof ConfigPatch>;

export const DraftBody = z.object({ draft: z.unknown() });
export const CreditsBody = z.object({
  available: z.number().nonnegative(),
  frozen: z.number().nonnegative().optional(),
  /** without it, every existing user */
  userId: z.string().optional(),
});
export type CreditsBody = z.infer<typeof CreditsBody>;
export const ClockBody = z.object({ advanceMs: z.number().int().nonnegative() });

/** One request the fake received (control calls excepted). */
export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  /** path and query as sent */
  url: string;
  /** lower-case header names */
  headers: Record<string, string>;
  endpoint: Endpoint | null;
  sessionId: string | null;
  /** parsed JSON body, when there was one */
  body?: unknown;
}

export interface Inspection {
  requests: RecordedRequest[];
  /** POST /run_sse calls received per session id */
  runSse: Record<string, number>;
  tokens: { token: string; userId: string; clientId: string; revoked: boolean; expiresAt: string }[];
  /** recorded URLs that contained an issued token (should stay empty) */
  tokensInUrls: string[];
  sessions: { sessionId: string; taskId: string; userId: string; draft: unknown }[];
  renders: { id: string; sessionId: string; status: RenderStatus }[];
  users: { userId: string; available: number; frozen: number }[];
  faults: FaultSpec[];
}
