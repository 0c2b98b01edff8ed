// Upload by URL: fetches a remote file into the temp folder with size and time caps, then stages it.
import { fetchFailed, MediaRejected, tooLarge } from "./errors.ts";
import { type Staged, stage } from "./ingest.ts";
import { chunksOf } from "./sink.ts";

export interface FetchOptions {
  tmpDir: string;
  maxBytes: number;
  timeoutMs: number;
}

/** The file's name as the server gives it (Content-Disposition), else the URL's last path segment. */
function nameFrom(url: URL, disposition: string | null): string {
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? "")?.[1];
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition ?? "")?.[1];
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return (star && decode(star)) || plain || decode(url.pathname.split("/").pop() ?? "") || "download";
}

/**
 * Any http(s) address is allowed, loopback included: locally the Worker hands the engine short-lived
 * signed media URLs on 127.0.0.1.
 */
export async function fetchAndStage(raw: string, opts: FetchOptions): Promise<Staged> {
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw fetchFailed(raw, "only http and https are supported");
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (err) {
    throw fetchFailed(raw, reason(err, opts.timeoutMs));
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw fetchFailed(raw, `HTTP ${res.status}`);
  }
  if (Number(res.headers.get("content-length")) > opts.maxBytes) {
    await res.body.cancel();
    throw tooLarge(opts.maxBytes);
  }
  try {
    return await stage(chunksOf(res.body), nameFrom(url, res.headers.get("content-disposition")), opts);
  } catch (err) {
    if (err instanceof MediaRejected) throw err;
    throw fetchFailed(raw, reason(err, opts.timeoutMs));
  }
}

const reason = (err: unknown, timeoutMs: number) =>
  err instanceof Error && err.name === "TimeoutError"
    ? `no complete answer within ${Math.round(timeoutMs / 1000)} s`
    : (err as Error).message;
