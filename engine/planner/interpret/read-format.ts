// Reads the output format from a clause: platform, shape, resolution, and a file-size budget.
import { type EditCommand, SMALLER_BUDGET_STEP } from "../../../core/edit-commands.ts";
import type { ClauseView } from "./clause.ts";

const MB = 1024 * 1024;

function readCanvas(v: ClauseView): EditCommand[] {
  const platforms = v.concepts("platform");
  const aspects = v.concepts("aspect");
  const ratios = v.amounts("ratio");
  const resolutions = [...v.amounts("resolution"), ...v.concepts("resolution")];
  if (!platforms.length && !aspects.length && !ratios.length && !resolutions.length) return [];
  // "from Douyin to Xiaohongshu": the platform after "to"/"for" is the one wanted
  const to = v.concepts("to")[0];
  const platform = (to && platforms.find((p) => v.indexOf(p) > v.indexOf(to))) ?? platforms.at(-1);
  const aspect = aspects.at(-1)?.value as { w: number; h: number } | "source" | undefined;
  const ratio = ratios.at(-1);
  const resolution = resolutions.at(-1);
  v.use(
    ...platforms,
    ...aspects,
    ...ratios,
    ...resolutions,
    ...v.concepts("canvas", "change", "to", "keep", "video", "create", "add"),
  );
  const px = resolution
    ? resolution.kind === "resolution"
      ? resolution.px
      : (resolution.value as number)
    : ratio?.px;
  return [
    {
      cmd: "canvas",
      ...(platform && { preset: platform.value as string }),
      ...(ratio ? { aspect: { w: ratio.w, h: ratio.h } } : aspect && aspect !== "source" ? { aspect } : {}),
      ...(aspect === "source" && { keepSource: true }),
      ...(px && { resolution: px }),
    },
  ];
}

function readBudget(v: ClauseView): EditCommand[] {
  const compress = v.concepts("compress")[0];
  const bytes = v.amounts("bytes").at(-1);
  const file = v.concepts("fileSize")[0];
  if (!compress && !bytes && !file) return [];
  if (compress && v.polarity(compress) !== "add" && v.has("neg", "without")) {
    v.use(compress, ...v.concepts("neg", "without", "remove"));
    return [{ cmd: "noBudget" }];
  }
  if (bytes) {
    v.use(bytes, compress, file, ...v.concepts("to", "keep", "change", "smaller", "video"));
    return [{ cmd: "budget", megabytes: Math.max(1, Math.round((bytes.value / MB) * 10) / 10) }];
  }
  if (file && v.polarity(file) === "remove") return [];
  if (compress || (file && v.has("smaller", "compress"))) {
    // "smaller", "even smaller file", 再压小一点: below the current limit when there is one
    const more =
      v.has("slightly", "more", "smaller", "much") ||
      v.words().some((w) => /^(?:even|more|再|更)$/i.test(w)) ||
      (!!compress && /smaller|小/.test(v.message.slice(compress.start, compress.end)));
    v.use(compress, file, ...v.concepts("smaller", "slightly", "more", "much", "change", "video"));
    return [more ? { cmd: "budget", factor: SMALLER_BUDGET_STEP } : { cmd: "budget" }];
  }
  return [];
}

export function readFormat(v: ClauseView): EditCommand[] {
  return [...readCanvas(v), ...readBudget(v)];
}
