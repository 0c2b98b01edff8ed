// Requests outside what the local engine can do (new footage, 3D, face swap…), named for an honest reply.
import type { Unsupported } from "./ops.ts";

// A subject after "of"/"showing" that is not the user's own media: "a video of a dragon".
const GENERATE_EN =
  /\b(?:generate|create|make|render|produce)\b[^.!?]{0,40}\b(?:video|clip|footage|animation|scene|image|picture)s?\s+(?:of|showing)\s+(?:a|an|some)\b|\bgenerate (?:a |an |some )?(?:video|clip|footage|animation|image)s?\b(?![^.!?]*\b(?:from|with|using)\s+(?:these|this|my|our|the)\b)|\btext[- ]to[- ]video\b/;
const GENERATE_ZH = /(?:生成|画)(?:一[只条个头段幅张])?([^,.，。!?！？]{1,12}?)的?(?:视频|画面|动画|图片)/;
// Subjects that point at the user's own media or at a format, not at something to invent.
const OWN_MEDIA =
  /^一[只条个头段幅张部]$|这|那|照片|图片|素材|片段|小红书|抖音|微信|竖屏|横屏|宣传|脚本|秒|分钟|我的|我们/;

const FEATURES: [RegExp, Unsupported][] = [
  [/\b3d\b|三维|立体/, { en: "add 3D effects", zh: "添加 3D 特效" }],
  [
    /green ?screen|chroma|remove (?:the )?background(?! music)|抠图|抠像|(?:换|去|去掉)背景(?!音乐)/,
    { en: "remove or replace backgrounds", zh: "抠图或更换背景" },
  ],
  [/face ?swap|换脸/, { en: "swap faces", zh: "换脸" }],
  [
    /voice-?over|narrat(?:e|ion|or)|text[- ]to[- ]speech|\btts\b|\bdub(?:bing)?\b|配音|朗读|解说/,
    { en: "record a voice-over", zh: "配音或朗读" },
  ],
  [/\bavatars?\b|digital human|数字人|虚拟人/, { en: "add avatars or digital humans", zh: "添加数字人" }],
  [
    /slow[- ]?mo(?:tion)?|慢动作|慢放|\bspeed (?:it )?up\b|加速|倍速|\breverse\b|倒放/,
    { en: "change playback speed", zh: "变速或倒放" },
  ],
  [
    /colou?r[- ]?grad|\bfilters?\b|\blut\b|\bwarmer\b|\bcooler\b|滤镜|调色|色调|美颜|暖色|冷色/,
    { en: "apply filters or colour grading", zh: "滤镜或调色" },
  ],
  [/\bstickers?\b|\bemojis?\b|贴纸|表情包/, { en: "add stickers", zh: "添加贴纸" }],
  [/stabili[sz]|防抖/, { en: "stabilise shaky footage", zh: "视频防抖" }],
  [
    /auto(?:matic)?[- ]?(?:captions|subtitles)|transcrib|speech recognition|语音识别|自动字幕|识别字幕/,
    { en: "transcribe speech into captions", zh: "语音识别生成字幕" },
  ],
  [/\btranslat|翻译/, { en: "translate text", zh: "翻译文字" }],
];

const GENERATE: Unsupported = { en: "generate new footage", zh: "凭空生成新画面" };

export function findUnsupported(text: string): Unsupported[] {
  const zhSubject = GENERATE_ZH.exec(text)?.[1];
  const generates = GENERATE_EN.test(text) || (zhSubject !== undefined && !OWN_MEDIA.test(zhSubject));
  return [...(generates ? [GENERATE] : []), ...FEATURES.filter(([re]) => re.test(text)).map(([, u]) => u)];
}
