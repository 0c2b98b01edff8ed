// Serves an R2 object with Range support, so video players and resumable downloads work.

interface ServeOptions {
  /** a Content-Disposition, or "inline-name" for inline with the name stored in the object's metadata */
  disposition?: string;
  contentType?: string;
}

/** The object as a response (200, 206 for a satisfiable Range, 416 otherwise); null when the object is gone. */
export async function serveObject(bucket: R2Bucket, key: string, req: Request, opts: ServeOptions = {}) {
  const head = await bucket.head(key);
  if (!head) return null;
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
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${head.size}`);
    return new Response(null, { status: 416, headers });
  }
  const obj = await bucket.get(
    key,
    range ? { range: { offset: range.start, length: range.end - range.start + 1 } } : {},
  );
  if (!obj) return null;
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
