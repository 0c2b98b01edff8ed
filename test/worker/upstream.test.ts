// The upstream client: attribution on every request, token refresh on 1001, one wait on 429, and the token kept secret.
import { beforeEach, describe, expect, it } from "vitest";
import { chat, createProject, fake, newUser, waitFor } from "./helpers.ts";

beforeEach(() => fake.reset());

/** A user who has used the editor once (asking for the balance in the chat signs in to it). */
async function signedIn() {
  const u = newUser();
  const p = await createProject(u);
  await u.json(`/api/projects/${p.id}/messages`, { text: "how many credits do I have?" });
  return u;
}

describe("talking to the upstream", () => {
  it("sends the bearer token and attribution headers on every request, and gets one token per user", async () => {
    const u = newUser();
    const p = await createProject(u);
    await chat(u, p.id, "[scenario:silent-edit] hi");
    await u.json("/api/credits");
    const { requests, tokens } = await fake.inspect();
    expect(tokens).toHaveLength(1);
    const authed = requests.filter((q) => q.endpoint !== "anonymousToken");
    expect(authed.length).toBeGreaterThanOrEqual(4);
    for (const q of authed) {
      expect(q.headers.authorization).toBe(`Bearer ${tokens[0].token}`);
      expect(q.headers["x-skill-source"]).toBe("reelsmith");
      expect(q.headers["x-skill-platform"]).toBe("web");
      expect(q.headers["x-skill-version"]).toMatch(/^\d+\.\d+\.\d+$/);
    }
    const tokenRequest = requests.find((q) => q.endpoint === "anonymousToken");
    expect(tokenRequest?.headers["x-client-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gets a new token on 1001 with the same client id and retries once", async () => {
    const u = await signedIn();
    await fake.fault({ endpoint: "credits", code: 1001 });
    await fake.config({ oneTokenPerClient: false });
    const r = await u.json("/api/credits");
    expect(r.status).toBe(200);
    const { tokens, requests } = await fake.inspect();
    expect(tokens).toHaveLength(2);
    expect(tokens[0].clientId).toBe(tokens[1].clientId);
    expect(requests.filter((q) => q.endpoint === "credits")).toHaveLength(3);
  });

  it("waits and retries once on 429, then reports rate limiting clearly", async () => {
    const u = await signedIn();
    await fake.fault({ endpoint: "credits", code: 429 });
    expect((await u.json("/api/credits")).status).toBe(200);
    await fake.fault({ endpoint: "credits", code: 429, times: 2 });
    const limited = await u.json("/api/credits");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
  });

  it("uses a token the user pastes, after checking it works", async () => {
    const u = newUser();
    const bad = await u.json("/api/me/upstream-token", { token: "nmv_usr_doesnotexist" }, { method: "PUT" });
    // What the user pasted is wrong: a 4xx saying what to do, not the service failing with "try again".
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("upstream_token_refused");
    expect(bad.body.error.hint).toMatch(/nmv_/);
    expect(bad.body.error.action).toBeUndefined();
    expect((await u.json("/api/me")).body.tokenSource).toBe("none");
    // A real token of the upstream, obtained out of band.
    await signedIn();
    const pasted = (await fake.inspect()).tokens[0].token;
    const ok = await u.json("/api/me/upstream-token", { token: pasted }, { method: "PUT" });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ tokenSource: "user" });
    expect((await u.json("/api/me")).body.tokenSource).toBe("user");
    expect((await u.json("/api/me/upstream-token", { token: "not a token" }, { method: "PUT" })).status).toBe(
      400,
    );
  });

  it("never puts the upstream token in a response body, header or upstream URL", async () => {
    await fake.config({ renderMs: 100 });
    const u = newUser();
    const seen: string[] = [];
    const record = async (res: Response) => {
      const body = new TextDecoder().decode(await res.clone().arrayBuffer());
      const headers: string[] = [];
      res.headers.forEach((v, k) => {
        headers.push(`${k}: ${v}`);
      });
      seen.push(headers.join("\n"), body);
    };
    const p = await createProject(u);
    for (const scenario of ["text", "partial", "silent-edit", "gui", "error-code", "drop-edit"]) {
      const r = await chat(u, p.id, `[scenario:${scenario}] hi`);
      seen.push(r.raw);
    }
    for (const path of ["/api/me", "/api/credits", `/api/projects/${p.id}`, "/api/projects", "/api/keys"]) {
      await record(await u(path));
    }
    const exp = await u.json(`/api/projects/${p.id}/exports`, {});
    seen.push(JSON.stringify(exp.body));
    await waitFor(async () => (await u.json(`/api/exports/${exp.body.id}`)).body.status === "completed");
    await record(await u(`/api/exports/${exp.body.id}`));
    await record(await u(`/api/exports/${exp.body.id}/download`));
    await fake.fault({ endpoint: "credits", code: 1001 });
    await record(await u("/api/credits"));

    const { tokens, tokensInUrls } = await fake.inspect();
    expect(tokens.length).toBeGreaterThan(0);
    const everything = seen.join("\n");
    for (const t of tokens) {
      expect(everything).not.toContain(t.token);
      expect(everything).not.toContain(t.token.slice(8));
    }
    expect(everything).not.toMatch(/nmv_usr_/);
    expect(tokensInUrls).toEqual([]);
  });
});
