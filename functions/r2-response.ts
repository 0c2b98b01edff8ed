// Serves an R2 object with Range support, so video players and resumable downloads work.
import type { Context } from "hono";
import { ReelsmithError } from "../core/errors.ts";
import type { AppEnv } from "./context.ts";

interface ServeOptions {
  /** a Content-Disposition, or "inline-name" for inline with the name stored in the object's metadata */
  disposition?: string;
  contentType?: string;
}

/**
 * The object from the MEDIA bucket as a response: 200, or 206 for a satisfiable Range; an unsatisfiable one is
 * `range_not_satisfiable` (416) and a missing object `not_found`, both in the JSON error shape.
 */
export async function serveObject(
  c: Context<AppEnv>,
  key: string,
  opts: ServeOptions = {},
): Promise<Response> {
  const bucket = c.env.MEDIA;
  const req = c.req.raw;
  const head = await bucket.head(key);
  if (!head) throw new ReelsmithError("not_found");
  const range = parseRange(req.headers.get("Range"), head.size);
  const headers = new Headers({
    "Accept-Ranges": "bytes",
    "Content-Type": opts.contentType ?? head.httpMetadata?.contentType ?? "application/octet-stream",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=0",
    ETag: head.httpEtag,
  });
  const name = head.customMetadata?.name;
  if (opts.disposition === "inline-name") {
    if (name) headers.set("Content-Disposition", `inline; filename*=UTF-8''${encodeURIComponent(name)}`);
  } else if (opts.disposition) headers.set("Content-Disposition", opts.disposition);
  if (range === "invalid") throw new ReelsmithError("range_not_satisfiable", { extra: { size: head.size } });
  const obj = await bucket.get(
    key,
    range ? { range: { offset: range.start, length: range.end - range.start + 1 } } : {},
  );
  if (!obj) throw new ReelsmithError("not_found");
  if (range) {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${head.size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    return new Response(req.method === "HEAD" ? null : obj.body, { status: 206, headers });
  }
  headers.set("Content-Length", String(head.size));
  return new Response(req.method === "HEAD" ? null : obj.body, { status: 200, headers });
}

/** One byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`); multiple ranges are answered whole. */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return header.includes(",") ? null : "invalid";
  let start: number;
  let end: number;
  if (m[1] === "") {
    const n = Number(m[2]);
    if (n === 0) return "invalid";
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "invalid";
  return { start, end };
}
