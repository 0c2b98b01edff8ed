// Joins the visual clips into one stream: a single concat of clip bodies, with xfade only on the short transition pieces.
import type { TransitionKind } from "../../core/draft.ts";
import type { FilterGraph } from "./filter-graph.ts";
import { sec } from "./filter-graph.ts";
import type { RenderPlan } from "./render-plan.ts";
import { visualClipChain } from "./visual-clip.ts";

const XFADE: Record<TransitionKind, string> = {
  fade: "fade",
  slide: "slideleft",
  wipe: "wipeleft",
  zoom: "zoomin",
};

interface Piece {
  from: number;
  to: number;
}

/** Cuts frames [from, to) of each piece out of `input`, each restarting at time zero. */
function cutPieces(graph: FilterGraph, input: string, pieces: Piece[]): string[] {
  if (pieces.length === 1 && pieces[0].from === 0) return [input];
  const branches = pieces.map(() => graph.label("br"));
  if (pieces.length > 1) graph.chain([input], [`split=${pieces.length}`], branches);
  return pieces.map((p, i) =>
    graph.chain(
      [pieces.length > 1 ? branches[i] : input],
      [`trim=start_frame=${p.from}:end_frame=${p.to}`, "setpts=PTS-STARTPTS"],
      graph.label("pc"),
    ),
  );
}

/**
 * Adds the video chains and returns the label of the joined stream. xfade in ffmpeg 5.1 only takes
 * unsubsampled formats, so only the frames inside a transition go through it (converted to 4:4:4 and back);
 * everything else stays yuv420p and is joined by one concat.
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
    const labels = cutPieces(graph, visualClipChain(graph, clip, canvas), kept);
    const byPiece = new Map(kept.map((p, j) => [p, labels[j]]));
    const [headLabel, bodyLabel, tailLabel] = pieces.map((p) => byPiece.get(p));
    if (headLabel && outgoingTail && clip.transition) {
      const type = XFADE[clip.transition.type] ?? "fade";
      const xfade = `xfade=transition=${type}:duration=${sec(head / canvas.fps)}:offset=0`;
      parts.push(graph.chain([outgoingTail, headLabel], [xfade, "format=yuv420p"], graph.label("xf")));
    }
    if (bodyLabel) parts.push(bodyLabel);
    outgoingTail = tailLabel;
  });
  if (parts.length === 1) return parts[0];
  return graph.chain(parts, [`concat=n=${parts.length}:v=1:a=0`], graph.label("cat"));
}
