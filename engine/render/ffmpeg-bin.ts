// Paths of the ffmpeg tools the renderer runs (Debian package ffmpeg); fonts are in fonts.ts.
export const FFMPEG = process.env.FFMPEG_PATH ?? "ffmpeg";
export const FFPROBE = process.env.FFPROBE_PATH ?? "ffprobe";
