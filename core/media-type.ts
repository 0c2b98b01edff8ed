// The real type of a media file from its first bytes; names and declared types are never trusted.
import type { ACCEPTED_EXTENSIONS } from "./contract.ts";

export type MediaKind = "video" | "image" | "audio";
export type AcceptedExtension = (typeof ACCEPTED_EXTENSIONS)[number];

export interface Sniffed {
  ext: AcceptedExtension;
  kind: MediaKind;
  mime: string;
}

interface TypeInfo {
  kind: MediaKind;
  mime: string;
  /** the container: types of one family are told apart by name only (an `isom` brand may be mp4 or m4a) */
  family: string;
  /** other MIME types browsers declare for it */
  aliases?: string[];
}

const TYPES: Record<AcceptedExtension, TypeInfo> = {
  mp4: { kind: "video", mime: "video/mp4", family: "isobmff" },
  mov: { kind: "video", mime: "video/quicktime", family: "isobmff" },
  m4a: { kind: "audio", mime: "audio/mp4", family: "isobmff", aliases: ["audio/x-m4a", "audio/m4a"] },
  avi: { kind: "video", mime: "video/x-msvideo", family: "avi", aliases: ["video/avi", "video/msvideo"] },
  webm: { kind: "video", mime: "video/webm", family: "ebml", aliases: ["audio/webm"] },
  mkv: { kind: "video", mime: "video/x-matroska", family: "ebml", aliases: ["audio/x-matroska"] },
  jpg: { kind: "image", mime: "image/jpeg", family: "jpeg", aliases: ["image/jpg", "image/pjpeg"] },
  jpeg: { kind: "image", mime: "image/jpeg", family: "jpeg" },
  png: { kind: "image", mime: "image/png", family: "png" },
  gif: { kind: "image", mime: "image/gif", family: "gif" },
  webp: { kind: "image", mime: "image/webp", family: "webp" },
  mp3: { kind: "audio", mime: "audio/mpeg", family: "mpeg-audio", aliases: ["audio/mp3"] },
  wav: {
    kind: "audio",
    mime: "audio/wav",
    family: "wave",
    aliases: ["audio/x-wav", "audio/wave", "audio/vnd.wave"],
  },
  aac: { kind: "audio", mime: "audio/aac", family: "adts", aliases: ["audio/x-aac", "audio/aacp"] },
};

/** Every MIME type a client may declare; empty and octet-stream mean "not said", and sniffing decides. */
const DECLARABLE = new Set([
  "",
  "application/octet-stream",
  ...Object.values(TYPES).flatMap((t) => [t.mime, ...(t.aliases ?? [])]),
]);

/** How many leading bytes `sniff` needs. */
export const SNIFF_BYTES = 64;

export const isAcceptedExtension = (ext: string): ext is AcceptedExtension => Object.hasOwn(TYPES, ext);

/** The lower-case extension of a file name ("" when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export const isDeclarableType = (mime: string) => DECLARABLE.has(mime.split(";")[0].trim().toLowerCase());

export const mimeOf = (ext: AcceptedExtension) => TYPES[ext].mime;

const type = (ext: AcceptedExtension): Sniffed => ({ ext, kind: TYPES[ext].kind, mime: TYPES[ext].mime });

const ascii = (b: Uint8Array, at: number, text: string) =>
  b.length >= at + text.length && [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));
const bytes = (b: Uint8Array, at: number, sig: number[]) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

function sniffFtyp(b: Uint8Array): Sniffed {
  const brand = String.fromCharCode(...b.subarray(8, 12));
  if (brand === "qt  ") return type("mov");
  if (brand.startsWith("M4A") || brand.startsWith("M4B")) return type("m4a");
  return type("mp4");
}

function sniffEbml(b: Uint8Array): Sniffed {
  // The DocType element sits in the EBML header, well inside the first 64 bytes.
  const head = String.fromCharCode(...b.subarray(0, SNIFF_BYTES));
  return head.includes("webm") ? type("webm") : type("mkv");
}

/** An accepted media type, or null when the bytes are not one of them. */
export function sniff(b: Uint8Array): Sniffed | null {
  if (ascii(b, 4, "ftyp")) return sniffFtyp(b);
  if (bytes(b, 0, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(b);
  if (ascii(b, 0, "RIFF")) {
    if (ascii(b, 8, "AVI ")) return type("avi");
    if (ascii(b, 8, "WAVE")) return type("wav");
    if (ascii(b, 8, "WEBP")) return type("webp");
    return null;
  }
  if (bytes(b, 0, [0xff, 0xd8, 0xff])) return type("jpg");
  if (bytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return type("png");
  if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return type("gif");
  if (ascii(b, 0, "ID3")) return type("mp3");
  if (b.length >= 2 && b[0] === 0xff) {
    // ADTS (AAC) sync is 12 bits with layer 00; MPEG audio frame sync is 11 bits with a non-zero layer.
    if ((b[1] & 0xf6) === 0xf0) return type("aac");
    if ((b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0) return type("mp3");
  }
  return null;
}

export type Refusal = {
  ok: false;
  code: "unsupported_media" | "renamed_file";
  detected: AcceptedExtension | null;
};
export type Verdict = { ok: true; type: Sniffed } | Refusal;

/**
 * What a file really is, given what its name claims: the named type when the bytes are that container,
 * the sniffed type when it is another container of the same kind (a JPEG named .png), and a refusal when the
 * bytes are no accepted format or another kind of media altogether (a PNG named .mp4).
 */
export function judgeContent(named: AcceptedExtension | null, sniffed: Sniffed | null): Verdict {
  if (!sniffed) return { ok: false, code: "unsupported_media", detected: null };
  if (!named) return { ok: true, type: sniffed };
  if (TYPES[named].family === TYPES[sniffed.ext].family) return { ok: true, type: type(named) };
  if (TYPES[named].kind === sniffed.kind) return { ok: true, type: sniffed };
  return { ok: false, code: "renamed_file", detected: sniffed.ext };
}
