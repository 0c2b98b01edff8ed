import { describe, expect, it } from "vitest";
import { hmacHex, safeEqual } from "./hmac.ts";

// RFC 4231, test case 2
const JEFE = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

describe("hmacHex", () => {
  it("signs as RFC 4231 says, also after its key cache has turned over many secrets", async () => {
    expect(await hmacHex("Jefe", "what do ya want for nothing?")).toBe(JEFE);
    const many = await Promise.all(Array.from({ length: 200 }, (_, i) => hmacHex(`whsec_${i}`, "body")));
    expect(new Set(many).size).toBe(200);
    expect(await hmacHex("Jefe", "what do ya want for nothing?")).toBe(JEFE);
    expect(await hmacHex("whsec_0", "body")).toBe(many[0]);
  });

  it("compares in constant time, refusing different lengths", () => {
    expect(safeEqual(JEFE, JEFE)).toBe(true);
    expect(safeEqual(JEFE, JEFE.replace(/.$/, "0"))).toBe(false);
    expect(safeEqual(JEFE, JEFE.slice(1))).toBe(false);
  });
});
