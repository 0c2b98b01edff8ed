// Test media made at run time: phone-size photos from ffmpeg, a text file posing as a JPEG, and ffprobe's view of a video.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** `count` JPEGs, each a different colour: by default 3024×4032 (a 12 MP phone photo). */
export function makePhotos(dir: string, count: number, size = "3024x4032"): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `IMG_00${i + 1}.jpg`);
    execFileSync("ffmpeg", [
      ...["-v", "error", "-y", "-f", "lavfi"],
      ...["-i", `testsrc2=size=${size}:rate=1,hue=h=${i * 120}`],
      ...["-frames:v", "1", "-q:v", "3", file],
    ]);
    return file;
  });
}

/** A short vertical phone-style clip with sound, H.264/AAC. */
export function makeClip(dir: string, name = "clip.mp4", seconds = 3): string {
  const file = join(dir, name);
  execFileSync("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", `testsrc2=size=720x1280:rate=30:duration=${seconds}`],
    ...["-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`, "-shortest"],
    ...["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", file],
  ]);
  return file;
}

/** A WAV of `seconds` of tone: large enough for several upload parts, made instantly. */
export function makeSong(dir: string, seconds: number): string {
  const file = join(dir, "song.wav");
  execFileSync("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi"],
    ...["-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
    ...["-ac", "2", file],
  ]);
  return file;
}

/** A plain-text file renamed to .jpg, which the upload API must refuse by its content. */
export function makeFakeJpeg(dir: string): string {
  const file = join(dir, "notes.jpg");
  writeFileSync(file, "These are my shopping notes, not a photo.\n".repeat(50));
  return file;
}

/** A Windows program renamed to look like a photo: the upload API must refuse it by its content. */
export function makeRenamedExe(dir: string): string {
  const file = join(dir, "holiday.jpg");
  const exe = Buffer.alloc(4096);
  exe.write("MZ\x90\x00This program cannot be run in DOS mode.", "latin1");
  writeFileSync(file, exe);
  return file;
}

/** A file with no bytes at all (a photo that never finished saving). */
export function makeEmptyFile(dir: string): string {
  const file = join(dir, "empty.jpg");
  writeFileSync(file, "");
  return file;
}

export interface ProbedStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
}

export function probeStreams(file: string): ProbedStream[] {
  const out = execFileSync("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", file], {
    encoding: "utf8",
  });
  return (JSON.parse(out) as { streams: ProbedStream[] }).streams;
}
