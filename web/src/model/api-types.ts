// Shapes of the public HTTP API as the page reads them (see functions/openapi.ts).
import type { ChatEvent } from "../../../core/chat-events.ts";
import type { ErrorAction, ErrorCode } from "../../../core/errors.ts";
import type { Preset as PresetBase } from "../../../core/presets.ts";
import type { Say } from "../../../core/say.ts";
import type { TimelineView } from "../../../core/timeline-view.ts";
import type { UploadLimit, UpstreamKind } from "../../../core/upload-limits.ts";

/** A preset with the upload limit of the upstream behind this deployment. */
export type Preset = PresetBase & { uploadLimit: UploadLimit };

export interface ErrorInfo {
  code: string;
  message: string;
  hint: string;
  action?: ErrorAction;
  /** the upload limit a `payload_too_large` refusal names, and whose it is */
  maxUploadBytes?: number;
  limitBy?: UpstreamKind;
}

export interface ProjectInfo {
  id: string;
  title: string;
  preset: string;
  language: string;
  busy: boolean;
  updatedAt: number;
}

/** A row of the project list: the project with its latest export's poster. */
export type ProjectSummary = ProjectInfo & { coverUrl: string | null };

export type ExportStatus = "pending" | "processing" | "completed" | "failed";

export interface ExportInfo {
  id: string;
  status: ExportStatus;
  progress: number;
  error?: string;
  errorCode?: ErrorCode;
  size?: number;
  /** seconds */
  duration?: number;
  downloadUrl?: string;
  coverUrl?: string;
  /** made from an older draft than the project's current one */
  outdated?: boolean;
  createdAt?: number;
  completedAt?: number;
}

export interface TranscriptEntry {
  role: "user" | "agent" | "notice" | "state";
  text: string;
  say?: Say;
}

export type UploadState = "uploading" | "stored" | "sent" | "ready" | "failed";

/** An upload: `parts` lists the part numbers (from 1) the server already stores. */
export interface UploadInfo {
  id: string;
  name: string;
  size: number;
  state: UploadState;
  partSize: number;
  partCount: number;
  parts: number[];
  error?: { code: string; message: Record<"en" | "zh", string> };
}

export interface ProjectDetails {
  project: ProjectInfo;
  timeline: TimelineView;
  ready: boolean;
  transcript: TranscriptEntry[];
  exports: ExportInfo[];
  uploads?: UploadInfo[];
}

/** What the share page of one export reads from /s/:token/info. */
export interface SharedExportInfo {
  title: string;
  preset: string;
  duration: number | null;
  videoUrl: string;
  coverUrl: string | null;
  expiresAt: number;
}

/** Chat events as the page receives them: the agent's events plus the export a routed "export" message started. */
export type StreamEvent = ChatEvent | ({ type: "export" } & ExportInfo);
