// Every sentence the server composes for display, as data (`Say`) that any side renders in EN or ZH.
import { type Change, changeText } from "./draft-diff.ts";
import type { Lang } from "./errors.ts";
import { getPreset } from "./presets.ts";
import { summarizeTimeline, type TimelineView } from "./timeline-view.ts";

export type NoticeKind = "still-working" | "recovering" | "session-reset" | "preset-changed";

export type Say =
  | { key: "sending" }
  /** the agent called a tool */
  | { key: "tool"; tool: string }
  /** generation is two-stage: the raw video is ready, the agent adds music, titles and effects */
  | { key: "stage-two" }
  /**
   * `was`: for a session reset, the timeline the lost session held; `kept`: "all" when the new session took it
   * back (Reelsmith's engine), "timeline" when only Reelsmith holds it (shown and exported, not known to the editor)
   */
  | {
      key: "notice";
      notice: Exclude<NoticeKind, "preset-changed">;
      was?: TimelineView;
      kept?: "all" | "timeline";
    }
  /** the editor made the video for another platform than the project's */
  | { key: "preset-changed"; from: string; to: string }
  /** an edit that ended without words (or was recovered after a drop), told by its changes */
  | { key: "edited"; changes: Change[] }
  /** the "what changed" list of an edit */
  | { key: "changes"; changes: Change[] }
  | { key: "export-started" }
  | { key: "credits"; available: number; frozen: number }
  | { key: "upload-help" }
  | { key: "timeline"; timeline: TimelineView };

const TOOL_STATUS = {
  en: {
    generate_video: "Generating video…",
    generate_music: "Composing music…",
    edit_multitrack: "Editing the timeline…",
    analysis: "Analyzing your media…",
  },
  zh: {
    generate_video: "正在生成视频…",
    generate_music: "正在创作音乐…",
    edit_multitrack: "正在编辑时间线…",
    analysis: "正在分析你的素材…",
  },
};

const ANALYSIS_TOOL = /analy[sz]|understand|detect|recogni[sz]|transcri|inspect|probe/i;

/** What the agent is doing, in words, from the tool it called. */
function toolStatus(name: string, lang: Lang): string {
  const s = TOOL_STATUS[lang];
  if (name === "generate_video" || name === "generate_music" || name === "edit_multitrack") return s[name];
  if (ANALYSIS_TOOL.test(name)) return s.analysis;
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return lang === "zh" ? `正在执行：${words}…` : `${words.charAt(0).toUpperCase()}${words.slice(1)}…`;
}

type Sayings = { [K in Say["key"]]: (s: Extract<Say, { key: K }>) => string };

const preset = (id: string, lang: Lang) => getPreset(id)?.label[lang] ?? id;

function sayings(lang: Lang): Sayings {
  const list = (changes: Change[]) =>
    changes.map((c) => changeText(c, lang)).join(lang === "zh" ? "；" : "; ");
  if (lang === "zh")
    return {
      sending: () => "正在发送给剪辑助手…",
      tool: (s) => toolStatus(s.tool, lang),
      "stage-two": () => "原始视频已生成，正在自动添加音乐、标题和特效…",
      notice: (s) =>
        ({
          "still-working": "仍在处理中…生成可能需要几分钟。",
          recovering: "与编辑器的连接中断了，正在检查已完成的修改…",
          "session-reset": !s.was?.lanes.length
            ? "编辑会话已过期，已为你开启新会话，之前的编辑记录已无法恢复。"
            : s.kept === "all"
              ? `编辑会话已过期，已为你开启新会话，并带上了你的素材和时间线（${summarizeTimeline(s.was, lang)}），没有任何丢失。撤销记录从这里重新开始。`
              : s.kept === "timeline"
                ? `编辑会话已过期，已为你开启新会话。你的素材已交给新会话，时间线也保留着：这里照常显示，导出也照常使用它（${summarizeTimeline(s.was, lang)}）。剪辑助手本身是从头开始的，如果下一次修改丢了其中某部分，再说一遍就好。`
                : `编辑会话已过期，已为你开启新会话，之前的编辑记录已无法恢复。你的素材已交给新会话，导出的视频都还在；之前的时间线是：${summarizeTimeline(s.was, lang)}。想要原来的效果，再说一遍就好。`,
        })[s.notice],
      "preset-changed": (s) =>
        `剪辑助手按你的要求做成了${preset(s.to, lang)}视频（项目原为${preset(s.from, lang)}），平台已随之更新。`,
      edited: (s) => (s.changes.length ? `编辑已完成：${list(s.changes)}` : "已完成，时间线没有变化。"),
      changes: (s) => list(s.changes),
      "export-started": () => "已开始导出。即使关闭页面，渲染也会继续。",
      credits: (s) =>
        `你还有 ${s.available} 积分可用${s.frozen ? `（${s.frozen} 积分被进行中的任务占用）` : ""}。`,
      "upload-help": () =>
        "把照片、视频片段或音乐拖到上传区域（或使用 API 的上传接口）。大文件会分片上传，断网后可以续传。",
      timeline: (s) => summarizeTimeline(s.timeline, lang),
    };
  return {
    sending: () => "Sending to the editing agent…",
    tool: (s) => toolStatus(s.tool, lang),
    "stage-two": () => "Raw video ready, now adding music, titles and effects…",
    notice: (s) =>
      ({
        "still-working": "Still working… generating can take a few minutes.",
        recovering: "The connection to the editor dropped. Checking what changed…",
        "session-reset": !s.was?.lanes.length
          ? "Your editing session expired, so a new one was started. The earlier edit history is gone."
          : s.kept === "all"
            ? `Your editing session expired, so a new one was started with your files and your timeline (${summarizeTimeline(s.was, lang)}): nothing was lost. Undo starts afresh from here.`
            : s.kept === "timeline"
              ? `Your editing session expired, so a new one was started. Your files were handed to it and your timeline is kept: it is shown here and exports use it (${summarizeTimeline(s.was, lang)}). The editor itself starts afresh, so if your next edit drops part of it, ask for that part again.`
              : `Your editing session expired, so a new one was started. The earlier edit history is gone. Your files were handed to the new session and your exports are kept; the timeline was: ${summarizeTimeline(s.was, lang)}. Say what you want again to get it back.`,
      })[s.notice],
    "preset-changed": (s) =>
      `The editor made this a ${preset(s.to, lang)} video as you asked (the project was ${preset(s.from, lang)}); the platform now follows it.`,
    edited: (s) =>
      s.changes.length ? `The edit went through: ${list(s.changes)}` : "Done — the timeline did not change.",
    changes: (s) => list(s.changes),
    "export-started": () => "Export started. I'll keep rendering even if you close this page.",
    credits: (s) =>
      `You have ${s.available} credits available${s.frozen ? ` (${s.frozen} held by running work)` : ""}.`,
    "upload-help": () =>
      "Drop photos, clips or music into the upload area (or use the API's uploads endpoint). Large files go up in parts and resume after a dropped connection.",
    timeline: (s) => summarizeTimeline(s.timeline, lang),
  };
}

/** Every kind of sentence, for the API's schema of `say`. */
export const SAY_KEYS = Object.keys(sayings("en")) as Say["key"][];

/** The sentence for `s` in `lang`. */
export function say(s: Say, lang: Lang): string {
  const table = sayings(lang);
  return (table[s.key] as (x: Say) => string)(s);
}
