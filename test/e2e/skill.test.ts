// SKILL.md is true: its frontmatter, its error table against the catalogue, and its curl examples run in order, as
// written, against the running stack (engine + wrangler dev), down to a real MP4 and a call to /mcp.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ERROR_CODES, entryFor } from "../../core/errors.ts";
import pkg from "../../package.json";
import { makePhotos, probeStreams } from "./media.ts";

const stackUrl = inject("stackUrl");
const skill = readFileSync(new URL("../../SKILL.md", import.meta.url), "utf8");
const run = promisify(execFile);
const examples = [...skill.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

describe("SKILL.md as a document", () => {
  it("has the frontmatter of an agent skill, versioned with the package", () => {
    const front = /^---\n([\s\S]*?)\n---\n/.exec(skill)?.[1] ?? "";
    expect(front).toMatch(/^name: reelsmith$/m);
    expect(front).toMatch(new RegExp(`^version: ${pkg.version.replaceAll(".", "\\.")}$`, "m"));
    expect(front).toMatch(/^description: >-\n {2}\S/m);
    expect(skill).toMatch(/^## When to use$/m);
  });

  it("lists every error code with its HTTP status, and no other", () => {
    const rows = [...skill.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \| (.+) \|$/gm)];
    const table = Object.fromEntries(rows.map(([, code, status]) => [code, Number(status)]));
    expect(Object.keys(table).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(table[code], code).toBe(entryFor(code).httpStatus);
  });
});

describe("SKILL.md's examples, run in order against the stack", () => {
  let dir: string;
  /** each example's output, in order */
  let outputs: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "reelsmith-skill-"));
    for (const [i, file] of makePhotos(dir, 2, "1080x1440").entries())
      renameSync(file, join(dir, `photo${i + 1}.jpg`));
    const script = examples.map((block, i) => `printf '\\n::example ${i}\\n'\n${adapt(block)}`).join("\n");
    const res = await run("bash", ["-c", `set -euo pipefail\n${script}\nprintf '\\n::end\\n'`], {
      cwd: dir,
      timeout: 200_000,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e) => {
      const last = /::example (\d+)(?![\s\S]*::example)/.exec(e.stdout)?.[1];
      throw new Error(
        `example ${last} failed:\n${examples[Number(last)]}\n${e.stderr}\n${e.stdout.slice(-2000)}`,
      );
    });
    expect(res.stdout).toMatch(/::end\n$/);
    outputs = res.stdout
      .replace(/\n::end\n$/, "")
      .split(/\n::example \d+\n/)
      .slice(1);
    expect(outputs).toHaveLength(examples.length);
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The output of the one example that does `what`. */
  const of = (what: RegExp) => {
    const i = examples.findIndex((b) => what.test(b));
    expect(i, `an example matching ${what}`).toBeGreaterThanOrEqual(0);
    return outputs[i];
  };

  it("lists the presets", () => {
    expect(
      of(/\/api\/presets/)
        .trim()
        .split(" "),
    ).toEqual(expect.arrayContaining(["xiaohongshu", "douyin"]));
  });

  it("refuses an address it may not fetch with the documented error (this machine has no internet)", () => {
    const body = JSON.parse(of(/\/imports/));
    expect(body.error).toMatchObject({
      code: "url_refused",
      reason: "ip_literal",
      message: expect.any(String),
    });
  });

  it("uploads both photos in parts, each ready for the editor", () => {
    const uploads = of(/upload photo1\.jpg/)
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(uploads).toMatchObject([
      { name: "photo1.jpg", state: "ready", media: { width: expect.any(Number) } },
      { name: "photo2.jpg", state: "ready", media: { width: expect.any(Number) } },
    ]);
  });

  it("streams the editor's turn to its end without an error", () => {
    const stream = of(/text\/event-stream/);
    expect(stream).toMatch(/^event: status$/m);
    expect(stream).toMatch(/^event: state$/m);
    expect(stream).toMatch(/^event: done$/m);
    expect(stream).not.toMatch(/^event: error$/m);
  });

  it("reads the new state's summary", () => {
    expect(of(/field summary/)).toMatch(/photo1, photo2/);
  });

  it("exports, waits for it and downloads a real MP4", () => {
    expect(JSON.parse(of(/\/exports\/\$E\/download/))).toMatchObject({ status: "completed", progress: 100 });
    expect(probeStreams(join(dir, "video.mp4")).map((s) => s.codec_name)).toEqual(
      expect.arrayContaining(["h264", "aac"]),
    );
  });

  it("shares it: the public link serves the MP4 without a key", async () => {
    const url = of(/\/share/).trim();
    expect(url.startsWith(`${stackUrl}/s/`)).toBe(true);
    const video = await fetch(`${url}/video`);
    expect(video.status).toBe(200);
    expect(video.headers.get("Content-Type")).toBe("video/mp4");
    await video.body?.cancel();
  });

  it("calls a tool over /mcp with the same key", () => {
    const data = of(/\/mcp$/m)
      .split("\n")
      .find((line) => line.startsWith("data: "));
    const { result } = JSON.parse(data!.slice(6));
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ ready: true, summary: expect.stringMatching(/photo1/) });
  });
});

/** Points the examples at the stack; the URL import, which needs the internet, gets an address refused up front. */
function adapt(block: string): string {
  const pointed = block.replace(/^B=\S+/m, `B=${stackUrl}`);
  if (!pointed.includes("/imports")) return pointed;
  const local = pointed.replace(/https:\/\/example\.com\/\S+?\.jpg/, "https://127.0.0.1/beach.jpg");
  // Its refusal is the expected answer: print it, and go on.
  return `if out=$(${local}); then echo "unexpected success: $out"; else echo "$out"; fi`;
}
