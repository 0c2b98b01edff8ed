// Identity: signed cookies, same-origin checks, API keys, and one user never seeing another's projects.
import { runInDurableObject, SELF } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { createProject, fake, newUser, ORIGIN } from "./helpers.ts";
import { userIdOf, userStub } from "./upload-helpers.ts";

beforeEach(() => fake.reset());

describe("cookie identity", () => {
  it("mints an HttpOnly, SameSite=Lax, __Host- signed cookie and keeps the same user", async () => {
    const u = newUser();
    const first = await u.json("/api/me");
    const set = first.res.headers.get("Set-Cookie") ?? "";
    expect(set).toMatch(/^__Host-rs_uid=/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Secure/i);
    expect(set).toMatch(/Path=\//);
    const again = await u.json("/api/me");
    expect(again.body.userId).toBe(first.body.userId);
    expect(again.res.headers.get("Set-Cookie")).toBeNull();
  });

  it("treats a tampered cookie as a new visitor", async () => {
    const u = newUser();
    const me = await u.json("/api/me");
    const [name, value] = u.cookie().split("=");
    const forged = `${name}=${decodeURIComponent(value).replace(/^u_[0-9a-f]{4}/, "u_ffff")}`;
    const res = await SELF.fetch(`${ORIGIN}/api/me`, { headers: { Cookie: forged } });
    const body = (await res.json()) as { userId: string };
    expect(body.userId).not.toBe(me.body.userId);
  });

  it("refuses unsafe cookie requests from another origin with the JSON error shape", async () => {
    const u = newUser();
    await u.json("/api/me");
    const res = await u.json(
      "/api/projects",
      { preset: "douyin" },
      { headers: { Origin: "https://evil.example" } },
    );
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden_origin" });
    expect(typeof res.body.error.message).toBe("string");
    expect(typeof res.body.error.hint).toBe("string");
    const cross = await u("/api/projects", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "", "Content-Type": "application/json" },
      body: JSON.stringify({ preset: "douyin" }),
    });
    expect(cross.status).toBe(403);
  });

  it("speaks Chinese when asked", async () => {
    const u = newUser({ headers: { "Accept-Language": "zh-CN,zh;q=0.9" } });
    const res = await u.json("/api/projects/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("API keys", () => {
  it("mints a key shown once, authenticates with it, lists it without the secret, and revokes it", async () => {
    const u = newUser();
    const project = await createProject(u);
    const minted = await u.json("/api/keys", { label: "zapier" });
    expect(minted.status).toBe(201);
    const key: string = minted.body.key;
    expect(key).toMatch(/^rs_u_[0-9a-f]{32}_[0-9a-f]{48}$/);

    const viaKey = await SELF.fetch(`${ORIGIN}/api/projects`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(viaKey.status).toBe(200);
    const listed = (await viaKey.json()) as { projects: { id: string }[] };
    expect(listed.projects.map((p) => p.id)).toEqual([project.id]);

    // API-key callers are integrations: no Origin needed for unsafe requests, attribution says "api".
    const created = await SELF.fetch(`${ORIGIN}/api/projects`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ preset: "tiktok" }),
    });
    expect(created.status).toBe(201);

    const keys = await u.json("/api/keys");
    expect(JSON.stringify(keys.body)).not.toContain(key.slice(-48));
    expect(keys.body.keys).toHaveLength(1);

    const revoked = await u.json(`/api/keys/${keys.body.keys[0].id}`, undefined, { method: "DELETE" });
    expect(revoked.status).toBe(200);
    const after = await SELF.fetch(`${ORIGIN}/api/projects`, { headers: { Authorization: `Bearer ${key}` } });
    expect(after.status).toBe(401);
  });

  it("says when a key was last used, to the minute", async () => {
    const u = newUser();
    const minted = await u.json("/api/keys", { label: "cron" });
    const useKey = () =>
      SELF.fetch(`${ORIGIN}/api/projects`, { headers: { Authorization: `Bearer ${minted.body.key}` } });
    const lastUsed = async (): Promise<number | null> => (await u.json("/api/keys")).body.keys[0].lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    expect((await useKey()).status).toBe(200);
    const first = await lastUsed();
    expect(first).toBeGreaterThanOrEqual(before);
    expect((await useKey()).status).toBe(200);
    expect(await lastUsed()).toBe(first);
    // A minute later the next use moves it on.
    await runInDurableObject(userStub(await userIdOf(u)), (_, state) => {
      state.storage.sql.exec(`UPDATE api_keys SET last_used_at = last_used_at - 60000`);
    });
    expect((await useKey()).status).toBe(200);
    expect(await lastUsed()).toBeGreaterThanOrEqual(before);
  });

  it("rejects malformed and unknown keys", async () => {
    for (const key of ["nope", `rs_u_${"0".repeat(32)}_${"a".repeat(48)}`]) {
      const res = await SELF.fetch(`${ORIGIN}/api/me`, { headers: { Authorization: `Bearer ${key}` } });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
  });
});

describe("isolation", () => {
  it("never shows one user's projects or exports to another", async () => {
    const alice = newUser();
    const bob = newUser();
    const p = await createProject(alice);
    expect((await bob.json("/api/projects")).body.projects).toEqual([]);
    expect((await bob.json(`/api/projects/${p.id}`)).status).toBe(404);
    expect((await bob.json(`/api/projects/${p.id}`, undefined, { method: "DELETE" })).status).toBe(404);
    expect((await bob.json(`/api/projects/${p.id}/messages`, { text: "hi" })).status).toBe(404);
    expect((await alice.json(`/api/projects/${p.id}`)).status).toBe(200);
  });
});
