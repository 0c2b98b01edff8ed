// Shapes of the public HTTP API as the page reads them (see functions/openapi.ts).
import type { ChatEvent } from "../../../core/chat-events.ts";
import type { ErrorAction } from "../../../core/errors.ts";
import type { Preset } from "../../../core/presets.ts";

export type { Preset };

export interface ErrorInfo {
  code: string;
  message: string;
  hint: string;
  action?: ErrorAction;
}

export interface ProjectInfo {
  id: string;
  title: string;
  preset: string;
  language: string;
  busy: boolean;
}

export type ExportStatus = "pending" | "processing" | "completed" | "failed";

export interface ExportInfo {
  id: string;
  status: ExportStatus;
  progress: number;
  error?: string;
  size?: number;
  downloadUrl?: string;
}

export interface TranscriptEntry {
  role: "user" | "agent" | "notice";
  text: string;
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
  summary: string;
  ready: boolean;
  transcript: TranscriptEntry[];
  exports: ExportInfo[];
  uploads?: UploadInfo[];
}

/** Chat events as the page receives them: the agent's events plus the export a routed "export" message started. */
export type StreamEvent = ChatEvent | ({ type: "export" } & ExportInfo);
