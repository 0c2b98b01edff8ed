// What it means for a phrase-table row to pass: shared by the test and the planning benchmark.
import { expect } from "vitest";
import { interpret } from "../../../engine/planner/interpret/index.ts";
import type { PlanResult } from "../../../engine/types.ts";
import { converse, MEDIA } from "./fixtures.ts";
import type { Row } from "./row.ts";

/** Plays the row's conversation the way the engine's server would. */
export function runRow(row: Row) {
  const media = MEDIA[row.media ?? "photos"];
  const conversation = converse([...(row.after ?? []), row.say], media, row.preset);
  const result = conversation.results.at(-1) as PlanResult;
  return { result, draft: conversation.draft, media };
}

/** Throws (an assertion error) unless the row's draft and reply are right and every clause is accounted for. */
export function checkRow(row: Row): void {
  const { result, draft } = runRow(row);
  expect(result.changed).toBe(!row.unchanged);
  row.check?.(draft, result);
  for (const piece of row.says) {
    if (typeof piece === "string") expect(result.reply).toContain(piece);
    else expect(result.reply).toMatch(piece);
  }
  // Every clause is carried out or named: nothing unclear or declined goes unmentioned.
  for (const clause of interpret(row.say).clauses) {
    if (clause.outcome === "unclear") expect(result.reply).toContain(clause.text);
    for (const u of clause.unsupported ?? []) expect(result.reply).toMatch(new RegExp(`${u.en}|${u.zh}`));
  }
  if (result.changed) expect(result.reply).not.toMatch(/^Nothing changed|^没有改动/);
}
