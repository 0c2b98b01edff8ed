// The planner against the phrase table: every row's draft, every clause accounted for in the reply, every command covered.
import { describe, expect, it } from "vitest";
import { allCommands, EditCommand } from "../../../core/edit-commands.ts";
import { planTurn } from "../../../engine/planner/index.ts";
import { interpret } from "../../../engine/planner/interpret/index.ts";
import { layoutDraft } from "../../../engine/planner/layout.ts";
import { readSpec } from "../../../engine/planner/read-spec.ts";
import { checkRow, runRow } from "./check.ts";
import { converse, MEDIA } from "./fixtures.ts";
import { ROWS } from "./rows.ts";

describe("phrase table", () => {
  it("has at least 200 rows, in English, Chinese and both, with typos, emoji, casual talk and follow-ups", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(200);
    const tags = new Set(ROWS.flatMap((r) => r.tags));
    expect([...tags].sort()).toEqual(["casual", "emoji", "en", "follow-up", "mixed", "typo", "zh"]);
  });

  it("asks for every command in the command set somewhere", () => {
    const asked = new Set(
      ROWS.flatMap((r) => [r.say, ...(r.after ?? [])]).flatMap((m) =>
        allCommands(interpret(m)).map((c) => c.cmd),
      ),
    );
    const every = EditCommand.options.map((o) => o.shape.cmd.value);
    expect(every.filter((c) => !asked.has(c))).toEqual([]);
  });

  it.each(ROWS.map((row) => [`${row.after?.length ? "… → " : ""}${row.say.split("\n")[0]}`, row] as const))(
    "%s",
    (_name, row) => checkRow(row),
  );
});

describe("planner invariants", () => {
  it("answers the same input with the same output", () => {
    const input = {
      draft: converse(["make a video"], MEDIA.photos).draft,
      instruction: "make a 30s vertical video with fade transitions, title 'A' and music",
      media: MEDIA.photos,
      history: [],
    };
    expect(planTurn(input)).toEqual(planTurn(structuredClone(input)));
  });

  it("reads back every draft it lays out unchanged", () => {
    for (const row of ROWS) {
      const { draft, media } = runRow(row);
      if (draft.t.length) expect(layoutDraft(readSpec(draft, media))).toEqual(draft);
    }
  });
});
