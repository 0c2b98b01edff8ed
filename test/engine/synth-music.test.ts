// Built-in music, measured on the synthesized samples: every mood fills the spectrum, keeps its level through chord changes, loops seamlessly.
import { describe, expect, it } from "vitest";
import { MUSIC_MOODS } from "../../core/draft.ts";
import { PRESETS } from "../../core/presets.ts";
import { resolveMood, SYNTH_RATE, synthLoop } from "../../engine/render/synth-music.ts";

/** Two one-pole low-passes in a row at `hz`. */
function lowpass(x: Float32Array, hz: number): Float32Array {
  const k = 1 - Math.exp((-2 * Math.PI * hz) / SYNTH_RATE);
  const out = new Float32Array(x.length);
  let [a, b] = [0, 0];
  for (let i = 0; i < x.length; i++) {
    a += k * (x[i] - a);
    b += k * (a - b);
    out[i] = b;
  }
  return out;
}
const highpass = (x: Float32Array, hz: number) => {
  const low = lowpass(x, hz);
  return x.map((v, i) => v - low[i]);
};
const rmsDb = (x: Float32Array, from = 0, to = x.length) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i] * x[i];
  return 10 * Math.log10(sum / (to - from) + 1e-12);
};

const loops = new Map(MUSIC_MOODS.map((mood) => [mood, synthLoop(mood)]));
const mono = (mood: (typeof MUSIC_MOODS)[number]) => {
  const { left, right } = loops.get(mood)!;
  return left.map((v, i) => (v + right[i]) / 2);
};

describe("built-in music", () => {
  it.each(MUSIC_MOODS)(
    "%s has bass, a body and highs: no band more than 25 dB under the strongest",
    (mood) => {
      const x = mono(mood);
      const bands = [lowpass(x, 150), lowpass(highpass(x, 200), 2000), highpass(x, 5000)].map((b) =>
        rmsDb(b),
      );
      const loudest = Math.max(...bands);
      for (const band of bands) expect(loudest - band).toBeLessThan(25);
    },
  );

  it.each(MUSIC_MOODS)("%s holds its level across every chord change and the loop's seam", (mood) => {
    const x = mono(mood);
    const twice = new Float32Array(x.length * 2);
    twice.set(x);
    twice.set(x, x.length);
    const bar = x.length / 8;
    const win = Math.round(0.4 * SYNTH_RATE);
    // Windows of 400 ms (the momentary-loudness window) every 100 ms over the loop, and around each bar line.
    const levels: number[] = [];
    for (let at = 0; at + win < x.length; at += SYNTH_RATE / 10) levels.push(rmsDb(twice, at, at + win));
    const median = [...levels].sort((a, b) => a - b)[Math.floor(levels.length / 2)];
    for (let b = 1; b <= 8; b++) {
      const change = Math.round(b * bar);
      expect(rmsDb(twice, change - win / 2, change + win / 2)).toBeGreaterThan(median - 3);
    }
  });

  it("is stereo, peaks at −1 dBFS, and differs from mood to mood", () => {
    for (const mood of MUSIC_MOODS) {
      const { left, right } = loops.get(mood)!;
      const peak = [left, right].reduce((m, ch) => ch.reduce((n, v) => Math.max(n, Math.abs(v)), m), 0);
      expect(peak).toBeCloseTo(0.89, 2);
      expect(left.some((v, i) => Math.abs(v - right[i]) > 0.01)).toBe(true);
    }
    const lengths = new Set(MUSIC_MOODS.map((m) => loops.get(m)!.left.length));
    expect(lengths.size).toBe(MUSIC_MOODS.length);
    expect(resolveMood("Happy")).toBe("upbeat");
    expect(resolveMood("no such mood")).toBe("calm");
  });

  it("has a mood for every preset that promises music", () => {
    for (const p of PRESETS) {
      const promises = /music|音乐/i.test(p.description.en + p.description.zh + p.starter.en + p.starter.zh);
      if (promises) expect(MUSIC_MOODS, p.id).toContain(p.look.music);
    }
  });
});
