// Instruments for the built-in music, each adding one note into a stereo buffer: pads, bass, plucks, bells, keys, drums.

export const SYNTH_RATE = 48000;

/** A stereo buffer the instruments add into. */
export interface Stereo {
  left: Float32Array;
  right: Float32Array;
}

/** One note: where it starts (samples), how long it is held (samples), its pitch, level and pan (−1 … 1). */
export interface Note {
  at: number;
  length: number;
  midi: number;
  gain: number;
  pan?: number;
}

export const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** A deterministic pseudo-random source (mulberry32), so a mood always sounds the same. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TABLE = 2048;
/** One cycle of a waveform from harmonic amplitudes, read with a phase accumulator: one lookup per sample. */
function wavetable(harmonics: number[]): Float32Array {
  const table = new Float32Array(TABLE + 1);
  for (let i = 0; i <= TABLE; i++) {
    const phase = (2 * Math.PI * i) / TABLE;
    table[i] = harmonics.reduce((s, a, h) => s + a * Math.sin((h + 1) * phase), 0);
  }
  const peak = table.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return table.map((v) => v / peak);
}

/** Soft sawtooth (8 harmonics): pads and plucks. */
const SAW = wavetable([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8]);
/** Sine with a touch of second and third harmonic: bass that still speaks on small speakers. */
const ROUND = wavetable([1, 0.35, 0.12]);
/** Electric-piano-like: strong fundamental, bell-ish upper partials. */
const KEYS = wavetable([1, 0.5, 0.1, 0.18, 0, 0.06]);
const SINE = wavetable([1]);

const panGains = (pan = 0) => [Math.cos(((pan + 1) * Math.PI) / 4), Math.sin(((pan + 1) * Math.PI) / 4)];

/** Adds `length` samples of `sample(i)` at `at`, panned; samples past the buffer's end are dropped. */
function addInto(
  out: Stereo,
  at: number,
  length: number,
  pan: number | undefined,
  sample: (i: number) => number,
) {
  const [gl, gr] = panGains(pan);
  const end = Math.min(out.left.length, at + length);
  for (let n = Math.max(0, at); n < end; n++) {
    const v = sample(n - at);
    out.left[n] += v * gl;
    out.right[n] += v * gr;
  }
}

/** Reads a wavetable at `freq`, starting at phase `phase0` (0–1). */
function oscillator(table: Float32Array, freq: number, phase0 = 0): () => number {
  const step = (freq * TABLE) / SYNTH_RATE;
  let phase = phase0 * TABLE;
  return () => {
    const i = phase | 0;
    const v = table[i] + (table[i + 1] - table[i]) * (phase - i);
    phase += step;
    if (phase >= TABLE) phase -= TABLE;
    return v;
  };
}

/** One-pole low-pass coefficient for a cutoff in Hz. */
const lowpassK = (cutoff: number) => 1 - Math.exp((-2 * Math.PI * cutoff) / SYNTH_RATE);

/**
 * A sustained chord voice: two detuned soft saws spread left and right, warmed by a low-pass. It swells in
 * over `attack` seconds and rings on `release` seconds past its length, so the next chord overlaps it.
 */
export function pad(out: Stereo, note: Note, attack: number, release: number, brightness: number): void {
  const [a, r] = [attack * SYNTH_RATE, release * SYNTH_RATE];
  const k = lowpassK(brightness);
  for (const [detune, pan] of [
    [0.997, -0.6],
    [1.003, 0.6],
  ]) {
    const osc = oscillator(SAW, hz(note.midi) * detune, pan > 0 ? 0.37 : 0);
    let y = 0;
    addInto(out, note.at, note.length + r, pan, (i) => {
      y += k * (osc() - y);
      const env = Math.min(1, i / a) * (i < note.length ? 1 : Math.max(0, 1 - (i - note.length) / r));
      return y * env * note.gain;
    });
  }
}

/** Bass: quick attack, gentle decay to a sustain, short release. */
export function bass(out: Stereo, note: Note): void {
  const osc = oscillator(ROUND, hz(note.midi));
  const release = 0.04 * SYNTH_RATE;
  addInto(out, note.at, note.length + release, 0, (i) => {
    const t = i / SYNTH_RATE;
    const env =
      Math.min(1, i / 200) *
      (0.75 + 0.25 * Math.exp(-t * 6)) *
      (i < note.length ? 1 : 1 - (i - note.length) / release);
    return osc() * env * note.gain;
  });
}

/** A plucked string (Karplus–Strong): a noise burst in a tuned, damped delay line. */
export function pluck(out: Stereo, note: Note, rand: () => number, decaySec = 1.2): void {
  const period = Math.max(2, Math.round(SYNTH_RATE / hz(note.midi)));
  const line = Float32Array.from({ length: period }, () => rand() * 2 - 1);
  // Damping per pass so the string falls by 60 dB over about `decaySec`.
  const damping = 10 ** (-3 / ((decaySec * SYNTH_RATE) / period));
  let idx = 0;
  addInto(out, note.at, Math.round(decaySec * SYNTH_RATE), note.pan, (i) => {
    const next = (idx + 1) % period;
    const v = line[idx];
    line[idx] = 0.5 * (line[idx] + line[next]) * damping;
    idx = next;
    const fade = i < note.length ? 1 : Math.max(0, 1 - (i - note.length) / (0.15 * SYNTH_RATE));
    return v * note.gain * fade;
  });
}

/** A bell or glockenspiel-like tone: a sine and its bright partial, both decaying. */
export function bell(out: Stereo, note: Note, decaySec = 1.4): void {
  const [a, b] = [oscillator(SINE, hz(note.midi)), oscillator(SINE, hz(note.midi) * 3.01)];
  addInto(out, note.at, Math.round(decaySec * 1.5 * SYNTH_RATE), note.pan, (i) => {
    const t = i / SYNTH_RATE;
    const env = Math.min(1, i / 60) * Math.exp(-t * (4.6 / decaySec));
    return (a() + 0.3 * b() * Math.exp(-t * 6)) * env * note.gain;
  });
}

/** Electric-piano keys with a slow tremolo. */
export function keys(out: Stereo, note: Note): void {
  const osc = oscillator(KEYS, hz(note.midi));
  const trem = oscillator(SINE, 4.5);
  const release = 0.25 * SYNTH_RATE;
  addInto(out, note.at, note.length + release, note.pan, (i) => {
    const t = i / SYNTH_RATE;
    const env =
      Math.min(1, i / 120) *
      (0.55 + 0.45 * Math.exp(-t * 3)) *
      (i < note.length ? 1 : 1 - (i - note.length) / release);
    return osc() * env * (0.85 + 0.15 * trem()) * note.gain;
  });
}

/** Kick: a sine falling from 150 Hz to `low` Hz with a click at the front. */
export function kick(out: Stereo, at: number, gain: number, low = 48, decay = 0.35): void {
  let phase = 0;
  addInto(out, at, Math.round(decay * 1.6 * SYNTH_RATE), 0, (i) => {
    const t = i / SYNTH_RATE;
    phase += (2 * Math.PI * (low + (150 - low) * Math.exp(-t * 30))) / SYNTH_RATE;
    const click = i < 96 ? (1 - i / 96) * 0.4 : 0;
    return (Math.sin(phase) * Math.exp(-t / (decay / 3)) + click) * gain;
  });
}

/** Noise through a one-pole high-pass at `cutoff`, with an exponential decay: hats, shakers, snares' rattle. */
export function noiseHit(
  out: Stereo,
  at: number,
  gain: number,
  decay: number,
  cutoff: number,
  rand: () => number,
  pan = 0,
): void {
  const k = lowpassK(cutoff);
  let low = 0;
  addInto(out, at, Math.round(decay * 5 * SYNTH_RATE), pan, (i) => {
    const n = rand() * 2 - 1;
    low += k * (n - low);
    return (n - low) * Math.exp(-i / (decay * SYNTH_RATE)) * Math.min(1, i / 24) * gain;
  });
}

/** Snare: a short 190 Hz body under bright noise. */
export function snare(out: Stereo, at: number, gain: number, rand: () => number): void {
  const body = oscillator(SINE, 190);
  addInto(
    out,
    at,
    Math.round(0.2 * SYNTH_RATE),
    0,
    (i) => body() * Math.exp(-i / (0.04 * SYNTH_RATE)) * gain * 0.6,
  );
  noiseHit(out, at, gain, 0.06, 1800, rand);
}

/** Clap: three quick noise bursts and a tail. */
export function clap(out: Stereo, at: number, gain: number, rand: () => number): void {
  for (const [offset, g] of [
    [0, 0.6],
    [0.011, 0.7],
    [0.022, 1],
  ]) {
    noiseHit(out, at + Math.round(offset * SYNTH_RATE), gain * g, offset < 0.02 ? 0.008 : 0.07, 1200, rand);
  }
}

/** A ping-pong echo of `src` added with it into `out`: repeats alternate sides and fall by `feedback` each time. */
export function echo(src: Stereo, out: Stereo, delaySec: number, feedback: number, mix: number): void {
  const d = Math.round(delaySec * SYNTH_RATE);
  const [dl, dr] = [new Float32Array(src.left.length), new Float32Array(src.left.length)];
  for (let n = 0; n < dl.length; n++) {
    const [tapL, tapR] = n >= d ? [dl[n - d], dr[n - d]] : [0, 0];
    dl[n] = (src.left[n] + src.right[n]) * 0.5 + tapR * feedback;
    dr[n] = tapL * feedback;
    out.left[n] += src.left[n] + tapL * mix;
    out.right[n] += src.right[n] + tapR * mix;
  }
}
