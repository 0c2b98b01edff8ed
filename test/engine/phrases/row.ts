// One row of the phrase table: a message as a creator types it, the conversation before it, and what must come of it.
import type { Draft } from "../../../core/draft.ts";
import type { PlanResult } from "../../../engine/types.ts";
import type { MediaSet } from "./fixtures.ts";

export type Tag = "en" | "zh" | "mixed" | "typo" | "emoji" | "casual" | "follow-up";

export interface Row {
  say: string;
  /** earlier turns of the same conversation */
  after?: string[];
  media?: MediaSet;
  /** the project's preset, as the session was created */
  preset?: string;
  tags: Tag[];
  /** the draft after the turn and the turn's result */
  check?: (d: Draft, r: PlanResult) => void;
  /** what the reply must say: at least one piece per clause of the message */
  says: (string | RegExp)[];
  /** the turn must leave the draft as it was */
  unchanged?: boolean;
}

/** Builds rows tersely: `row("make it 15 seconds", ["en"], ["15 s"], (d) => …, { after: [BUILT] })`; a row after others is a follow-up. */
export const row = (
  say: string,
  tags: Tag[],
  says: Row["says"],
  check?: Row["check"],
  more: Omit<Row, "say" | "tags" | "says" | "check"> = {},
): Row => ({
  say,
  tags: more.after?.length && !tags.includes("follow-up") ? [...tags, "follow-up"] : tags,
  says,
  ...(check && { check }),
  ...more,
});

/** A first draft most follow-ups start from: 3 photos, vertical, a title and music. */
export const BUILT = 'make a vertical video with the title "Beach Day" and background music';
export const BUILT_ZH = "做一个小红书竖屏视频，标题「海边的一天」，配上背景音乐";
