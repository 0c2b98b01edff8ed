import { describe, expect, it } from "vitest";
import { ReelsmithError } from "./errors.ts";
import { settle, unwrap } from "./outcome.ts";

describe("outcomes", () => {
  it("answers a value or an expected failure as data, and throws faults on", async () => {
    expect(await settle(() => 7)).toEqual({ ok: true, value: 7 });
    const refused = await settle(async () => {
      throw new ReelsmithError("renamed_file", { extra: { named: "mp4", detected: "png" } });
    });
    expect(refused).toEqual({
      ok: false,
      failure: { code: "renamed_file", ctx: {}, extra: { named: "mp4", detected: "png" } },
    });
    await expect(settle(() => Promise.reject(new TypeError("bug")))).rejects.toThrow("bug");
    expect(unwrap({ ok: true, value: "x" })).toBe("x");
    expect(() => unwrap(refused)).toThrow(ReelsmithError);
  });
});
