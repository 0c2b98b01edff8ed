// A finished render copied from the upstream into R2: the video (its URL, else the authenticated download route)
// and, when the upstream made one, its poster.
import { Paths, type RenderProgress } from "../core/contract.ts";
import type { UpstreamClient } from "./upstream-client.ts";

/** Poster images are small; anything bigger is not a poster. */
const MAX_COVER_BYTES = 5 * 1024 * 1024;

/** A render output or poster address from the upstream: fetched without credentials; null when unreachable. */
function fetchOutput(url: string): Promise<Response | null> {
  return fetch(url).catch(() => null);
}

/** Stores the render of export `row.id` under `exports/<project>/<export>.mp4` (and `.cover`); answers the keys. */
export async function copyRenderOutput(
  media: R2Bucket,
  client: UpstreamClient,
  row: { id: string; project_id: string; render_id: string | null },
  p: RenderProgress,
): Promise<{ video: string; size: number; cover: string | null }> {
  // The output URL may be a CDN: fetch it without the token; fall back to the authenticated download route.
  let res = p.url ? await fetchOutput(p.url) : null;
  if (!res?.ok || !res.body)
    res = await client.open(Paths.renderDownload(row.render_id!), { platform: "api" });
  if (!res.ok || !res.body) throw new Error(`download answered HTTP ${res.status}`);
  const video = `exports/${row.project_id}/${row.id}.mp4`;
  const length = Number(res.headers.get("content-length"));
  const body =
    Number.isFinite(length) && length > 0
      ? res.body.pipeThrough(new FixedLengthStream(length))
      : await res.arrayBuffer();
  const obj = await media.put(video, body, { httpMetadata: { contentType: "video/mp4" } });
  const cover = p.coverUrl
    ? await copyCover(media, `exports/${row.project_id}/${row.id}.cover`, p.coverUrl)
    : null;
  return { video, size: obj.size, cover };
}

/** The poster, fetched like the video; an export without one is still complete, so failures answer null. */
async function copyCover(media: R2Bucket, key: string, url: string): Promise<string | null> {
  const res = await fetchOutput(url);
  const type = (res?.headers.get("content-type") ?? "").split(";")[0].trim();
  if (!res?.ok || !/^image\/(jpeg|png|webp)$/.test(type)) {
    await res?.body?.cancel();
    return null;
  }
  const bytes = await res.arrayBuffer();
  if (!bytes.byteLength || bytes.byteLength > MAX_COVER_BYTES) return null;
  await media.put(key, bytes, { httpMetadata: { contentType: type } });
  return key;
}
