// Contract-shaped views of stored records: uploaded files and session state.
import type { SessionState, UploadedFile } from "../../core/contract.ts";
import { DEFAULT_PRESET_ID, getPreset } from "../../core/presets.ts";
import { mediaUrlPath, type SessionRecord, type StoredMedia } from "../store/sessions.ts";

export function uploadedFile(sid: string, m: StoredMedia, baseUrl: string): UploadedFile {
  return {
    filename: m.filename,
    file_type: m.kind,
    cdn_url: `${baseUrl}${mediaUrlPath(sid, m.file)}`,
    duration: m.duration ?? null,
    width: m.width ?? null,
    height: m.height ?? null,
    fps: m.fps ?? null,
    hash: m.hash,
  };
}

export function sessionState(rec: SessionRecord, baseUrl: string): SessionState {
  const { width, height, fps } = rec.draft.m;
  return {
    session_id: rec.session_id,
    task_id: rec.task_id,
    task_name: rec.task_name,
    state: {
      draft: rec.draft,
      video_infos: rec.media.map((m) => uploadedFile(rec.session_id, m, baseUrl)),
      // The canvas the draft was planned for, else the session preset's (Xiaohongshu vertical by default).
      canvas_config:
        width && height
          ? { width, height, fps: fps ?? 30 }
          : getPreset(rec.presetId ?? DEFAULT_PRESET_ID)?.canvas,
      generated_media: [],
      video_analyses: [],
    },
  };
}
