// Hardening: security headers, the JSON body cap, paths that must never be the app, keys derived per purpose, links
// built on the configured origin, and a clear answer when SECRET is missing.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hmacHex, purposeSecret } from "../../core/hmac.ts";
import { app } from "../../functions/app.ts";
import { createProject, fake, newUser, ORIGIN } from "./helpers.ts";
import { lastUploadUrl, mp4Bytes, settled, uploadFile } from "./upload-helpers.ts";

const CSP = /default-src 'self'; script-src 'self'; style-src 'self';.*frame-ancestors 'none'/;

describe("security headers", () => {
  it("go on every kind of answer: personal JSON, errors, pages, files", async () => {
    const u = newUser();
    const p = await createProject(u);
    const answers = await Promise.all([
      u(`/api/projects/${p.id}`),
      u("/api/projects/prj_nothing"),
      SELF.fetch(`${ORIGIN}/p/douyin`),
      SELF.fetch(`${ORIGIN}/api/docs`),
      SELF.fetch(`${ORIGIN}/api/presets`),
    ]);
    for (const res of answers) {
      await res.body?.cancel();
      expect(res.headers.get("Content-Security-Policy")).toMatch(CSP);
      expect(res.headers.get("Content-Security-Policy")).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("X-Frame-Options")).toBe("DENY");
      expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d{8}/);
    }
  });

  it("sends HSTS over https only", async () => {
    const plain = await SELF.fetch("http://reelsmith.test/api/presets");
    await plain.body?.cancel();
    expect(plain.headers.get("Strict-Transport-Security")).toBeNull();
    expect(plain.headers.get("Content-Security-Policy")).toMatch(CSP);
  });

  it("keeps personal answers out of every cache; public presets stay cacheable", async () => {
    const u = newUser();
    const p = await createProject(u);
    for (const path of [
      "/api/me",
      "/api/projects",
      `/api/projects/${p.id}`,
      "/api/keys",
      "/api/projects/prj_x",
    ]) {
      const res = await u(path);
      await res.body?.cancel();
      expect(res.headers.get("Cache-Control"), path).toBe("private, no-store");
    }
    const presets = await SELF.fetch(`${ORIGIN}/api/presets`);
    await presets.body?.cancel();
    expect(presets.headers.get("Cache-Control")).toBe("public, max-age=300");
  });

  it("the docs page runs no script, styles itself from a file, and speaks the reader's language", async () => {
    const html = await (await SELF.fetch(`${ORIGIN}/api/docs`)).text();
    expect(html).not.toMatch(/<script|<style|style="/i);
    expect(html).toContain('<link rel="stylesheet" href="/api/docs.css" />');
    expect(html).toContain("/api/projects/{id}/exports");
    expect((await SELF.fetch(`${ORIGIN}/api/docs.css`)).headers.get("Content-Type")).toMatch(/^text\/css/);
    const zh = await (await SELF.fetch(`${ORIGIN}/api/docs?lang=zh`)).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain("<h4>响应</h4>");
  });
});

describe("the JSON body cap", () => {
  const big = (bytes: number) => JSON.stringify({ preset: "douyin", title: "x".repeat(bytes) });

  it("refuses a body over 64 KB before reading it, with or without a Content-Length", async () => {
    const u = newUser();
    const declared = await u.json("/api/projects", JSON.parse(big(70_000)));
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: "request_too_large" });
    const body = new TextEncoder().encode(big(200_000));
    const streamed = await u("/api/projects", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < body.length; i += 16_384) c.enqueue(body.subarray(i, i + 16_384));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as any).error.code).toBe("request_too_large");
  });

  it("reads a body under the cap as usual, and never caps a part of an upload", async () => {
    const u = newUser();
    const under = await u.json("/api/projects", JSON.parse(big(60_000)));
    expect(under.status).toBe(400);
    expect(under.body.error.problem).toMatch(/^title:/);
    const p = await createProject(u);
    const { done } = await uploadFile(u, p.id, mp4Bytes(9 * 1024 * 1024));
    expect(done).toMatchObject({ status: 200, body: { state: "ready" } });
  });
});

describe("paths that are not the API's", () => {
  it.each(["/api", "/API/me", "/Api/projects", "/api/me/", "/api/nothing-here", "/me", "/favicon.ico"])(
    "%s answers the JSON 404",
    async (path) => {
      const res = await SELF.fetch(`${ORIGIN}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
    },
  );

  it("answers an unsatisfiable Range in the error shape, with the size", async () => {
    await fake.reset();
    const u = newUser();
    const p = await createProject(u);
    await uploadFile(u, p.id, mp4Bytes(3000));
    const link = lastUploadUrl((await fake.inspect()).requests);
    const res = await SELF.fetch(link, { headers: { Range: "bytes=5000-" } });
    expect(res.status).toBe(416);
    expect(res.headers.get("Content-Range")).toBe("bytes */3000");
    expect(await res.json()).toMatchObject({ error: { code: "range_not_satisfiable", size: 3000 } });
  });
});

describe("keys and links", () => {
  it("signs cookies with a key of their own: one signed with SECRET itself is a stranger's", async () => {
    const u = newUser();
    const me = (await u.json("/api/me")).body.userId as string;
    const sig = async (key: string) => {
      const raw = await crypto.subtle.importKey(
        "raw",
        new TextEncoder().encode(key),
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"],
      );
      const mac = await crypto.subtle.sign("HMAC", raw, new TextEncoder().encode(me));
      return encodeURIComponent(btoa(String.fromCharCode(...new Uint8Array(mac))));
    };
    const asCookie = async (key: string) =>
      (
        await SELF.fetch(`${ORIGIN}/api/me`, { headers: { Cookie: `__Host-rs_uid=${me}.${await sig(key)}` } })
      ).json();
    expect(((await asCookie(await purposeSecret(env.SECRET, "cookie"))) as any).userId).toBe(me);
    expect(((await asCookie(env.SECRET)) as any).userId).not.toBe(me);
    expect(((await asCookie(await purposeSecret(env.SECRET, "media-link"))) as any).userId).not.toBe(me);
  });

  it("derives a different key for each purpose", async () => {
    const keys = await Promise.all([
      purposeSecret(env.SECRET, "cookie"),
      purposeSecret(env.SECRET, "media-link"),
    ]);
    expect(new Set([...keys, await hmacHex(env.SECRET, "")]).size).toBe(3);
    expect(keys.every((k) => !k.includes(env.SECRET))).toBe(true);
  });

  it("builds the signed media link on the configured origin, whatever Host the request came with", async () => {
    await fake.reset();
    const u = newUser();
    const p = await createProject(u);
    const data = mp4Bytes(2000);
    const plan = await u.json(`/api/projects/${p.id}/uploads`, {
      name: "a.mp4",
      size: data.length,
      type: "video/mp4",
    });
    await u(`/api/uploads/${plan.body.id}/parts/1`, { method: "PUT", body: data });
    const done = await SELF.fetch(`https://attacker.example/api/uploads/${plan.body.id}/complete`, {
      method: "POST",
      headers: { Cookie: u.cookie(), Origin: "https://attacker.example" },
    });
    expect(done.status).toBe(202);
    expect((await settled(u, plan.body.id)).body.state).toBe("ready");
    expect(lastUploadUrl((await fake.inspect()).requests)).toMatch(
      /^https:\/\/reelsmith\.test\/api\/media\//,
    );
  });
});

describe("configuration", () => {
  it("without SECRET, says what to set instead of failing bare", async () => {
    for (const SECRET of [undefined, "", "short"]) {
      const res = await app.request("/api/me", {}, { ...env, SECRET });
      expect(res.status).toBe(500);
      const { error } = (await res.json()) as any;
      expect(error.code).toBe("not_configured");
      expect(error.message).toMatch(/SECRET/);
      expect(error.hint).toMatch(/\.dev\.vars/);
      expect(error.hint).toMatch(/wrangler secret put SECRET/);
      expect(res.headers.get("Content-Security-Policy")).toMatch(CSP);
    }
    const zh = await app.request("/api/me?lang=zh", {}, { ...env, SECRET: "" });
    expect(((await zh.json()) as any).error.message).toMatch(/缺少 SECRET/);
  });
});
