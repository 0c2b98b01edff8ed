// Test and benchmark media made with ffmpeg at run time: phone-size photos, phone clips with sound, an mp3; frame sampling.
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { ffmpegOutput } from "../../../engine/render/run-ffmpeg.ts";
import type { MediaItem } from "../../../engine/types.ts";

/** Runs ffmpeg quietly and resolves with its stdout. */
export async function ffmpeg(args: string[]): Promise<Buffer> {
  return (await ffmpegOutput(args)).stdout;
}

/**
 * A camera-like JPEG: test pattern with grain, tinted by `hue` degrees so photos differ. More `grain` and a lower
 * `quality` (2–31) make a larger file: grain 40 at quality 2 is about 9 MB at 12 MP, a high-end phone's photo.
 */
export async function makePhoto(
  path: string,
  width = 3024,
  height = 4032,
  hue = 0,
  { grain = 12, quality = 3 } = {},
): Promise<string> {
  const source = `testsrc2=s=${width}x${height}:d=1,hue=h=${hue},noise=alls=${grain}`;
  await ffmpeg(["-f", "lavfi", "-i", source, "-frames:v", "1", "-q:v", String(quality), path]);
  return path;
}

/** Adds an EXIF Orientation tag to a JPEG, the way phones store portrait shots (6 = rotate 90° clockwise). */
export async function setExifOrientation(path: string, orientation: number): Promise<string> {
  const jpeg = await readFile(path);
  const tiff = Buffer.alloc(26);
  tiff.write("MM", 0, "latin1");
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const marker = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  await writeFile(path, Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]));
  return path;
}

export interface ClipOptions {
  width?: number;
  height?: number;
  seconds?: number;
  fps?: number;
  /** tone of the sound track in Hz; 0 makes a clip without audio */
  toneHz?: number;
}

/** A phone-like H.264/AAC clip: moving pattern with sensor grain at a phone's bitrate. */
export async function makeClip(path: string, o: ClipOptions = {}): Promise<string> {
  const { width = 1080, height = 1920, seconds = 5, fps = 30, toneHz = 440 } = o;
  const video = `testsrc2=s=${width}x${height}:r=${fps}:d=${seconds},noise=alls=6:allf=t`;
  const audio = toneHz > 0 ? ["-f", "lavfi", "-i", `sine=f=${toneHz}:r=48000:d=${seconds}`] : [];
  const codecs = [
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-b:v",
    "12M",
    "-pix_fmt",
    "yuv420p",
    "-g",
    String(fps),
  ];
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    video,
    ...audio,
    ...codecs,
    ...(toneHz > 0 ? ["-c:a", "aac"] : []),
    path,
  ]);
  return path;
}

/** A short song-like mp3 (two alternating chords). */
export async function makeMp3(path: string, seconds = 10): Promise<string> {
  const expr = "0.2*sin(2*PI*(if(lt(mod(t,2),1),262,220))*t)+0.15*sin(2*PI*(if(lt(mod(t,2),1),330,277))*t)";
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `aevalsrc=exprs='${expr}':s=44100:d=${seconds}`,
    "-c:a",
    "libmp3lame",
    "-b:a",
    "128k",
    path,
  ]);
  return path;
}

/** One decoded frame at `seconds` as packed RGB24 bytes (width×height×3). */
export function frameRgb(path: string, seconds: number): Promise<Buffer> {
  return ffmpeg([
    "-ss",
    String(seconds),
    "-i",
    path,
    "-frames:v",
    "1",
    "-f",
    "rawvideo",
    "-pix_fmt",
    "rgb24",
    "pipe:1",
  ]);
}

/** RMS level (0–1) of a file's sound, decoded to mono 8 kHz; optionally a stretch of it through a filter. */
export async function audioRms(
  path: string,
  o: { from?: number; to?: number; filter?: string } = {},
): Promise<number> {
  const span = o.from === undefined ? [] : ["-ss", String(o.from), "-to", String(o.to)];
  const filter = o.filter ? ["-af", o.filter] : [];
  const pcm = await ffmpeg([
    ...span,
    "-i",
    path,
    "-vn",
    ...filter,
    "-ac",
    "1",
    "-ar",
    "8000",
    "-f",
    "s16le",
    "pipe:1",
  ]);
  let sum = 0;
  for (let i = 0; i + 1 < pcm.length; i += 2) sum += (pcm.readInt16LE(i) / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, pcm.length / 2));
}

/** Integrated loudness (LUFS) and true peak (dBTP) of a file's sound, by ffmpeg's EBU R128 meter. */
export async function loudness(path: string): Promise<{ integrated: number; truePeak: number }> {
  const meter = ["-i", path, "-vn", "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"];
  const { stderr } = await ffmpegOutput(meter, "info");
  const summary = stderr.slice(stderr.lastIndexOf("Summary:"));
  const value = (re: RegExp) => Number(re.exec(summary)?.[1]);
  return {
    integrated: value(/I:\s+(-?[\d.]+) LUFS/),
    truePeak: value(/True peak:\s+Peak:\s+(-?[\d.]+) dBFS/),
  };
}

/** A tone of `hz` for `seconds`, as a WAV file: music whose level is easy to follow in one frequency band. */
export async function makeTone(path: string, hz: number, seconds: number): Promise<string> {
  await ffmpeg(["-f", "lavfi", "-i", `sine=f=${hz}:r=48000:d=${seconds}`, "-ac", "2", path]);
  return path;
}

/** Mean luma-ish brightness (0–255) and the share of near-white pixels in a horizontal band of an RGB frame. */
export function bandStats(
  rgb: Buffer,
  width: number,
  top: number,
  bottom: number,
): { mean: number; white: number } {
  let sum = 0;
  let white = 0;
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const v = (rgb[i] + rgb[i + 1] + rgb[i + 2]) / 3;
      sum += v;
      if (rgb[i] > 220 && rgb[i + 1] > 220 && rgb[i + 2] > 220) white++;
      count++;
    }
  }
  return { mean: sum / count, white: white / count };
}

/** A MediaItem for a fixture, addressed by a fake upload URL. */
export function mediaItem(path: string, kind: MediaItem["kind"], extra: Partial<MediaItem> = {}): MediaItem {
  const filename = basename(path);
  return { id: filename, filename, kind, path, url: `https://media.test/${filename}`, ...extra };
}

/** resolveMedia for a list of fixtures. */
export function resolverFor(items: MediaItem[]): (src: string) => MediaItem | undefined {
  return (src) => items.find((m) => m.url === src);
}
