// The fake upstream's control API: queued faults on every endpoint, tokens and clock, render plans, inspect, reset.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  Headers,
  Paths,
  readRenderPoll,
  runSseBody,
  SessionState,
  UpstreamCode,
} from "../../core/contract.ts";
import { Endpoint } from "../fake-upstream/control-schema.ts";
import { type FakeUpstream, startFakeUpstream } from "../fake-upstream/server.ts";
import { type Answer, type Api, dataOf, newRenderId, upstreamApi } from "./http.ts";
import { filesForm, png } from "./media.ts";

const CODES = [1001, 1002, 2001, 4001, 4002, 400, 402, 429];
const DAY_MS = 86_400_000;
const READY_DRAFT = { t: [{ tt: 0, sg: [{ s: 0, d: 1000, k: "color" }] }], d: 1000, m: {} };

describe("fake upstream controls", () => {
  let fake: FakeUpstream;
  let api: Api;
  let clientId: string;
  let token: string;
  let sid: string;
  let taskId: string;

  beforeAll(async () => {
    fake = await startFakeUpstream({ config: { renderMs: 200 } });
    api = upstreamApi(fake.url);
  });
  afterAll(() => fake.close());
  beforeEach(async () => {
    await fake.control.reset();
    clientId = randomUUID();
    token = (await api.token(clientId)).token;
    ({ session_id: sid, task_id: taskId } = await api.session(token));
  });

  const submit = (id = newRenderId(), draft: unknown = READY_DRAFT) =>
    api.render(token, { id, sessionId: sid, draft });
  const poll = async (id: string) => (await api.call("GET", Paths.renderPoll(id), { token })).body;

  /** One request to each endpoint, valid except for whatever fault is queued. */
  const CALLS: Record<Endpoint, (renderId: string) => Promise<Answer>> = {
    anonymousToken: () =>
      api.call("POST", Paths.anonymousToken, { headers: { [Headers.clientId]: randomUUID() } }),
    createSession: () => api.call("POST", Paths.createSession, { token, json: {} }),
    claimToken: () =>
      api.call("POST", Paths.claimToken, { token, json: { task_id: taskId, session_id: sid } }),
    runSse: () => api.call("POST", Paths.runSse, { token, json: runSseBody(sid, "hi") }),
    upload: () =>
      api.call("POST", Paths.upload(sid), {
        token,
        form: filesForm({ "a.png": { bytes: png(4, 4), type: "image/png" } }),
      }),
    credits: () => api.call("GET", Paths.credits, { token }),
    state: () => api.call("GET", Paths.state(sid), { token }),
    render: () => submit(),
    renderPoll: (id) => api.call("GET", Paths.renderPoll(id), { token }),
    renderCancel: (id) => api.call("POST", Paths.renderCancel(id), { token }),
    renderDownload: (id) => api.call("GET", Paths.renderDownload(id), { token }),
  };

  for (const endpoint of Endpoint.options) {
    it(`answers every queued code on ${endpoint}`, async () => {
      for (const code of CODES) {
        const renderId = newRenderId();
        await submit(renderId);
        await fake.control.fault({ endpoint, code });
        const answer = await CALLS[endpoint](renderId);
        if (endpoint === "runSse" && code === UpstreamCode.SessionNotFound) {
          expect(answer).toMatchObject({ status: 404, body: { detail: `Session not found: ${sid}` } });
        } else {
          expect(answer.envelope, `${endpoint} ${code}`).toMatchObject({ ok: false, code });
        }
        // A refused token is dead for good; its client may then get a new one.
        if (code === UpstreamCode.TokenInvalid && endpoint !== "anonymousToken")
          token = (await api.token(clientId)).token;
      }
      expect((await fake.control.inspect()).faults).toEqual([]);
    });
  }

  it("applies a queued fault exactly N times, and only to the session it names", async () => {
    await fake.control.fault({ endpoint: "credits", code: 2001, times: 2 });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await CALLS.credits("")).envelope);
    expect(codes.map((e) => (e.ok ? 0 : e.code))).toEqual([2001, 2001, 0]);

    const other = (await api.session(token)).session_id;
    await fake.control.fault({ endpoint: "state", code: 1002, sessionId: other });
    expect((await CALLS.state("")).envelope.ok).toBe(true);
    expect((await api.call("GET", Paths.state(other), { token })).envelope).toMatchObject({ code: 1002 });
  });

  it("refuses a second token while the first is valid, and issues one once it expired (7 days)", async () => {
    expect(
      (await api.call("POST", Paths.anonymousToken, { headers: { [Headers.clientId]: clientId } })).status,
    ).toBe(429);
    await fake.control.advanceClock(7 * DAY_MS + 1);
    expect((await CALLS.credits("")).envelope).toMatchObject({ code: UpstreamCode.TokenInvalid });
    const renewed = await api.token(clientId);
    expect(renewed.token).not.toBe(token);
    token = renewed.token;
    expect((await CALLS.state("")).envelope.ok).toBe(true);
  });

  it("limits tokens per IP when configured", async () => {
    await fake.control.config({ tokensPerIp: 2 });
    await api.token();
    const third = await api.call("POST", Paths.anonymousToken, {
      headers: { [Headers.clientId]: randomUUID() },
    });
    expect(third.envelope).toMatchObject({ code: UpstreamCode.RateLimited });
  });

  it("answers the render poll in shape A by default and in the shape a render plan asks for", async () => {
    const a = newRenderId();
    await submit(a);
    expect(await poll(a)).toHaveProperty("taskId", a);
    await fake.control.renderPlan({ shape: "B" });
    const b = newRenderId();
    await submit(b);
    expect(await poll(b)).toMatchObject({ success: true, data: { id: b } });
  });

  it("fails a planned render with its error, and an empty draft's render too", async () => {
    await fake.control.renderPlan({ error: "GPU on fire", durationMs: 0 });
    const planned = newRenderId();
    await submit(planned);
    expect(readRenderPoll(await poll(planned))).toMatchObject({ status: "failed", error: "GPU on fire" });
    const empty = newRenderId();
    await submit(empty, { t: [], d: 0, m: {} });
    await fake.control.advanceClock(1000);
    expect(readRenderPoll(await poll(empty))).toMatchObject({ status: "failed", error: expect.any(String) });
  });

  it("keeps a slow render processing, and lets a retried submit succeed after a failed first one", async () => {
    await fake.control.renderPlan({ durationMs: 60_000 });
    const slow = newRenderId();
    await submit(slow);
    await fake.control.advanceClock(30_000);
    expect(readRenderPoll(await poll(slow))).toMatchObject({ status: "processing", progress: 50 });

    await fake.control.fault({ endpoint: "render", code: 500 });
    const first = await submit();
    expect(first.status).toBe(500);
    expect((await submit()).envelope.ok).toBe(true);
  });

  it("records requests with headers, and lists tokens found in URLs", async () => {
    await api.call("GET", Paths.credits, { token });
    const seen = await fake.control.inspect();
    const credits = seen.requests.find((r) => r.endpoint === "credits");
    expect(credits?.headers).toMatchObject({
      "x-skill-source": "reelsmith-contract",
      "x-skill-platform": "api",
    });
    expect(seen.tokensInUrls).toEqual([]);
    await api.call("GET", `${Paths.credits}?token=${token}`, { token });
    expect((await fake.control.inspect()).tokensInUrls).toEqual([`${Paths.credits}?token=${token}`]);
  });

  it("sets a session's draft as given, which the state endpoint then answers", async () => {
    const odd = { tracks: [{ type: 0, segments: [{ start: 0, duration: 5000 }] }] };
    await fake.control.setDraft(sid, odd);
    const state = dataOf(await CALLS.state(""), SessionState);
    expect(state.state.draft).toEqual(odd);
  });

  it("resets to a clean state and the start-up config", async () => {
    await fake.control.config({ pollShape: "B", chatCost: 7 });
    await fake.control.fault({ endpoint: "credits", code: 2001, times: 5 });
    await fake.control.reset();
    const seen = await fake.control.inspect();
    expect(seen).toMatchObject({
      requests: [],
      tokens: [],
      sessions: [],
      renders: [],
      faults: [],
      runSse: {},
    });
    expect(await fake.control.config({})).toMatchObject({ pollShape: "A", chatCost: 1, renderMs: 200 });
    expect((await CALLS.credits("")).envelope).toMatchObject({ code: UpstreamCode.TokenInvalid });
  });
});
