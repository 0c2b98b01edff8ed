// Built-in background music: per mood an 8-bar loop with drums, bass, a pad and a melody, synthesized into a stereo WAV that ffmpeg loops.
import { writeFile } from "node:fs/promises";
import { MUSIC_MOODS, type MusicMood } from "../../core/draft.ts";
import {
  bass,
  bell,
  clap,
  echo,
  keys,
  kick,
  type Note,
  noiseHit,
  pad,
  pluck,
  random,
  type Stereo,
  SYNTH_RATE,
  snare,
} from "./synth-voices.ts";

export { SYNTH_RATE };

/** Sixteen steps a bar: `x` a hit (for bass: the chord's root), `o` the root an octave up, `5` its fifth. */
type Pattern = string;

interface Mood {
  bpm: number;
  /** how late the off-beat sixteenths come, as a share of a sixteenth */
  swing: number;
  /** four chords, one a bar: the first note is the bass root, the rest are voiced for the pad */
  chords: number[][];
  /** pitch classes the melody walks on between chord tones */
  scale: number[];
  pad: { gain: number; attack: number; brightness: number };
  bass: { pattern: Pattern; gain: number };
  drums: { kick: Pattern; snare?: Pattern; clap?: Pattern; hat: Pattern; open?: Pattern; gain: number };
  melody: { voice: "pluck" | "bell" | "keys"; rhythm: [Pattern, Pattern]; center: number; gain: number };
  /** vinyl crackle, for lo-fi */
  crackle?: boolean;
}

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];

const MOODS: Record<MusicMood, Mood> = {
  upbeat: {
    bpm: 112,
    swing: 0,
    chords: [
      [38, 62, 66, 69],
      [45, 61, 64, 69],
      [47, 62, 66, 71],
      [43, 62, 67, 71],
    ],
    scale: MAJOR.map((p) => (p + 2) % 12),
    pad: { gain: 0.05, attack: 0.05, brightness: 2400 },
    bass: { pattern: "x.x.o.x.x.x.o.x.", gain: 0.32 },
    drums: {
      kick: "x...x...x...x...",
      clap: "....x.......x...",
      hat: "..x...x...x...x.",
      open: "..............x.",
      gain: 1,
    },
    melody: { voice: "pluck", rhythm: ["x..x..x...x.x...", "x..x..x.x...x..."], center: 76, gain: 0.5 },
  },
  calm: {
    bpm: 76,
    swing: 0,
    chords: [
      [36, 55, 59, 64],
      [45, 55, 60, 64],
      [41, 57, 60, 64],
      [43, 55, 59, 62],
    ],
    scale: MAJOR,
    pad: { gain: 0.06, attack: 0.4, brightness: 1500 },
    bass: { pattern: "x.......5.......", gain: 0.3 },
    drums: { kick: "x.........x.....", snare: "........x.......", hat: "x.x.x.x.x.x.x.x.", gain: 0.7 },
    melody: { voice: "bell", rhythm: ["x.....x.x.......", "x...x.....x....."], center: 76, gain: 0.22 },
  },
  lofi: {
    bpm: 80,
    swing: 0.3,
    chords: [
      [38, 60, 64, 65, 69],
      [43, 59, 62, 65, 69],
      [36, 59, 62, 64, 67],
      [45, 61, 64, 67, 71],
    ],
    scale: MINOR.map((p) => (p + 2) % 12),
    pad: { gain: 0.035, attack: 0.15, brightness: 1200 },
    bass: { pattern: "x.....x...x.....", gain: 0.34 },
    drums: { kick: "x.....x...x.....", snare: "....x.......x...", hat: "x.x.x.x.x.x.x.x.", gain: 0.9 },
    melody: { voice: "keys", rhythm: ["x..x....x.x.....", "..x..x..x......."], center: 72, gain: 0.2 },
    crackle: true,
  },
  cinematic: {
    bpm: 68,
    swing: 0,
    chords: [
      [33, 57, 60, 64, 69],
      [29, 57, 60, 65, 69],
      [36, 55, 60, 64, 67],
      [31, 55, 59, 62, 67],
    ],
    scale: MINOR.map((p) => (p + 9) % 12),
    pad: { gain: 0.06, attack: 0.6, brightness: 1800 },
    bass: { pattern: "x.......x.......", gain: 0.36 },
    drums: { kick: "x.......x.....x.", snare: "............x...", hat: "x.x.x.x.x.x.x.x.", gain: 0.8 },
    melody: { voice: "bell", rhythm: ["x.......x...x...", "x...........x..."], center: 81, gain: 0.22 },
  },
  warm: {
    bpm: 92,
    swing: 0.12,
    chords: [
      [41, 60, 65, 69],
      [38, 60, 65, 69],
      [46, 62, 65, 70],
      [48, 60, 64, 67],
    ],
    scale: MAJOR.map((p) => (p + 5) % 12),
    pad: { gain: 0.045, attack: 0.2, brightness: 1600 },
    bass: { pattern: "x.....5.x...5...", gain: 0.32 },
    drums: { kick: "x.....x.x.......", snare: "....x.......x...", hat: "xxxxxxxxxxxxxxxx", gain: 0.75 },
    melody: { voice: "pluck", rhythm: ["x.x...x.x..x....", "x.x.x...x.....x."], center: 74, gain: 0.45 },
  },
};

const ALIASES: Record<string, MusicMood> = {
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

/** Moods the synthesizer knows (core's MUSIC_MOODS); other names fall back to an alias or to "calm". */
export const SYNTH_MOODS: readonly MusicMood[] = MUSIC_MOODS;

export function resolveMood(name: string | undefined): MusicMood {
  const key = (name ?? "").trim().toLowerCase();
  if (key in MOODS) return key as MusicMood;
  return ALIASES[key] ?? "calm";
}

const BARS = 8;

/** The nearest pitch to `target` whose pitch class is in `classes`. */
function snap(target: number, classes: number[]): number {
  for (let d = 0; d < 12; d++) {
    for (const p of [target - d, target + d]) if (classes.includes(((p % 12) + 12) % 12)) return p;
  }
  return target;
}

/**
 * The melody: a walk of small steps around the mood's register, on chord tones at strong beats and scale
 * tones between. Phrases 1 and 4 share their contour, so the loop has a hook it comes back to.
 */
function melodyNotes(mood: Mood, step: (n: number) => number): Note[] {
  const notes: Note[] = [];
  const contours = [1, 2, 3, 1].map((seed) => {
    const rand = random(seed * 7919 + mood.bpm);
    let pitch = mood.melody.center;
    return Array.from({ length: 32 }, () => {
      pitch += Math.round((rand() + rand() - 1) * 4);
      pitch = Math.max(mood.melody.center - 7, Math.min(mood.melody.center + 7, pitch));
      return pitch;
    });
  });
  contours.forEach((contour, phrase) => {
    const rhythm = mood.melody.rhythm.join("");
    const onsets = [...rhythm].flatMap((c, i) => (c === "x" ? [i] : []));
    onsets.forEach((s, j) => {
      const bar = phrase * 2 + Math.floor(s / 16);
      const chordTones = mood.chords[bar % 4].map((n) => n % 12);
      const strong = s % 4 === 0;
      const midi = snap(contour[s], strong ? chordTones : mood.scale);
      const next = onsets[j + 1] ?? 32;
      const at = step(phrase * 32 + s);
      notes.push({
        at,
        length: step(phrase * 32 + Math.min(next, s + 4)) - at,
        midi,
        gain: mood.melody.gain * (strong ? 1 : 0.8),
        pan: -0.25,
      });
    });
  });
  return notes;
}

function bassNotes(mood: Mood, step: (n: number) => number): Note[] {
  const notes: Note[] = [];
  for (let bar = 0; bar < BARS; bar++) {
    const root = mood.chords[bar % 4][0];
    const hits = [...mood.bass.pattern].flatMap((c, i) => (c === "." ? [] : [{ c, i }]));
    hits.forEach(({ c, i }, j) => {
      const at = step(bar * 16 + i);
      const end = step(bar * 16 + (hits[j + 1]?.i ?? 16));
      notes.push({
        at,
        length: end - at - 200,
        midi: root + (c === "o" ? 12 : c === "5" ? 7 : 0),
        gain: mood.bass.gain,
      });
    });
  }
  return notes;
}

function drums(mood: Mood, out: Stereo, step: (n: number) => number): void {
  const rand = random(mood.bpm);
  const { drums: d } = mood;
  for (let bar = 0; bar < BARS; bar++) {
    for (let i = 0; i < 16; i++) {
      const at = step(bar * 16 + i);
      const on = (p: Pattern | undefined) => p?.[i] === "x";
      if (on(d.kick)) kick(out, at, 0.6 * d.gain, mood.bpm < 72 ? 40 : 48);
      if (on(d.snare)) snare(out, at, 0.45 * d.gain, rand);
      if (on(d.clap)) clap(out, at, 0.5 * d.gain, rand);
      // Hats lean on the off-beats and breathe a little, like a player.
      const accent = i % 4 === 2 ? 1 : 0.6 + 0.2 * rand();
      if (on(d.open)) noiseHit(out, at, 0.16 * d.gain, 0.09, 7000, rand, 0.3);
      else if (on(d.hat)) noiseHit(out, at, 0.24 * d.gain * accent, 0.02, 7000, rand, 0.3);
    }
  }
}

/** Faint vinyl: sparse clicks over a hiss. */
function crackle(out: Stereo): void {
  const rand = random(33);
  for (let n = 0; n < out.left.length; n++) {
    const v = (rand() * 2 - 1) * 0.004 + (rand() < 0.0004 ? (rand() * 2 - 1) * 0.15 : 0);
    out.left[n] += v;
    out.right[n] += v;
  }
}

const stereo = (length: number): Stereo => ({
  left: new Float32Array(length),
  right: new Float32Array(length),
});

/**
 * One loop of the mood as stereo samples peaking at −1 dBFS. It is rendered with two extra bars whose ringing
 * tails are folded back onto the start, so the loop repeats seamlessly; pads overlap from chord to chord, so
 * the level never dips at a change.
 */
export function synthLoop(moodName: string | undefined): Stereo {
  const mood = MOODS[resolveMood(moodName)];
  const sixteenth = (60 / mood.bpm / 4) * SYNTH_RATE;
  const step = (n: number) => Math.round((n + (n % 2 ? mood.swing : 0)) * sixteenth);
  const bar = 16 * sixteenth;
  const loop = Math.round(BARS * bar);
  const out = stereo(loop + Math.round(2 * bar));
  for (let b = 0; b < BARS; b++) {
    const [, ...voicing] = mood.chords[b % 4];
    for (const midi of voicing) {
      const note = { at: step(b * 16), length: step(b * 16 + 16) - step(b * 16), midi, gain: mood.pad.gain };
      pad(out, note, mood.pad.attack, 0.6, mood.pad.brightness);
    }
  }
  for (const note of bassNotes(mood, step)) bass(out, note);
  drums(mood, out, step);
  const lead = stereo(out.left.length);
  const rand = random(mood.bpm + 1);
  for (const note of melodyNotes(mood, step)) {
    if (mood.melody.voice === "pluck") pluck(lead, note, rand);
    else if (mood.melody.voice === "bell") bell(lead, note);
    else keys(lead, note);
  }
  echo(lead, out, (60 / mood.bpm) * 0.75, 0.35, 0.35);
  if (mood.crackle) crackle(out);
  const result = stereo(loop);
  for (const [src, dst] of [
    [out.left, result.left],
    [out.right, result.right],
  ]) {
    dst.set(src.subarray(0, loop));
    for (let i = loop; i < src.length; i++) dst[i - loop] += src[i];
  }
  // Mastered like a song (peak −1 dBFS): the mix's loudness normalisation then treats it like an upload.
  let peak = 0;
  for (let i = 0; i < loop; i++) peak = Math.max(peak, Math.abs(result.left[i]), Math.abs(result.right[i]));
  const gain = peak > 0 ? 0.89 / peak : 1;
  for (let i = 0; i < loop; i++) {
    result.left[i] *= gain;
    result.right[i] *= gain;
  }
  return result;
}

/** One loop of the mood as a 16-bit stereo WAV file's bytes. */
function loopWav(mood: MusicMood): Buffer {
  const { left, right } = synthLoop(mood);
  const bytes = left.length * 4;
  const data = Buffer.alloc(44 + bytes);
  data.write("RIFF", 0, "latin1");
  data.writeUInt32LE(36 + bytes, 4);
  data.write("WAVEfmt ", 8, "latin1");
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20);
  data.writeUInt16LE(2, 22);
  data.writeUInt32LE(SYNTH_RATE, 24);
  data.writeUInt32LE(SYNTH_RATE * 4, 28);
  data.writeUInt16LE(4, 32);
  data.writeUInt16LE(16, 34);
  data.write("data", 36, "latin1");
  data.writeUInt32LE(bytes, 40);
  for (let i = 0; i < left.length; i++) {
    data.writeInt16LE(Math.round(left[i] * 32767), 44 + i * 4);
    data.writeInt16LE(Math.round(right[i] * 32767), 46 + i * 4);
  }
  return data;
}

/** Loops are the same every time for a mood, so each is synthesized once per process (at most ~6 MB each). */
const loops = new Map<MusicMood, Buffer>();

/** Writes one loop of the mood as a 16-bit stereo WAV. */
export async function writeSynthLoop(path: string, moodName: string | undefined): Promise<void> {
  const mood = resolveMood(moodName);
  let wav = loops.get(mood);
  if (!wav) {
    wav = loopWav(mood);
    loops.set(mood, wav);
  }
  await writeFile(path, wav);
}
