import { describe, expect, it } from "vitest";
import { getPreset } from "./presets.ts";
import { formatSize, uploadLimit } from "./upload-limits.ts";

const MB = 1024 * 1024;

describe("upload limits", () => {
  it("lets the local engine take a two-minute phone clip on WeChat; NemoVideo keeps its 200 MB there", () => {
    const weixin = getPreset("weixin");
    expect(uploadLimit(weixin, "engine")).toEqual({ bytes: 500 * MB, by: "engine" });
    expect(uploadLimit(weixin, "nemovideo")).toEqual({ bytes: 200 * MB, by: "nemovideo" });
    expect(uploadLimit(getPreset("douyin"), "nemovideo").bytes).toBe(500 * MB);
  });

  it("shows sizes in the unit of the limits, 0 bytes as 0", () => {
    expect(formatSize(0)).toBe("0 MB");
    expect(formatSize(1)).toBe("< 0.1 MB");
    expect(formatSize(3.42 * MB)).toBe("3.4 MB");
    expect(formatSize(200 * MB)).toBe("200 MB");
    expect(formatSize(200 * MB + 300_000)).toBe("200.3 MB");
  });
});
