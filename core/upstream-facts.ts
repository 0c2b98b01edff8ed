// The upstream's constants (docs/upstream.md) without its schemas, so the page can use them without bundling zod.

/** Upstream error codes (docs/upstream.md "Error codes"). */
export const UpstreamCode = {
  TokenInvalid: 1001,
  SessionNotFound: 1002,
  OutOfCredits: 2001,
  UnsupportedFile: 4001,
  FileTooLarge: 4002,
  MissingClientId: 400,
  ExportBlocked: 402,
  RateLimited: 429,
} as const;
export type UpstreamCode = (typeof UpstreamCode)[keyof typeof UpstreamCode];

/**
 * A render that failed for lack of disk space, in the words of ffmpeg, Node (ENOSPC) or the engine's own reason
 * (`NO_SPACE_REASON`): the one failure whose remedy is not simply exporting again.
 */
export const isNoSpace = (error: string | undefined) => /no space left|ENOSPC/i.test(error ?? "");
export const NO_SPACE_REASON = "No space left on the engine's disk";

export const ACCEPTED_EXTENSIONS = [
  "mp4",
  "mov",
  "avi",
  "webm",
  "mkv",
  "jpg",
  "jpeg",
  "png",
  "gif",
  "webp",
  "mp3",
  "wav",
  "m4a",
  "aac",
] as const;
export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

export const registerUrl = (userId: string) =>
  `https://nemovideo.com/register?bind=${encodeURIComponent(userId)}`;
