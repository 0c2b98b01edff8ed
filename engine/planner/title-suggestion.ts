// Suggests a title when the user asked for one without saying it: the message's topic, a telling file name, or a placeholder.
import type { Lang } from "./language.ts";
import type { Visual } from "./spec.ts";

export interface TitleSuggestion {
  text: string;
  source: "topic" | "file" | "default";
  file?: string;
}

// Names cameras and apps give files say nothing about the content.
const CAMERA_NAME =
  /^(?:img|dsc|dscn|dcim|vid|pxl|mvimg|photo|image|video|screenshot|screen shot|wx camera|mmexport|pic|clip|mov|gopr|file|untitled|download|upload)\b/i;

const titleCase = (text: string) => text.replace(/\b[a-z]/g, (c) => c.toUpperCase());

function telling(name: string): string | undefined {
  const words = name
    .replace(/[-_.]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const letters = words.match(/[a-z]/gi)?.length ?? 0;
  const cjk = words.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const digits = words.match(/\d/g)?.length ?? 0;
  if (CAMERA_NAME.test(words) || (letters < 3 && cjk < 2) || digits > words.length * 0.4) return undefined;
  return titleCase(words);
}

export function suggestTitle(topic: string | undefined, visuals: Visual[], lang: Lang): TitleSuggestion {
  if (topic) return { text: titleCase(topic), source: "topic" };
  for (const v of visuals) {
    const text = telling(v.name);
    if (text) return { text, source: "file", file: v.name };
  }
  return { text: lang === "zh" ? "我的视频" : "My Video", source: "default" };
}
