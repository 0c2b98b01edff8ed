// The platform presets from GET /api/presets and which one is chosen.
import { computed, signal } from "@preact/signals";
import { api, call, type Preset } from "./api.ts";

export const presets = signal<Preset[]>([]);
export const presetsFailed = signal(false);
export const chosenPresetId = signal<string | null>(null);
export const chosenPreset = computed(() => presets.value.find((p) => p.id === chosenPresetId.value) ?? null);

export async function loadPresets(): Promise<void> {
  try {
    presets.value = (await call(api.presets.$get())).presets;
    presetsFailed.value = false;
  } catch {
    presetsFailed.value = true;
  }
}

/** "9:16", "16:9", … from a canvas, or null for presets that keep the source's aspect. */
export function aspectOf(p: Preset): string | null {
  if (p.keepAspect) return null;
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  const g = gcd(p.canvas.width, p.canvas.height);
  return `${p.canvas.width / g}:${p.canvas.height / g}`;
}
