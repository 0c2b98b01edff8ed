// Public, cookie-free surfaces: presets, share links with Open Graph tags, the JSON 404 (the OpenAPI document has
// its own test: contract.test.ts).
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "./helpers.ts";

describe("presets", () => {
  it("lists every platform preset with canvas, limits and EN/ZH labels", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/presets`);
    const { presets } = (await res.json()) as { presets: any[] };
    const ids = presets.map((p) => p.id);
    for (const id of [
      "xiaohongshu",
      "weixin",
      "weixin-channels",
      "douyin",
      "tiktok",
      "reels",
      "shorts",
      "bilibili",
      "promo-from-script",
      "clips-to-video",
    ]) {
      expect(ids).toContain(id);
    }
    const xhs = presets.find((p) => p.id === "xiaohongshu");
    expect(xhs.canvas).toEqual({ width: 1080, height: 1920, fps: 30 });
    expect(xhs.label.zh).toBe("小红书");
    const weixin = presets.find((p) => p.id === "weixin");
    expect(weixin.outputBudgetBytes).toBeLessThanOrEqual(25 * 1024 * 1024);
    expect(weixin.maxUploadBytes).toBe(200 * 1024 * 1024);
    expect(presets.find((p) => p.id === "bilibili").canvas).toMatchObject({ width: 1920, height: 1080 });
  });

  it("answers one preset, and a JSON 404 for an unknown one", async () => {
    expect((await SELF.fetch(`${ORIGIN}/api/presets/douyin`)).status).toBe(200);
    const missing = await SELF.fetch(`${ORIGIN}/api/presets/myspace`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.code).toBe("not_found");
  });
});

describe("share links", () => {
  it("serves the app with per-preset Open Graph tags, escaping what the link carries", async () => {
    const res = await SELF.fetch(
      `${ORIGIN}/p/xiaohongshu?title=${encodeURIComponent('My "shop" <b>')}&prompt=hello`,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta property="og:title" content="My &quot;shop&quot; &lt;b&gt;" />');
    expect(html).toContain('<meta property="og:description" content="hello" />');
    expect(html).toContain('<div id="app">');
    expect(html).toContain(`<meta property="og:image" content="${ORIGIN}/og/xiaohongshu.png" />`);
    expect(html).toContain('<html lang="en"');
    const zh = await SELF.fetch(`${ORIGIN}/p/douyin`, { headers: { "Accept-Language": "zh-CN" } });
    expect(await zh.text()).toContain("抖音");
  });

  it("speaks Chinese when the link says ?lang=zh, as chat apps fetch it without Accept-Language", async () => {
    const html = await (await SELF.fetch(`${ORIGIN}/p/weixin?lang=zh`)).text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain("<title>Reelsmith · 微信聊天分享</title>");
    expect(html).toContain('<meta property="og:description" content="保持原始比例');
    expect(html).toContain(`<meta property="og:image" content="${ORIGIN}/og/weixin.zh.png" />`);
    expect(html).toContain('<meta property="og:locale" content="zh_CN" />');
  });

  it("answers an unknown preset with the app and 404", async () => {
    const res = await SELF.fetch(`${ORIGIN}/p/nope`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<div id="app">');
  });
});

it("serves the SPA's index from the assets binding", async () => {
  const res = await env.ASSETS.fetch(`${ORIGIN}/`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("<title>");
});

it("answers unknown API paths with the JSON error shape", async () => {
  const res = await SELF.fetch(`${ORIGIN}/api/nothing-here`);
  expect(res.status).toBe(404);
  expect(await res.json()).toMatchObject({
    error: { code: "not_found", message: expect.any(String), hint: expect.any(String) },
  });
});

it("validates bodies with a clear 400", async () => {
  const res = await SELF.fetch(`${ORIGIN}/api/projects`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ preset: "myspace" }),
  });
  expect(res.status).toBe(400);
  const body = (await res.json()) as any;
  expect(body.error.code).toBe("bad_request");
  expect(body.error.problem).toMatch(/^preset:/);
  const notJson = await SELF.fetch(`${ORIGIN}/api/projects`, { method: "POST", body: "{oops" });
  expect(notJson.status).toBe(400);
});
