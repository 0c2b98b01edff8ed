// The chat relay end to end: SSE normalization, silent edits, GUI-speak, stalls, drops, errors, 409, JSON mode.
import { runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { say } from "../../core/say.ts";
import { chat, createProject, fake, newUser, readyProject, sleep, waitFor } from "./helpers.ts";
import { pngBytes, uploadFile, userIdOf, userStub } from "./upload-helpers.ts";

beforeEach(() => fake.reset());

const types = (events: { event: string }[]) => events.map((e) => e.event);
const texts = (events: { event: string; data: any }[]) =>
  events.filter((e) => e.event === "text").map((e) => e.data.text);

describe("streaming a reply", () => {
  it("sends SSE with the headers wrangler dev and proxies need, and ends with done", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "hello there");
    expect(r.res.status).toBe(200);
    expect(r.res.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    expect(r.res.headers.get("Cache-Control")).toBe("no-cache, no-transform");
    expect(r.res.headers.get("Content-Encoding")).toBe("identity");
    expect(texts(r.events)).toEqual([expect.stringContaining('Got it: "hello there"')]);
    expect(types(r.events).at(-1)).toBe("done");
  });

  it("shows a partially streamed reply exactly once", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:partial] make it warm");
    const shown = texts(r.events);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('Got it: "make it warm"');
  });

  it("turns GUI instructions into actions and strips them from the text", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:gui] is it ready?");
    const actions = r.events.filter((e) => e.event === "action").map((e) => e.data.action);
    expect(actions).toEqual(expect.arrayContaining(["export", "show-timeline"]));
    const shown = texts(r.events).join(" ");
    expect(shown).toContain("Your video is ready");
    expect(shown).not.toMatch(/click|open the panel/i);
  });

  it("reports a silent tool-only edit from the draft difference, in specifics", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:silent-edit] add a title");
    const statuses = r.events.filter((e) => e.event === "status").map((e) => e.data.text);
    expect(statuses).toContain("Editing the timeline…");
    const state = r.events.find((e) => e.event === "state");
    expect(state?.data.summary).toMatch(/^Timeline \(\d+ tracks?\)/);
    expect(state?.data.changes.length).toBeGreaterThan(0);
    expect(texts(r.events)[0]).toContain(state?.data.changes[0]);
  });

  it("drops a trailing 'temporary issue' after a normal reply", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:temporary-issue] hi");
    expect(texts(r.events).join(" ")).not.toMatch(/temporary issue/i);
    expect(texts(r.events)).toHaveLength(1);
  });

  it("answers in JSON when asked, with the same information", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await u.json(`/api/projects/${p.id}/messages`, { text: "[scenario:edit] add music" });
    expect(r.status).toBe(200);
    expect(r.body.intent).toBe("agent");
    expect(r.body.text).toMatch(/^Done\./);
    expect(r.body.statuses).toContain("Editing the timeline…");
    expect(r.body.state.changes.length).toBeGreaterThan(0);
  });

  it("keeps the conversation in the transcript for a reload", async () => {
    const u = newUser();
    const p = await createProject(u);
    await chat(u, p.id, "hello there");
    const got = await u.json(`/api/projects/${p.id}`);
    expect(got.body.transcript.map((t: any) => t.role)).toEqual(["user", "agent"]);
    expect(got.body.transcript[1].text).toContain("Got it");
  });
});

describe("failures", () => {
  it("says 'still working' during silence and ends a keep-alive-only stall as a timeout", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:stall] make a video");
    const notices = r.events.filter((e) => e.event === "notice").map((e) => e.data.kind);
    expect(notices).toContain("still-working");
    const err = r.events.find((e) => e.event === "error");
    expect(err?.data.code).toBe("upstream_timeout");
    expect(types(r.events).at(-1)).toBe("done");
  });

  it("recovers from a dropped stream without re-sending, reporting what changed", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:drop-edit] add a title");
    expect(r.events.filter((e) => e.event === "notice").map((e) => e.data.kind)).toContain("recovering");
    const state = r.events.find((e) => e.event === "state");
    expect(state?.data.changes.length).toBeGreaterThan(0);
    expect(r.events.find((e) => e.event === "error")).toBeUndefined();
    const inspection = await fake.inspect();
    expect(Object.values(inspection.runSse)).toEqual([1]);
  });

  it("reports a drop that changed nothing as a failure with a retry offer, after the recovery reads", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:drop] add a title");
    const err = r.events.find((e) => e.event === "error");
    expect(err?.data.code).toBe("stream_dropped");
    expect(err?.data.action).toEqual({ kind: "retry" });
    const inspection = await fake.inspect();
    expect(Object.values(inspection.runSse)).toEqual([1]);
    const stateReads = inspection.requests.filter((q) => q.endpoint === "state").length;
    expect(stateReads).toBeGreaterThanOrEqual(5);
  });

  it("relays an errorCode event and a data error as error events", async () => {
    const u = newUser();
    const p = await createProject(u);
    for (const scenario of ["error-code", "error-data"]) {
      const r = await chat(u, p.id, `[scenario:${scenario}] hi`);
      const err = r.events.find((e) => e.event === "error");
      expect(err?.data).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
        hint: expect.any(String),
      });
      expect(types(r.events).at(-1)).toBe("done");
    }
  });

  it("refuses a second message while one is running (409), never sending twice", async () => {
    const u = newUser();
    const p = await createProject(u);
    const first = chat(u, p.id, "[scenario:slow] first");
    await waitFor(async () => Object.values((await fake.inspect()).runSse).length > 0);
    const second = await u.json(`/api/projects/${p.id}/messages`, { text: "second" });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("busy");
    await first;
    expect(Object.values((await fake.inspect()).runSse)).toEqual([1]);
    const third = await u.json(`/api/projects/${p.id}/messages`, { text: "third" });
    expect(third.status).toBe(200);
  });

  it("starts a new session on 1002 and tells the user the old history is gone", async () => {
    const u = newUser();
    const p = await createProject(u);
    await chat(u, p.id, "hello");
    await fake.fault({ endpoint: "runSse", code: 1002 });
    const r = await chat(u, p.id, "hello again");
    expect(r.events.find((e) => e.event === "notice")?.data.kind).toBe("session-reset");
    expect(texts(r.events)[0]).toContain("hello again");
    const sessions = (await fake.inspect()).sessions;
    expect(sessions).toHaveLength(2);
    const got = await u.json(`/api/projects/${p.id}`);
    expect(got.body.transcript.some((t: any) => t.role === "notice")).toBe(true);
  });

  it("after 1002, says what the lost timeline was, live and in the transcript, in the user's language", async () => {
    const u = newUser();
    const p = await readyProject(u);
    const before = (await u.json(`/api/projects/${p.id}`)).body.summary as string;
    await fake.fault({ endpoint: "runSse", code: 1002 });
    const r = await chat(u, p.id, "[scenario:silent-edit] add a clip");
    const live = r.events.find((e) => e.event === "notice")?.data;
    expect(live.kind).toBe("session-reset");
    // NemoVideo cannot be given a timeline: Reelsmith keeps it and says so
    expect(live.text).toContain(`your timeline is kept: it is shown here and exports use it (${before})`);
    // The transcript keeps it as data, so a page in Chinese reads it in Chinese.
    const notice = (await u.json(`/api/projects/${p.id}`)).body.transcript.find(
      (t: any) => t.role === "notice",
    );
    expect(notice.say).toMatchObject({ notice: "session-reset", kept: "timeline" });
    expect(say(notice.say, "zh")).toContain("时间线也保留着");
  });

  it("after 1002, the page and exports keep the lost timeline until the editor makes a new one", async () => {
    const u = newUser();
    const p = await readyProject(u);
    const before = (await u.json(`/api/projects/${p.id}`)).body;
    await fake.fault({ endpoint: "runSse", code: 1002 });
    await chat(u, p.id, "[scenario:text] hello");
    const after = (await u.json(`/api/projects/${p.id}`)).body;
    expect(after).toMatchObject({ ready: true, summary: before.summary });
    // the new session was asked to take the timeline back (Reelsmith's engine can; NemoVideo, like the fake, cannot)
    const { sessions, requests } = await fake.inspect();
    const fresh = sessions.at(-1)!.sessionId;
    expect(requests.some((q) => q.method === "PUT" && q.url.includes(`/${fresh}/draft`))).toBe(true);
    await fake.config({ renderMs: 100 });
    const exp = await u.json(`/api/projects/${p.id}/exports`, {});
    expect(exp.status).toBe(202);
    await waitFor(async () => {
      const e = (await u.json(`/api/exports/${exp.body.id}`)).body;
      return e.status === "completed" ? e : null;
    });
    const rendered = (await fake.inspect()).requests.filter((q) => q.endpoint === "render").at(-1)!;
    expect(rendered.body).toMatchObject({ sessionId: fresh, draft: before.draft });
    // the editor's own next timeline takes over (the fake's edits happen to look the same: ask the object)
    const carried = async () =>
      runInDurableObject(
        userStub(await userIdOf(u)),
        (_, state) => state.storage.sql.exec(`SELECT carried_draft_json AS j FROM projects`).one().j,
      );
    expect(await carried()).not.toBeNull();
    await chat(u, p.id, "[scenario:silent-edit] add a clip");
    expect((await u.json(`/api/projects/${p.id}`)).body.ready).toBe(true);
    expect(await carried()).toBeNull();
  });

  it("hands the project's uploads to the session that replaced a lost one, so none must be uploaded again", async () => {
    const u = newUser();
    const p = await createProject(u);
    const { plan } = await uploadFile(u, p.id, pngBytes(), { name: "photo.png" });
    await chat(u, p.id, "hello");
    await fake.fault({ endpoint: "runSse", code: 1002 });
    const r = await chat(u, p.id, "use my photo");
    expect(r.events.find((e) => e.event === "notice")?.data.kind).toBe("session-reset");
    const { sessions, requests } = await fake.inspect();
    const fresh = sessions.at(-1)!.sessionId;
    // The photo reaches the new session before the message that met 1002 is sent again.
    const toFresh = requests.filter((q) => q.sessionId === fresh).map((q) => q.endpoint);
    expect(toFresh.indexOf("upload")).toBeGreaterThanOrEqual(0);
    expect(toFresh.indexOf("upload")).toBeLessThan(toFresh.lastIndexOf("runSse"));
    const upload = (await u.json(`/api/uploads/${plan.id}`)).body;
    expect(upload).toMatchObject({ state: "ready" });
    expect(upload.error).toBeUndefined();
  });

  it("answers out-of-credits with the registration link bound to the upstream user", async () => {
    const u = newUser();
    const p = await createProject(u);
    await fake.fault({ endpoint: "runSse", code: 2001 });
    const r = await u.json(`/api/projects/${p.id}/messages`, { text: "make a video" });
    expect(r.status).toBe(402);
    expect(r.body.error.code).toBe("out_of_credits");
    const upstreamUser = (await fake.inspect()).tokens[0].userId;
    expect(r.body.error.action).toEqual({
      kind: "register",
      url: `https://nemovideo.com/register?bind=${encodeURIComponent(upstreamUser)}`,
    });
  });
});

describe("the intent router answers directly", () => {
  it("credits, status and upload questions never reach the agent", async () => {
    const u = newUser();
    const p = await createProject(u);
    const credits = await u.json(`/api/projects/${p.id}/messages`, { text: "how many credits do I have?" });
    expect(credits.body.intent).toBe("credits");
    expect(credits.body.text).toMatch(/credits available/);
    const status = await u.json(`/api/projects/${p.id}/messages`, { text: "状态" });
    expect(status.body.intent).toBe("status");
    expect(status.body.state.summary).toMatch(/^Timeline/);
    const upload = await u.json(`/api/projects/${p.id}/messages`, { text: "how do I upload?" });
    expect(upload.body.actions).toContain("upload");
    expect((await fake.inspect()).runSse).toEqual({});
  });

  it("an export request on an empty project is a clear not-ready error", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await u.json(`/api/projects/${p.id}/messages`, { text: "export" });
    expect(r.body.error?.code ?? r.body.error).toBeDefined();
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("not_ready");
  });

  it("an edit that ends in an export request edits first, then starts the export", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:edit] add a title and export it as mp4");
    const kinds = types(r.events);
    expect(kinds.indexOf("state")).toBeLessThan(kinds.indexOf("export"));
    expect(kinds.slice(-1)).toEqual(["done"]);
    const started = r.events.find((e) => e.event === "export")?.data;
    expect(started).toMatchObject({
      id: expect.any(String),
      status: expect.stringMatching(/pending|processing/),
    });
    expect((await u.json(`/api/exports/${started.id}`)).status).toBe(200);
    expect(Object.values((await fake.inspect()).runSse)).toEqual([1]);
  });

  it("an edit and export on a message whose edit fails starts no export", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await chat(u, p.id, "[scenario:error-code] make it 15 seconds, then export");
    expect(types(r.events)).toContain("error");
    expect(types(r.events)).not.toContain("export");
  });

  it("a look-alike edit goes to the agent", async () => {
    const u = newUser();
    const p = await createProject(u);
    const r = await u.json(`/api/projects/${p.id}/messages`, { text: "make the export look warmer" });
    expect(r.body.intent).toBe("agent");
    await sleep(10);
    expect(Object.values((await fake.inspect()).runSse)).toEqual([1]);
  });
});
