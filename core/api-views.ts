// What the public HTTP API answers, as zod schemas (its error shape is api-errors.ts): the routes declare them,
// the OpenAPI document is made from them, and the Durable Object's public views are their types.
import { z } from "zod";
import { ErrorInfo } from "./api-errors.ts";
import { MUSIC_MOODS, TEXT_STYLES } from "./draft.ts";
import { SAY_KEYS } from "./say.ts";
import { ACCEPTED_EXTENSIONS } from "./upstream-facts.ts";

const Localized = z.object({ en: z.string(), zh: z.string() });
const Millis = z.number().int().describe("milliseconds since the epoch");
const count = () => z.number().int().nonnegative();

// ---- identity, credits, keys

const Platform = z.enum(["web", "api"]);
const Lang = z.enum(["en", "zh"]);
const TokenSource = z.enum(["anonymous", "user", "none"]);

export const Me = z
  .object({
    userId: z.string(),
    upstreamUserId: z.string().nullable(),
    tokenSource: TokenSource.describe("none until the editor is first needed"),
    platform: Platform,
    lang: Lang,
  })
  .meta({ id: "Me" });

export const CreditsView = z
  .object({
    available: z.number().nullable(),
    frozen: z.number().nullable(),
    total: z.number().nullable(),
    upstreamUserId: z.string().nullable(),
    tokenSource: TokenSource,
  })
  .describe("null numbers until the editor is first used: reading the balance never signs in to it")
  .meta({ id: "Credits" });

export const TokenAdopted = z.object({ tokenSource: z.literal("user") });

export const ApiKeyView = z
  .object({ id: z.string(), label: z.string(), createdAt: Millis, lastUsedAt: Millis.nullable() })
  .meta({ id: "ApiKey" });

export const NewApiKey = ApiKeyView.extend({
  key: z.string().describe("send as `Authorization: Bearer <key>`; shown only in this answer"),
  webhookSecret: z
    .string()
    .describe("verifies the webhooks of exports started with this key; shown only in this answer"),
}).meta({ id: "NewApiKey" });

// ---- presets

const Canvas = z.object({ width: z.number().int(), height: z.number().int(), fps: z.number() });

export const PresetView = z
  .object({
    id: z.string(),
    label: Localized,
    description: Localized,
    canvas: Canvas,
    altCanvases: z.array(Canvas).optional(),
    keepAspect: z.boolean().optional(),
    maxDurationSec: z.number(),
    defaultDurationSec: z.number(),
    maxUploadBytes: z.number().int(),
    outputBudgetBytes: z.number().int().optional(),
    encoding: z.object({
      videoCodec: z.literal("h264"),
      profile: z.literal("high"),
      pixFmt: z.literal("yuv420p"),
      fps: z.number(),
      gopSec: z.number(),
      maxVideoKbps: z.number(),
      audioKbps: z.number(),
      audioRate: z.literal(48000),
    }),
    starter: Localized,
    look: z.object({
      shotSec: z.number(),
      transition: z.object({ kind: z.enum(["fade", "slide", "wipe", "zoom"]), ms: z.number() }).nullable(),
      music: z.enum(MUSIC_MOODS).nullable(),
      textStyle: z.enum(TEXT_STYLES),
      hook: Localized,
    }),
    safeZone: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }),
    uploadLimit: z
      .object({ bytes: z.number().int(), by: z.enum(["engine", "nemovideo"]) })
      .describe("the largest upload with the upstream behind this deployment, and whose limit it is"),
  })
  .meta({ id: "Preset" });

// ---- projects

export const ProjectView = z
  .object({
    id: z.string(),
    title: z.string(),
    preset: z.string(),
    language: z.string(),
    claimUrl: z.string().nullable().describe("opens the project in NemoVideo's own editor"),
    busy: z.boolean().describe("a chat turn is running"),
    createdAt: Millis,
    updatedAt: Millis,
  })
  .meta({ id: "Project" });

export const ProjectListItem = ProjectView.extend({
  coverUrl: z.string().nullable().describe("the poster of the latest export that has one"),
}).meta({ id: "ProjectListItem" });

export const ProjectPage = z
  .object({
    projects: z.array(ProjectListItem).describe("last changed first"),
    nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null on the last"),
  })
  .meta({ id: "ProjectPage" });

/** Reelsmith's own words as data (`key` and its arguments), rendered by any side in either language. */
export const SayView = z.looseObject({ key: z.enum(SAY_KEYS as [string, ...string[]]) }).meta({ id: "Say" });

const Change = z.looseObject({ kind: z.string(), args: z.array(z.unknown()) });

export const TimelineView = z
  .object({
    duration: z.number().describe("ms"),
    width: z.number().optional(),
    height: z.number().optional(),
    lanes: z.array(
      z.object({
        kind: z.enum(["video", "bgm", "title", "caption", "text", "other"]),
        segments: z.array(z.object({ s: z.number(), d: z.number(), label: z.string().optional() })),
        volume: z.number().optional(),
      }),
    ),
  })
  .meta({ id: "Timeline" });

const Draft = z
  .looseObject({
    t: z.array(
      z.looseObject({ tt: z.number(), sg: z.array(z.looseObject({ s: z.number(), d: z.number() })) }),
    ),
    d: z.number(),
    m: z.looseObject({}),
  })
  .describe("the upstream's draft as it stands (tracks `t`, duration `d` in ms, metadata `m`)")
  .meta({ id: "Draft" });

const TranscriptEntry = z.object({
  role: z.enum(["user", "agent", "notice", "state"]),
  text: z.string(),
  say: SayView.optional(),
  at: Millis,
});

// ---- uploads

const UploadState = z
  .enum(["uploading", "stored", "sent", "ready", "failed"])
  .describe(
    "uploading: parts arriving; stored: assembled (with `error`: the editor could not take it, complete again); " +
      "sent: queued for or being measured by the editor; ready: the editor has it; failed: refused or expired (`error`)",
  );

export const UploadView = z
  .object({
    id: z.string(),
    projectId: z.string(),
    name: z.string().describe("display text only; storage keys are ids"),
    size: count(),
    state: UploadState,
    source: z.enum(["upload", "url"]),
    partSize: count(),
    partCount: count(),
    parts: z.array(z.number().int().positive()).describe("the parts already stored, for resuming"),
    type: z
      .object({ ext: z.enum(ACCEPTED_EXTENSIONS), kind: z.enum(["video", "image", "audio"]) })
      .optional()
      .describe("the true type, once the first bytes are judged"),
    media: z
      .object({
        duration: z.number().nullable(),
        width: z.number().nullable(),
        height: z.number().nullable(),
        fps: z.number().nullable(),
      })
      .optional()
      .describe("what the editor measured"),
    error: ErrorInfo.optional().describe(
      "why it failed, or why handing it to the editor must be tried again",
    ),
    createdAt: Millis,
    updatedAt: Millis,
  })
  .meta({ id: "Upload" });

export const UploadPlan = z
  .object({ id: z.string(), partSize: count(), partCount: count() })
  .meta({ id: "UploadPlan" });

// ---- exports

const ExportStatus = z.enum(["pending", "processing", "completed", "failed"]);

export const ExportView = z
  .object({
    id: z.string(),
    projectId: z.string(),
    status: ExportStatus,
    progress: z.number().int().min(0).max(100),
    error: ErrorInfo.optional().describe("why it failed"),
    size: count().optional(),
    duration: z.number().optional().describe("seconds"),
    downloadUrl: z.string().optional(),
    coverUrl: z.string().optional().describe("the poster image, when the upstream made one"),
    outdated: z.boolean().describe("made from an older draft than the project's current one"),
    createdAt: Millis,
    completedAt: Millis.optional(),
  })
  .meta({ id: "Export" });

export const ShareLink = z.object({ url: z.string(), expiresAt: Millis }).meta({ id: "ShareLink" });

export const SharedExportInfo = z
  .object({
    title: z.string(),
    preset: z.string(),
    duration: z.number().nullable(),
    size: z.number().nullable(),
    videoUrl: z.string(),
    coverUrl: z.string().nullable(),
    expiresAt: Millis,
  })
  .meta({ id: "SharedExport" });

export const ProjectDetails = z
  .object({
    project: ProjectView,
    draft: Draft,
    timeline: TimelineView,
    summary: z.string().describe("the timeline in words, in the request's language"),
    ready: z.boolean().describe("there is something to export"),
    transcript: z.array(TranscriptEntry),
    uploads: z.array(UploadView),
    exports: z.array(ExportView).describe("newest first"),
  })
  .meta({ id: "ProjectDetails" });

// ---- chat

const StateFields = {
  summary: z.string(),
  changes: z.array(z.string()).describe("what changed, in words"),
  timeline: TimelineView,
  diff: z.array(Change).describe("what changed, as data"),
};
const ExportStarted = { id: z.string(), status: ExportStatus, progress: z.number().int() };

/** One event of a chat stream (`event: <type>`, `data: <this>`). */
export const ChatStreamEvent = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("status"), text: z.string(), say: SayView }),
    z.object({ type: z.literal("text"), text: z.string(), say: SayView.optional() }),
    z.object({ type: z.literal("notice"), text: z.string(), kind: z.string(), say: SayView }),
    z.object({ type: z.literal("state"), ...StateFields }),
    z.object({ type: z.literal("action"), action: z.string() }),
    z.object({ type: z.literal("export"), ...ExportStarted }),
    ErrorInfo.extend({ type: z.literal("error") }),
    z.object({ type: z.literal("done") }),
  ])
  .meta({ id: "ChatStreamEvent" });

export const ChatAnswer = z
  .object({
    intent: z.string().optional(),
    text: z.string(),
    statuses: z.array(z.string()),
    notices: z.array(z.string()),
    actions: z.array(z.string()),
    state: z.object(StateFields).optional(),
    export: z.object(ExportStarted).optional(),
    error: ErrorInfo.optional(),
  })
  .meta({ id: "ChatAnswer" });

// ---- webhooks

export const WebhookDelivery = z
  .object({
    id: z.string().describe("also sent as X-Reelsmith-Delivery, the same on every attempt"),
    exportId: z.string(),
    event: z.enum(["export.completed", "export.failed"]),
    url: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: count(),
    lastStatus: z.number().int().nullable().describe("the HTTP status of the last attempt; null: no answer"),
    lastError: z
      .enum(["timeout", "unreachable", "http_status", "redirect", "url_refused", "key_revoked"])
      .nullable(),
    nextAttemptAt: Millis.nullable(),
    createdAt: Millis,
    deliveredAt: Millis.nullable(),
  })
  .meta({ id: "WebhookDelivery" });

export const Deleted = z.object({ deleted: z.literal(true) });
export const Revoked = z.object({ revoked: z.literal(true) });

export type ProjectView = z.infer<typeof ProjectView>;
export type UploadView = z.infer<typeof UploadView>;
export type ExportView = z.infer<typeof ExportView>;
export type ApiKeyView = z.infer<typeof ApiKeyView>;
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
