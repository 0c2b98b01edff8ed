// URL imports: every refused address class, redirects re-checked per hop, size caps, sniffing.
import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createProject, fake, newUser } from "./helpers.ts";
import {
  type Bytes,
  jpegBytes,
  lastUploadUrl,
  mp4Bytes,
  pngBytes,
  serveRemote,
  settled,
  sha256,
  storedBytes,
  userIdOf,
} from "./upload-helpers.ts";

beforeEach(() => fake.reset());
afterEach(() => vi.restoreAllMocks());

const REMOTE = "https://media.example.com";
const file =
  (bytes: Bytes, headers: Record<string, string> = {}) =>
  () =>
    new Response(bytes, { headers: { "Content-Length": String(bytes.length), ...headers } });
const redirect = (to: string) => () => new Response(null, { status: 302, headers: { Location: to } });

async function importUrl(url: string) {
  const u = newUser();
  const p = await createProject(u);
  return { u, ...(await u.json(`/api/projects/${p.id}/imports`, { url })) };
}

describe("refused import addresses", () => {
  it.each([
    ["not_https", "http://media.example.com/a.mp4"],
    ["not_https", "ftp://media.example.com/a.mp4"],
    ["not_https", "file:///etc/passwd"],
    ["not_https", "javascript:alert(1)"],
    ["credentials", "https://user:pass@media.example.com/a.mp4"],
    ["credentials", "https://token@media.example.com/a.mp4"],
    ["ip_literal", "https://127.0.0.1/a.mp4"],
    ["ip_literal", "https://2130706433/a.mp4"],
    ["ip_literal", "https://0x7f.0.0.1/a.mp4"],
    ["ip_literal", "https://10.0.0.8/a.mp4"],
    ["ip_literal", "https://192.168.1.1/a.mp4"],
    ["ip_literal", "https://169.254.169.254/latest/meta-data/"],
    ["ip_literal", "https://8.8.8.8/a.mp4"],
    ["ip_literal", "https://[::1]/a.mp4"],
    ["ip_literal", "https://[::ffff:127.0.0.1]/a.mp4"],
    ["ip_literal", "https://[fe80::1]/a.mp4"],
    ["local_host", "https://localhost/a.mp4"],
    ["local_host", "https://LOCALHOST./a.mp4"],
    ["local_host", "https://api.localhost/a.mp4"],
    ["local_host", "https://intranet/a.mp4"],
    ["local_host", "https://nas.local/a.mp4"],
    ["local_host", "https://build.corp/a.mp4"],
    ["local_host", "https://router.home.arpa/a.mp4"],
    ["local_host", "https://127.0.0.1.nip.io/a.mp4"],
    ["local_host", "https://lvh.me/a.mp4"],
    ["metadata_host", "https://metadata.google.internal/computeMetadata/v1/"],
    ["metadata_host", "https://metadata.tencentyun.com/latest/meta-data/"],
    ["invalid", "not a url"],
  ])("%s: %s", async (reason, url) => {
    const spy = serveRemote({});
    const res = await importUrl(url);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "url_refused", reason });
    expect(spy).not.toHaveBeenCalled();
  });

  it("refuses the configured upstream's own (local) address", async () => {
    const res = await importUrl(`${env.UPSTREAM_URL}/cdn/x/a.mp4`);
    expect(res.body.error.code).toBe("url_refused");
  });

  it("re-checks every redirect hop before contacting it", async () => {
    for (const [to, reason] of [
      ["http://media.example.com/plain.mp4", "not_https"],
      ["https://169.254.169.254/latest/meta-data/", "ip_literal"],
      ["https://metadata.google.internal/", "metadata_host"],
      ["https://localhost:8790/cdn/a.mp4", "local_host"],
    ]) {
      const spy = serveRemote({ [`${REMOTE}/go.mp4`]: redirect(to) });
      const res = await importUrl(`${REMOTE}/go.mp4`);
      expect(res.body.error).toMatchObject({ code: "url_refused", reason });
      expect(spy.mock.calls.map(([input]) => new Request(input as RequestInfo).url)).not.toContain(to);
      spy.mockRestore();
    }
  });

  it("stops after five redirects", async () => {
    serveRemote({ [`${REMOTE}/loop.mp4`]: redirect(`${REMOTE}/loop.mp4`) });
    const res = await importUrl(`${REMOTE}/loop.mp4`);
    expect(res.body.error).toMatchObject({ code: "url_refused", reason: "too_many_redirects" });
  });
});

describe("import caps and content", () => {
  it("refuses oversize, unknown-length, empty and failing answers before storing anything", async () => {
    const huge = () => new Response("x", { headers: { "Content-Length": String(500 * 1024 * 1024 + 1) } });
    const chunked = () => new Response(new Blob([mp4Bytes(100)]).stream());
    serveRemote({
      [`${REMOTE}/huge.mp4`]: huge,
      [`${REMOTE}/chunked.mp4`]: chunked,
      [`${REMOTE}/empty.mp4`]: file(new Uint8Array(0)),
      [`${REMOTE}/gone.mp4`]: () => new Response("no", { status: 404 }),
    });
    expect((await importUrl(`${REMOTE}/huge.mp4`)).body.error.code).toBe("payload_too_large");
    expect((await importUrl(`${REMOTE}/chunked.mp4`)).body.error.code).toBe("import_failed");
    expect((await importUrl(`${REMOTE}/empty.mp4`)).body.error.code).toBe("empty_file");
    const gone = await importUrl(`${REMOTE}/gone.mp4`);
    expect(gone.status).toBe(502);
    expect(gone.body.error).toMatchObject({ code: "import_failed", status: 404 });
  });

  it("imports a public file through a redirect into R2 and hands the upstream a signed link", async () => {
    const data = mp4Bytes(300_000, 21);
    serveRemote({
      [`${REMOTE}/share/beach`]: redirect("/files/beach.mp4"),
      [`${REMOTE}/files/beach.mp4`]: file(data),
    });
    const res = await importUrl(`${REMOTE}/share/beach`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: "url", state: "sent", size: data.length, type: { ext: "mp4" } });
    expect((await settled(res.u, res.body.id)).body).toMatchObject({ state: "ready" });
    expect(await sha256((await storedBytes(await userIdOf(res.u), res.body.id))!)).toBe(await sha256(data));
    expect(lastUploadUrl((await fake.inspect()).requests)).toContain(
      `/api/media/${await userIdOf(res.u)}/${res.body.id}.mp4?`,
    );
  });

  it("judges imported bytes like uploaded ones: another kind is refused, the same kind keeps its true type", async () => {
    serveRemote({ [`${REMOTE}/clip.mp4`]: file(pngBytes()), [`${REMOTE}/pic.png`]: file(jpegBytes()) });
    const renamed = await importUrl(`${REMOTE}/clip.mp4`);
    expect(renamed.status).toBe(415);
    expect(renamed.body.error).toMatchObject({ code: "renamed_file", detected: "png" });
    const pic = await importUrl(`${REMOTE}/pic.png`);
    expect(pic.body).toMatchObject({ state: "sent", type: { ext: "jpg", kind: "image" } });
    expect((await settled(pic.u, pic.body.id)).body.state).toBe("ready");
  });
});
