// URL imports: a public file streamed into R2 within size and time caps, its first bytes judged before storing.
import { ReelsmithError } from "../core/errors.ts";
import { SNIFF_BYTES, type Sniffed } from "../core/media-type.ts";
import { peekStream } from "../core/peek-stream.ts";
import type { UploadLimit } from "../core/upload-limits.ts";
import { fetchPublic } from "../core/url-safety.ts";

/** From the first request to the last byte stored. */
const IMPORT_TIMEOUT_MS = 5 * 60_000;
const MAX_REDIRECTS = 5;

/**
 * Fetches `url` into `bucket` under `key`. R2 needs a known length, and the declared length is also the size
 * cap checked before any byte is read, so a response without Content-Length is refused.
 * `admit` sees the declared size first and throws to refuse it (fair use); `judge` sees the first bytes and
 * answers the real type, or throws to refuse the file.
 */
export async function importToBucket(
  url: string,
  bucket: R2Bucket,
  key: string,
  name: string,
  limit: UploadLimit,
  admit: (size: number) => void,
  judge: (head: Uint8Array) => Sniffed,
): Promise<{ size: number; type: Sniffed }> {
  const res = await fetchPublic(url, {
    maxRedirects: MAX_REDIRECTS,
    signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS),
  });
  const size = Number(res.headers.get("Content-Length") ?? Number.NaN);
  const refusal = refusalOf(res, size, limit);
  if (refusal || !res.body) {
    await res.body?.cancel();
    throw refusal ?? new ReelsmithError("import_failed", { extra: { problem: "The answer had no body." } });
  }
  try {
    admit(size);
  } catch (e) {
    await res.body.cancel();
    throw e;
  }
  const { head, stream } = await peekStream(res.body, SNIFF_BYTES);
  let type: Sniffed;
  try {
    type = judge(head);
  } catch (e) {
    await stream.cancel();
    throw e;
  }
  await bucket.put(key, stream.pipeThrough(new FixedLengthStream(size)), {
    httpMetadata: { contentType: type.mime },
    customMetadata: { name },
  });
  return { size, type };
}

/** The refusal of a file over the limit, saying the limit and whose it is. */
export const tooLarge = (limit: UploadLimit) =>
  new ReelsmithError("payload_too_large", {
    ctx: { maxUploadBytes: limit.bytes, limitBy: limit.by },
    extra: { maxUploadBytes: limit.bytes, limitBy: limit.by },
  });

function refusalOf(res: Response, size: number, limit: UploadLimit): ReelsmithError | null {
  if (!res.ok) return new ReelsmithError("import_failed", { extra: { status: res.status } });
  if (!Number.isSafeInteger(size))
    return new ReelsmithError("import_failed", {
      extra: { problem: "The server did not say how large the file is." },
    });
  if (size === 0) return new ReelsmithError("empty_file");
  if (size > limit.bytes) return tooLarge(limit);
  return null;
}
