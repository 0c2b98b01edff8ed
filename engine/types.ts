// Shapes shared by the engine's planner, renderer and server.
import type { Draft } from "../core/draft.ts";

/** One media file in a session, as the engine stored it. */
export interface MediaItem {
  id: string;
  filename: string;
  kind: "video" | "image" | "audio";
  /** absolute path of the stored file under the engine's data folder */
  path: string;
  /** the URL the engine answered as `cdn_url`; segments reference media by this */
  url: string;
  /** seconds (video, audio) */
  duration?: number;
  width?: number;
  height?: number;
  fps?: number;
  hasAudio?: boolean;
}

export interface PlanInput {
  /** the session's current draft (empty draft when none yet) */
  draft: Draft;
  /** the user's message, English, Chinese or mixed */
  instruction: string;
  /** media uploaded to the session, in upload order */
  media: MediaItem[];
  /** earlier drafts, oldest first, for undo */
  history: Draft[];
  /** undone drafts, the next redo last */
  future?: Draft[];
  /** preset id if the session was created for one (task_name may carry it) */
  presetId?: string;
}

export interface PlanResult {
  /** the new draft (the same object content as the input draft when nothing changed) */
  draft: Draft;
  /** the reply to show the user: states exactly what changed, or honestly what it can do */
  reply: string;
  /** the tool call the engine reports around the edit; null when no edit happened */
  tool: { name: string; args: Record<string, unknown> } | null;
  changed: boolean;
  /** the session's undo and redo stacks after the turn */
  history: Draft[];
  future: Draft[];
  /** the message also asked for the export, and the draft is ready for it */
  exportRequested: boolean;
}

export interface RenderOptions {
  /** where the finished MP4 goes; the renderer writes a temp file and renames on success */
  outPath: string;
  /** where the poster JPEG goes; default: beside the MP4, `x.mp4` → `x.jpg` */
  coverPath?: string;
  /** maps a segment `src` (a media url) to a local file path */
  resolveMedia: (src: string) => MediaItem | undefined;
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

export interface RenderOutput {
  path: string;
  size: number;
  duration: number;
  width: number;
  height: number;
  /** the poster image (JPEG) beside the video, when one could be drawn */
  cover?: string;
}
