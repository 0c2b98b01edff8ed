// File names for downloads from a project's title: a Content-Disposition with an ASCII fallback and `filename*`.

/** Characters no file system takes, quotes and controls; runs of spaces become one. */
function cleaned(title: string): string {
  return (
    title
      .normalize("NFC")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, " ")
      .replace(/\s+/g, " ")
      .replace(/^[\s.]+|[\s.]+$/g, "")
      .slice(0, 100)
  );
}

/** The title as ASCII only (accents dropped, other scripts left out), for clients that ignore `filename*`. */
function ascii(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]+/g, " ")
    .replace(/[%;]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `attachment; filename="Spring Sale.mp4"; filename*=UTF-8''…` (RFC 6266 / 5987), "video.mp4" when nothing is left. */
export function attachmentDisposition(title: string, ext: string, fallback = "video"): string {
  const name = cleaned(title) || fallback;
  const plain = ascii(name) || fallback;
  const encoded = encodeURIComponent(`${name}.${ext}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${plain}.${ext}"; filename*=UTF-8''${encoded}`;
}
