// Pure renderer logic, no ffmpeg: frame-exact timeline, transitions, text styles, escaping, encoding budget.
import { describe, expect, it } from "vitest";
import type { Draft } from "../../core/draft.ts";
import { encodingFor } from "../../engine/render/encode-args.ts";
import { escapeFilterValue } from "../../engine/render/filter-graph.ts";
import { ffmpegColor, planRender } from "../../engine/render/render-plan.ts";
import { stderrReason } from "../../engine/render/run-ffmpeg.ts";
import { mediaItem, resolverFor } from "./helpers/media-fixtures.ts";

const photo = (n: number) => mediaItem(`/media/p${n}.jpg`, "image");
const clip = mediaItem("/media/c.mp4", "video", { duration: 20, hasAudio: true });
const media = [photo(0), photo(1), photo(2), clip];
const lookup = resolverFor(media);

function draft(sg: Draft["t"][number]["sg"], extra: Partial<Draft> = {}): Draft {
  return { d: 9000, m: { width: 1080, height: 1920 }, t: [{ tt: 0, sg }], ...extra };
}

describe("planRender", () => {
  it("lays clips frame-exactly and extends the outgoing clip under each transition", () => {
    const plan = planRender(
      draft([
        { s: 0, d: 3000, k: "image", src: media[0].url },
        { s: 3000, d: 3000, k: "image", src: media[1].url, tr: { type: "fade", d: 500 } },
        { s: 6000, d: 3000, k: "image", src: media[2].url, tr: { type: "slide", d: 1000 } },
      ]),
      lookup,
    );
    expect(plan.frames).toBe(270);
    expect(plan.visuals.map((v) => [v.start, v.frames, v.transition?.frames ?? 0])).toEqual([
      [0, 105, 0],
      [90, 120, 15],
      [180, 90, 30],
    ]);
    expect(plan.visuals[0].motion).toBe("zoom-in");
  });

  it("fills gaps and the end with black, and lets a later segment cut an overlapping one", () => {
    const plan = planRender(
      draft([
        { s: 1000, d: 4000, k: "video", src: clip.url, in: 2000 },
        { s: 3000, d: 2000, k: "color", bg: ["#ff0000", "#0000ff"] },
      ]),
      lookup,
    );
    expect(plan.visuals.map((v) => [v.kind, v.start, v.frames])).toEqual([
      ["color", 0, 30],
      ["video", 30, 60],
      ["color", 90, 60],
      ["color", 150, 120],
    ]);
    expect(plan.visuals[1].trimIn).toBe(2);
    expect(plan.visuals[2].colors).toEqual(["0xFF0000", "0x0000FF"]);
    expect(plan.audio).toMatchObject([{ media: clip, start: 1, duration: 2, trimIn: 2, volume: 1 }]);
  });

  it("crossfades clip sound over a transition and reads music, synth and text tracks", () => {
    const plan = planRender(
      {
        d: 10_000,
        m: { width: 720, height: 1280 },
        t: [
          {
            tt: 0,
            sg: [
              { s: 0, d: 5000, k: "video", src: clip.url },
              { s: 5000, d: 5000, k: "video", src: clip.url, in: 8000, tr: { type: "wipe", d: 1000 } },
            ],
          },
          { tt: 1, sg: [{ s: 0, d: 12_000, k: "synth", mood: "upbeat", v: 0.35, fo: 2000 }] },
          {
            tt: 7,
            sg: [{ s: 0, d: 3000, k: "text", role: "title", tx: "Hi", st: { size: 120, color: "yellow" } }],
          },
        ],
      },
      lookup,
    );
    const [first, second, music] = plan.audio;
    expect(first).toMatchObject({ start: 0, duration: 6, fadeOut: 1 });
    expect(second).toMatchObject({ start: 5, duration: 5, fadeIn: 1, trimIn: 8 });
    expect(music).toMatchObject({ media: undefined, mood: "upbeat", duration: 10, volume: 0.35, fadeOut: 2 });
    expect(plan.texts).toEqual([
      {
        text: "Hi",
        role: "title",
        start: 0,
        end: 3,
        size: 80,
        pos: "top",
        style: "plate",
        color: [255, 214, 0],
      },
    ]);
  });

  it("uses the preset canvas when the draft has none", () => {
    const plan = planRender({ d: 1000, m: { preset: "bilibili" }, t: [] }, lookup);
    expect(plan.canvas).toEqual({ width: 1920, height: 1080, fps: 30 });
    expect(plan.visuals).toHaveLength(1);
  });
});

describe("escaping and colours", () => {
  it("escapes option and graph metacharacters", () => {
    expect(escapeFilterValue("/tmp/a'b:c,d[e];f\\g")).toBe("/tmp/a\\\\\\'b\\\\:c\\,d\\[e\\]\\;f\\\\\\\\g");
  });

  it("accepts CSS hex and common names only", () => {
    expect(ffmpegColor("#abc", "x")).toBe("0xAABBCC");
    expect(ffmpegColor("White", "x")).toBe("0xFFFFFF");
    expect(ffmpegColor("red:enable=0", "0xFFFFFF")).toBe("0xFFFFFF");
  });

  it("takes the cause from ffmpeg's stderr, not its follow-on complaints", () => {
    const stderr = [
      "[mjpeg @ 0x55d1] No JPEG data found in image",
      "[mjpeg @ 0x55d2] No JPEG data found in image",
      "Error while decoding stream #0:0: Invalid data found when processing input",
      "Cannot determine format of input stream 0:0 after EOF",
      "Error marking filters as finished",
    ].join("\n");
    expect(stderrReason(stderr, 1)).toBe(
      "No JPEG data found in image; Error while decoding stream #0:0: Invalid data found when processing input",
    );
    expect(stderrReason("", 137)).toBe("ffmpeg exited with code 137");
  });
});

describe("encoding", () => {
  it("caps the bitrate by preset and fits a size budget including the VBV buffer", () => {
    expect(encodingFor({ preset: "douyin" }, 30, 30)).toMatchObject({
      maxrateKbps: 10_000,
      bufsizeKbps: 20_000,
      gop: 60,
    });
    const budget = 4 * 1024 * 1024;
    const e = encodingFor({ preset: "weixin", budget }, 20, 30);
    const worstBytes = ((e.maxrateKbps * 20 + e.bufsizeKbps + e.audioKbps * 20) * 1000) / 8;
    expect(worstBytes).toBeLessThan(budget);
  });
});
