// One contract suite for anything that claims to be the upstream (the fake, the engine): docs/upstream.md over plain HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AnonymousToken,
  Claim,
  Credits,
  Headers,
  Paths,
  SessionState,
  UploadResult,
  UpstreamCode,
} from "../../core/contract.ts";
import { isReady, readDraft } from "../../core/draft.ts";
import { type Api, dataOf, eventsOf, newRenderId, textOf, upstreamApi } from "./http.ts";
import { type FileServer, filesForm, imageSize, png, serveFiles } from "./media.ts";

/** An upstream implementation started for the suite, with what it can do beyond the core contract. */
export interface UpstreamUnderTest {
  url: string;
  close(): Promise<void>;
  /** the upload limit in force for this run; without it the 4002 test is skipped (500 MB is too much to send) */
  uploadLimitBytes?: number;
  /** longest wait for a render to finish; default 120 s (the engine renders with ffmpeg) */
  renderTimeoutMs?: number;
  /** pause between render polls; default 250 ms */
  renderPollMs?: number;
  /** a message that makes the agent edit the draft; default `Add the title "Contract"` */
  editMessage?: string;
  /** switches the render poll answer shape, for implementations that can emit both */
  selectPollShape?(shape: "A" | "B"): Promise<void>;
}

const STATUS_ORDER = ["pending", "processing", "completed"];
const PHOTO = { bytes: png(64, 48), type: "image/png" };
const WIDE = { bytes: png(96, 54, [200, 80, 40]), type: "image/png" };

/** A short draft the implementation can render: the uploaded photo under a title. */
const renderableDraft = (imageUrl: string) => ({
  t: [
    { tt: 0, n: "Video", sg: [{ s: 0, d: 2000, k: "image", src: imageUrl, n: "photo" }] },
    { tt: 7, n: "Title", sg: [{ s: 0, d: 2000, k: "text", role: "title", tx: "Contract" }] },
  ],
  d: 2000,
  m: { title: "Contract", width: 360, height: 640, fps: 30 },
});

/** A render's poster: served as a real JPEG or PNG in the video's aspect. */
async function expectCover(url: string | undefined, video: { width: number; height: number }) {
  expect(url).toMatch(/^https?:\/\//);
  const res = await fetch(url as string);
  expect(res.headers.get("content-type")).toMatch(/^image\/(jpeg|png)$/);
  const { width, height } = imageSize(Buffer.from(await res.arrayBuffer()));
  expect(Math.abs(width / height - video.width / video.height)).toBeLessThan(0.02);
}

export function describeUpstreamContract(name: string, start: () => Promise<UpstreamUnderTest>): void {
  describe(`upstream contract: ${name}`, () => {
    let sut: UpstreamUnderTest;
    let api: Api;
    let files: FileServer;
    const clientId = crypto.randomUUID();
    let issued: AnonymousToken;
    let token: string;

    beforeAll(async () => {
      sut = await start();
      api = upstreamApi(sut.url);
      files = await serveFiles({ "photo.png": PHOTO });
      issued = await api.token(clientId);
      token = issued.token;
    });
    afterAll(async () => {
      await Promise.all([sut?.close(), files?.close()]);
    });

    const stateOf = async (sessionId: string) =>
      dataOf(await api.call("GET", Paths.state(sessionId), { token }), SessionState);
    const uploadPhoto = async (sessionId: string) =>
      dataOf(
        await api.call("POST", Paths.upload(sessionId), { token, form: filesForm({ "photo.png": PHOTO }) }),
        UploadResult,
      ).files[0];

    const waitForRender = (id: string) =>
      api.waitForRender(token, id, { timeoutMs: sut.renderTimeoutMs, pollMs: sut.renderPollMs });
    const submitRender = (id: string, sessionId: string, draft: unknown, attribution = true) =>
      api.render(token, { id, sessionId, draft }, attribution);

    describe("anonymous token", () => {
      it("issues an nmv_usr_ token for an anon_ user with 100 credits, valid 7 days", () => {
        expect(issued.token).toMatch(/^nmv_usr_/);
        expect(issued.user_id).toMatch(/^anon_/);
        expect(issued.credits).toBe(100);
        const days = (Date.parse(issued.expires_at) - Date.now()) / 86_400_000;
        expect(days).toBeGreaterThan(6.9);
        expect(days).toBeLessThanOrEqual(7.01);
      });

      it("answers 400 without X-Client-Id", async () => {
        const answer = await api.call("POST", Paths.anonymousToken);
        expect(answer.status).toBe(400);
        expect(answer.envelope).toMatchObject({ ok: false, code: UpstreamCode.MissingClientId });
      });

      it("answers 429 when the same client id asks again within 7 days", async () => {
        const answer = await api.call("POST", Paths.anonymousToken, {
          headers: { [Headers.clientId]: clientId },
        });
        expect(answer.envelope).toMatchObject({ ok: false, code: UpstreamCode.RateLimited });
      });

      it("answers 1001 to an unknown token", async () => {
        const bogus = "nmv_usr_0000000000000000";
        for (const path of [Paths.credits, Paths.state("1234567890123456789")]) {
          const answer = await api.call("GET", path, { token: bogus });
          expect(answer.envelope).toMatchObject({ ok: false, code: UpstreamCode.TokenInvalid });
        }
      });
    });

    describe("sessions, claim links, credits, state", () => {
      it("creates a session with a long numeric session_id and a task_id", async () => {
        const s = await api.session(token);
        expect(s.session_id).toMatch(/^\d{10,}$/);
        expect(s.task_id).not.toBe("");
        if (s.user_id !== undefined) expect(s.user_id).toBe(issued.user_id);
      });

      it("issues a clm_ claim token for a session, and 1002 for an unknown one", async () => {
        const s = await api.session(token);
        const claim = dataOf(
          await api.call("POST", Paths.claimToken, {
            token,
            json: { task_id: s.task_id, session_id: s.session_id },
          }),
          Claim,
        );
        expect(claim.claim_token).toMatch(/^clm_/);
        expect(claim.expires_in).toBe(604_800);
        const unknown = await api.call("POST", Paths.claimToken, {
          token,
          json: { task_id: s.task_id, session_id: "9999999999999999999" },
        });
        expect(unknown.envelope).toMatchObject({ ok: false, code: UpstreamCode.SessionNotFound });
      });

      it("answers credits as available, frozen and total", async () => {
        const credits = dataOf(await api.call("GET", Paths.credits, { token }), Credits);
        expect(credits.available).toBeGreaterThanOrEqual(0);
        expect(credits.frozen).toBeGreaterThanOrEqual(0);
        expect(credits.total).toBeGreaterThanOrEqual(credits.available);
      });

      it("reads a fresh session's state: ids, task name and a draft that is not ready", async () => {
        const s = await api.session(token);
        const state = await stateOf(s.session_id);
        expect(state.session_id).toBe(s.session_id);
        expect(state.task_id).toBe(s.task_id);
        expect(state.task_name).toBe("project");
        expect(isReady(readDraft(state.state.draft))).toBe(false);
      });

      it("answers 1002 for an unknown session on state and upload", async () => {
        const sid = "9999999999999999999";
        const state = await api.call("GET", Paths.state(sid), { token });
        expect(state.envelope).toMatchObject({ ok: false, code: UpstreamCode.SessionNotFound });
        const upload = await api.call("POST", Paths.upload(sid), {
          token,
          form: filesForm({ "photo.png": PHOTO }),
        });
        expect(upload.envelope).toMatchObject({ ok: false, code: UpstreamCode.SessionNotFound });
      });
    });

    describe("chat (/run_sse)", () => {
      it("answers an unknown session with HTTP 404 and the detail, before streaming", async () => {
        const { res } = await api.chat(token, "9999999999999999999", "hello");
        expect(res.status).toBe(404);
        expect(res.headers.get("content-type")).toContain("json");
      });

      it("streams ADK events as bare data: lines, camelCase, and closes by itself", async () => {
        const s = await api.session(token);
        const { res, stream } = await api.chat(token, s.session_id, "Hello! What can you do?");
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain("text/event-stream");
        expect(stream.end).toBe("closed");
        for (const m of stream.messages)
          expect({ event: m.event, id: m.id }).toEqual({ event: undefined, id: undefined });
        expect(stream.items.map((i) => i.kind)).not.toContain("unknown");
        expect(stream.items.map((i) => i.kind)).not.toContain("error");
        const events = eventsOf(stream);
        expect(events.length).toBeGreaterThan(0);
        for (const e of events) {
          expect(e.author).toBeTruthy();
          expect(e.invocationId).toBeTruthy();
          expect(e).not.toHaveProperty("invocation_id");
        }
        // Partial chunks are followed by one event carrying the whole text.
        const partial = events
          .filter((e) => e.partial)
          .map(textOf)
          .join("");
        const whole = events.filter((e) => !e.partial && textOf(e) !== "").map(textOf);
        expect(whole.length).toBeGreaterThan(0);
        if (partial !== "") expect(whole).toContain(partial);
      });

      it("reports an edit as functionCall + functionResponse events and the state shows the new draft", async () => {
        const s = await api.session(token);
        await uploadPhoto(s.session_id);
        const before = JSON.stringify((await stateOf(s.session_id)).state.draft);
        const { stream } = await api.chat(token, s.session_id, sut.editMessage ?? 'Add the title "Contract"');
        const parts = eventsOf(stream).flatMap((e) =>
          (e.content?.parts ?? []).map((p) => ({ role: e.content?.role, p })),
        );
        const call = parts.find((x) => x.p.functionCall)?.p.functionCall;
        const response = parts.find((x) => x.p.functionResponse);
        expect(call?.name).toBeTruthy();
        expect(response?.role).toBe("user");
        expect(response?.p.functionResponse?.name).toBe(call?.name);
        const after = (await stateOf(s.session_id)).state.draft;
        expect(JSON.stringify(after)).not.toBe(before);
        expect(isReady(readDraft(after))).toBe(true);
      });
    });

    describe("uploads", () => {
      it("takes multipart `files` and answers metadata and cdn_urls serving the same bytes", async () => {
        const s = await api.session(token);
        const form = filesForm({ "photo.png": PHOTO, "wide.png": WIDE });
        const result = dataOf(
          await api.call("POST", Paths.upload(s.session_id), { token, form }),
          UploadResult,
        );
        expect(result.session_state_applied).toBe(true);
        expect(result.files.map((f) => [f.filename, f.file_type, f.width, f.height])).toEqual([
          ["photo.png", "image", 64, 48],
          ["wide.png", "image", 96, 54],
        ]);
        for (const [f, sent] of [
          [result.files[0], PHOTO],
          [result.files[1], WIDE],
        ] as const) {
          expect(f.hash).toBeTruthy();
          const served = new Uint8Array(await (await fetch(f.cdn_url)).arrayBuffer());
          expect(Buffer.from(served).equals(Buffer.from(sent.bytes))).toBe(true);
        }
      });

      it("takes URLs as JSON and answers file entries with a cdn_url", async () => {
        const s = await api.session(token);
        const json = { urls: [files.url("photo.png")], source_type: "url" };
        const result = dataOf(
          await api.call("POST", Paths.upload(s.session_id), { token, json }),
          UploadResult,
        );
        expect(result.files).toHaveLength(1);
        expect(result.files[0]).toMatchObject({ filename: "photo.png", file_type: "image" });
        expect((await fetch(result.files[0].cdn_url)).status).toBe(200);
      });

      it("refuses an unsupported file type with 4001", async () => {
        const s = await api.session(token);
        const form = filesForm({
          "notes.txt": { bytes: new TextEncoder().encode("hello"), type: "text/plain" },
        });
        const answer = await api.call("POST", Paths.upload(s.session_id), { token, form });
        expect(answer.envelope).toMatchObject({ ok: false, code: UpstreamCode.UnsupportedFile });
      });

      it("refuses a file over the size limit with 4002", async (ctx) => {
        if (sut.uploadLimitBytes === undefined) return ctx.skip();
        const s = await api.session(token);
        const big = { bytes: new Uint8Array(sut.uploadLimitBytes + 1), type: "video/mp4" };
        const answer = await api.call("POST", Paths.upload(s.session_id), {
          token,
          form: filesForm({ "big.mp4": big }),
        });
        expect(answer.envelope).toMatchObject({ ok: false, code: UpstreamCode.FileTooLarge });
      });
    });

    describe("render", () => {
      let sessionId: string;
      let draft: ReturnType<typeof renderableDraft>;
      beforeAll(async () => {
        sessionId = (await api.session(token)).session_id;
        draft = renderableDraft((await uploadPhoto(sessionId)).cdn_url);
      });

      it("renders to completion (in every poll shape offered) and serves the file at the output url and download", async () => {
        for (const shape of sut.selectPollShape ? (["A", "B"] as const) : [undefined]) {
          if (shape) await sut.selectPollShape?.(shape);
          const id = newRenderId();
          const submitted = await submitRender(id, sessionId, draft);
          expect(submitted.envelope.ok, JSON.stringify(submitted.body)).toBe(true);
          const { final, seen } = await waitForRender(id);
          expect(final).toMatchObject({ id, status: "completed", progress: 100 });
          const order = seen.map((p) => STATUS_ORDER.indexOf(p.status));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          const progress = seen.map((p) => p.progress);
          expect(progress).toEqual([...progress].sort((a, b) => a - b));
          expect(final.url).toMatch(/^https?:\/\//);
          const output = new Uint8Array(await (await fetch(final.url as string)).arrayBuffer());
          expect(output.length).toBeGreaterThan(0);
          if (final.size !== undefined) expect(output.length).toBe(final.size);
          const download = await api.send("GET", Paths.renderDownload(id), { token });
          expect(download.status).toBe(200);
          expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(output))).toBe(true);
          await expectCover(final.coverUrl, draft.m);
        }
      });

      it("refuses a duplicate render id", async () => {
        const id = newRenderId();
        expect((await submitRender(id, sessionId, draft)).envelope.ok).toBe(true);
        const again = await submitRender(id, sessionId, draft);
        expect(again.envelope.ok).toBe(false);
        expect(again.status).toBeGreaterThanOrEqual(400);
        await waitForRender(id);
      });

      it("answers HTTP 402 to a render without the attribution headers", async () => {
        const answer = await submitRender(newRenderId(), sessionId, draft, false);
        expect(answer.status).toBe(402);
        expect(answer.envelope.ok).toBe(false);
      });

      it("cancels a running render, which then ends", async () => {
        const id = newRenderId();
        expect((await submitRender(id, sessionId, draft)).envelope.ok).toBe(true);
        const cancel = await api.call("POST", Paths.renderCancel(id), { token });
        const { final } = await waitForRender(id);
        // A render may finish before the cancel lands; then the cancel is refused.
        expect(final.status).toBe(cancel.envelope.ok ? "failed" : "completed");
      });
    });
  });
}
