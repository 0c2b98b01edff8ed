import { describe, expect, it } from "vitest";
import { openShare, sealShare } from "./export-share.ts";

const SECRET = "test-secret-0123456789abcdef";
const share = {
  userId: `u_${"ab".repeat(16)}`,
  exportId: `exp_${"cd".repeat(16)}`,
  exp: Math.floor(Date.now() / 1000) + 60,
};

describe("export share tokens", () => {
  it("round-trips and reveals neither id", async () => {
    const token = await sealShare(share, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain("abab");
    expect(await openShare(token, SECRET)).toEqual(share);
  });

  it("refuses a changed byte, another secret and an expired token", async () => {
    const token = await sealShare(share, SECRET);
    const bent = token.slice(0, 30) + (token[30] === "A" ? "B" : "A") + token.slice(31);
    expect(await openShare(bent, SECRET)).toBe("invalid");
    expect(await openShare(token, "another-secret-0123456789")).toBe("invalid");
    expect(await openShare("not a token", SECRET)).toBe("invalid");
    const old = await sealShare({ ...share, exp: Math.floor(Date.now() / 1000) - 1 }, SECRET);
    expect(await openShare(old, SECRET)).toBe("expired");
  });
});
