// Expected refusals travel as typed results: a refused file next to good ones in parallel never costs them anything.
import { runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { createProject, fake, newUser } from "./helpers.ts";
import {
  jpegBytes,
  MiB,
  mp4Bytes,
  putPartJson,
  slice,
  startUpload,
  uploadFile,
  userIdOf,
  userStub,
} from "./upload-helpers.ts";

beforeEach(() => fake.reset());

/** An instance field survives only while the same object lives: a reset would lose it. */
const marked = (inst: object) => inst as { marker?: string };

describe("expected failures are answers, not exceptions", () => {
  it("answers not found, a refused file and a wrong part length as typed results", async () => {
    const u = newUser();
    const p = await createProject(u);
    const stub = userStub(await userIdOf(u));
    expect(await stub.getProject("prj_missing", "web", "en")).toEqual({
      ok: false,
      failure: { code: "not_found", ctx: {}, extra: {} },
    });
    const exe = await stub.createUpload(p.id, "u_x", { name: "setup.exe", size: 10, type: "" });
    expect(exe).toMatchObject({ ok: false, failure: { code: "unsupported_media" } });
    const plan = await stub.createUpload(p.id, await userIdOf(u), {
      name: "a.mp4",
      size: 20 * MiB,
      type: "",
    });
    if (!plan.ok) throw new Error("plan refused");
    expect(await stub.uploadPartTarget(plan.value.id, 1, 6 * MiB)).toMatchObject({
      ok: false,
      failure: { code: "part_mismatch", extra: { part: 1, expected: 8 * MiB } },
    });
  });

  it("a refused file followed at once by good files in parallel: all end right, no 5xx, same object", async () => {
    const u = newUser();
    const p = await createProject(u);
    const stub = userStub(await userIdOf(u));
    const marker = crypto.randomUUID();
    await runInDurableObject(stub, (inst) => {
      marked(inst).marker = marker;
    });
    const exe = startUpload(u, p.id, { name: "setup.exe", size: 10, type: "" });
    const notes = (async () => {
      const text = new TextEncoder().encode("shopping notes, not a photo ".repeat(80));
      const { body: plan } = await startUpload(u, p.id, {
        name: "notes.jpg",
        size: text.length,
        type: "image/jpeg",
      });
      return putPartJson(u, plan.id, 1, text);
    })();
    const short = (async () => {
      const data = mp4Bytes(20 * MiB);
      const { body: plan } = await startUpload(u, p.id, { name: "cut.mp4", size: data.length });
      return putPartJson(u, plan.id, 2, slice(data, plan, 2).subarray(0, 6 * MiB));
    })();
    const good = [1, 2, 3].map((i) =>
      uploadFile(u, p.id, jpegBytes(3000 + i), { name: `IMG_${i}.jpg`, type: "image/jpeg" }),
    );
    const [a, b, c, ...ok] = await Promise.all([exe, notes, short, ...good]);
    expect([a.status, b.status, c.status]).toEqual([415, 415, 400]);
    expect([a.body.error.code, b.body.error.code, c.body.error.code]).toEqual([
      "unsupported_media",
      "unsupported_media",
      "part_mismatch",
    ]);
    for (const g of ok) expect(g.done).toMatchObject({ status: 200, body: { state: "ready" } });
    const listed = await u.json(`/api/projects/${p.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.uploads.filter((x: { state: string }) => x.state === "ready")).toHaveLength(3);
    expect(await runInDurableObject(stub, (inst) => marked(inst).marker)).toBe(marker);
  });
});
