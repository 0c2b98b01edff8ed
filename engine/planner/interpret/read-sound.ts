// Reads sound edits from a clause: background music (add, mood, source, volume, removal) and the clips' own sound.
import type { MusicMood } from "../../../core/draft.ts";
import type { EditCommand } from "../../../core/edit-commands.ts";
import { FEATURES } from "../lexicon/features.ts";
import { SUBJECTS } from "../lexicon/types.ts";
import { direction, explicitFactor, intensity, stepFactor } from "./amounts.ts";
import type { ClauseView } from "./clause.ts";
import type { Token } from "./tokenize.ts";

/** A volume change in the clause, if any: an absolute percent, a factor, or a relative step. */
function volumeOf(v: ClauseView, soundTarget: boolean): EditCommand | null {
  const percent = v.amounts("percent").at(-1);
  // With sound as the subject, "bigger"/"smaller" (调大, 小一点) mean louder/quieter.
  const sign = direction(
    v,
    soundTarget ? ["louder", "up", "bigger", "more"] : ["louder", "up"],
    soundTarget ? ["quieter", "down", "smaller"] : ["quieter", "down"],
  );
  if (percent) {
    v.use(percent, ...v.concepts("to", "down", "up", "change", "volume"));
    // "up by 10%" is a step; "to 10%", "10%" are levels.
    const by = v.words().some((w) => /^by$|^了$/i.test(w));
    return by && sign
      ? { cmd: "musicVolume", change: (sign * percent.value) / 100 }
      : { cmd: "musicVolume", percent: Math.min(100, percent.value) };
  }
  const factor = explicitFactor(v);
  if (factor && (sign || v.has("volume")))
    return { cmd: "musicVolume", factor: sign < 0 && factor > 1 ? 1 / factor : factor };
  if (!sign) return null;
  // Louder and quieter are felt as ratios: "quieter" takes a third off, "a bit" half that, "much" half the level.
  const step = stepFactor(sign, intensity(v) === 2 ? 4 : intensity(v));
  v.use(...v.concepts("volume", "change", "to"));
  return { cmd: "musicVolume", factor: Math.round(step * 100) / 100 };
}

function musicChoice(v: ClauseView): EditCommand {
  const mood = v.concepts("mood").at(-1);
  const mine = v.concepts("mine");
  const builtIn = v.concepts("builtIn");
  const different = v.concepts("different");
  v.use(mood, ...mine, ...builtIn, ...different, ...v.concepts("add", "change", "keep", "more"));
  return {
    cmd: "music",
    ...(mood && { mood: mood.value as MusicMood }),
    ...(mine.length ? { source: "upload" as const } : builtIn.length ? { source: "builtIn" as const } : {}),
    ...(different.length && !mood && { different: true }),
  };
}

/** "only music", "just the music", 只要音乐 — not "just add music": only fillers between "only" and the music. */
function onlyBefore(v: ClauseView, music: Token) {
  return v
    .concepts("only")
    .find(
      (o) =>
        v.indexOf(o) < v.indexOf(music) &&
        v.between(o, music).every((t) => t.kind === "word" && t.text.length <= 4),
    );
}

export function readSound(v: ClauseView): EditCommand[] {
  const music = v.concepts("music")[0];
  const source = v.concepts("sourceSound")[0];
  const generic = v.concepts("volume")[0];
  const textTarget = v.has(...SUBJECTS.text);
  const commands: EditCommand[] = [];

  if (source) {
    v.use(source);
    const polarity = v.polarity(source);
    const percent = v.amounts("percent").at(-1);
    const only = music && onlyBefore(v, music);
    if (only) {
      // "only music", 只要音乐: the clips go quiet under the music.
      v.use(only);
      commands.push({ cmd: "sourceSound", on: false });
    } else if (polarity === "remove") {
      v.use(...v.concepts("remove", "without", "mute"));
      commands.push({ cmd: "sourceSound", on: false });
    } else {
      v.use(percent, ...v.concepts("keep", "add", "change", "revert", "original", "to"));
      commands.push({
        cmd: "sourceSound",
        on: true,
        ...(percent && { percent: Math.min(100, percent.value) }),
      });
    }
    if (!music) return commands;
  }

  if (music) {
    v.use(music, generic);
    // "music only for the first 10 seconds": a part of the video, which music cannot be limited to
    const part = v.amounts("duration").find((d) => {
      const before = v.tokens[v.indexOf(d) - 1];
      return (
        before?.kind === "ordinal" ||
        (before?.kind === "concept" && (before.concept === "start" || before.concept === "end"))
      );
    });
    if (part) {
      v.use(
        part,
        ...v.tokens.filter((t) => t.kind === "ordinal"),
        ...v.concepts("only", "start", "end", "add"),
      );
      v.declined.push(FEATURES.partTiming);
      return commands;
    }
    // "fade the music out": it already fades in and out; the reply says so
    const fade = v.concepts("transitionKind").find((k) => k.value === "fade");
    if (fade && !v.has("transition")) {
      v.use(fade, ...v.concepts("change", "add", "more"));
      return [...commands, { cmd: "music", fade: true }];
    }
    const only = onlyBefore(v, music);
    if (only && !source) {
      v.use(only);
      commands.push({ cmd: "sourceSound", on: false }, musicChoice(v));
      return commands;
    }
    const polarity = v.polarity(music);
    const volume = volumeOf(v, true);
    if (polarity === "remove" && !volume) {
      v.use(...v.concepts("remove", "without", "mute", "neg"));
      commands.push({ cmd: "removeMusic" });
      return commands;
    }
    if (v.has("mood", "mine", "builtIn", "different") || (!volume && polarity !== "change")) {
      commands.push(musicChoice(v));
    } else if (!volume) {
      // "change the music", 换个音乐: another track.
      v.use(...v.concepts("change"));
      commands.push({ cmd: "music", different: true });
    }
    if (volume) commands.push(volume);
    return commands;
  }

  if (generic && !textTarget) {
    v.use(generic);
    if (v.polarity(generic) === "remove") {
      // "no sound", "mute it": silent.
      v.use(...v.concepts("remove", "without", "mute"));
      return [{ cmd: "removeMusic" }, { cmd: "sourceSound", on: false }];
    }
    const volume = volumeOf(v, true);
    return volume?.cmd === "musicVolume" ? [{ ...volume, anySound: true }] : [];
  }

  // No sound named: "it's too loud", "a bit quieter", "make it more upbeat", "mute it", 换一首.
  if (textTarget || v.has("transition", "shot", "photo", "clip")) return [];
  const anotherSong = v
    .concepts("different")
    .find((t) => /首|song|track|tune/i.test(v.message.slice(t.start, t.end + 6)));
  if (anotherSong) return [musicChoice(v)];
  const mood = v.concepts("mood");
  if (mood.length && !v.has("transitionKind")) return [musicChoice(v)];
  const mute = v.concepts("mute");
  if (mute.length && !v.has("neg")) {
    v.use(...mute);
    return [{ cmd: "removeMusic" }, { cmd: "sourceSound", on: false }];
  }
  const volume = volumeOf(v, false);
  return volume?.cmd === "musicVolume" ? [{ ...volume, anySound: true }] : [];
}
