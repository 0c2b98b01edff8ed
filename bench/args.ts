// Command-line flags of the benches: `--name value` numbers and bare `--name` switches.

/** The number after `--name`, or `fallback` when it is absent or not a positive number. */
export function numberFlag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return value > 0 ? value : fallback;
}

/** True when `--name` is on the command line. */
export const switchFlag = (name: string) => process.argv.includes(`--${name}`);

/** The text after `--name`, or `fallback`. */
export function textFlag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] && !process.argv[at + 1].startsWith("--")
    ? process.argv[at + 1]
    : fallback;
}
