// Signed media links and isolation: Range, nosniff, no cookie, expiry, tampering, one user never reaching another's files.
import { env, SELF } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { purposeSecret } from "../../core/hmac.ts";
import { signMediaUrl } from "../../core/media-link.ts";
import { createProject, fake, newUser, ORIGIN } from "./helpers.ts";
import {
  type Json,
  lastUploadUrl,
  MiB,
  mp4Bytes,
  putPart,
  sha256,
  slice,
  startUpload,
  uploadFile,
  userIdOf,
} from "./upload-helpers.ts";

beforeEach(() => fake.reset());

/** A finished upload and the link the upstream got for it. */
async function uploaded(size = 3 * MiB) {
  const u = newUser();
  const p = await createProject(u);
  const data = mp4Bytes(size, 11);
  const { plan } = await uploadFile(u, p.id, data);
  return { u, p, data, id: plan.id, link: lastUploadUrl((await fake.inspect()).requests) };
}

/** The link with one query value or path piece changed. */
function tamper(link: string, edit: (url: URL) => void): string {
  const url = new URL(link);
  edit(url);
  return url.href;
}

describe("GET /api/media/:key", () => {
  it("serves the file without a cookie, with nosniff, its true type and no cookie set", async () => {
    const { data, link } = await uploaded();
    const res = await SELF.fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Type")).toBe("video/mp4");
    expect(res.headers.get("Accept-Ranges")).toBe("bytes");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await sha256(await res.arrayBuffer())).toBe(await sha256(data));
  });

  it("tells the upstream the user's file name, so the editor never shows upload ids", async () => {
    const u = newUser();
    const p = await createProject(u);
    await uploadFile(u, p.id, mp4Bytes(MiB, 3), { name: "春天 sale.mp4" });
    const res = await SELF.fetch(lastUploadUrl((await fake.inspect()).requests));
    expect(res.headers.get("Content-Disposition")).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent("春天 sale.mp4")}`,
    );
  });

  it("answers byte ranges", async () => {
    const { data, link } = await uploaded();
    const res = await SELF.fetch(link, { headers: { Range: "bytes=1000-1999" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("Content-Range")).toBe(`bytes 1000-1999/${data.length}`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(data.subarray(1000, 2000));
    const tail = await SELF.fetch(link, { headers: { Range: "bytes=-16" } });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(data.subarray(data.length - 16));
    expect((await SELF.fetch(link, { headers: { Range: `bytes=${data.length}-` } })).status).toBe(416);
  });

  it("refuses a tampered link: signature, expiry, extension, upload id, missing query", async () => {
    const { link } = await uploaded(1000);
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith("0") ? "1" : "0");
    const variants = [
      tamper(link, (u) => u.searchParams.set("sig", flip(u.searchParams.get("sig")!))),
      tamper(link, (u) => u.searchParams.set("exp", String(Number(u.searchParams.get("exp")) + 3600))),
      tamper(link, (u) => (u.pathname = u.pathname.replace(/\.mp4$/, ".mov"))),
      tamper(
        link,
        (u) => (u.pathname = u.pathname.replace(/upl_([0-9a-f])/, (_, c) => `upl_${c === "0" ? "1" : "0"}`)),
      ),
      tamper(link, (u) => (u.search = "")),
      tamper(link, (u) => (u.pathname = u.pathname.replace("/upl_", "/..%2Fupl_"))),
    ];
    for (const v of variants) {
      const res = await SELF.fetch(v);
      expect(res.status, v).toBe(403);
      expect(((await res.json()) as Json).error.code).toBe("media_link_invalid");
    }
  });

  it("refuses an expired link with its own error", async () => {
    const { u, id } = await uploaded(1000);
    const expired = await signMediaUrl(
      ORIGIN,
      { userId: await userIdOf(u), uploadId: id, ext: "mp4" },
      await purposeSecret(env.SECRET, "media-link"),
      -1,
    );
    const res = await SELF.fetch(expired);
    expect(res.status).toBe(410);
    expect(((await res.json()) as Json).error.code).toBe("media_link_expired");
    const fresh = await signMediaUrl(
      ORIGIN,
      { userId: await userIdOf(u), uploadId: id, ext: "mp4" },
      await purposeSecret(env.SECRET, "media-link"),
      60,
    );
    expect((await SELF.fetch(fresh)).status).toBe(200);
  });

  it("answers 404 for a validly signed link whose file was deleted", async () => {
    const { u, id, link } = await uploaded(1000);
    await u.json(`/api/uploads/${id}`, undefined, { method: "DELETE" });
    expect((await SELF.fetch(link)).status).toBe(404);
  });
});

describe("isolation between users", () => {
  it("another user can neither read, write, finish nor delete your upload, nor upload into your project", async () => {
    const { u: alice, p, id } = await uploaded(1000);
    const { body: open } = await startUpload(alice, p.id, { name: "open.mp4", size: 9 * MiB });
    const bob = newUser();
    await createProject(bob);
    for (const uploadId of [id, open.id]) {
      expect((await bob.json(`/api/uploads/${uploadId}`)).status).toBe(404);
      expect((await putPart(bob, uploadId, 2, mp4Bytes(MiB))).status).toBe(404);
      expect((await bob.json(`/api/uploads/${uploadId}/complete`, {})).status).toBe(404);
      expect((await bob.json(`/api/uploads/${uploadId}`, undefined, { method: "DELETE" })).status).toBe(404);
    }
    expect((await startUpload(bob, p.id, { name: "x.mp4", size: 10 })).status).toBe(404);
    expect((await alice.json(`/api/uploads/${id}`)).body.state).toBe("ready");
    expect((await alice.json(`/api/uploads/${open.id}`)).body.parts).toEqual([]);
  });

  it("a user's signed link cannot be turned into a link to another user's file", async () => {
    const a = await uploaded(1000);
    const b = await uploaded(2000);
    const bobId = await userIdOf(b.u);
    const aliceId = await userIdOf(a.u);
    // Bob's signature with Alice's path, and Alice's id swapped into Bob's link.
    const crossed = [
      tamper(b.link, (u) => (u.pathname = `/api/media/${aliceId}/${a.id}.mp4`)),
      tamper(b.link, (u) => (u.pathname = u.pathname.replace(bobId, aliceId))),
    ];
    for (const link of crossed) expect((await SELF.fetch(link)).status).toBe(403);
    expect((await SELF.fetch(a.link)).status).toBe(200);
  });

  it("a part sent with another user's cookie never lands in the owner's upload", async () => {
    const alice = newUser();
    const p = await createProject(alice);
    const data = mp4Bytes(9 * MiB, 4);
    const { body: plan } = await startUpload(alice, p.id, { name: "a.mp4", size: data.length });
    const bob = newUser();
    await bob.json("/api/me");
    expect((await putPart(bob, plan.id, 1, slice(data, plan, 1))).status).toBe(404);
    expect((await alice.json(`/api/uploads/${plan.id}`)).body.parts).toEqual([]);
  });
});
