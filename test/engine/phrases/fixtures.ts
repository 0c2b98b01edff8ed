// Media, conversations and draft lookups for the phrase table: the planner run the way the engine's server runs it.
import { type Draft, emptyDraft, type Segment, TrackType } from "../../../core/draft.ts";
import { planTurn } from "../../../engine/planner/index.ts";
import type { MediaItem, PlanResult } from "../../../engine/types.ts";

export const MB = 1024 * 1024;
const url = (file: string) => `http://127.0.0.1:8790/files/media/s1/${file}`;

export const photo = (n: number, filename = `IMG_000${n}.jpg`): MediaItem => ({
  id: `p${n}`,
  filename,
  kind: "image",
  path: `/data/media/s1/p${n}.jpg`,
  url: url(`p${n}.jpg`),
  width: 3024,
  height: 4032,
});

export const clip = (
  n: number,
  seconds: number,
  size: [number, number] = [1080, 1920],
  hasAudio = true,
): MediaItem => ({
  id: `c${n}`,
  filename: `VID_000${n}.mp4`,
  kind: "video",
  path: `/data/media/s1/c${n}.mp4`,
  url: url(`c${n}.mp4`),
  duration: seconds,
  width: size[0],
  height: size[1],
  fps: 30,
  hasAudio,
});

export const SONG: MediaItem = {
  id: "a1",
  filename: "summer-song.mp3",
  kind: "audio",
  path: "/data/media/s1/a1.mp3",
  url: url("a1.mp3"),
  duration: 95,
};

/** The media a row can start from. */
export const MEDIA = {
  photos: [photo(1, "beach-sunset.jpg"), photo(2), photo(3)],
  photos4: [
    photo(1, "latte.jpg"),
    photo(2, "croissant.jpg"),
    photo(3, "shopfront.jpg"),
    photo(4, "menu.jpg"),
  ],
  clips: [clip(1, 12), clip(2, 20)],
  clip45: [clip(1, 45)],
  landscape: [clip(1, 30, [3840, 2160])],
  mixed: [clip(1, 8), photo(1), photo(2)],
  song: [photo(1, "beach-sunset.jpg"), photo(2), photo(3), SONG],
  clipsSong: [clip(1, 12), clip(2, 20), SONG],
  none: [],
} satisfies Record<string, MediaItem[]>;
export type MediaSet = keyof typeof MEDIA;

export interface Conversation {
  results: PlanResult[];
  draft: Draft;
}

/** Runs turns the way the engine's server records them: a changed turn replaces the draft and both stacks. */
export function converse(turns: string[], media: MediaItem[], presetId?: string): Conversation {
  let draft = emptyDraft();
  let history: Draft[] = [];
  let future: Draft[] = [];
  const results = turns.map((instruction) => {
    const r = planTurn({ draft, instruction, media, history, future, presetId });
    if (r.changed) [draft, history, future] = [r.draft, r.history, r.future];
    return r;
  });
  return { results, draft };
}

export const track = (d: Draft, tt: number) => d.t.find((t) => t.tt === tt);
export const shots = (d: Draft) => track(d, TrackType.Video)?.sg ?? [];
export const texts = (d: Draft, role: Segment["role"]) =>
  d.t
    .filter((t) => t.tt === TrackType.Text)
    .flatMap((t) => t.sg)
    .filter((s) => s.role === role);
export const title = (d: Draft) => texts(d, "title")[0];
export const captions = (d: Draft) => texts(d, "caption").filter((s) => s.id?.startsWith("cap"));
export const overlays = (d: Draft) => texts(d, "caption").filter((s) => s.id?.startsWith("ovl"));
export const bgm = (d: Draft) => track(d, TrackType.Audio)?.sg[0];
export const names = (d: Draft) => shots(d).map((s) => s.n);
export const lengths = (d: Draft) => shots(d).map((s) => s.d);
