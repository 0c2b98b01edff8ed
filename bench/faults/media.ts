// Media for the fault scenarios, made with ffmpeg: a clip that spans several upload parts, a small photo.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function ffmpeg(args: string[], out: string): Uint8Array {
  const r = spawnSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", ...args, out], {
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("ffmpeg could not make the test media");
  const bytes = new Uint8Array(readFileSync(out));
  rmSync(out, { force: true });
  return bytes;
}

/** A 4 s 640×360 clip of noise, encoded losslessly so it spans several 8 MiB upload parts. */
export const noiseClip = () =>
  ffmpeg(
    [
      ...["-i", "nullsrc=s=640x360:r=24:d=4,geq=random(1)*255:128:128", "-c:v", "libx264"],
      ...["-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p"],
    ],
    join(tmpdir(), `reelsmith-faults-noise-${process.pid}.mp4`),
  );

/** A 640×480 photo of a test pattern. */
export const photo = () =>
  ffmpeg(
    ["-i", "testsrc2=s=640x480", "-frames:v", "1"],
    join(tmpdir(), `reelsmith-faults-photo-${process.pid}.png`),
  );
