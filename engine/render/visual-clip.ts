// Filter chains for one visual clip, cut into independent pieces: cover/blur fit, still motion, colour/gradient cards.
import type { FilterGraph } from "./filter-graph.ts";
import { sec } from "./filter-graph.ts";
import type { Canvas, VisualClip } from "./render-plan.ts";

/** Frames [from, to) of a clip. */
export interface Piece {
  from: number;
  to: number;
}

/** Stills with motion are scaled once to this much more than the canvas, leaving room to zoom or pan. */
const MOTION_OVERSCAN = 1.12;
/** The blurred background is blurred at this fraction of the canvas size, which keeps it cheap. */
const BLUR_SCALE = 8;

const evenSize = (n: number) => Math.round(n / 2) * 2;
const length = (p: Piece) => p.to - p.from;

/**
 * Input options for a stretch of a video source; the clip's sound uses the whole clip's stretch. One decoder
 * thread each: x264 already keeps both cores busy, and frame-threaded decoding only adds overhead (and
 * memory, with a decoder per piece).
 */
export function videoInputOptions(trimIn: number, seconds: number): string[] {
  return ["-threads", "1", "-ss", sec(trimIn), "-t", sec(seconds + 0.5)];
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

/** Fits `input` to w×h (after the `pre` filters), ending in yuv420p with square pixels. */
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

/** One frame shared by every piece: each piece loops its own reference, so pieces never wait on each other. */
function shareFrame(graph: FilterGraph, frame: string, count: number): string[] {
  if (count === 1) return [frame];
  const copies = Array.from({ length: count }, () => graph.label("one"));
  graph.chain([frame], [`split=${count}`], copies);
  return copies;
}

/** One frame repeated for `frames`, with timestamps at the canvas rate. */
function holdFrame(frames: number): string[] {
  return [`loop=loop=${frames - 1}:size=1`, "setpts=N/FRAME_RATE/TB"];
}

/** Motion on a still scaled once: zoom scales per frame only at canvas size, pan is a free crop. */
function motionFilters(clip: VisualClip, c: Canvas, piece: Piece): string[] {
  const last = Math.max(1, clip.frames - 1);
  const grow = sec(MOTION_OVERSCAN - 1);
  switch (clip.motion) {
    case "zoom-in":
    case "zoom-out": {
      const k = `(on+${piece.from})`;
      const z =
        clip.motion === "zoom-in" ? `1+${grow}*${k}/${last}` : `${MOTION_OVERSCAN}-${grow}*${k}/${last}`;
      const center = "x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2'";
      return [`zoompan=z='${z}':${center}:d=${length(piece)}:s=${c.width}x${c.height}:fps=${c.fps}`];
    }
    case "pan":
      return [
        ...holdFrame(length(piece)),
        `crop=${c.width}:${c.height}:x='(iw-ow)*(n+${piece.from})/${last}':y='(ih-oh)/2':exact=1`,
      ];
    default:
      return holdFrame(length(piece));
  }
}

function imagePieces(graph: FilterGraph, clip: VisualClip, c: Canvas, pieces: Piece[]): string[] {
  const input = graph.addInput(clip.media!.path, ["-framerate", String(c.fps)]);
  const scale = clip.motion === "none" ? 1 : MOTION_OVERSCAN;
  const still = fitted(
    graph,
    `[${input}:v]`,
    clip,
    evenSize(c.width * scale),
    evenSize(c.height * scale),
    [],
  );
  return shareFrame(graph, still, pieces.length).map((frame, i) =>
    graph.chain([frame], motionFilters(clip, c, pieces[i]), graph.label("img")),
  );
}

/** Each piece decodes its own stretch of the source, so a transition never makes the decoder run ahead. */
function videoPieces(graph: FilterGraph, clip: VisualClip, c: Canvas, pieces: Piece[]): string[] {
  return pieces.map((piece) => {
    const frames = length(piece);
    const options = videoInputOptions(clip.trimIn + piece.from / c.fps, frames / c.fps);
    const input = graph.addInput(clip.media!.path, options);
    const fit = fitted(graph, `[${input}:v]`, clip, c.width, c.height, [
      "setpts=PTS-STARTPTS",
      `fps=${c.fps}`,
    ]);
    // A source shorter than its slot holds its last frame.
    return graph.chain(
      [fit],
      [`tpad=stop_mode=clone:stop=${frames}`, `trim=end_frame=${frames}`],
      graph.label("vid"),
    );
  });
}

function colorPieces(graph: FilterGraph, clip: VisualClip, c: Canvas, pieces: Piece[]): string[] {
  if (clip.colors.length < 2) {
    const solid = `color=c=${clip.colors[0]}:s=${c.width}x${c.height}:r=${c.fps}`;
    return pieces.map((p) =>
      graph.chain(
        [],
        [solid, "format=yuv420p", "setsar=1", `trim=end_frame=${length(p)}`],
        graph.label("col"),
      ),
    );
  }
  // A gradient is drawn once, oversized, then drifts diagonally by cropping: alive but nearly free.
  const [w, h] = [evenSize(c.width * 1.2), evenSize(c.height * 1.2)];
  const stops = clip.colors.slice(0, 8).map((col, i) => `c${i}=${col}`);
  const gradient = `gradients=s=${w}x${h}:${stops.join(":")}:n=${stops.length}:x0=0:y0=0:x1=${w}:y1=${h}:r=${c.fps}`;
  const frame = graph.chain(
    [],
    [gradient, "trim=end_frame=1", "format=yuv420p", "setsar=1"],
    graph.label("grad"),
  );
  const last = Math.max(1, clip.frames - 1);
  return shareFrame(graph, frame, pieces.length).map((one, i) => {
    const k = `(n+${pieces[i].from})`;
    const drift = `crop=${c.width}:${c.height}:x='(iw-ow)*${k}/${last}':y='(ih-oh)*${k}/${last}'`;
    return graph.chain([one], [...holdFrame(length(pieces[i])), drift], graph.label("grd"));
  });
}

/**
 * Adds chains for the given pieces of one clip and returns one label per piece: canvas-sized yuv420p at
 * the canvas rate, timestamps from zero. Pieces are independent, so none buffers while another plays.
 */
export function visualClipPieces(
  graph: FilterGraph,
  clip: VisualClip,
  canvas: Canvas,
  pieces: Piece[],
): string[] {
  if (clip.kind === "image") return imagePieces(graph, clip, canvas, pieces);
  if (clip.kind === "video") return videoPieces(graph, clip, canvas, pieces);
  return colorPieces(graph, clip, canvas, pieces);
}
