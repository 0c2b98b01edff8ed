// Streaming multipart/form-data: parts arrive one at a time and their bodies stream, never whole in memory.

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  /** must be consumed before the next part is requested, or it is skipped */
  body: AsyncIterable<Uint8Array>;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 16 * 1024;
const MAX_PREAMBLE_BYTES = 64 * 1024;

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

class Reader {
  buf = Buffer.alloc(0);
  private ended = false;

  constructor(private readonly it: AsyncIterator<Uint8Array>) {}

  private async more(): Promise<void> {
    const r = this.ended ? { done: true as const } : await this.it.next();
    if (r.done) {
      this.ended = true;
      throw new MultipartError("the multipart body ended early");
    }
    this.buf = Buffer.concat([this.buf, r.value]);
  }

  async ensure(n: number): Promise<void> {
    while (this.buf.length < n) await this.more();
  }

  /** Everything before `delim` (which is consumed), at most `max` bytes. */
  async until(delim: Buffer, max: number): Promise<Buffer> {
    for (;;) {
      const i = this.buf.indexOf(delim);
      if (i >= 0) {
        const head = this.buf.subarray(0, i);
        this.buf = this.buf.subarray(i + delim.length);
        return head;
      }
      if (this.buf.length > max) throw new MultipartError("multipart headers too large");
      await this.more();
    }
  }

  /** Streams everything before `delim`, holding back only what could be the delimiter's start. */
  async *streamUntil(delim: Buffer): AsyncGenerator<Uint8Array> {
    for (;;) {
      const i = this.buf.indexOf(delim);
      if (i >= 0) {
        if (i > 0) yield this.buf.subarray(0, i);
        this.buf = this.buf.subarray(i + delim.length);
        return;
      }
      const safe = this.buf.length - (delim.length - 1);
      if (safe > 0) {
        const chunk = this.buf.subarray(0, safe);
        this.buf = this.buf.subarray(safe);
        yield chunk;
      }
      await this.more();
    }
  }
}

function parseHeaders(block: Buffer): Omit<MultipartPart, "body"> {
  const headers = new Map<string, string>();
  for (const line of block.toString("utf8").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const params = new Map<string, string>();
  for (const m of (headers.get("content-disposition") ?? "").matchAll(
    /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g,
  )) {
    const raw = m[2].trim();
    params.set(m[1].toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw);
  }
  const extended = params.get("filename*")?.replace(/^utf-8''/i, "");
  const name = params.get("name");
  if (name === undefined) throw new MultipartError("a multipart part has no name");
  return {
    name,
    filename: extended !== undefined ? decodeURIComponent(extended) : params.get("filename"),
    contentType: headers.get("content-type"),
  };
}

export async function* parseMultipart(
  stream: AsyncIterable<Uint8Array>,
  boundary: string,
): AsyncGenerator<MultipartPart> {
  const reader = new Reader(stream[Symbol.asyncIterator]());
  const delim = Buffer.from(`\r\n--${boundary}`);
  // A leading CRLF lets the first boundary match the same delimiter as the others.
  reader.buf = Buffer.from(CRLF);
  await reader.until(delim, MAX_PREAMBLE_BYTES);
  for (;;) {
    await reader.ensure(2);
    if (reader.buf[0] === 0x2d && reader.buf[1] === 0x2d) return;
    await reader.until(CRLF, 1024);
    const part = parseHeaders(await reader.until(HEADER_END, MAX_HEADER_BYTES));
    let consumed = false;
    const body = (async function* () {
      yield* reader.streamUntil(delim);
      consumed = true;
    })();
    yield { ...part, body };
    // Skip whatever the consumer left unread; the reader holds all state, so a fresh pass resumes it.
    if (!consumed) for await (const _ of reader.streamUntil(delim));
  }
}
