// examples/ do the whole job against the running stack: photos (and a song big enough for two parts) plus one
// sentence, export and download — a real MP4 from the shell script (curl) and from the Node script (fetch).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makePhotos, makeSong, probeStreams } from "./media.ts";

const stackUrl = inject("stackUrl");
const examples = new URL("../../examples/", import.meta.url).pathname;
const run = promisify(execFile);
const SENTENCE = 'make a 4 second video from these photos with the title "Spring Sale" and music';

let dir: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "reelsmith-examples-"));
  // 50 s of WAV is over 9 MB: two parts of an 8 MiB upload.
  files = [...makePhotos(dir, 2, "1080x1440"), makeSong(dir, 50)];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["make-video.sh", "bash"],
  ["make-video.mjs", process.execPath],
])("examples/%s", (script, runner) => {
  it("makes an MP4 from local files and one sentence, minting its own key", async () => {
    const out = join(dir, `${script}.mp4`);
    const { stdout, stderr } = await run(runner, [join(examples, script), SENTENCE, ...files], {
      cwd: dir,
      env: { ...process.env, REELSMITH_URL: stackUrl, PRESET: "douyin", OUT: out, REELSMITH_KEY: "" },
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stderr).toMatch(/minted an API key \(keep it\): rs_/);
    expect(stdout).toMatch(/^project prj_\S+ \(douyin\)$/m);
    for (const name of ["IMG_001.jpg", "IMG_002.jpg", "song.wav"]) expect(stdout).toMatch(`${name}: ready`);
    expect(stdout).toMatch(/: completed 100%$/m);
    expect(stdout).toMatch(`saved ${out}`);

    const streams = probeStreams(out);
    expect(streams.find((s) => s.codec_type === "video")).toMatchObject({
      codec_name: "h264",
      width: 1080,
      height: 1920,
    });
    expect(streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");
  });

  it("fails with Reelsmith's error when the key is wrong", async () => {
    const failed = await run(runner, [join(examples, script), SENTENCE], {
      cwd: dir,
      env: { ...process.env, REELSMITH_URL: stackUrl, REELSMITH_KEY: "rs_wrong" },
    }).catch((e) => e);
    expect(failed.code).not.toBe(0);
    expect(`${failed.stdout}${failed.stderr}`).toMatch(/unauthorized/);
  });
});
