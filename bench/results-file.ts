// bench/RESULTS.md, one section per benchmark: a run replaces its own section and leaves the others as they are.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";

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

/** The machine's 1-minute load average at the start and now, for a section's first lines (the cores may be shared). */
export function loadNote(before: number): string {
  return `load average ${before.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end`;
}
