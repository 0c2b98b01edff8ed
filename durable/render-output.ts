// A finished render copied from the upstream into R2: the video (its URL, else the authenticated download route)
// and, when the upstream made one, its poster. The addresses the upstream gives are checked like a user's import.
import { Paths, type RenderProgress } from "../core/contract.ts";
import { checkPublicUrl, fetchPublic } from "../core/url-safety.ts";
import type { UpstreamClient } from "./upstream-client.ts";

/** Poster images are small; anything bigger is not a poster. */
const MAX_COVER_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const OUTPUT_TIMEOUT_MS = 10 * 60_000;
/** R2 parts for a video of unknown length: above R2's 5 MiB floor, and all but the last the same size, as R2 asks. */
const PART_BYTES = 8 * 1024 * 1024;

export interface OutputRules {
  /**
   * Origins trusted beyond the public-https rule (the Worker var OUTPUT_ORIGINS): the local engine serves its
   * renders from a loopback address, which is fetched only when configured here.
   */
  trustedOrigins: string[];
}

/**
 * A render output or poster address from the upstream, fetched without credentials when it is a public https
 * address (every redirect checked too) or on a trusted origin (not redirected); null when refused or unreachable.
 */
function fetchOutput(url: string, rules: OutputRules): Promise<Response | null> {
  const signal = AbortSignal.timeout(OUTPUT_TIMEOUT_MS);
  const trusted = URL.canParse(url) && rules.trustedOrigins.includes(new URL(url).origin);
  if (!trusted && !checkPublicUrl(url).ok) {
    console.warn(`render output address refused: ${new URL(url, "https://invalid").origin}`);
    return Promise.resolve(null);
  }
  const res = trusted
    ? fetch(url, { redirect: "manual", signal })
    : fetchPublic(url, { maxRedirects: MAX_REDIRECTS, signal });
  return res.catch(() => null);
}

/** Stores the render of export `row.id` under `exports/<project>/<export>.mp4` (and `.cover`); answers the keys. */
export async function copyRenderOutput(
  media: R2Bucket,
  client: UpstreamClient,
  row: { id: string; project_id: string; render_id: string | null },
  p: RenderProgress,
  rules: OutputRules,
): Promise<{ video: string; size: number; cover: string | null }> {
  // The output URL may be a CDN: fetch it without the token; fall back to the authenticated download route.
  let res = p.url ? await fetchOutput(p.url, rules) : null;
  if (!res?.ok || !res.body) {
    await res?.body?.cancel();
    res = await client.open(Paths.renderDownload(row.render_id!), { platform: "api" });
  }
  if (!res.ok || !res.body) throw new Error(`download answered HTTP ${res.status}`);
  const video = `exports/${row.project_id}/${row.id}.mp4`;
  const length = Number(res.headers.get("content-length"));
  const httpMetadata = { contentType: "video/mp4" };
  const size =
    Number.isFinite(length) && length > 0
      ? (await media.put(video, res.body.pipeThrough(new FixedLengthStream(length)), { httpMetadata })).size
      : await putInParts(media, video, res.body, httpMetadata);
  const cover = p.coverUrl
    ? await copyCover(media, `exports/${row.project_id}/${row.id}.cover`, p.coverUrl, rules)
    : null;
  return { video, size, cover };
}

/**
 * Stores a body of unknown length (no Content-Length) in R2 parts of PART_BYTES, so at most one part is held in
 * the Worker's 128 MB at a time, whatever the video's size; a body under one part is one plain put. Answers the size.
 */
async function putInParts(
  media: R2Bucket,
  key: string,
  body: ReadableStream<Uint8Array>,
  httpMetadata: R2HTTPMetadata,
): Promise<number> {
  const reader = body.getReader();
  let upload: R2MultipartUpload | null = null;
  const parts: R2UploadedPart[] = [];
  let part = new Uint8Array(PART_BYTES);
  let filled = 0;
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      for (let at = 0; value && at < value.length; ) {
        const n = Math.min(PART_BYTES - filled, value.length - at);
        part.set(value.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === PART_BYTES) {
          upload ??= await media.createMultipartUpload(key, { httpMetadata });
          parts.push(await upload.uploadPart(parts.length + 1, part));
          part = new Uint8Array(PART_BYTES);
          filled = 0;
        }
      }
      if (value) size += value.length;
      if (done) break;
    }
    if (!upload) {
      await media.put(key, part.subarray(0, filled), { httpMetadata });
      return size;
    }
    if (filled) parts.push(await upload.uploadPart(parts.length + 1, part.subarray(0, filled)));
    await upload.complete(parts);
    return size;
  } catch (e) {
    await upload?.abort().catch(() => undefined);
    throw e;
  }
}

/** The poster, fetched like the video; an export without one is still complete, so failures answer null. */
async function copyCover(
  media: R2Bucket,
  key: string,
  url: string,
  rules: OutputRules,
): Promise<string | null> {
  const res = await fetchOutput(url, rules);
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
