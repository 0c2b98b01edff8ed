// Serves a file from disk with single-range Range support, streamed, never read whole.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";

export interface ServeOptions {
  type: string;
  /** sets Content-Disposition: attachment with this name */
  download?: string;
}

function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "invalid" | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const [start, end] =
    m[1] === ""
      ? [Math.max(0, size - Number(m[2])), size - 1]
      : [Number(m[1]), m[2] === "" ? size - 1 : Number(m[2])];
  if (start >= size || start > end || (m[1] === "" && Number(m[2]) === 0)) return "invalid";
  return { start, end: Math.min(end, size - 1) };
}

export async function serveFile(req: Request, path: string, opts: ServeOptions): Promise<Response> {
  const { size } = await stat(path);
  const headers = new Headers({
    "Content-Type": opts.type,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
  });
  if (opts.download) {
    headers.set("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(opts.download)}`);
  }
  const range = byteRange(req.headers.get("Range") ?? undefined, size);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers.set("Content-Length", String(Math.max(0, end - start + 1)));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
  if (req.method === "HEAD" || size === 0) return new Response(null, { status: range ? 206 : 200, headers });
  const body = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status: range ? 206 : 200, headers });
}
