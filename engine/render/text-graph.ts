// drawtext overlays: one filter per line, text read from files (never parsed as filter syntax), fades in and out.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FONT_BOLD, FONT_REGULAR } from "./ffmpeg-bin.ts";
import type { FilterGraph } from "./filter-graph.ts";
import { escapeFilterValue, sec } from "./filter-graph.ts";
import type { RenderPlan, TextOverlay } from "./render-plan.ts";
import { layoutText } from "./text-layout.ts";

const MAX_FADE = 0.4;

function alphaExpr(o: TextOverlay): string {
  const fade = Math.min(MAX_FADE, (o.end - o.start) / 4);
  const [s, e, f] = [sec(o.start), sec(o.end), sec(fade)];
  return `if(lt(t,${s}+${f}),(t-${s})/${f},if(gt(t,${e}-${f}),(${e}-t)/${f},1))`;
}

function styleOptions(o: TextOverlay, size: number): string[] {
  if (o.box) {
    return ["box=1", "boxcolor=black@0.5", `boxborderw=${Math.round(size * 0.2)}`];
  }
  const offset = Math.max(2, Math.round(size / 24));
  return ["shadowcolor=black@0.55", `shadowx=${offset}`, `shadowy=${offset}`];
}

/**
 * Adds drawtext filters over `video` and returns the resulting label. Each line's text goes to a file in
 * `workDir` and is drawn with `expansion=none`, so quotes, colons, percent signs and backslashes stay literal.
 */
export async function buildText(
  graph: FilterGraph,
  video: string,
  plan: RenderPlan,
  workDir: string,
): Promise<string> {
  const filters: string[] = [];
  for (const [i, overlay] of plan.texts.entries()) {
    const layout = layoutText(overlay, plan.canvas);
    const font = overlay.role === "caption" ? FONT_REGULAR : FONT_BOLD;
    for (const [j, line] of layout.lines.entries()) {
      const file = join(workDir, `text-${i}-${j}.txt`);
      await writeFile(file, line.text, "utf8");
      const options = [
        `fontfile=${escapeFilterValue(font)}`,
        `textfile=${escapeFilterValue(file)}`,
        "expansion=none",
        `fontsize=${layout.size}`,
        `fontcolor=${overlay.color}`,
        "x=(w-text_w)/2",
        `y=${line.baseline}-max_glyph_a`,
        ...styleOptions(overlay, layout.size),
        `alpha='${alphaExpr(overlay)}'`,
        `enable='between(t,${sec(overlay.start)},${sec(overlay.end)})'`,
      ];
      filters.push(`drawtext=${options.join(":")}`);
    }
  }
  return filters.length ? graph.chain([video], filters, graph.label("txt")) : video;
}
