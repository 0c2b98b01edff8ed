// Filter chains for one visual clip: cover/blur fit, still-image motion on a once-scaled frame, colour/gradient cards.
import type { FilterGraph } from "./filter-graph.ts";
import { sec } from "./filter-graph.ts";
import type { Canvas, VisualClip } from "./render-plan.ts";

/** Stills with motion are scaled once to this much more than the canvas, leaving room to zoom or pan. */
const MOTION_OVERSCAN = 1.12;
/** The blurred background is blurred at this fraction of the canvas size, which keeps it cheap. */
const BLUR_SCALE = 8;

const evenSize = (n: number) => Math.round(n / 2) * 2;

/** Input options for a clip's source; the clip's sound reuses the same input. */
export function videoInputOptions(trimIn: number, seconds: number): string[] {
  return ["-ss", sec(trimIn), "-t", sec(seconds + 0.5)];
}

/** Filters that make a frame exactly w×h: scaled to cover and centre-cropped. */
function coverFilters(w: number, h: number): string[] {
  return [`scale=${w}:${h}:force_original_aspect_ratio=increase`, `crop=${w}:${h}`];
}

/** Fits `input` to w×h over a blurred, enlarged copy of itself. */
function blurFit(graph: FilterGraph, input: string, w: number, h: number): string {
  const [bgIn, fgIn] = [graph.label("bgin"), graph.label("fgin")];
  graph.chain([input], ["split"], [bgIn, fgIn]);
  const [bw, bh] = [evenSize(w / BLUR_SCALE), evenSize(h / BLUR_SCALE)];
  const bg = graph.chain(
    [bgIn],
    [...coverFilters(bw, bh), "boxblur=luma_radius=6:chroma_radius=6:luma_power=2", `scale=${w}:${h}`],
    graph.label("bg"),
  );
  const fg = graph.chain([fgIn], [`scale=${w}:${h}:force_original_aspect_ratio=decrease`], graph.label("fg"));
  return graph.chain([bg, fg], ["overlay=(W-w)/2:(H-h)/2"], graph.label("fit"));
}

/** Fit filters applied to `input`; returns the fitted label (chains it when the fit needs several pads). */
function fitted(
  graph: FilterGraph,
  input: string,
  clip: VisualClip,
  w: number,
  h: number,
  pre: string[],
): string {
  if (clip.fit === "blur") {
    const src = pre.length ? graph.chain([input], pre, graph.label("pre")) : input;
    return graph.chain([blurFit(graph, src, w, h)], ["format=yuv420p", "setsar=1"], graph.label("f"));
  }
  return graph.chain(
    [input],
    [...pre, ...coverFilters(w, h), "format=yuv420p", "setsar=1"],
    graph.label("f"),
  );
}

/** One frame repeated for the clip's length, with timestamps at the canvas rate. */
function holdFrame(frames: number): string[] {
  return [`loop=loop=${frames - 1}:size=1`, "setpts=N/FRAME_RATE/TB"];
}

/** Motion on a still that was scaled once; zoom scales per frame only at canvas size, pan is a free crop. */
function motionFilters(clip: VisualClip, c: Canvas): string[] {
  const last = Math.max(1, clip.frames - 1);
  const grow = sec(MOTION_OVERSCAN - 1);
  switch (clip.motion) {
    case "zoom-in":
    case "zoom-out": {
      const z = clip.motion === "zoom-in" ? `1+${grow}*on/${last}` : `${MOTION_OVERSCAN}-${grow}*on/${last}`;
      const center = "x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2'";
      return [`zoompan=z='${z}':${center}:d=${clip.frames}:s=${c.width}x${c.height}:fps=${c.fps}`];
    }
    case "pan":
      return [
        ...holdFrame(clip.frames),
        `crop=${c.width}:${c.height}:x='(iw-ow)*n/${last}':y='(ih-oh)/2':exact=1`,
      ];
    default:
      return holdFrame(clip.frames);
  }
}

function imageClip(graph: FilterGraph, clip: VisualClip, c: Canvas): string {
  const input = graph.addInput(clip.media!.path, ["-framerate", String(c.fps)]);
  const scale = clip.motion === "none" ? 1 : MOTION_OVERSCAN;
  const [w, h] = [evenSize(c.width * scale), evenSize(c.height * scale)];
  const still = fitted(graph, `[${input}:v]`, clip, w, h, []);
  return graph.chain([still], motionFilters(clip, c), graph.label("img"));
}

function videoClip(graph: FilterGraph, clip: VisualClip, c: Canvas): string {
  const input = graph.addInput(clip.media!.path, videoInputOptions(clip.trimIn, clip.frames / c.fps));
  const pre = ["setpts=PTS-STARTPTS", `fps=${c.fps}`];
  const fit = fitted(graph, `[${input}:v]`, clip, c.width, c.height, pre);
  // A source shorter than its slot holds its last frame.
  return graph.chain(
    [fit],
    [`tpad=stop_mode=clone:stop=${clip.frames}`, `trim=end_frame=${clip.frames}`],
    graph.label("vid"),
  );
}

function colorClip(graph: FilterGraph, clip: VisualClip, c: Canvas): string {
  const size = `${c.width}x${c.height}`;
  if (clip.colors.length < 2) {
    return graph.chain(
      [],
      [
        `color=c=${clip.colors[0]}:s=${size}:r=${c.fps}`,
        "format=yuv420p",
        "setsar=1",
        `trim=end_frame=${clip.frames}`,
      ],
      graph.label("col"),
    );
  }
  // A gradient is drawn once, oversized, then drifts diagonally by cropping: alive but nearly free.
  const [w, h] = [evenSize(c.width * 1.2), evenSize(c.height * 1.2)];
  const stops = clip.colors.slice(0, 8).map((col, i) => `c${i}=${col}`);
  const gradient = `gradients=s=${w}x${h}:${stops.join(":")}:n=${stops.length}:x0=0:y0=0:x1=${w}:y1=${h}:r=${c.fps}`;
  const last = Math.max(1, clip.frames - 1);
  return graph.chain(
    [],
    [
      gradient,
      "trim=end_frame=1",
      "format=yuv420p",
      ...holdFrame(clip.frames),
      `crop=${c.width}:${c.height}:x='(iw-ow)*n/${last}':y='(ih-oh)*n/${last}'`,
      "setsar=1",
    ],
    graph.label("grad"),
  );
}

/** Adds the chains for one clip and returns the label of its frames: canvas-sized yuv420p at the canvas rate. */
export function visualClipChain(graph: FilterGraph, clip: VisualClip, canvas: Canvas): string {
  if (clip.kind === "image") return imageClip(graph, clip, canvas);
  if (clip.kind === "video") return videoClip(graph, clip, canvas);
  return colorClip(graph, clip, canvas);
}
