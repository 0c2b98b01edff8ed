// The upstream agent API (docs/upstream.md) as zod schemas: shared by the DO's client, the fake upstream and the engine.
import { z } from "zod";

export const APP_NAME = "nemo_agent";

export {
  ACCEPTED_EXTENSIONS,
  MAX_UPLOAD_BYTES,
  registerUrl,
  UpstreamCode,
} from "./upstream-facts.ts";

/** Header names every request carries. */
export const Headers = {
  clientId: "X-Client-Id",
  source: "X-Skill-Source",
  version: "X-Skill-Version",
  platform: "X-Skill-Platform",
} as const;

// ---- Envelopes: {"code":0,"message":"ok","data":…} or {"success":true,"data":…} / {"success":false,"error":"…"}.

const codeEnvelope = z.object({
  code: z.number(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});
const successEnvelope = z.object({
  success: z.boolean(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
  code: z.number().optional(),
});

export type Unwrapped = { ok: true; data: unknown } | { ok: false; code: number; message: string };

/** Reads either envelope; `httpStatus` supplies the code when the body has none. */
export function unwrapEnvelope(body: unknown, httpStatus = 200): Unwrapped {
  const byCode = codeEnvelope.safeParse(body);
  if (byCode.success && !("success" in (body as object))) {
    const { code, message, data } = byCode.data;
    return code === 0 ? { ok: true, data } : { ok: false, code, message: message ?? "upstream error" };
  }
  const bySuccess = successEnvelope.safeParse(body);
  if (bySuccess.success) {
    const { success, data, error, code } = bySuccess.data;
    if (success) return { ok: true, data };
    const message = typeof error === "string" ? error : JSON.stringify(error ?? "upstream error");
    return { ok: false, code: code ?? httpStatus, message };
  }
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string") return { ok: false, code: httpStatus, message: detail };
  return { ok: false, code: httpStatus >= 400 ? httpStatus : -1, message: "unreadable upstream answer" };
}

export function okEnvelope<T>(data: T) {
  return { code: 0, message: "ok", data };
}
export function errorEnvelope(code: number, message: string) {
  return { code, message, data: null };
}

// ---- 1. Anonymous token
export const AnonymousToken = z.object({
  token: z.string(),
  user_id: z.string(),
  credits: z.number(),
  expires_at: z.string(),
});
export type AnonymousToken = z.infer<typeof AnonymousToken>;

// ---- 2. Session
export const CreateSessionBody = z.object({
  task_name: z.string().default("project"),
  language: z.string().default("en"),
});
/** Body of the engine's `seedDraft`: a draft whose media are all files of the session. */
export const SeedDraftBody = z.object({ draft: z.record(z.string(), z.unknown()) });
export const Session = z.object({
  task_id: z.string(),
  session_id: z.string(),
  user_id: z.string().optional(),
});
export type Session = z.infer<typeof Session>;

// ---- 3. Claim link
export const ClaimBody = z.object({ task_id: z.string(), session_id: z.string() });
export const Claim = z.object({ claim_token: z.string(), expires_in: z.number() });
export const claimUrl = (claimToken: string) =>
  `https://nemovideo.com/workspace/claim?ct=${encodeURIComponent(claimToken)}`;

// ---- 4. Chat (/run_sse): snake_case or camelCase body.
const MessageParts = z.object({
  parts: z.array(z.object({ text: z.string() })).min(1),
  role: z.string().optional(),
});
export const RunSseBody = z
  .union([
    z.object({
      app_name: z.string(),
      user_id: z.string(),
      session_id: z.string(),
      new_message: MessageParts,
      streaming: z.boolean().optional(),
    }),
    z.object({
      appName: z.string(),
      userId: z.string(),
      sessionId: z.string(),
      newMessage: MessageParts,
      streaming: z.boolean().optional(),
    }),
  ])
  .transform((b) =>
    "app_name" in b
      ? {
          appName: b.app_name,
          userId: b.user_id,
          sessionId: b.session_id,
          message: b.new_message,
          streaming: b.streaming,
        }
      : {
          appName: b.appName,
          userId: b.userId,
          sessionId: b.sessionId,
          message: b.newMessage,
          streaming: b.streaming,
        },
  );

export function runSseBody(sessionId: string, text: string) {
  return {
    app_name: APP_NAME,
    user_id: "me",
    session_id: sessionId,
    new_message: { parts: [{ text }] },
    streaming: true,
  };
}

export const FunctionCall = z.object({
  id: z.string().optional(),
  name: z.string(),
  args: z.record(z.string(), z.unknown()).optional(),
});
export const FunctionResponse = z.object({
  id: z.string().optional(),
  name: z.string(),
  response: z.unknown().optional(),
});
export const Part = z.object({
  text: z.string().optional(),
  functionCall: FunctionCall.optional(),
  functionResponse: FunctionResponse.optional(),
});
export type Part = z.infer<typeof Part>;

/** One ADK event (camelCase), loose so unknown keys pass through. */
export const AdkEvent = z.looseObject({
  content: z.object({ role: z.string().optional(), parts: z.array(Part).default([]) }).optional(),
  author: z.string().optional(),
  invocationId: z.string().optional(),
  id: z.string().optional(),
  timestamp: z.number().optional(),
  actions: z.looseObject({}).optional(),
  partial: z.boolean().optional(),
  errorCode: z.union([z.string(), z.number()]).optional(),
  errorMessage: z.string().optional(),
  turnComplete: z.boolean().optional(),
});
export type AdkEvent = z.infer<typeof AdkEvent>;

/** What one `data:` line of the stream is. */
export type StreamItem =
  | { kind: "event"; event: AdkEvent }
  | { kind: "error"; message: string; code?: string | number }
  | { kind: "keepalive" }
  | { kind: "unknown" };

export function classifyStreamData(data: string): StreamItem {
  const trimmed = data.trim();
  if (trimmed === "") return { kind: "keepalive" };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { kind: "unknown" };
  }
  if (!json || typeof json !== "object") return { kind: "unknown" };
  const obj = json as Record<string, unknown>;
  if (obj.type === "heartbeat") return { kind: "keepalive" };
  if (typeof obj.error === "string") return { kind: "error", message: obj.error };
  const parsed = AdkEvent.safeParse(obj);
  if (!parsed.success) return { kind: "unknown" };
  const ev = parsed.data;
  if (ev.errorCode !== undefined || ev.errorMessage !== undefined) {
    return { kind: "error", message: ev.errorMessage ?? String(ev.errorCode), code: ev.errorCode };
  }
  return { kind: "event", event: ev };
}

// ---- 5. Upload
export const UploadedFile = z.object({
  filename: z.string(),
  file_type: z.string(),
  cdn_url: z.string(),
  duration: z.number().nullable().optional(),
  width: z.number().nullable().optional(),
  height: z.number().nullable().optional(),
  fps: z.number().nullable().optional(),
  hash: z.string().optional(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;
export const UploadResult = z.object({
  files: z.array(UploadedFile),
  session_state_applied: z.boolean().optional(),
});
export type UploadResult = z.infer<typeof UploadResult>;
export const UploadByUrlBody = z.object({
  urls: z.array(z.string().url()).min(1),
  source_type: z.literal("url"),
});

// ---- 6. Credits
export const Credits = z.object({ available: z.number(), frozen: z.number(), total: z.number() });
export type Credits = z.infer<typeof Credits>;

// ---- 7. State (draft read tolerantly in core/draft.ts)
export const SessionState = z.object({
  session_id: z.string().optional(),
  task_id: z.string().optional(),
  task_name: z.string().optional(),
  state: z
    .looseObject({
      draft: z.unknown().optional(),
      video_infos: z.unknown().optional(),
      canvas_config: z.unknown().optional(),
      generated_media: z.unknown().optional(),
      video_analyses: z.unknown().optional(),
    })
    .default({}),
});
export type SessionState = z.infer<typeof SessionState>;

// ---- 8. Render
export const RenderRequest = z.object({
  id: z.string().min(1),
  sessionId: z.string().min(1),
  draft: z.unknown(),
  output: z.object({ format: z.string().default("mp4"), quality: z.string().default("high") }).default({
    format: "mp4",
    quality: "high",
  }),
});
export type RenderRequest = z.infer<typeof RenderRequest>;

export const RenderStatus = z.enum(["pending", "processing", "completed", "failed"]);
export type RenderStatus = z.infer<typeof RenderStatus>;

/**
 * Shape A: {"taskId","status","progress","output":{url,duration,size}}. Reelsmith's engine adds a poster image
 * (`output.cover` here, `coverUrl` in shape B); NemoVideo sends none, and readers treat it as optional.
 */
const RenderPollA = z.object({
  taskId: z.string(),
  status: RenderStatus,
  progress: z.number().optional(),
  output: z
    .object({
      url: z.string().optional(),
      duration: z.number().optional(),
      size: z.number().optional(),
      cover: z.string().optional(),
    })
    .nullish(),
  error: z.string().nullish(),
});
/** Shape B: {"success":true,"data":{id,status,progress,outputUrl,createdAt,completedAt}} */
const RenderPollB = z.object({
  success: z.literal(true),
  data: z.object({
    id: z.string(),
    status: RenderStatus,
    progress: z.number().optional(),
    outputUrl: z.string().nullish(),
    coverUrl: z.string().nullish(),
    error: z.string().nullish(),
    createdAt: z.number().optional(),
    completedAt: z.number().nullish(),
  }),
});

export interface RenderProgress {
  id: string;
  status: RenderStatus;
  progress: number;
  url?: string;
  /** poster image of the finished video, when the upstream makes one */
  coverUrl?: string;
  error?: string;
  size?: number;
  duration?: number;
}

/** Normalizes either poll shape (or a code envelope wrapping shape A's fields); null when unreadable. */
export function readRenderPoll(body: unknown): RenderProgress | null {
  const a = RenderPollA.safeParse(body);
  if (a.success) {
    const v = a.data;
    return {
      id: v.taskId,
      status: v.status,
      progress: clampProgress(v.progress, v.status),
      url: v.output?.url,
      coverUrl: v.output?.cover,
      size: v.output?.size,
      duration: v.output?.duration,
      error: v.error ?? undefined,
    };
  }
  const b = RenderPollB.safeParse(body);
  if (b.success) {
    const v = b.data.data;
    return {
      id: v.id,
      status: v.status,
      progress: clampProgress(v.progress, v.status),
      url: v.outputUrl ?? undefined,
      coverUrl: v.coverUrl ?? undefined,
      error: v.error ?? undefined,
    };
  }
  const inner = (body as { code?: unknown; data?: unknown } | null)?.data;
  if (inner && (body as { code?: unknown }).code === 0) return readRenderPoll(inner);
  return null;
}

function clampProgress(p: number | undefined, status: RenderStatus): number {
  if (status === "completed") return 100;
  return Math.max(0, Math.min(100, Math.round(p ?? 0)));
}

export function renderPollShapeA(p: RenderProgress) {
  return {
    taskId: p.id,
    status: p.status,
    progress: p.progress,
    output: p.url ? { url: p.url, duration: p.duration, size: p.size, cover: p.coverUrl } : null,
    ...(p.error ? { error: p.error } : {}),
  };
}

export function renderPollShapeB(p: RenderProgress & { createdAt: number; completedAt?: number }) {
  return {
    success: true as const,
    data: {
      id: p.id,
      status: p.status,
      progress: p.progress,
      outputUrl: p.url ?? null,
      ...(p.coverUrl ? { coverUrl: p.coverUrl } : {}),
      createdAt: p.createdAt,
      completedAt: p.completedAt ?? null,
      ...(p.error ? { error: p.error } : {}),
    },
  };
}

/** Upstream paths, in one place. */
export const Paths = {
  anonymousToken: "/api/auth/anonymous-token",
  createSession: `/api/tasks/me/with-session/${APP_NAME}`,
  claimToken: "/api/auth/claim-token",
  runSse: "/run_sse",
  upload: (sid: string) => `/api/upload-video/${APP_NAME}/me/${encodeURIComponent(sid)}`,
  credits: "/api/credits/balance/simple",
  state: (sid: string) => `/api/state/${APP_NAME}/me/${encodeURIComponent(sid)}/latest`,
  /** Reelsmith's engine only (NemoVideo has no such call): gives a new session the timeline a lost one held */
  seedDraft: (sid: string) => `/api/state/${APP_NAME}/me/${encodeURIComponent(sid)}/draft`,
  render: "/api/render/proxy/lambda",
  renderPoll: (id: string) => `/api/render/proxy/lambda/${encodeURIComponent(id)}`,
  renderCancel: (id: string) => `/api/render/proxy/lambda/${encodeURIComponent(id)}/cancel`,
  renderDownload: (id: string) => `/api/render/proxy/${encodeURIComponent(id)}/download`,
} as const;
