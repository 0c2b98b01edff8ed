// How a target length is split between clips and stills.
import { describe, expect, it } from "vitest";
import { timeShots } from "./visual-timing.ts";

describe("timeShots", () => {
  it("trims the longest clips first and keeps short ones whole", () => {
    const t = timeShots([{ sourceMs: 5000 }, { sourceMs: 40000 }, { sourceMs: 30000 }], 45000, 0);
    expect(t.slots.map((s) => s.d)).toEqual([5000, 20000, 20000]);
    expect(t.endMs).toBe(45000);
  });

  it("gives stills their minimum when clips already fill the length", () => {
    const t = timeShots([{ sourceMs: 30000 }, {}, {}], 10000, 0);
    expect(t.slots.map((s) => s.d)).toEqual([7000, 1500, 1500]);
  });

  it("overlaps shots by the transition and still ends on the target", () => {
    const t = timeShots([{}, {}], 10000, 800);
    expect(t.slots).toEqual([
      { s: 0, d: 5400 },
      { s: 4600, d: 5400 },
    ]);
    expect([t.overlapMs, t.endMs]).toEqual([800, 10000]);
  });

  it("keeps transitions within a third of each shot's share", () => {
    const timing = timeShots([{}, {}, {}], 3000, 2000);
    expect(timing.overlapMs).toBe(428);
    expect(timing.overlapMs / timing.slots[1].d).toBeLessThanOrEqual(1 / 3);
  });

  it("ends early when clips alone are shorter than the target", () => {
    expect(timeShots([{ sourceMs: 4000 }, { sourceMs: 6000 }], 30000, 0).endMs).toBe(10000);
  });
});
