// Export webhooks: signed with the starting key's own secret, retried with backoff for a day from the alarm, logged,
// refused for addresses the import rules refuse, and stopped when the key is revoked.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hmacHex } from "../../core/hmac.ts";
import { ATTEMPT_AT_S } from "../../durable/webhook.ts";
import {
  type Client,
  createProject,
  fake,
  finished,
  keyUser,
  newUser,
  readyProject,
  waitFor,
} from "./helpers.ts";
import { userStub } from "./upload-helpers.ts";

beforeEach(() => fake.reset());
afterEach(() => vi.restoreAllMocks());

const HOOK = "https://hooks.example.com/reelsmith";

interface Received {
  headers: Headers;
  body: string;
}

/** A receiver at HOOK answering each delivery with the next status of `answers` (the last one repeats). */
function receiver(answers: number[]) {
  const got: Received[] = [];
  const real = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const req = new Request(input as RequestInfo, init);
    if (req.url !== HOOK) return real(input as RequestInfo, init);
    got.push({ headers: req.headers, body: await req.text() });
    const status = answers[Math.min(got.length - 1, answers.length - 1)];
    return new Response(
      null,
      status >= 300 && status < 400 ? { status, headers: { Location: "https://x.example/" } } : { status },
    );
  });
  return got;
}

const deliveries = async (c: Client, exportId?: string) =>
  (await c.json(`/api/webhooks/deliveries${exportId ? `?exportId=${exportId}` : ""}`)).body
    .deliveries as any[];

/** The user's DO id, for running its alarm. */
async function stubOf(c: Client) {
  return userStub((await c.json("/api/me")).body.userId);
}

/** Makes every pending delivery due now and runs the alarm once. */
async function runDueDeliveries(c: Client) {
  const stub = await stubOf(c);
  await runInDurableObject(stub, (_, state) => {
    state.storage.sql.exec(`UPDATE jobs SET due_at = 0 WHERE kind = 'deliver-webhook'`);
  });
  await runDurableObjectAlarm(stub);
}

async function exportWithHook(c: Client) {
  const p = await readyProject(c);
  const started = await c.json(`/api/projects/${p.id}/exports`, { callbackUrl: HOOK });
  expect(started.status).toBe(202);
  return { project: p, exp: await finished(c, started.body.id) };
}

describe("export webhooks", () => {
  it("signs each delivery over timestamp and body with the starting key's own webhook secret", async () => {
    await fake.config({ renderMs: 50 });
    const got = receiver([200]);
    const { client, webhookSecret } = await keyUser();
    const other = await keyUser("another");
    const { exp } = await exportWithHook(client);
    const [d] = await waitFor(async () => {
      const list = await deliveries(client, exp.id);
      return list[0]?.status === "delivered" ? list : null;
    });
    expect(d).toMatchObject({
      exportId: exp.id,
      event: "export.completed",
      url: HOOK,
      attempts: 1,
      lastStatus: 200,
    });

    expect(got).toHaveLength(1);
    const { headers, body } = got[0];
    expect(headers.get("X-Reelsmith-Event")).toBe("export.completed");
    expect(headers.get("X-Reelsmith-Delivery")).toBe(d.id);
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(headers.get("X-Reelsmith-Signature") ?? "");
    expect(m).not.toBeNull();
    const [, t, v1] = m!;
    expect(Math.abs(Date.now() - Number(t))).toBeLessThan(60_000);
    expect(await hmacHex(webhookSecret, `${t}.${body}`)).toBe(v1);
    // Nobody else's secret verifies it: not another key's, not the server's.
    expect(await hmacHex(other.webhookSecret, `${t}.${body}`)).not.toBe(v1);
    expect(await hmacHex(env.SECRET, `${t}.${body}`)).not.toBe(v1);
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({
      id: d.id,
      type: "export.completed",
      data: { export: { id: exp.id, status: "completed" } },
    });
  });

  it("retries a failing receiver on the backoff schedule and logs every attempt", async () => {
    await fake.config({ renderMs: 50 });
    const got = receiver([500, 503, 200]);
    const { client } = await keyUser();
    const { exp } = await exportWithHook(client);
    const first = (await waitFor(async () =>
      (await deliveries(client, exp.id)).find((d) => d.attempts === 1),
    ))!;
    expect(first).toMatchObject({ status: "pending", lastStatus: 500, lastError: "http_status" });
    expect(first.nextAttemptAt).toBe(first.createdAt + ATTEMPT_AT_S[1] * 1000);

    await runDueDeliveries(client);
    const second = (await deliveries(client, exp.id))[0];
    expect(second).toMatchObject({ status: "pending", attempts: 2, lastStatus: 503 });
    expect(second.nextAttemptAt).toBe(first.createdAt + ATTEMPT_AT_S[2] * 1000);

    await runDueDeliveries(client);
    expect((await deliveries(client, exp.id))[0]).toMatchObject({
      status: "delivered",
      attempts: 3,
      lastStatus: 200,
    });
    expect(got).toHaveLength(3);
    // The same delivery each time, newly signed.
    expect(new Set(got.map((r) => r.headers.get("X-Reelsmith-Delivery"))).size).toBe(1);
  });

  it("gives up after about a day of attempts, and never follows a redirect", async () => {
    await fake.config({ renderMs: 50 });
    const got = receiver([302]);
    const { client } = await keyUser();
    const { exp } = await exportWithHook(client);
    await waitFor(async () => (await deliveries(client, exp.id))[0]?.attempts === 1);
    for (let i = 1; i < ATTEMPT_AT_S.length; i++) await runDueDeliveries(client);
    const [d] = await deliveries(client, exp.id);
    expect(d).toMatchObject({
      status: "failed",
      attempts: ATTEMPT_AT_S.length,
      lastError: "redirect",
      nextAttemptAt: null,
    });
    expect(ATTEMPT_AT_S.at(-1)).toBeGreaterThan(23 * 3600);
    expect(ATTEMPT_AT_S.at(-1)).toBeLessThanOrEqual(24 * 3600);
    expect(got).toHaveLength(ATTEMPT_AT_S.length);
    expect(got.every((r) => r.headers.get("X-Reelsmith-Delivery") === d.id)).toBe(true);
  });

  it("stops a revoked key's pending deliveries", async () => {
    await fake.config({ renderMs: 50 });
    receiver([500]);
    const { client, owner, keyId } = await keyUser();
    const { exp } = await exportWithHook(client);
    await waitFor(async () => (await deliveries(client, exp.id))[0]?.attempts === 1);
    expect((await owner.json(`/api/keys/${keyId}`, undefined, { method: "DELETE" })).status).toBe(200);
    const [d] = await deliveries(owner, exp.id);
    expect(d).toMatchObject({ status: "failed", lastError: "key_revoked", nextAttemptAt: null });
  });

  it("tells how a failed export ended, in the catalogue's words", async () => {
    await fake.config({ renderMs: 50 });
    await fake.renderPlan({ error: "x264 [error]: malloc failed" });
    const got = receiver([200]);
    const { client } = await keyUser();
    const { exp } = await exportWithHook(client);
    expect(exp.status).toBe("failed");
    await waitFor(async () => got.length === 1);
    expect(got[0].headers.get("X-Reelsmith-Event")).toBe("export.failed");
    expect(JSON.parse(got[0].body).data.export.error).toMatchObject({
      code: "render_failed",
      message: "The export failed.",
    });
    expect(got[0].body).not.toMatch(/x264|malloc/);
  });
});

describe("callback addresses", () => {
  it("need an API key, whose secret signs them", async () => {
    const u = newUser();
    const p = await createProject(u);
    const res = await u.json(`/api/projects/${p.id}/exports`, { callbackUrl: HOOK });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "callback_needs_key", action: { kind: "use-api-key" } });
  });

  it.each([
    ["http://hooks.example.com/x", "not_https"],
    ["https://10.1.2.3/hook", "ip_literal"],
    ["https://2130706433/hook", "ip_literal"],
    ["https://017700000001/hook", "ip_literal"],
    ["https://0177.0.0.1/hook", "ip_literal"],
    ["https://0x7f000001/hook", "ip_literal"],
    ["https://0x7f.1/hook", "ip_literal"],
    ["https://127.1/hook", "ip_literal"],
    ["https://[::ffff:127.0.0.1]/hook", "ip_literal"],
    ["https://[::ffff:7f00:1]/hook", "ip_literal"],
    ["https://[0:0:0:0:0:ffff:169.254.169.254]/hook", "ip_literal"],
    ["https://[::]/hook", "ip_literal"],
    ["https://%31%32%37.0.0.1/hook", "ip_literal"],
    ["https://localhost/hook", "local_host"],
    ["https://hooks.example.com.localhost/hook", "local_host"],
    ["https://10.1.2.3.nip.io/hook", "local_host"],
    ["https://metadata.google.internal/", "metadata_host"],
    ["https://user:pw@hooks.example.com/x", "credentials"],
  ])("refuses %s (%s)", async (callbackUrl, reason) => {
    const { client } = await keyUser();
    const p = await createProject(client);
    const res = await client.json(`/api/projects/${p.id}/exports`, { callbackUrl });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "url_refused", reason });
  });
});
