// Accumulates ffmpeg inputs and -filter_complex chains with unique pad labels; escapes option values.

/** Escapes a value for a filter option inside -filter_complex (option level, then graph level). */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, "\\$&");
  return optionLevel.replace(/[\\'[\],;]/g, "\\$&");
}

/** Seconds as a short decimal string for filter arguments. */
export function sec(value: number): string {
  return Number(value.toFixed(4)).toString();
}

export class FilterGraph {
  private readonly inputArgs: string[] = [];
  private readonly inputIndex = new Map<string, number>();
  private readonly chains: string[] = [];
  private labelCount = 0;

  /** Adds an input (its options then `-i path`) and returns its index; the same input twice is opened once. */
  addInput(path: string, options: string[] = []): number {
    const key = JSON.stringify([path, options]);
    const known = this.inputIndex.get(key);
    if (known !== undefined) return known;
    this.inputArgs.push(...options, "-i", path);
    this.inputIndex.set(key, this.inputIndex.size);
    return this.inputIndex.size - 1;
  }

  /** A fresh pad label such as `[v3]`. */
  label(prefix: string): string {
    return `[${prefix}${this.labelCount++}]`;
  }

  /** Appends `inputs filters outputs`; returns the first output label. */
  chain(inputs: string[], filters: string[], outputs: string[] | string): string {
    const outs = typeof outputs === "string" ? [outputs] : outputs;
    this.chains.push(`${inputs.join("")}${filters.join(",")}${outs.join("")}`);
    return outs[0];
  }

  /** The input arguments followed by `-filter_complex`. */
  args(): string[] {
    return [...this.inputArgs, "-filter_complex", this.chains.join(";\n")];
  }
}
