// Words for on-screen text asked for without words: the message's topic, else the preset's hook line — never a file name.
import { getPreset } from "../../../core/presets.ts";
import type { Lang } from "../language.ts";

export interface ChosenWords {
  text: string;
  source: "topic" | "hook" | "default";
}

const titleCase = (text: string) => text.replace(/\b[a-z]/g, (c) => c.toUpperCase());

export function chooseWords(topic: string | undefined, presetId: string, lang: Lang): ChosenWords {
  if (topic) return { text: /[a-z]/i.test(topic) ? titleCase(topic) : topic, source: "topic" };
  const hook = getPreset(presetId)?.look.hook[lang];
  if (hook) return { text: hook, source: "hook" };
  return { text: lang === "zh" ? "我的视频" : "My Video", source: "default" };
}
