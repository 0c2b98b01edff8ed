// A finished render copied from the upstream into R2: the video (its URL, else the authenticated download route)
// and, when the upstream made one, its poster. The addresses the upstream gives are checked like a user's import.
import { Paths, type RenderProgress } from "../core/contract.ts";
import { checkPublicUrl, fetchPublic } from "../core/url-safety.ts";
import type { UpstreamClient } from "./upstream-client.ts";

/** Poster images are small; anything bigger is not a poster. */
const MAX_COVER_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;
const OUTPUT_TIMEOUT_MS = 10 * 60_000;

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
  const body =
    Number.isFinite(length) && length > 0
      ? res.body.pipeThrough(new FixedLengthStream(length))
      : await res.arrayBuffer();
  const obj = await media.put(video, body, { httpMetadata: { contentType: "video/mp4" } });
  const cover = p.coverUrl
    ? await copyCover(media, `exports/${row.project_id}/${row.id}.cover`, p.coverUrl, rules)
    : null;
  return { video, size: obj.size, cover };
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
