// Multipart uploads: byte-identical reassembly, resume, repeats, order, part lengths, sniffing, limits, names, expiry.
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { createProject, fake, newUser } from "./helpers.ts";
import {
  jpegBytes,
  lastUploadUrl,
  MiB,
  mp4Bytes,
  objectKeyOf,
  pngBytes,
  putPart,
  putPartJson,
  settled,
  sha256,
  slice,
  startUpload,
  storedBytes,
  uploadFile,
  userIdOf,
  userStub,
} from "./upload-helpers.ts";

beforeEach(() => fake.reset());

const SIZE = 2 * 8 * MiB + 12_345;

describe("multipart upload", () => {
  it("plans fixed 8 MiB parts and reassembles parts sent in parallel byte-identical", async () => {
    const u = newUser();
    const p = await createProject(u);
    const data = mp4Bytes(SIZE);
    const { plan, queued, done } = await uploadFile(u, p.id, data, { order: "parallel" });
    expect(plan).toMatchObject({ partSize: 8 * MiB, partCount: 3 });
    // complete answers at once; the editor measures the file after
    expect(queued).toMatchObject({ status: 202, body: { state: "sent" } });
    expect(done.body).toMatchObject({ state: "ready", size: SIZE, type: { ext: "mp4", kind: "video" } });
    expect(done.body.media).toEqual({ duration: 10, width: 1920, height: 1080, fps: 30 });
    const stored = await storedBytes(await userIdOf(u), plan.id);
    expect(await sha256(stored!)).toBe(await sha256(data));
  });

  it("hands the upstream an absolute signed link on the Worker's origin as a JSON URL upload", async () => {
    const u = newUser();
    const p = await createProject(u);
    const { plan } = await uploadFile(u, p.id, mp4Bytes(1000));
    const { requests } = await fake.inspect();
    const upload = requests.filter((r) => r.endpoint === "upload").at(-1)!;
    expect(upload.body).toMatchObject({ source_type: "url" });
    const url = new URL(lastUploadUrl(requests));
    expect(url.origin).toBe("https://reelsmith.test");
    expect(url.pathname).toBe(`/api/media/${await userIdOf(u)}/${plan.id}.mp4`);
    expect(url.searchParams.get("exp")).toMatch(/^\d+$/);
    expect(url.searchParams.get("sig")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("resumes after a dropped connection: GET lists the stored parts, only the missing one is sent again", async () => {
    const u = newUser();
    const p = await createProject(u);
    const data = mp4Bytes(SIZE, 7);
    const { body: plan } = await startUpload(u, p.id, { name: "long.mp4", size: SIZE });
    expect((await putPart(u, plan.id, 1, slice(data, plan, 1))).status).toBe(200);
    expect((await putPart(u, plan.id, 3, slice(data, plan, 3))).status).toBe(200);
    // Part 2 drops halfway: the body errors after 1 MiB of its 8 MiB.
    const dropping = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(slice(data, plan, 2).subarray(0, MiB));
        controller.error(new Error("connection reset"));
      },
    });
    await u(`/api/uploads/${plan.id}/parts/2`, {
      method: "PUT",
      body: dropping,
      headers: { "Content-Length": String(8 * MiB) },
    }).catch(() => null);

    // A reload: a fresh look at the upload says what is left to send.
    const state = await u.json(`/api/uploads/${plan.id}`);
    expect(state.body).toMatchObject({ state: "uploading", parts: [1, 3], partCount: 3 });
    const early = await u.json(`/api/uploads/${plan.id}/complete`, {});
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: "upload_incomplete", missing: [2] });

    expect((await putPart(u, plan.id, 2, slice(data, plan, 2))).status).toBe(200);
    expect((await u.json(`/api/uploads/${plan.id}/complete`, {})).status).toBe(202);
    expect((await settled(u, plan.id)).body.state).toBe("ready");
    expect(await sha256((await storedBytes(await userIdOf(u), plan.id))!)).toBe(await sha256(data));
  });

  it("replaces a part that is sent again", async () => {
    const u = newUser();
    const p = await createProject(u);
    const data = mp4Bytes(SIZE, 3);
    const { body: plan } = await startUpload(u, p.id, { name: "again.mp4", size: SIZE });
    const wrong = mp4Bytes(8 * MiB, 99);
    expect((await putPart(u, plan.id, 2, wrong)).status).toBe(200);
    for (const n of [1, 2, 3, 2])
      expect((await putPart(u, plan.id, n, slice(data, plan, n))).status).toBe(200);
    const state = await u.json(`/api/uploads/${plan.id}`);
    expect(state.body.parts).toEqual([1, 2, 3]);
    expect((await u.json(`/api/uploads/${plan.id}/complete`, {})).status).toBe(202);
    expect((await settled(u, plan.id)).body.state).toBe("ready");
    // completing a file the editor already has changes nothing
    expect((await u.json(`/api/uploads/${plan.id}/complete`, {})).body.state).toBe("ready");
    expect(await sha256((await storedBytes(await userIdOf(u), plan.id))!)).toBe(await sha256(data));
  });

  it("accepts parts out of order", async () => {
    const u = newUser();
    const p = await createProject(u);
    const data = mp4Bytes(SIZE, 5);
    const { plan, done } = await uploadFile(u, p.id, data, { order: [3, 1, 2] });
    expect(done.body.state).toBe("ready");
    expect(await sha256((await storedBytes(await userIdOf(u), plan.id))!)).toBe(await sha256(data));
  });

  it("refuses a part of the wrong length and part numbers outside the plan", async () => {
    const u = newUser();
    const p = await createProject(u);
    const data = mp4Bytes(SIZE);
    const { body: plan } = await startUpload(u, p.id, { name: "x.mp4", size: SIZE });
    const short = await putPartJson(u, plan.id, 1, data.subarray(0, 5 * MiB));
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: "part_mismatch", part: 1, expected: 8 * MiB });
    const long = await putPartJson(u, plan.id, 3, data.subarray(0, 12_346));
    expect(long.body.error).toMatchObject({ code: "part_mismatch", expected: 12_345 });
    for (const n of ["0", "4", "x"]) {
      const res = await u(`/api/uploads/${plan.id}/parts/${n}`, {
        method: "PUT",
        body: data.subarray(0, 10),
      });
      expect(res.status).toBe(400);
    }
    expect((await u.json(`/api/uploads/${plan.id}`)).body.parts).toEqual([]);
  });
});

describe("content sniffing", () => {
  it("refuses a PNG named .mp4 with a clear error, fails the upload and frees its storage", async () => {
    const u = newUser();
    const p = await createProject(u);
    const png = pngBytes();
    const { body: plan } = await startUpload(u, p.id, { name: "holiday.mp4", size: png.length });
    const res = await putPartJson(u, plan.id, 1, png);
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: "renamed_file", named: "mp4", detected: "png" });
    const state = await u.json(`/api/uploads/${plan.id}`);
    expect(state.body).toMatchObject({ state: "failed", error: { code: "renamed_file" } });
    expect((await putPartJson(u, plan.id, 1, png)).body.error.code).toBe("upload_closed");
    expect(await env.MEDIA.head(objectKeyOf(await userIdOf(u), plan.id))).toBeNull();
  });

  it("stores a renamed file of the same kind under its true type", async () => {
    const u = newUser();
    const p = await createProject(u);
    const { done, plan } = await uploadFile(u, p.id, jpegBytes(), { name: "photo.png", type: "image/png" });
    expect(done.body).toMatchObject({ state: "ready", type: { ext: "jpg", kind: "image" } });
    expect(lastUploadUrl((await fake.inspect()).requests)).toContain(`/${plan.id}.jpg?`);
  });

  it("refuses bytes that are no accepted format whatever the name", async () => {
    const u = newUser();
    const p = await createProject(u);
    const pdf = new TextEncoder().encode("%PDF-1.7 not a video at all");
    const { body: plan } = await startUpload(u, p.id, { name: "report.mp4", size: pdf.length });
    const res = await putPartJson(u, plan.id, 1, pdf);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media");
  });
});

describe("limits before any byte moves", () => {
  it("refuses zero bytes, oversize for the preset, and names or types outside the accepted list", async () => {
    const u = newUser();
    const xhs = await createProject(u, "xiaohongshu");
    const wx = await createProject(u, "weixin");
    const zero = await startUpload(u, xhs.id, { name: "a.mp4", size: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.error.code).toBe("empty_file");
    const big = await startUpload(u, xhs.id, { name: "a.mp4", size: 500 * MiB + 1 });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({
      code: "payload_too_large",
      hint: expect.stringContaining("500 MB"),
    });
    const wechat = await startUpload(u, wx.id, { name: "a.mp4", size: 200 * MiB + 1 });
    expect(wechat.status).toBe(413);
    expect(wechat.body.error.hint).toContain("200 MB");
    const atLimit = await startUpload(u, xhs.id, { name: "a.mp4", size: 500 * MiB });
    expect(atLimit.body).toMatchObject({ partSize: 8 * MiB, partCount: 63 });
    for (const file of [
      { name: "a.exe", size: 10, type: "" },
      { name: "noext", size: 10, type: "video/mp4" },
      { name: "a.mp4", size: 10, type: "text/html" },
    ]) {
      const res = await startUpload(u, xhs.id, file);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe("unsupported_media");
    }
    expect((await startUpload(u, xhs.id, { name: "a.mp4", size: -1 })).status).toBe(400);
  });

  it("surfaces the upstream's 4001 and 4002 as catalogue errors and fails the upload", async () => {
    const u = newUser();
    const p = await createProject(u);
    await fake.fault({ endpoint: "upload", code: 4002 });
    const tooBig = await uploadFile(u, p.id, mp4Bytes(2000));
    expect(tooBig.done.body).toMatchObject({ state: "failed", error: { code: "payload_too_large" } });
    // a refused file is not tried again, and completing it again answers why
    expect((await u.json(`/api/uploads/${tooBig.plan.id}/complete`, {})).status).toBe(413);
    await fake.fault({ endpoint: "upload", code: 4001 });
    const refused = await uploadFile(u, p.id, mp4Bytes(2000));
    expect(refused.done.body).toMatchObject({ state: "failed", error: { code: "unsupported_media" } });
    expect(refused.done.body.error.hint).toContain("mp4");
    const uploadsSeen = (await fake.inspect()).requests.filter((r) => r.endpoint === "upload");
    expect(uploadsSeen).toHaveLength(2);
  });

  it("tries again by itself when the upstream has a passing problem", async () => {
    const u = newUser();
    const p = await createProject(u);
    await fake.fault({ endpoint: "upload", code: 500, times: 2 });
    const { done } = await uploadFile(u, p.id, mp4Bytes(2000));
    expect(done.body).toMatchObject({ state: "ready" });
    expect(done.body.error).toBeUndefined();
    expect((await fake.inspect()).requests.filter((r) => r.endpoint === "upload")).toHaveLength(3);
  });

  it("keeps the file stored when the upstream stays unavailable, so complete can be tried again", async () => {
    const u = newUser();
    const p = await createProject(u);
    // one first try and four more (HAND_OFF_RETRY_MS)
    await fake.fault({ endpoint: "upload", code: 500, times: 5 });
    const first = await uploadFile(u, p.id, mp4Bytes(2000));
    expect(first.done.body).toMatchObject({ state: "stored", error: { code: "upstream_unavailable" } });
    const again = await u.json(`/api/uploads/${first.plan.id}/complete`, {});
    expect(again).toMatchObject({ status: 202, body: { state: "sent" } });
    expect(again.body.error).toBeUndefined();
    expect((await settled(u, first.plan.id)).body).toMatchObject({ state: "ready" });
  });

  it("queues again, on complete, a hand-off whose job was lost", async () => {
    const u = newUser();
    const p = await createProject(u);
    const { plan } = await uploadFile(u, p.id, mp4Bytes(2000));
    // as if the object had stopped between marking the file sent and queueing its job
    await runInDurableObject(userStub(await userIdOf(u)), (_, state) => {
      state.storage.sql.exec(`UPDATE uploads SET state = 'sent' WHERE id = ?`, plan.id);
      state.storage.sql.exec(`DELETE FROM jobs WHERE ref = ?`, plan.id);
    });
    expect((await u.json(`/api/uploads/${plan.id}/complete`, {})).status).toBe(202);
    expect((await settled(u, plan.id)).body.state).toBe("ready");
  });

  it("hands the files over in the order they were completed, and a message waits for them", async () => {
    const u = newUser();
    const p = await createProject(u);
    // the editor takes a while over each file, so the message arrives while they are still being handed over
    await fake.fault({ endpoint: "upload", code: 200, delayMs: 300, times: 3 });
    const ids: string[] = [];
    for (const name of ["a.mp4", "b.mp4", "c.mp4"]) {
      const { body: plan } = await startUpload(u, p.id, { name, size: 1500 });
      await putPart(u, plan.id, 1, mp4Bytes(1500, ids.length + 1));
      expect((await u.json(`/api/uploads/${plan.id}/complete`, {})).status).toBe(202);
      ids.push(plan.id);
    }
    // a client that does not wait for ready: the message still reaches the editor after the files
    expect((await u.json(`/api/uploads/${ids[2]}`)).body.state).toBe("sent");
    const chat = await u.json(`/api/projects/${p.id}/messages`, { text: "[scenario:edit] add music" });
    expect(chat.status).toBe(200);
    const requests = (await fake.inspect()).requests;
    const order = requests.filter((r) => r.endpoint === "upload" || r.endpoint === "runSse");
    expect(order.map((r) => r.endpoint)).toEqual(["upload", "upload", "upload", "runSse"]);
    // the editor had answered the last file before the message reached it
    expect(order[3].at - order[2].at).toBeGreaterThanOrEqual(300);
    const handed = order.slice(0, 3).map((r) => (r.body as { urls: string[] }).urls[0]);
    expect(handed.map((url) => ids.findIndex((id) => url.includes(id)))).toEqual([0, 1, 2]);
    for (const id of ids) expect((await u.json(`/api/uploads/${id}`)).body.state).toBe("ready");
  });
});

describe("names are display text", () => {
  it("keeps unicode names and reduces path traversal to the last segment; keys are ids only", async () => {
    const u = newUser();
    const p = await createProject(u);
    const userId = await userIdOf(u);
    for (const [given, shown] of [
      ["我的视频 🎬 café.mp4", "我的视频 🎬 café.mp4"],
      ["../../etc/passwd.mp4", "passwd.mp4"],
      ["..\\..\\windows\\win.ini.mov", "win.ini.mov"],
    ]) {
      const { plan, done } = await uploadFile(u, p.id, mp4Bytes(500), { name: given });
      expect(done.body).toMatchObject({ name: shown, state: "ready" });
      const listed = await env.MEDIA.list({ prefix: `uploads/${userId}/` });
      expect(listed.objects.map((o) => o.key)).toContain(objectKeyOf(userId, plan.id));
      expect(lastUploadUrl((await fake.inspect()).requests)).not.toMatch(/passwd|win\.ini|%|\.\./);
    }
    for (const o of (await env.MEDIA.list({ prefix: "uploads/" })).objects)
      expect(o.key).toMatch(/^uploads\/u_[0-9a-f]{32}\/upl_[0-9a-f]{20}$/);
    expect((await startUpload(u, p.id, { name: "../", size: 10 })).status).toBe(400);
  });
});

describe("cancelling, abandoning and deleting", () => {
  it("DELETE aborts an unfinished upload and deletes a finished one", async () => {
    const u = newUser();
    const p = await createProject(u);
    const userId = await userIdOf(u);
    const { body: plan } = await startUpload(u, p.id, { name: "a.mp4", size: SIZE });
    await putPart(u, plan.id, 1, slice(mp4Bytes(SIZE), plan, 1));
    expect((await u.json(`/api/uploads/${plan.id}`, undefined, { method: "DELETE" })).body).toEqual({
      deleted: true,
    });
    expect((await u.json(`/api/uploads/${plan.id}`)).status).toBe(404);
    const { plan: done } = await uploadFile(u, p.id, mp4Bytes(800));
    expect(await env.MEDIA.head(objectKeyOf(userId, done.id))).not.toBeNull();
    await u.json(`/api/uploads/${done.id}`, undefined, { method: "DELETE" });
    expect(await env.MEDIA.head(objectKeyOf(userId, done.id))).toBeNull();
  });

  it("aborts an upload left idle for a day, from the DO's alarm", async () => {
    const u = newUser();
    const p = await createProject(u);
    const { body: plan } = await startUpload(u, p.id, { name: "a.mp4", size: SIZE });
    await putPart(u, plan.id, 1, slice(mp4Bytes(SIZE), plan, 1));
    const stub = userStub(await userIdOf(u));
    const due = await runInDurableObject(
      stub,
      (_, state) =>
        state.storage.sql.exec<{ due_at: number }>(`SELECT due_at FROM jobs WHERE ref = ?`, plan.id).one()
          .due_at,
    );
    expect(due).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await runInDurableObject(stub, (_, state) => {
      state.storage.sql.exec(`UPDATE jobs SET due_at = 0 WHERE kind = 'expire-upload' AND ref = ?`, plan.id);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await u.json(`/api/uploads/${plan.id}`)).body).toMatchObject({
      state: "failed",
      error: { code: "upload_expired" },
    });
    const late = await putPartJson(u, plan.id, 2, slice(mp4Bytes(SIZE), plan, 2));
    expect(late.status).toBe(410);
  });

  it("lists the project's uploads in GET /api/projects/:id and frees them when the project is deleted", async () => {
    const u = newUser();
    const p = await createProject(u);
    const userId = await userIdOf(u);
    const { plan } = await uploadFile(u, p.id, pngBytes(), { name: "cover.png", type: "image/png" });
    const { body: pending } = await startUpload(u, p.id, { name: "b.mp4", size: SIZE });
    const project = await u.json(`/api/projects/${p.id}`);
    expect(project.body.uploads).toMatchObject([
      // what the upstream measured (the fake answers URL uploads of pictures with 1080×1350)
      { id: plan.id, name: "cover.png", state: "ready", media: { width: 1080, height: 1350 } },
      { id: pending.id, state: "uploading", parts: [] },
    ]);
    await u.json(`/api/projects/${p.id}`, undefined, { method: "DELETE" });
    expect(await env.MEDIA.head(objectKeyOf(userId, plan.id))).toBeNull();
    expect((await u.json(`/api/uploads/${plan.id}`)).status).toBe(404);
  });
});
