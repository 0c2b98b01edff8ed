// Paths of the ffmpeg tools and fonts the renderer depends on (Debian packages ffmpeg and fonts-noto-cjk).
export const FFMPEG = process.env.FFMPEG_PATH ?? "ffmpeg";
export const FFPROBE = process.env.FFPROBE_PATH ?? "ffprobe";
const NOTO_DIR = "/usr/share/fonts/opentype/noto";
export const FONT_REGULAR = process.env.REELSMITH_FONT ?? `${NOTO_DIR}/NotoSansCJK-Regular.ttc`;
export const FONT_BOLD = process.env.REELSMITH_FONT_BOLD ?? `${NOTO_DIR}/NotoSansCJK-Bold.ttc`;
