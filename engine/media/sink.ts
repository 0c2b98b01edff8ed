// Writes a byte stream to a file with a size cap, hashing it and keeping its first bytes for sniffing.
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { SNIFF_BYTES } from "../../core/media-type.ts";
import { tooLarge } from "./errors.ts";

export interface Written {
  size: number;
  /** sha256, hex */
  hash: string;
  head: Uint8Array;
}

export async function writeCapped(
  chunks: AsyncIterable<Uint8Array>,
  path: string,
  maxBytes: number,
): Promise<Written> {
  const file = await open(path, "w");
  const hash = createHash("sha256");
  let head = Buffer.alloc(0);
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (head.length < SNIFF_BYTES)
        head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      hash.update(chunk);
      await file.write(chunk);
    }
  } finally {
    await file.close();
  }
  return { size, hash: hash.digest("hex"), head };
}

/** A fetch-style body as chunks Node can iterate. */
export const chunksOf = (body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> =>
  Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
