// The UI language (a link's ?lang=, the remembered switch, or navigator.language) and every UI string in EN and ZH.
import { computed, effect, signal } from "@preact/signals";

export type Lang = "en" | "zh";

const STORE_KEY = "reelsmith.lang";
const isLang = (v: string | null): v is Lang => v === "en" || v === "zh";
const asked = new URLSearchParams(location.search).get("lang");
const stored = localStorage.getItem(STORE_KEY);
/** A link's `?lang=`, else the remembered choice, else the browser's language. */
export const lang = signal<Lang>(
  isLang(asked)
    ? asked
    : isLang(stored)
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
  dropHint: "JPG, PNG, MP4, MOV, MP3… Large files go up in parts and resume after a dropped connection.",
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
  docTitle: "Reelsmith — one sentence to a platform-ready video",
  projects: "Projects",
  projectsTitle: "Your projects",
  noProjects: "No projects yet. Pick a platform to start one.",
  moreProjects: "Show more projects",
  current: "Open now",
  open: "Open",
  rename: "Rename",
  save: "Save",
  cancel: "Cancel",
  delete: "Delete",
  close: "Close",
  titleLabel: "Project title",
  confirmDelete: (title: string) => `Delete “${title}” with its uploads and exports?`,
  savedProject: (title: string) => `“${title}” is saved in Projects.`,
  changedAt: (when: string) => `Changed ${when}`,
  dropLimit: (size: string, whose: string) => `Up to ${size} a file (${whose}).`,
  resumedTurn: "A reply was still running when the page reloaded. Showing its progress…",
  outdated: "Made before your latest edits.",
  outdatedHint: "Export again to include them.",
  pastExports: "Earlier exports",
  exportedAt: (when: string, seconds: string) => `${when} · ${seconds}`,
  seconds: (s: number) => `${Math.round(s * 10) / 10} s`,
  shareLink: "Share link",
  copyLink: "Copy",
  linkCopied: "Copied",
  shareHint: "Anyone with this link can watch this video for 30 days.",
  madeWith: "Made with Reelsmith",
  makeYourOwn: "Make your own",
  sharedGone: "This link has expired or does not exist.",
  openApp: "Open Reelsmith",
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
  docTitle: "Reelsmith — 一句话生成可发布的视频",
  projects: "项目",
  projectsTitle: "我的项目",
  noProjects: "还没有项目。选择一个平台即可开始。",
  moreProjects: "显示更多项目",
  current: "当前",
  open: "打开",
  rename: "重命名",
  save: "保存",
  cancel: "取消",
  delete: "删除",
  close: "关闭",
  titleLabel: "项目名称",
  confirmDelete: (title: string) => `删除“${title}”及其素材和导出？`,
  savedProject: (title: string) => `“${title}”已保存在项目中。`,
  changedAt: (when: string) => `更新于 ${when}`,
  dropLimit: (size: string, whose: string) => `单个文件最大 ${size}（${whose}）。`,
  resumedTurn: "页面刷新时回复仍在进行，正在显示进度…",
  outdated: "这是你最近修改之前导出的版本。",
  outdatedHint: "重新导出即可包含这些修改。",
  pastExports: "之前的导出",
  exportedAt: (when: string, seconds: string) => `${when} · ${seconds}`,
  seconds: (s: number) => `${Math.round(s * 10) / 10} 秒`,
  shareLink: "分享链接",
  copyLink: "复制",
  linkCopied: "已复制",
  shareHint: "拿到链接的人在 30 天内都可以观看这个视频。",
  madeWith: "用 Reelsmith 制作",
  makeYourOwn: "我也来做一个",
  sharedGone: "这个链接已过期或不存在。",
  openApp: "打开 Reelsmith",
};

export const TEXT: Record<Lang, typeof EN> = { en: EN, zh: ZH };

/** The strings of the current language; read it in render so components follow the toggle. */
export const t = computed(() => TEXT[lang.value]);
