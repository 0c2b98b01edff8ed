// Magic-byte sniffing for every accepted container, and refusal of everything else.
import { describe, expect, it } from "vitest";
import { extensionOf, isDeclarableType, judgeContent, sniff } from "./media-type.ts";

const b = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("sniff", () => {
  it.each([
    ["mp4", b([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0])],
    ["mov", b([0, 0, 0, 0x14], "ftypqt  ")],
    ["m4a", b([0, 0, 0, 0x20], "ftypM4A ")],
    ["webm", b([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], "webm")],
    ["mkv", b([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], "matroska")],
    ["avi", b("RIFF", [0, 0, 0, 0], "AVI LIST")],
    ["wav", b("RIFF", [0, 0, 0, 0], "WAVEfmt ")],
    ["webp", b("RIFF", [0, 0, 0, 0], "WEBPVP8 ")],
    ["jpg", b([0xff, 0xd8, 0xff, 0xe0])],
    ["png", b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ["gif", b("GIF89a")],
    ["mp3", b("ID3", [4, 0])],
    ["mp3", b([0xff, 0xfb, 0x90, 0x64])],
    ["aac", b([0xff, 0xf1, 0x50, 0x80])],
  ])("recognises %s", (ext, head) => {
    expect(sniff(head)?.ext).toBe(ext);
  });

  it.each([
    ["text", b("hello world, not media")],
    ["a PDF", b("%PDF-1.7")],
    ["a zip", b("PK", [3, 4])],
    ["RIFF of another kind", b("RIFF", [0, 0, 0, 0], "CDXA")],
    ["nothing", b()],
  ])("refuses %s", (_, head) => {
    expect(sniff(head)).toBeNull();
  });
});

describe("judgeContent", () => {
  const png = sniff(b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isom = sniff(b([0, 0, 0, 0x20], "ftypisom"));

  it("keeps the named type within one container family (an isom-branded .m4a stays m4a)", () => {
    expect(judgeContent("m4a", isom)).toEqual({
      ok: true,
      type: { ext: "m4a", kind: "audio", mime: "audio/mp4" },
    });
  });

  it("stores a renamed file of the same kind under its true type", () => {
    expect(judgeContent("jpg", png)).toMatchObject({ ok: true, type: { ext: "png" } });
  });

  it("refuses another kind of media behind the name, and bytes that are no accepted format", () => {
    expect(judgeContent("mp4", png)).toEqual({ ok: false, code: "renamed_file", detected: "png" });
    expect(judgeContent("mp4", sniff(b("%PDF-1.7")))).toEqual({
      ok: false,
      code: "unsupported_media",
      detected: null,
    });
  });

  it("takes the sniffed type when the name says nothing", () => {
    expect(judgeContent(null, png)).toMatchObject({ ok: true, type: { ext: "png" } });
  });
});

describe("names and declared types", () => {
  it("reads extensions case-insensitively and only after a dot that is not the first character", () => {
    expect(extensionOf("Clip.MP4")).toBe("mp4");
    expect(extensionOf(".mp4")).toBe("");
    expect(extensionOf("noext")).toBe("");
  });

  it("accepts the MIME types browsers declare for accepted formats, and an undeclared type", () => {
    for (const t of [
      "video/mp4",
      "video/quicktime",
      "audio/x-m4a",
      "image/jpeg",
      "",
      "application/octet-stream",
    ])
      expect(isDeclarableType(t)).toBe(true);
    for (const t of ["text/html", "application/pdf", "image/svg+xml"])
      expect(isDeclarableType(t)).toBe(false);
  });
});
