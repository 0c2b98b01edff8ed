// Test media made at run time: real PNG files of a chosen size, and a local HTTP server for upload-by-URL.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32, deflateSync } from "node:zlib";

/** A valid RGB PNG of one colour. */
export function png(
  width: number,
  height: number,
  rgb: [number, number, number] = [40, 120, 200],
): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(pixels)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

export interface FileServer {
  url(name: string): string;
  close(): Promise<void>;
}

/** Serves the given files at /<name> on 127.0.0.1, so an upstream can fetch them by URL. */
export async function serveFiles(
  files: Record<string, { bytes: Uint8Array<ArrayBuffer>; type: string }>,
): Promise<FileServer> {
  const server = createServer((req, res) => {
    const file = files[decodeURIComponent((req.url ?? "/").slice(1).split("?")[0])];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": file.type, "Content-Length": file.bytes.length }).end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A multipart form with the files under the upstream's field name `files`. */
export function filesForm(files: Record<string, { bytes: Uint8Array<ArrayBuffer>; type: string }>): FormData {
  const form = new FormData();
  for (const [name, f] of Object.entries(files))
    form.append("files", new Blob([f.bytes], { type: f.type }), name);
  return form;
}

/** Width and height of a PNG (its IHDR) or a JPEG (its first start-of-frame marker). */
export function imageSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.readUInt32BE(0) === 0x89504e47)
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  let at = 2;
  while (at + 9 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error("not a PNG or baseline/progressive JPEG");
}
