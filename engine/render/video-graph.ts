// Joins the visual clips into one stream: one concat of clip bodies, transition filters only on the overlapping pieces.
import type { TransitionKind } from "../../core/draft.ts";
import type { FilterGraph } from "./filter-graph.ts";
import { sec } from "./filter-graph.ts";
import type { RenderPlan } from "./render-plan.ts";
import { type Piece, visualClipPieces } from "./visual-clip.ts";

const XFADE: Record<TransitionKind, string> = {
  fade: "fade",
  slide: "slideleft",
  wipe: "wipeleft",
  zoom: "zoomin",
};
/** Converts to and from the 4:4:4 that xfade in ffmpeg 5.1 requires; bilinear is plenty for chroma resampling. */
const TO_444 = ["scale=flags=bilinear", "format=yuv444p"];
const TO_420 = ["scale=flags=bilinear", "format=yuv420p"];

/**
 * Joins the outgoing tail and the incoming head (both `frames` long) into the transition's frames. Fades and
 * slides are overlays in yuv420p (about 6× cheaper than xfade's float 4:4:4 path); wipe and zoom use xfade.
 */
function transition(
  graph: FilterGraph,
  type: TransitionKind,
  outgoing: string,
  incoming: string,
  frames: number,
  fps: number,
): string {
  if (type === "fade") {
    const faded = graph.chain(
      [incoming],
      ["format=yuva420p", `fade=t=in:s=0:n=${frames}:alpha=1`],
      graph.label("fd"),
    );
    return graph.chain([outgoing, faded], ["overlay=format=yuv420"], graph.label("tr"));
  }
  if (type === "slide") {
    const p = `((n+1)/${frames})`;
    // The incoming picture slides in from the right with a smoothstep ease.
    return graph.chain(
      [outgoing, incoming],
      [`overlay=x='W*(1-${p}*${p}*(3-2*${p}))':y=0`],
      graph.label("tr"),
    );
  }
  const [a, b] = [
    graph.chain([outgoing], TO_444, graph.label("x4")),
    graph.chain([incoming], TO_444, graph.label("x4")),
  ];
  const xfade = `xfade=transition=${XFADE[type] ?? "fade"}:duration=${sec(frames / fps)}:offset=0`;
  return graph.chain([a, b], [xfade, ...TO_420], graph.label("tr"));
}

/**
 * Adds the video chains and returns the label of the joined stream. Only the frames inside a transition go
 * through transition filters; everything else stays untouched yuv420p and is joined by one concat.
 */
export function buildVideo(graph: FilterGraph, plan: RenderPlan): string {
  const { canvas, visuals } = plan;
  const parts: string[] = [];
  let outgoingTail: string | undefined;
  visuals.forEach((clip, i) => {
    const head = clip.transition?.frames ?? 0;
    const tail = visuals[i + 1]?.transition?.frames ?? 0;
    const pieces: Piece[] = [
      { from: 0, to: head },
      { from: head, to: clip.frames - tail },
      { from: clip.frames - tail, to: clip.frames },
    ];
    const kept = pieces.filter((p) => p.to > p.from);
    const labels = visualClipPieces(graph, clip, canvas, kept);
    const byPiece = new Map(kept.map((p, j) => [p, labels[j]]));
    const [headLabel, bodyLabel, tailLabel] = pieces.map((p) => byPiece.get(p));
    if (headLabel && outgoingTail && clip.transition) {
      parts.push(transition(graph, clip.transition.type, outgoingTail, headLabel, head, canvas.fps));
    }
    if (bodyLabel) parts.push(bodyLabel);
    outgoingTail = tailLabel;
  });
  if (parts.length === 1) return parts[0];
  return graph.chain(parts, [`concat=n=${parts.length}:v=1:a=0`], graph.label("cat"));
}
