// The whole phrase table, for its test and for the planning benchmark.
import type { Row } from "./row.ts";
import { BUILD_ROWS } from "./rows-build.ts";
import { EDIT_ROWS } from "./rows-edit.ts";
import { TALK_ROWS } from "./rows-talk.ts";

export const ROWS: Row[] = [...BUILD_ROWS, ...EDIT_ROWS, ...TALK_ROWS];
