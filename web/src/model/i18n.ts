// The UI language (from navigator.language, switchable and remembered) and every UI string in English and Chinese.
import { computed, effect, signal } from "@preact/signals";

export type Lang = "en" | "zh";

const STORE_KEY = "reelsmith.lang";
const stored = localStorage.getItem(STORE_KEY);
export const lang = signal<Lang>(
  stored === "en" || stored === "zh"
    ? stored
    : navigator.language.toLowerCase().startsWith("zh")
      ? "zh"
      : "en",
);

export function setLang(next: Lang): void {
  lang.value = next;
  localStorage.setItem(STORE_KEY, next);
}

effect(() => {
  document.documentElement.lang = lang.value === "zh" ? "zh-CN" : "en";
});

const EN = {
  tagline: "Photos, clips or a script plus one sentence → a platform-ready MP4.",
  newProject: "New project",
  stepPlatform: "Platform",
  stepMedia: "Media",
  stepChat: "Describe your video",
  stepExport: "Export",
  presetsLoading: "Loading platforms…",
  presetsFailed: "Could not load the platforms.",
  original: "Original",
  maxLength: (s: number) => (s >= 120 ? `≤ ${Math.round(s / 60)} min` : `≤ ${s} s`),
  pickPresetFirst: "Pick a platform first.",
  dropHere: "Drop photos, clips or music here",
  orBrowse: "or choose files",
  dropHint: "JPG, PNG, MP4, MOV, MP3… Large files upload in parts and resume after a dropped connection.",
  uploadQueued: "Waiting…",
  uploading: (pct: number) => `Uploading ${pct}%`,
  processing: "Processing…",
  uploaded: "Ready",
  retry: "Try again",
  remove: "Remove",
  chooseAgain: "Choose the file again to resume.",
  chatEmpty: "Tell the editor what to make. For example:",
  chatStart: "Pick a platform, add photos or clips, then say what you want in one sentence.",
  previewPlaceholder: "Your video will play here",
  composerPlaceholder: "Describe the video you want…",
  send: "Send",
  sending: "Sending…",
  waitingUploads: "Waiting for uploads to finish…",
  you: "You",
  editor: "Editor",
  timeline: "Timeline",
  changes: "What changed",
  nothingYet: "Nothing on the timeline yet.",
  exportButton: "Export MP4",
  exportAgain: "Export again",
  exportNotReady: "Upload media or describe your video first.",
  exportReadyHint: "Your edit is ready to export.",
  exportStatus: { pending: "Queued…", processing: "Rendering…", completed: "Done", failed: "Export failed" },
  download: "Download MP4",
  errorActions: {
    register: "Register for free",
    "top-up": "Top up credits",
    upgrade: "Upgrade",
    retry: "Try again",
  } as Record<string, string>,
  networkError: "The connection failed.",
  networkHint: "Check your network and try again.",
};

const ZH: typeof EN = {
  tagline: "照片、视频或一段脚本，加一句话 → 直接可发布的 MP4。",
  newProject: "新建项目",
  stepPlatform: "平台",
  stepMedia: "素材",
  stepChat: "描述你的视频",
  stepExport: "导出",
  presetsLoading: "正在加载平台…",
  presetsFailed: "无法加载平台列表。",
  original: "原比例",
  maxLength: (s: number) => (s >= 120 ? `≤ ${Math.round(s / 60)} 分钟` : `≤ ${s} 秒`),
  pickPresetFirst: "请先选择平台。",
  dropHere: "把照片、视频或音乐拖到这里",
  orBrowse: "或选择文件",
  dropHint: "支持 JPG、PNG、MP4、MOV、MP3 等。大文件分片上传，断网后可续传。",
  uploadQueued: "等待中…",
  uploading: (pct: number) => `上传中 ${pct}%`,
  processing: "处理中…",
  uploaded: "已就绪",
  retry: "重试",
  remove: "移除",
  chooseAgain: "重新选择该文件即可继续上传。",
  chatEmpty: "告诉剪辑助手你想做什么，例如：",
  chatStart: "选择平台，添加照片或视频，然后用一句话说出你想要的效果。",
  previewPlaceholder: "视频将在这里播放",
  composerPlaceholder: "描述你想要的视频…",
  send: "发送",
  sending: "发送中…",
  waitingUploads: "等待上传完成…",
  you: "你",
  editor: "剪辑助手",
  timeline: "时间线",
  changes: "本次修改",
  nothingYet: "时间线上还没有内容。",
  exportButton: "导出 MP4",
  exportAgain: "重新导出",
  exportNotReady: "请先上传素材或描述你的视频。",
  exportReadyHint: "剪辑已就绪，可以导出。",
  exportStatus: { pending: "排队中…", processing: "渲染中…", completed: "已完成", failed: "导出失败" },
  download: "下载 MP4",
  errorActions: {
    register: "免费注册",
    "top-up": "充值积分",
    upgrade: "升级套餐",
    retry: "重试",
  },
  networkError: "网络连接失败。",
  networkHint: "请检查网络后重试。",
};

/** The strings of the current language; read it in render so components follow the toggle. */
export const t = computed(() => (lang.value === "zh" ? ZH : EN));
