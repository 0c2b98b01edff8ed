// Routes a chat message to a direct answer (export, credits, status, upload) or to the agent, in English and Chinese.

export type IntentKind = "export" | "credits" | "status" | "upload" | "agent";
export interface Intent {
  kind: IntentKind;
  /** an edit that ends in an export request ("…and export it as MP4"): the agent edits, then Reelsmith exports */
  thenExport?: boolean;
}

/*
 * A message is routed only when the whole of it, minus politeness ("please", "帮我", "一下"), is one of the
 * phrasings below. Anything else — including a keyword inside an edit ("make the export look warmer",
 * "export quality too low, make it sharper", "状态栏加个标题") — goes to the agent: a misrouted edit would be
 * silently lost, while a misrouted plain request only costs one agent turn.
 */

const any = (...alts: string[]) => `(?:${alts.join("|")})`;
const opt = (s: string) => `(?:${s})?`;
// Slots are joined by an optional space: normalize() spaces out CJK/Latin boundaries, and Chinese has none.
const seq = (...slots: string[]) => slots.join(" ?");

const PREFIX = any(
  "please",
  "pls",
  "plz",
  "hey",
  "hi",
  "ok",
  "okay",
  "now",
  "just",
  "so",
  "then",
  "can you",
  "could you",
  "would you",
  "will you",
  "can i",
  "could i",
  "may i",
  "i want to",
  "i wanna",
  "i'd like to",
  "i would like to",
  "i need to",
  "let me",
  "let's",
  "lets",
  "help me",
  "go ahead and",
  "请",
  "请你",
  "帮我",
  "帮忙",
  "麻烦你?",
  "给我",
  "我要",
  "我想要?",
  "我需要",
  "可以",
  "能不能",
  "能否",
  "现在",
  "直接",
  "那就",
);
const SUFFIX = any(
  "please",
  "pls",
  "plz",
  "now",
  "right now",
  "thanks",
  "thank you",
  "thx",
  "for me",
  "吧",
  "一下",
  "啊",
  "呢",
  "吗",
  "嘛",
  "了",
  "呀",
  "谢谢",
  "好吗",
  "可以吗",
  "行吗",
  "现在",
);

const DET = any("the", "my", "this", "that", "our", "a", "an", "这个", "我的", "最终的?");
const VIDEO = any(
  "final video",
  "videos?",
  "final cut",
  "movie",
  "film",
  "mp4( file)?",
  "file",
  "result",
  "视频",
  "成片",
  "影片",
  "文件",
  "作品",
);
const OBJ = any(seq(opt(DET), VIDEO), "it", "this", "that", "它", "这个");
const TAIL = any("as (an )?mp4", "to mp4", "in mp4", "to my (phone|computer|device)", "到手机", "到本地");

const CREDIT = any(
  "credits?",
  "credit balance",
  "(account )?balance",
  "points",
  "积分",
  "余额",
  "积分余额",
  "额度",
);
const HOW_MUCH = any(
  "还剩多少",
  "剩多少",
  "还有多少",
  "有多少",
  "多少",
  "还剩",
  "剩余",
  "是多少",
  "还有",
  "够不够",
  "够吗",
);
const LOOK = any(
  "check",
  "show( me)?",
  "see",
  "view",
  "display",
  "list",
  "open",
  "查看?",
  "查询",
  "查一下",
  "看看",
  "看一下",
  "显示",
  "打开",
);
const TIMELINE = any("timeline", "tracks", "track list", "draft", "时间线", "时间轴", "轨道", "草稿");
const MEDIA = seq(
  opt(any("a", "an", "my( own)?", "the", "some", "more", "new", "another", "我的", "自己的", "一些", "新的")),
  any(
    "videos?",
    "files?",
    "clips?",
    "photos?",
    "pictures?",
    "images?",
    "media",
    "music",
    "songs?",
    "audio",
    "footage",
    "视频",
    "文件",
    "素材",
    "照片",
    "图片",
    "音乐",
    "片段",
  ),
);
const HOW = any(
  "how (do|can|should) i",
  "how to",
  "where (do|can) i",
  "where to",
  "怎么",
  "如何",
  "怎样",
  "在哪(里|儿)?",
  "哪里可以",
);

const PATTERNS: Record<Exclude<IntentKind, "agent">, string[]> = {
  export: [
    seq(any("export", "download", "render", "导出", "下载", "渲染"), opt(OBJ), opt(TAIL)),
    seq(any("save", "保存"), OBJ, opt(TAIL)),
    seq(opt("把"), OBJ, any("导出", "下载", "保存"), opt(any("来", "出来", "下来"))),
    seq("send", opt("me"), OBJ, opt(any("to me", "over", "给我"))),
    seq(opt("把"), opt(OBJ), any("发给我", "发我", "发送给我", "传给我", "发过来")),
    seq(any("发我", "给我发", "give me", "get me"), OBJ),
    seq(HOW, any("export", "download", "导出", "下载"), opt(OBJ)),
  ],
  credits: [
    seq(
      opt(LOOK),
      opt(any("my", "the", "remaining", "我的", "剩余的?", "还剩")),
      CREDIT,
      opt(any("left", "remaining", "balance", HOW_MUCH)),
    ),
    seq(
      any("how (many|much)"),
      CREDIT,
      opt(any("do i (still )?have( left)?", "have i got", "are left", "is left", "left", "remaining")),
    ),
    seq(any("what's", "whats", "what is"), any("my", "the"), opt("remaining"), CREDIT),
    seq(any("do i (still )?have", "am i out of"), opt(any("any", "enough")), CREDIT),
    seq(opt("我"), opt("还"), any("有", "剩下?"), any("多少", "几个"), CREDIT),
  ],
  status: [
    seq(
      opt(any(LOOK, "what's the", "whats the", "what is the")),
      opt(any("the", "project", "current", "当前", "项目", "现在的?", "目前的?")),
      any("status", "state", "progress", "状态", "进度"),
    ),
    seq(LOOK, opt(any("the", "my", "current", "当前的?", "现在的?")), TIMELINE),
    seq(any("what's", "whats", "what is"), any("on", "in"), opt(any("the", "my")), TIMELINE),
    seq(any("what do i have", "what have (i|we) got"), opt("so far")),
    seq(
      opt(any("现在", "当前", "目前")),
      TIMELINE,
      opt(any("上", "里", "中")),
      opt(any("有什么", "有啥", "是什么样")),
    ),
  ],
  upload: [
    seq(any("upload", "上传", "导入"), opt(MEDIA)),
    seq("传", MEDIA),
    seq(HOW, any("upload", "上传", "导入"), opt(MEDIA)),
    seq(HOW, any("add", "import", "use", "send you"), "my own", MEDIA),
  ],
};

const ROUTES = (Object.entries(PATTERNS) as [IntentKind, string[]][]).map(
  ([kind, cores]) => [kind, new RegExp(`^(?:${PREFIX} ?)*${any(...cores)}(?: ?${SUFFIX})*$`)] as const,
);

const HAN = String.raw`\p{Script=Han}`;

/** Lower-cases, drops punctuation and quotes, and puts one space at every Chinese/Latin boundary. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/(^|[^a-z])'|'(?![a-z])/g, "$1 ")
    .replace(/[^\p{L}\p{N}\s']/gu, " ")
    .replace(new RegExp(`(${HAN})(?=[a-z0-9])|([a-z0-9])(?=${HAN})`, "gu"), "$1$2 ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Longer messages are never a bare request; the cap also keeps the patterns cheap. */
const MAX_ROUTED_LENGTH = 100;
/** Where an edit can end and a request after it begin: punctuation, "and then", 然后 … */
const LAST_REQUEST =
  /(?:[,，。.;；!！?？]+\s*|\s+(?:and then|and|then|also|&|and also)\s+|然后|之后|接着|最后|再|并且?)/g;

function routeWhole(text: string): IntentKind {
  const normalized = normalize(text);
  if (normalized.length > MAX_ROUTED_LENGTH) return "agent";
  return ROUTES.find(([, re]) => re.test(normalized))?.[0] ?? "agent";
}

export function routeIntent(text: string): Intent {
  const kind = routeWhole(text);
  if (kind !== "agent") return { kind };
  // "make it 15 seconds and export it as MP4", "标题改一下然后导出": the agent edits, then Reelsmith exports.
  const splits = [...text.matchAll(LAST_REQUEST)].reverse();
  const last = splits.find(
    (m) => text.slice(0, m.index).trim() && routeWhole(text.slice(m.index + m[0].length)) === "export",
  );
  return last ? { kind: "agent", thenExport: true } : { kind: "agent" };
}
