// The README's preset table is generated from core/presets.ts; this fails when someone edits one without the other.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { README, withPresetTable } from "../../scripts/readme-presets.ts";

it("the README's preset table matches core/presets.ts (regenerate: npx tsx scripts/readme-presets.ts)", () => {
  const readme = readFileSync(README, "utf8");
  expect(readme).toBe(withPresetTable(readme));
});
