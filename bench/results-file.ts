// bench/RESULTS.md, one section per benchmark: a run replaces its own section and leaves the others as they are.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const resultsPath = new URL("RESULTS.md", import.meta.url).pathname;

/** Replaces the section under the heading line `## <heading>` (or appends it); `text` starts with that line. */
export function writeResultsSection(heading: string, text: string): void {
  const current = existsSync(resultsPath) ? readFileSync(resultsPath, "utf8") : "# Benchmarks\n\n";
  const start = `\n${current}`.indexOf(`\n## ${heading}\n`);
  if (start < 0) {
    writeFileSync(resultsPath, `${current.trimEnd()}\n\n${text}`);
    return;
  }
  const after = current.indexOf("\n## ", start + 1);
  const rest = after < 0 ? "" : `\n${current.slice(after + 1)}`;
  writeFileSync(resultsPath, `${current.slice(0, start)}${text.trimEnd()}\n${rest}`);
}
