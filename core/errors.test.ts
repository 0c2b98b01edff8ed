// The error catalogue: upstream codes, Reelsmith codes, both languages, the public JSON shape and RPC round trips.
import { describe, expect, it } from "vitest";
import { ACCEPTED_EXTENSIONS } from "./contract.ts";
import { apiError, catalogueFor, ERROR_CODES, type ErrorExtra, entryFor, ReelsmithError } from "./errors.ts";

const CJK = /\p{Script=Han}/u;

describe("catalogue entries", () => {
  it.each(ERROR_CODES)("%s has an HTTP error status and real EN and ZH wording", (code) => {
    const e = entryFor(code);
    expect(e.code).toBe(code);
    expect(e.httpStatus).toBeGreaterThanOrEqual(400);
    expect(e.httpStatus).toBeLessThan(600);
    for (const text of [e.message, e.hint]) {
      expect(text.en).toMatch(/^[A-Z].*\.$/);
      expect(text.en).not.toMatch(CJK);
      expect(text.zh).toMatch(CJK);
      expect(text.zh).not.toBe(text.en);
    }
  });

  it("uses snake_case public codes", () => {
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
  });
});

describe("catalogueFor (upstream codes)", () => {
  it.each([
    [1001, "upstream_auth_failed", 502],
    [1002, "session_expired", 410],
    [2001, "out_of_credits", 402],
    [4001, "unsupported_media", 415],
    [4002, "payload_too_large", 413],
    [400, "upstream_bad_request", 502],
    [402, "export_blocked", 402],
    [429, "rate_limited", 429],
    [500, "upstream_unavailable", 502],
    [-1, "upstream_unavailable", 502],
  ])("%i → %s (%i)", (upstream, code, status) => {
    const e = catalogueFor(upstream);
    expect(e.code).toBe(code);
    expect(e.httpStatus).toBe(status);
  });

  it("2001 sends an anonymous user to register with their id bound", () => {
    const e = catalogueFor(2001, { userId: "anon_42" });
    expect(e.action).toEqual({ kind: "register", url: "https://nemovideo.com/register?bind=anon_42" });
    expect(e.hint.en).toMatch(/register/i);
    expect(e.hint.zh).toContain("注册");
  });

  it("2001 asks a registered user to top up, with no registration link", () => {
    const e = catalogueFor(2001, { userId: "usr_1", registered: true });
    expect(e.action).toEqual({ kind: "top-up" });
    expect(e.hint.en).toMatch(/top up/i);
    expect(e.hint.zh).toContain("充值");
  });

  it("4001 lists every accepted format in both languages", () => {
    const e = catalogueFor(4001);
    for (const ext of ACCEPTED_EXTENSIONS) {
      expect(e.hint.en).toContain(ext);
      expect(e.hint.zh).toContain(ext);
    }
  });

  it("4002 suggests compressing or trimming under the limit that applies", () => {
    expect(catalogueFor(4002).hint.en).toBe("Compress or trim it to under 500 MB and try again.");
    const small = catalogueFor(4002, { maxUploadBytes: 200 * 1024 * 1024, limitBy: "nemovideo" });
    expect(small.hint.zh).toBe("请压缩或剪短到 200 MB 以内（NemoVideo 对该平台的上限）后重试。");
    expect(small.hint.en).toBe(
      "Compress or trim it to under 200 MB (NemoVideo's limit for this platform) and try again.",
    );
    expect(small.action).toEqual({ kind: "compress" });
  });

  it("402 says register or upgrade, and links anonymous users to registration", () => {
    expect(catalogueFor(402).hint.en).toBe("Register or upgrade to export.");
    expect(catalogueFor(402, { userId: "anon_7" }).action?.url).toContain("bind=anon_7");
    const registered = catalogueFor(402, { userId: "u", registered: true });
    expect(registered.action).toEqual({ kind: "upgrade" });
    expect(registered.hint.en).toMatch(/upgrade/i);
  });

  it("429 offers a retry after waiting", () => {
    expect(catalogueFor(429).action?.kind).toBe("retry");
    expect(catalogueFor(429).hint.en).toMatch(/30 seconds/);
  });
});

describe("apiError", () => {
  it.each(ERROR_CODES)("%s renders the public shape in both languages", (code) => {
    const entry = entryFor(code);
    for (const lang of ["en", "zh"] as const) {
      const { error } = apiError(code, lang);
      expect(error.code).toBe(code);
      expect(error.message).toBe(entry.message[lang]);
      expect(error.hint).toBe(entry.hint[lang]);
      expect(error.action).toEqual(entry.action);
    }
  });

  it("adds extra fields without letting them replace the code or wording", () => {
    const body = apiError("busy", "en", { retryAfter: 5, code: "hijack", message: "x" } as ErrorExtra);
    expect(body).toEqual({
      error: {
        retryAfter: 5,
        code: "busy",
        message: "The editor is still working on your last message.",
        hint: "Wait for it to finish before sending another.",
      },
    });
  });

  it("keeps the context's link when given an entry", () => {
    const body = apiError(catalogueFor(2001, { userId: "anon_1" }), "zh");
    expect(body.error.action?.url).toBe("https://nemovideo.com/register?bind=anon_1");
    expect(body.error.message).toBe("你的积分已用完。");
  });
});

describe("ReelsmithError", () => {
  it("carries its entry and status and renders its body", () => {
    const err = new ReelsmithError("not_ready");
    expect(err).toBeInstanceOf(Error);
    expect(err.status).toBe(409);
    expect(err.code).toBe("not_ready");
    expect(err.body("zh").error.message).toBe("还没有可以导出的内容。");
  });

  it("maps upstream codes and keeps the upstream wording out of the body", () => {
    const err = ReelsmithError.fromUpstream(
      2001,
      { userId: "anon_9" },
      "credits exhausted for nmv_usr_secret",
    );
    expect(err.code).toBe("out_of_credits");
    expect(err.detail).toContain("nmv_usr_secret");
    expect(JSON.stringify(err.body("en"))).not.toContain("nmv_usr_secret");
    expect(err.message).not.toContain("nmv_usr_secret");
  });

  it("crosses an RPC boundary as plain data and comes back the same", () => {
    const original = new ReelsmithError("out_of_credits", {
      ctx: { userId: "anon_3" },
      extra: { max: 100 },
      detail: "upstream words",
    });
    const crossed = structuredClone(original.failure());
    expect(JSON.stringify(crossed)).not.toContain("upstream words");
    const revived = ReelsmithError.of(crossed);
    expect(revived.status).toBe(402);
    expect(revived.body("en")).toEqual(original.body("en"));
    expect(revived.body("en").error.max).toBe(100);
  });

  it("does not claim other errors", () => {
    expect(ReelsmithError.from(new Error("not_found"))).toBeNull();
    expect(ReelsmithError.from("busy")).toBeNull();
  });
});
