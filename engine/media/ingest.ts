// Upload ingestion: a byte stream becomes a staged temp file (capped, sniffed, probed), then a session media file.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { sniff } from "../../core/media-type.ts";
import { probeMedia } from "../render/probe.ts";
import type { StoredMedia } from "../store/sessions.ts";
import { unsupported } from "./errors.ts";
import { writeCapped } from "./sink.ts";

/** A checked upload still in the temp folder. */
export interface Staged {
  tmpPath: string;
  media: StoredMedia;
}

const displayName = (name: string) => basename(name.replaceAll("\\", "/")).slice(-200) || "upload";

export async function stage(
  chunks: AsyncIterable<Uint8Array>,
  filename: string,
  opts: { tmpDir: string; maxBytes: number },
): Promise<Staged> {
  const id = randomBytes(12).toString("hex");
  const tmpPath = join(opts.tmpDir, id);
  try {
    const written = await writeCapped(chunks, tmpPath, opts.maxBytes);
    if (written.size === 0) throw unsupported("an empty file");
    const type = sniff(written.head);
    if (!type) throw unsupported(`${displayName(filename)} is not a recognised media file`);
    const probed = await probeMedia(tmpPath).catch(() => {
      throw unsupported(`${displayName(filename)} could not be read as ${type.ext}`);
    });
    // A picture stream without dimensions is a header over garbage, not a picture.
    const hasPicture = probed.hasVideo && (probed.width ?? 0) > 0 && (probed.height ?? 0) > 0;
    if (type.kind === "image" && !hasPicture) throw unsupported(`${displayName(filename)} holds no picture`);
    if (!hasPicture && !probed.hasAudio)
      throw unsupported(`${displayName(filename)} holds no sound or pictures`);
    // An mp4/webm container with only sound in it is audio, whatever its brand says.
    const kind = type.kind === "video" && !hasPicture ? "audio" : type.kind;
    const media: StoredMedia = {
      id,
      filename: displayName(filename),
      kind,
      file: `${id}.${type.ext}`,
      mime: type.mime,
      size: written.size,
      hash: written.hash,
      duration: kind === "image" ? undefined : probed.duration,
      width: hasPicture ? probed.width : undefined,
      height: hasPicture ? probed.height : undefined,
      fps: kind === "video" ? probed.fps : undefined,
      hasAudio: probed.hasAudio,
    };
    return { tmpPath, media };
  } catch (err) {
    await rm(tmpPath, { force: true });
    throw err;
  }
}

/** Moves staged files into the session's media folder. */
export async function commit(staged: Staged[], mediaDir: string): Promise<StoredMedia[]> {
  await mkdir(mediaDir, { recursive: true });
  for (const s of staged) await rename(s.tmpPath, join(mediaDir, s.media.file));
  return staged.map((s) => s.media);
}

export async function discard(staged: Staged[]): Promise<void> {
  await Promise.all(staged.map((s) => rm(s.tmpPath, { force: true })));
}
