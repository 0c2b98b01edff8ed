// The fake agent's deterministic edits: each call adds the next piece of a 3-track timeline, then tweaks BGM volume.
import { type Draft, TrackType } from "../../core/draft.ts";

export interface Edit {
  draft: Draft;
  /** what changed, in words, for replies that describe the edit */
  change: string;
}

const CLIP_MS = 10_000;

/**
 * Video "city timelapse" (0–10s) → BGM "Lo-fi" (0–10s, 35%) → title "Urban Dreams" (0–3s) → BGM 35% ↔ 20%.
 * `mediaUrl` is the session's first upload, used as the clip's source when there is one.
 */
export function nextEdit(before: Draft, mediaUrl?: string): Edit {
  const draft: Draft = structuredClone(before);
  draft.m = { width: 1080, height: 1920, fps: 30, ...draft.m };
  const has = (tt: number) => draft.t.some((t) => t.tt === tt);
  let change: string;
  if (!has(TrackType.Video)) {
    draft.t.push({
      tt: TrackType.Video,
      n: "Video",
      sg: [{ s: 0, d: CLIP_MS, k: "video", n: "city timelapse", src: mediaUrl }],
    });
    change = 'Added the clip "city timelapse" (0–10s)';
  } else if (!has(TrackType.Audio)) {
    draft.t.push({
      tt: TrackType.Audio,
      n: "BGM",
      sg: [{ s: 0, d: CLIP_MS, k: "synth", n: "Lo-fi", v: 0.35, fo: 2000 }],
    });
    change = 'Added background music "Lo-fi" at 35%';
  } else if (!has(TrackType.Text)) {
    draft.t.push({
      tt: TrackType.Text,
      n: "Title",
      sg: [{ s: 0, d: 3000, k: "text", role: "title", tx: "Urban Dreams" }],
    });
    draft.m.title = "Urban Dreams";
    change = 'Added the title "Urban Dreams" (0–3s)';
  } else {
    const bgm = draft.t.find((t) => t.tt === TrackType.Audio)?.sg[0];
    const from = bgm?.v ?? 0.35;
    const to = from === 0.35 ? 0.2 : 0.35;
    if (bgm) bgm.v = to;
    change = `BGM volume ${Math.round(from * 100)}% → ${Math.round(to * 100)}%`;
  }
  draft.d = Math.max(draft.d, CLIP_MS);
  return { draft, change };
}
