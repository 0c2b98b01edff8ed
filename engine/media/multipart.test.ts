// The streaming multipart parser against whole bodies cut into chunks at every awkward place.
import { describe, expect, it } from "vitest";
import { boundaryOf, MultipartError, parseMultipart } from "./multipart.ts";

const BOUNDARY = "----reelsmithBoundary7MA4YWxk";

function body(parts: { name: string; filename?: string; data: Buffer }[]): Buffer {
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"` +
        (p.filename === undefined ? "" : `; filename="${p.filename}"`) +
        "\r\nContent-Type: application/octet-stream\r\n\r\n",
    ),
    p.data,
    Buffer.from("\r\n"),
  ]);
  return Buffer.concat([Buffer.from("preamble\r\n"), ...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

async function* chunked(buf: Buffer, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect(stream: AsyncIterable<Uint8Array>, skip = new Set<string>()) {
  const out: { name: string; filename?: string; data: string }[] = [];
  for await (const part of parseMultipart(stream, BOUNDARY)) {
    if (skip.has(part.name)) continue;
    const chunks: Uint8Array[] = [];
    for await (const c of part.body) chunks.push(c);
    out.push({ name: part.name, filename: part.filename, data: Buffer.concat(chunks).toString("latin1") });
  }
  return out;
}

// Data that looks like the delimiter's start, to trip a naive search.
const tricky = Buffer.from(`a\r\n--${BOUNDARY.slice(0, 10)}b\r\n-\r\n--x${"z".repeat(300)}`);
const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));

describe("parseMultipart", () => {
  const parts = [
    { name: "files", filename: "照片 1.jpg", data: tricky },
    { name: "note", data: Buffer.from("hello") },
    { name: "files", filename: "b.bin", data: binary },
  ];

  it.each([1, 2, 7, 41, 64, 1000, 100_000])("reads every part intact in %i-byte chunks", async (size) => {
    const got = await collect(chunked(body(parts), size));
    expect(got).toEqual(
      parts.map((p) => ({ name: p.name, filename: p.filename, data: p.data.toString("latin1") })),
    );
  });

  it("skips a part the consumer did not read", async () => {
    const got = await collect(chunked(body(parts), 13), new Set(["note"]));
    expect(got.map((p) => p.filename)).toEqual(["照片 1.jpg", "b.bin"]);
  });

  it("refuses a body cut short", async () => {
    const cut = body(parts).subarray(0, 200);
    await expect(collect(chunked(cut, 50))).rejects.toBeInstanceOf(MultipartError);
  });

  it("reads the boundary from the content type", () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(boundaryOf("application/json")).toBeUndefined();
  });
});
