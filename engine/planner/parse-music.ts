// Reads sound edits from a message: background music (mood, volume, removal) and the clips' own sound.
import { clauses } from "./normalize.ts";
import type { EditOp, Mood } from "./ops.ts";

const MUSIC = /\bmusic\b|\bbgm\b|\bsoundtrack\b|\bsongs?\b|\btunes?\b|音乐|配乐|背景乐|歌曲|\bbeat\b/;
const VOLUME = /\bvolume\b|\bloud(?:ness)?\b|音量|声音/;
const REMOVE =
  /\b(?:remove|delete|drop|no|without|mute|turn off|get rid of|kill|lose|cut)\b|去掉|删除|删掉|去除|不要|取消|移除|关掉|关闭|拿掉|静音/;
const LOUDER = /\b(?:louder|up|increase|raise|boost)\b|大声|调大|大一点|大一些|大点|提高|加大/;
const QUIETER =
  /\b(?:quieter|softer|lower|down|decrease|reduce)\b|小声|调小|小一点|小一些|小点|轻一点|低一点|降低|减小/;
const PERCENT = /(\d+(?:\.\d+)?)\s*%/;
const BUILT_IN = /\bbuilt-?in\b|\bsynth(?:esi[sz]ed)?\b|\bgenerated\b|内置|自带/;
const MOODS: [RegExp, Mood][] = [
  [/\blo-?fi\b|\bchill(?:hop)?\b|低保真|慵懒/, "lofi"],
  [/\bcinematic\b|\bepic\b|\bdramatic\b|\borchestral\b|大气|史诗|震撼|电影感|磅礴/, "cinematic"],
  [
    /\bcalm(?:er)?\b|\brelax(?:ed|ing)?\b|\bsoft\b|\bgentle\b|\bpeaceful\b|\bsoothing\b|舒缓|轻柔|安静|温柔|放松|平静|治愈/,
    "calm",
  ],
  [
    /\bupbeat\b|\bhappy\b|\benergetic\b|\bcheerful\b|\bfun\b|\blively\b|\bpeppy\b|欢快|轻快|活泼|动感|快乐|开心|热闹|节奏感/,
    "upbeat",
  ],
];
const PROMO = /\bpromo(?:tional)?\b|\bads?\b|\badvert|宣传|推广|广告/;
const ONLY_MUSIC =
  /\bonly (?:the )?music\b|\bmusic only\b|只要(?:背景)?音乐|只保留(?:背景)?音乐|只留(?:背景)?音乐/;
const CLIP_SOUND = /\boriginal (?:sound|audio)\b|\bclip (?:sound|audio)\b|原声|原音|现场声/;
const KEEP = /\bkeep\b|\bon\b|保留|打开|恢复/;

function moodOf(text: string): Mood | undefined {
  return MOODS.find(([re]) => re.test(text))?.[1] ?? (PROMO.test(text) ? "upbeat" : undefined);
}

function clipAudio(text: string): EditOp | null {
  if (ONLY_MUSIC.test(text)) return { op: "clipAudio", on: false };
  for (const clause of clauses(text)) {
    if (CLIP_SOUND.test(clause)) return { op: "clipAudio", on: KEEP.test(clause) && !REMOVE.test(clause) };
    if (/\bmute\b|静音/.test(clause) && !MUSIC.test(clause)) return { op: "clipAudio", on: false };
  }
  return null;
}

function volumeOf(clause: string): EditOp | null {
  const percent = PERCENT.exec(clause);
  if (percent) return { op: "musicVolume", percent: Number(percent[1]) };
  if (LOUDER.test(clause)) return { op: "musicVolume", step: 0.15 };
  if (QUIETER.test(clause)) return { op: "musicVolume", step: -0.15 };
  return null;
}

export function parseMusic(text: string): EditOp[] {
  const ops: EditOp[] = [];
  let asked = false;
  for (const clause of clauses(text)) {
    if (CLIP_SOUND.test(clause) || !(MUSIC.test(clause) || VOLUME.test(clause))) continue;
    const volume = volumeOf(clause);
    if (MUSIC.test(clause) && REMOVE.test(clause) && !volume) ops.push({ op: "removeMusic" });
    else if (volume) ops.push(volume);
    else if (MUSIC.test(clause)) asked = true;
  }
  const removed = ops.some((op) => op.op === "removeMusic");
  const mood = MUSIC.test(text) ? moodOf(text) : undefined;
  if (!removed && (asked || mood)) {
    ops.unshift({ op: "music", ...(mood && { mood }), ...(BUILT_IN.test(text) && { builtIn: true }) });
  }
  const clips = clipAudio(text);
  return clips ? [...ops, clips] : ops;
}
