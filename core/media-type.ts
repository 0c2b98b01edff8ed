// The real type of a media file from its first bytes; names and declared types are never trusted.

export type MediaKind = "video" | "image" | "audio";

export interface Sniffed {
  ext: string;
  kind: MediaKind;
  mime: string;
}

/** How many leading bytes `sniff` needs. */
export const SNIFF_BYTES = 64;

const ascii = (b: Uint8Array, at: number, text: string) =>
  b.length >= at + text.length && [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));
const bytes = (b: Uint8Array, at: number, sig: number[]) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const type = (ext: string, kind: Sniffed["kind"], mime: string): Sniffed => ({ ext, kind, mime });

function sniffFtyp(b: Uint8Array): Sniffed {
  const brand = String.fromCharCode(...b.subarray(8, 12));
  if (brand === "qt  ") return type("mov", "video", "video/quicktime");
  if (brand.startsWith("M4A") || brand.startsWith("M4B")) return type("m4a", "audio", "audio/mp4");
  return type("mp4", "video", "video/mp4");
}

function sniffEbml(b: Uint8Array): Sniffed {
  // The DocType element sits in the EBML header, well inside the first 64 bytes.
  const head = String.fromCharCode(...b.subarray(0, SNIFF_BYTES));
  return head.includes("webm")
    ? type("webm", "video", "video/webm")
    : type("mkv", "video", "video/x-matroska");
}

/** An accepted media type, or null when the bytes are not one of them. */
export function sniff(b: Uint8Array): Sniffed | null {
  if (ascii(b, 4, "ftyp")) return sniffFtyp(b);
  if (bytes(b, 0, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(b);
  if (ascii(b, 0, "RIFF")) {
    if (ascii(b, 8, "AVI ")) return type("avi", "video", "video/x-msvideo");
    if (ascii(b, 8, "WAVE")) return type("wav", "audio", "audio/wav");
    if (ascii(b, 8, "WEBP")) return type("webp", "image", "image/webp");
    return null;
  }
  if (bytes(b, 0, [0xff, 0xd8, 0xff])) return type("jpg", "image", "image/jpeg");
  if (bytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return type("png", "image", "image/png");
  if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return type("gif", "image", "image/gif");
  if (ascii(b, 0, "ID3")) return type("mp3", "audio", "audio/mpeg");
  if (b.length >= 2 && b[0] === 0xff) {
    // ADTS (AAC) sync is 12 bits with layer 00; MPEG audio frame sync is 11 bits with a non-zero layer.
    if ((b[1] & 0xf6) === 0xf0) return type("aac", "audio", "audio/aac");
    if ((b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0) return type("mp3", "audio", "audio/mpeg");
  }
  return null;
}
