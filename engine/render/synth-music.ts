// Built-in background music: a four-chord loop per mood, synthesized in-process into a small WAV that ffmpeg loops.
import { writeFile } from "node:fs/promises";

interface Mood {
  bpm: number;
  /** MIDI notes per chord; the first is the root, also played an octave lower as bass */
  chords: number[][];
  /** eighth-note arpeggio over the pad */
  pluck?: boolean;
  /** slow amplitude wobble, Hz */
  tremolo?: number;
}

const MOODS: Record<string, Mood> = {
  calm: {
    bpm: 72,
    chords: [
      [48, 52, 55, 59],
      [45, 52, 55, 60],
      [41, 52, 57, 60],
      [43, 50, 55, 59],
    ],
  },
  upbeat: {
    bpm: 112,
    chords: [
      [50, 54, 57, 62],
      [45, 52, 57, 61],
      [47, 54, 59, 62],
      [43, 50, 55, 59],
    ],
    pluck: true,
  },
  warm: {
    bpm: 84,
    chords: [
      [41, 53, 57, 60],
      [38, 53, 57, 62],
      [46, 53, 58, 62],
      [48, 52, 55, 60],
    ],
    tremolo: 4,
  },
  lofi: {
    bpm: 76,
    chords: [
      [38, 53, 57, 60, 64],
      [43, 53, 59, 64],
      [36, 52, 55, 59, 62],
      [45, 55, 61, 64],
    ],
    tremolo: 2,
  },
  cinematic: {
    bpm: 60,
    chords: [
      [45, 52, 57, 60],
      [41, 53, 57, 60],
      [48, 52, 55, 60],
      [43, 50, 55, 59],
    ],
  },
};

const ALIASES: Record<string, string> = {
  chill: "lofi",
  "lo-fi": "lofi",
  relaxed: "calm",
  happy: "upbeat",
  energetic: "upbeat",
  fun: "upbeat",
  romantic: "warm",
  cozy: "warm",
  epic: "cinematic",
  dramatic: "cinematic",
};

/** Moods the synthesizer knows; other names fall back to an alias or to "calm". */
export const SYNTH_MOODS = Object.keys(MOODS);

export const SYNTH_RATE = 48000;

export function resolveMood(name: string | undefined): string {
  const key = (name ?? "").trim().toLowerCase();
  if (MOODS[key]) return key;
  return ALIASES[key] ?? "calm";
}

const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** A sine oscillator advanced by rotating a phasor: no Math.sin per sample. */
class Oscillator {
  private c = 1;
  private s = 0;
  private readonly cd: number;
  private readonly sd: number;
  constructor(freq: number) {
    const w = (2 * Math.PI * freq) / SYNTH_RATE;
    this.cd = Math.cos(w);
    this.sd = Math.sin(w);
  }
  next(): number {
    const s = this.s * this.cd + this.c * this.sd;
    this.c = this.c * this.cd - this.s * this.sd;
    this.s = s;
    return s;
  }
}

/** A soft organ-like voice: two slightly detuned sines for warmth plus a quiet octave. */
function voice(midi: number): () => number {
  const f = hz(midi);
  const [a, b, octave] = [new Oscillator(f), new Oscillator(f * 1.003), new Oscillator(2 * f)];
  return () => 0.5 * a.next() + 0.5 * b.next() + 0.25 * octave.next();
}

/** One loop of the mood as mono samples peaking at −1 dBFS; every chord fades out before the next, so seams never click. */
export function synthLoop(moodName: string | undefined): Float32Array {
  const mood = MOODS[resolveMood(moodName)];
  const beat = 60 / mood.bpm;
  const bar = 4 * beat;
  const eighth = beat / 2;
  const barSamples = Math.round(bar * SYNTH_RATE);
  const out = new Float32Array(barSamples * mood.chords.length);
  const tremolo = new Oscillator(mood.tremolo ?? 0);
  const padEnv = Float32Array.from({ length: barSamples }, (_, i) => {
    const tb = i / SYNTH_RATE;
    return (1 - Math.exp(-tb * 5)) * (0.7 + 0.3 * Math.exp(-tb * 0.8)) * Math.min(1, (bar - tb) * 4);
  });
  const pluckEnv = Float32Array.from({ length: Math.ceil(eighth * SYNTH_RATE) + 1 }, (_, i) => {
    const te = i / SYNTH_RATE;
    return 0.08 * Math.exp(-te * 10) * Math.min(1, te * 300);
  });
  mood.chords.forEach(([root, ...notes], b) => {
    const pad = [
      { gain: 0.16, next: voice(root - 12) },
      ...notes.map((n) => ({ gain: 0.07, next: voice(n) })),
    ];
    let pluck = voice(notes[0] + 12);
    let pluckIndex = -1;
    for (let i = 0; i < barSamples; i++) {
      const tb = i / SYNTH_RATE;
      let s = 0;
      for (const v of pad) s += v.gain * v.next();
      s *= padEnv[i];
      if (mood.pluck) {
        const index = Math.floor(tb / eighth);
        if (index !== pluckIndex) {
          pluckIndex = index;
          pluck = voice(notes[index % 3] + 12);
        }
        const release = Math.min(1, (bar - tb) * 20);
        s += pluckEnv[Math.round((tb - index * eighth) * SYNTH_RATE)] * release * pluck();
      }
      if (mood.tremolo) s *= 0.85 + 0.15 * tremolo.next();
      out[b * barSamples + i] = s;
    }
  });
  // Mastered like a song (peak −1 dBFS), so a segment volume of 0.35 means what it means for an uploaded track.
  const peak = out.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return peak > 0 ? out.map((v) => (v * 0.89) / peak) : out;
}

/** Writes one loop of the mood as a 16-bit mono WAV. */
export async function writeSynthLoop(path: string, moodName: string | undefined): Promise<void> {
  const samples = synthLoop(moodName);
  const data = Buffer.alloc(44 + samples.length * 2);
  data.write("RIFF", 0, "latin1");
  data.writeUInt32LE(36 + samples.length * 2, 4);
  data.write("WAVEfmt ", 8, "latin1");
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20);
  data.writeUInt16LE(1, 22);
  data.writeUInt32LE(SYNTH_RATE, 24);
  data.writeUInt32LE(SYNTH_RATE * 2, 28);
  data.writeUInt16LE(2, 32);
  data.writeUInt16LE(16, 34);
  data.write("data", 36, "latin1");
  data.writeUInt32LE(samples.length * 2, 40);
  for (const [i, v] of samples.entries()) data.writeInt16LE(Math.round(v * 32767), 44 + i * 2);
  await writeFile(path, data);
}
