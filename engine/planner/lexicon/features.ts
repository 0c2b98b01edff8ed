// Features Reelsmith declines, named once in both languages with what it offers instead; lexicons list their words.
import type { Unsupported } from "../../../core/edit-commands.ts";

export const FEATURES = {
  threeD: {
    en: "add 3D effects",
    zh: "添加 3D 特效",
    insteadEn: "I can add transitions such as zoom or slide",
    insteadZh: "我可以加缩放或滑动转场",
  },
  background: {
    en: "remove or replace backgrounds",
    zh: "抠图或更换背景",
    insteadEn: "I can fit each shot on a blurred copy of itself",
    insteadZh: "我可以把画面放在自身的模糊背景上",
  },
  faceSwap: {
    en: "swap faces",
    zh: "换脸",
    insteadEn: "I can reorder, trim and caption your shots",
    insteadZh: "我可以调整顺序、剪辑片段、加字幕",
  },
  voiceOver: {
    en: "record a voice-over",
    zh: "配音或朗读",
    insteadEn: "I can show your script as captions and add music",
    insteadZh: "我可以把脚本做成字幕并配乐",
  },
  avatar: {
    en: "add avatars or digital humans",
    zh: "添加数字人",
    insteadEn: "I can build the video from your photos, clips and script",
    insteadZh: "我可以用你的照片、片段和脚本制作视频",
  },
  speed: {
    en: "change playback speed",
    zh: "变速或倒放",
    insteadEn: "I can trim clips or change how long each photo stays on screen",
    insteadZh: "我可以剪辑片段，或调整每张照片停留的时间",
  },
  grading: {
    en: "apply filters or colour grading",
    zh: "滤镜或调色",
    insteadEn: "I can change the canvas, text colours and music",
    insteadZh: "我可以调整画面比例、文字颜色和音乐",
  },
  stickers: {
    en: "add stickers",
    zh: "添加贴纸",
    insteadEn: "I can add a title or text in a style you pick",
    insteadZh: "我可以加标题或文字，并选择样式",
  },
  stabilise: {
    en: "stabilise shaky footage",
    zh: "视频防抖",
    insteadEn: "I can trim the shaky parts out of a clip",
    insteadZh: "我可以把抖动的部分剪掉",
  },
  transcribe: {
    en: "transcribe speech into captions",
    zh: "语音识别生成字幕",
    insteadEn: "paste the words and I'll show them as captions",
    insteadZh: "把文字发给我，我会做成字幕",
  },
  translate: {
    en: "translate text",
    zh: "翻译文字",
    insteadEn: "send the translated words and I'll use them",
    insteadZh: "把翻译好的文字发给我，我来替换",
  },
  logo: {
    en: "add a logo or watermark",
    zh: "添加 Logo 或水印",
    insteadEn: "I can put your brand name on screen as a title",
    insteadZh: "我可以把品牌名作为标题放在画面上",
  },
  denoise: {
    en: "remove noise or enhance audio",
    zh: "降噪或修音",
    insteadEn: "I can mute the clips' own sound or change the music",
    insteadZh: "我可以关掉原声或更换音乐",
  },
  generate: {
    en: "generate new footage",
    zh: "凭空生成新画面",
    insteadEn: "I can build a video from your photos, clips or script",
    insteadZh: "我可以用你的照片、片段或脚本制作视频",
  },
  partTiming: {
    en: "play the music or show text for only part of the video",
    zh: "只在视频的一部分播放音乐或显示文字",
    insteadEn: "I can trim the video to that length, or show one caption per photo",
    insteadZh: "我可以把视频剪到这个长度，或者每张照片配一句字幕",
  },
} satisfies Record<string, Unsupported>;
