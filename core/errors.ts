// The error catalogue: every upstream and Reelsmith failure → HTTP status, public code, EN/ZH message, hint and action.

import type { ErrorExtra } from "./api-errors.ts";
import { formatSize, type UpstreamKind, whoseLimit } from "./upload-limits.ts";
import { ACCEPTED_EXTENSIONS, MAX_UPLOAD_BYTES, registerUrl, UpstreamCode } from "./upstream-facts.ts";

export type Lang = "en" | "zh";
export type Localized = Record<Lang, string>;

export const ERROR_ACTION_KINDS = [
  "register",
  "top-up",
  "retry",
  "compress",
  "new-session",
  "upgrade",
  "wait",
  "use-api-key",
] as const;
export type ErrorActionKind = (typeof ERROR_ACTION_KINDS)[number];
export interface ErrorAction {
  kind: ErrorActionKind;
  url?: string;
}

export interface CatalogueEntry {
  httpStatus: number;
  code: ErrorCode;
  message: Localized;
  hint: Localized;
  action?: ErrorAction;
}

/** The per-user fair-use limits (durable/fair-use.ts holds their numbers). */
export type FairUseLimit =
  | "messages-per-minute"
  | "concurrent-exports"
  | "upload-bytes-per-day"
  | "projects"
  | "api-keys";

/** What the catalogue needs to pick the right wording and link; every field is optional. */
export interface CatalogueContext {
  /** the fair-use limit reached, and its number */
  fairUse?: { limit: FairUseLimit; max: number };
  /** upstream user id, for the registration link */
  userId?: string;
  registered?: boolean;
  /** the upload limit that applies, and whose it is */
  maxUploadBytes?: number;
  limitBy?: UpstreamKind;
}

type Fixed = Omit<CatalogueEntry, "code">;
const retry: ErrorAction = { kind: "retry" };

const FIXED = {
  bad_request: {
    httpStatus: 400,
    message: { en: "The request is not valid.", zh: "请求无效。" },
    hint: { en: "Check the fields you sent and try again.", zh: "请检查提交的内容后重试。" },
  },
  unauthorized: {
    httpStatus: 401,
    message: { en: "You are not signed in.", zh: "你尚未登录。" },
    hint: { en: "Reload the page, or send a valid API key.", zh: "请刷新页面，或使用有效的 API 密钥。" },
  },
  forbidden_origin: {
    httpStatus: 403,
    message: { en: "This request came from another site.", zh: "该请求来自其他网站。" },
    hint: { en: "Use Reelsmith from its own page.", zh: "请在 Reelsmith 自己的页面中操作。" },
  },
  not_found: {
    httpStatus: 404,
    message: { en: "Not found.", zh: "未找到。" },
    hint: { en: "It may have been deleted; check the link.", zh: "它可能已被删除，请检查链接。" },
  },
  busy: {
    httpStatus: 409,
    message: { en: "The editor is still working on your last message.", zh: "编辑器还在处理你上一条消息。" },
    hint: { en: "Wait for it to finish before sending another.", zh: "请等它完成后再发送。" },
  },
  not_ready: {
    httpStatus: 409,
    message: { en: "There is nothing to export yet.", zh: "还没有可以导出的内容。" },
    hint: {
      en: "Upload clips or describe the video you want first.",
      zh: "请先上传素材，或描述你想要的视频。",
    },
  },
  export_pending: {
    httpStatus: 409,
    message: { en: "This export has not finished yet.", zh: "这个导出还没有完成。" },
    hint: { en: "Check its progress and download it when it completes.", zh: "请查看进度，完成后再下载。" },
  },
  session_expired: {
    httpStatus: 410,
    message: {
      en: "Your editing session expired; a new one was started and the earlier edit history is gone.",
      zh: "编辑会话已过期，已开启新会话，之前的编辑记录已无法恢复。",
    },
    hint: { en: "Describe your video again to continue.", zh: "请重新描述你想要的视频以继续。" },
    action: { kind: "new-session" },
  },
  payload_too_large: {
    httpStatus: 413,
    message: { en: "The file is too large.", zh: "文件太大了。" },
    hint: { en: "Compress or trim it and try again.", zh: "请压缩或剪短后重试。" },
    action: { kind: "compress" },
  },
  unsupported_media: {
    httpStatus: 415,
    message: { en: "This file type is not supported.", zh: "不支持这种文件类型。" },
    hint: {
      en: `Use one of: ${ACCEPTED_EXTENSIONS.join(", ")}.`,
      zh: `请使用以下格式之一：${ACCEPTED_EXTENSIONS.join("、")}。`,
    },
  },
  empty_file: {
    httpStatus: 400,
    message: { en: "The file is empty.", zh: "文件是空的。" },
    hint: {
      en: "Choose the file again; it may not have finished saving.",
      zh: "请重新选择文件；它可能还没有保存完成。",
    },
  },
  renamed_file: {
    httpStatus: 415,
    message: { en: "The file's content does not match its name.", zh: "文件内容与文件名不符。" },
    hint: {
      en: "It is a different kind of media than its extension says; choose the right file or rename it.",
      zh: "它的实际类型与扩展名不一致；请选择正确的文件或改成正确的扩展名。",
    },
  },
  part_mismatch: {
    httpStatus: 400,
    message: { en: "That part of the upload has the wrong size.", zh: "上传的这一分片大小不对。" },
    hint: {
      en: "Send every part with exactly partSize bytes; only the last part holds the rest.",
      zh: "每个分片必须正好是 partSize 字节，只有最后一片装剩余部分。",
    },
  },
  upload_incomplete: {
    httpStatus: 409,
    message: { en: "Some parts of the file have not arrived yet.", zh: "文件还有部分分片没有上传。" },
    hint: {
      en: "Resume the upload: send the missing parts, then finish again.",
      zh: "请继续上传缺少的分片，然后再完成上传。",
    },
  },
  upload_closed: {
    httpStatus: 409,
    message: { en: "This upload is already finished or was stopped.", zh: "这个上传已经完成或已停止。" },
    hint: { en: "Start a new upload to send the file again.", zh: "如需重新发送文件，请开始新的上传。" },
  },
  upload_expired: {
    httpStatus: 410,
    message: {
      en: "This upload was left unfinished for a day and has been removed.",
      zh: "这个上传一天内没有完成，已被删除。",
    },
    hint: { en: "Start the upload again.", zh: "请重新上传。" },
  },
  url_refused: {
    httpStatus: 400,
    message: { en: "This address cannot be used.", zh: "不能使用这个地址。" },
    hint: {
      en: "Use a public https:// link to the file itself, without a password, IP address or private host name.",
      zh: "请使用文件本身的公开 https:// 链接，不要包含密码、IP 地址或内网主机名。",
    },
  },
  import_failed: {
    httpStatus: 502,
    message: { en: "The file could not be fetched from that address.", zh: "无法从该地址获取文件。" },
    hint: {
      en: "Check that the link opens the file itself and is reachable, then try again.",
      zh: "请确认链接直接指向文件且可以访问，然后重试。",
    },
    action: retry,
  },
  media_link_invalid: {
    httpStatus: 403,
    message: { en: "This media link is not valid.", zh: "这个媒体链接无效。" },
    hint: { en: "Use the link exactly as Reelsmith issued it.", zh: "请使用 Reelsmith 生成的原始链接。" },
  },
  media_link_expired: {
    httpStatus: 410,
    message: { en: "This media link has expired.", zh: "这个媒体链接已过期。" },
    hint: { en: "Ask Reelsmith for a fresh link.", zh: "请让 Reelsmith 重新生成链接。" },
  },
  rate_limited: {
    httpStatus: 429,
    message: { en: "Too many requests right now.", zh: "请求太频繁了。" },
    hint: { en: "Wait about 30 seconds and try again.", zh: "请等待约 30 秒后重试。" },
    action: retry,
  },
  out_of_credits: {
    httpStatus: 402,
    message: { en: "You are out of credits.", zh: "你的积分已用完。" },
    hint: { en: "Top up credits to keep editing.", zh: "请充值积分后继续编辑。" },
    action: { kind: "top-up" },
  },
  export_blocked: {
    httpStatus: 402,
    message: { en: "Exporting is not available on the free plan.", zh: "免费套餐无法导出视频。" },
    hint: { en: "Register or upgrade to export.", zh: "请注册或升级套餐后导出。" },
    action: { kind: "upgrade" },
  },
  upstream_auth_failed: {
    httpStatus: 502,
    message: { en: "We could not sign in to the video service.", zh: "无法登录视频服务。" },
    hint: { en: "Try again in a moment.", zh: "请稍后重试。" },
    action: retry,
  },
  upstream_bad_request: {
    httpStatus: 502,
    message: { en: "The video service rejected the request.", zh: "视频服务拒绝了该请求。" },
    hint: {
      en: "Try again; if it keeps happening, start a new project.",
      zh: "请重试；如果一直出现，请新建项目。",
    },
    action: retry,
  },
  upstream_unavailable: {
    httpStatus: 502,
    message: { en: "The video service had a problem.", zh: "视频服务出现了问题。" },
    hint: { en: "Try again in a moment.", zh: "请稍后重试。" },
    action: retry,
  },
  upstream_timeout: {
    httpStatus: 504,
    message: { en: "The video service took too long to answer.", zh: "视频服务响应超时。" },
    hint: {
      en: "Try again; long generations can take a few minutes.",
      zh: "请重试；较长的生成可能需要几分钟。",
    },
    action: retry,
  },
  stream_dropped: {
    httpStatus: 502,
    message: {
      en: "The connection to the editor dropped and your edit could not be confirmed.",
      zh: "与编辑器的连接中断，无法确认修改是否完成。",
    },
    hint: {
      en: "Check the timeline; if nothing changed, send the message again.",
      zh: "请查看时间线；如果没有变化，请重新发送消息。",
    },
    action: retry,
  },
  render_failed: {
    httpStatus: 502,
    message: { en: "The export failed.", zh: "导出失败。" },
    hint: { en: "Try exporting again.", zh: "请重新导出。" },
    action: retry,
  },
  render_no_space: {
    httpStatus: 507,
    message: {
      en: "The export failed: the video engine ran out of disk space.",
      zh: "导出失败：视频引擎的磁盘空间不足。",
    },
    hint: {
      en: "Free up space on the engine's disk (or ask whoever runs it to), then export again.",
      zh: "请清理视频引擎所在磁盘的空间（或请其管理员清理），然后重新导出。",
    },
    action: retry,
  },
  render_timeout: {
    httpStatus: 504,
    message: { en: "The export took too long and was stopped.", zh: "导出耗时过长，已停止。" },
    hint: { en: "Try again, or make the video shorter.", zh: "请重试，或把视频剪短一些。" },
    action: retry,
  },
  request_too_large: {
    httpStatus: 413,
    message: { en: "The request body is too large.", zh: "请求内容太大了。" },
    hint: {
      en: "JSON bodies may be at most 64 KB; send files through the upload API.",
      zh: "JSON 请求体最多 64 KB；文件请通过上传接口发送。",
    },
  },
  range_not_satisfiable: {
    httpStatus: 416,
    message: { en: "That byte range is not in the file.", zh: "请求的字节范围超出了文件。" },
    hint: {
      en: "Ask for a range within the file's size (see Content-Range), or leave out Range for the whole file.",
      zh: "请在文件大小以内请求范围（见 Content-Range），或去掉 Range 获取整个文件。",
    },
  },
  fair_use_limit: {
    httpStatus: 429,
    message: { en: "You have reached a fair-use limit.", zh: "你已达到合理使用上限。" },
    hint: {
      en: "Wait until the time in Retry-After, or finish or delete what is running, then try again.",
      zh: "请等到 Retry-After 给出的时间，或先完成、删除正在进行的内容，再重试。",
    },
    action: { kind: "wait" },
  },
  upstream_token_refused: {
    httpStatus: 400,
    message: {
      en: "The video service did not accept that token.",
      zh: "视频服务不接受这个令牌。",
    },
    hint: {
      en: "Copy your NemoVideo token again (it starts with nmv_ and expires after 7 days) and paste it whole; your previous token is still in use.",
      zh: "请重新复制你的 NemoVideo 令牌（以 nmv_ 开头，7 天后过期）并完整粘贴；之前的令牌仍在使用。",
    },
  },
  callback_needs_key: {
    httpStatus: 400,
    message: {
      en: "Export webhooks need an API key.",
      zh: "导出的 Webhook 需要使用 API 密钥。",
    },
    hint: {
      en: "Send the request with Authorization: Bearer <api key>; its webhook secret signs the deliveries.",
      zh: "请用 Authorization: Bearer <API 密钥> 发送请求；该密钥的 Webhook 密钥会为投递签名。",
    },
    action: { kind: "use-api-key" },
  },
  not_configured: {
    httpStatus: 500,
    message: {
      en: "This Reelsmith server is not set up: SECRET is missing.",
      zh: "这个 Reelsmith 服务尚未配置：缺少 SECRET。",
    },
    hint: {
      en: "Run npm start (it writes .dev.vars), or put SECRET=<a long random string> in .dev.vars for wrangler dev, or run wrangler secret put SECRET before deploying.",
      zh: "请运行 npm start（它会写入 .dev.vars），或在 .dev.vars 中写入 SECRET=<一串较长的随机字符> 再运行 wrangler dev，部署前请运行 wrangler secret put SECRET。",
    },
  },
  internal: {
    httpStatus: 500,
    message: { en: "Something went wrong on our side.", zh: "我们这边出了点问题。" },
    hint: { en: "Try again in a moment.", zh: "请稍后重试。" },
    action: retry,
  },
} as const satisfies Record<string, Fixed>;

export type ErrorCode = keyof typeof FIXED;
export const ERROR_CODES = Object.keys(FIXED) as ErrorCode[];
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(FIXED, code);

const UPSTREAM_TO_CODE: Record<number, ErrorCode> = {
  [UpstreamCode.TokenInvalid]: "upstream_auth_failed",
  [UpstreamCode.SessionNotFound]: "session_expired",
  [UpstreamCode.OutOfCredits]: "out_of_credits",
  [UpstreamCode.UnsupportedFile]: "unsupported_media",
  [UpstreamCode.FileTooLarge]: "payload_too_large",
  [UpstreamCode.MissingClientId]: "upstream_bad_request",
  [UpstreamCode.ExportBlocked]: "export_blocked",
  [UpstreamCode.RateLimited]: "rate_limited",
};

/** The entry for a public code, worded for the caller's situation (anonymous users are sent to register). */
export function entryFor(code: ErrorCode, ctx: CatalogueContext = {}): CatalogueEntry {
  const entry: CatalogueEntry = { code, ...FIXED[code] };
  const anonymous = ctx.userId !== undefined && !ctx.registered;
  if (code === "out_of_credits" && anonymous) {
    return {
      ...entry,
      hint: { en: "Register for free to get more credits.", zh: "免费注册即可获得更多积分。" },
      action: { kind: "register", url: registerUrl(ctx.userId as string) },
    };
  }
  if (code === "export_blocked" && anonymous) {
    return { ...entry, action: { kind: "register", url: registerUrl(ctx.userId as string) } };
  }
  if (code === "export_blocked" && ctx.registered) {
    return { ...entry, hint: { en: "Upgrade your plan to export.", zh: "请升级套餐后导出。" } };
  }
  if (code === "fair_use_limit" && ctx.fairUse) return { ...entry, ...fairUseWords(ctx.fairUse) };
  if (code === "payload_too_large") {
    const size = formatSize(ctx.maxUploadBytes ?? MAX_UPLOAD_BYTES);
    const whose = (lang: Lang) => (ctx.limitBy ? whoseLimit(ctx.limitBy, lang) : "");
    return {
      ...entry,
      hint: {
        en: `Compress or trim it to under ${size}${whose("en") && ` (${whose("en")})`} and try again.`,
        zh: `请压缩或剪短到 ${size} 以内${whose("zh") && `（${whose("zh")}）`}后重试。`,
      },
    };
  }
  return entry;
}

const gigabytes = (bytes: number) => `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`;

/** The words for one fair-use limit: what it is, and what to do instead of trying again at once. */
function fairUseWords({
  limit,
  max,
}: {
  limit: FairUseLimit;
  max: number;
}): Pick<CatalogueEntry, "message" | "hint"> {
  const wait = {
    en: "Wait until the time in Retry-After, then try again.",
    zh: "请等到 Retry-After 给出的时间后再试。",
  };
  switch (limit) {
    case "messages-per-minute":
      return {
        message: {
          en: `You can send up to ${max} messages a minute.`,
          zh: `每分钟最多可以发送 ${max} 条消息。`,
        },
        hint: wait,
      };
    case "concurrent-exports":
      return {
        message: { en: `Up to ${max} exports can render at once.`, zh: `最多可以同时导出 ${max} 个视频。` },
        hint: { en: "Wait for one of them to finish, then export again.", zh: "请等其中一个完成后再导出。" },
      };
    case "upload-bytes-per-day":
      return {
        message: {
          en: `You can upload up to ${gigabytes(max)} a day.`,
          zh: `每天最多可以上传 ${gigabytes(max)}。`,
        },
        hint: wait,
      };
    case "projects":
      return {
        message: { en: `You can keep up to ${max} projects.`, zh: `最多可以保留 ${max} 个项目。` },
        hint: {
          en: "Delete projects you no longer need, then create a new one.",
          zh: "请删除不再需要的项目后再新建。",
        },
      };
    case "api-keys":
      return {
        message: { en: `You can have up to ${max} API keys.`, zh: `最多可以拥有 ${max} 个 API 密钥。` },
        hint: {
          en: "Revoke a key you no longer use, then mint a new one.",
          zh: "请先撤销不再使用的密钥，再创建新的。",
        },
      };
  }
}

/** The entry for an upstream error code (docs/upstream.md table); unknown codes read as the service failing. */
export function catalogueFor(upstreamCode: number, ctx: CatalogueContext = {}): CatalogueEntry {
  return entryFor(UPSTREAM_TO_CODE[upstreamCode] ?? "upstream_unavailable", ctx);
}

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; hint: string; action?: ErrorAction } & ErrorExtra;
}

/** The public JSON error shape `{"error":{"code","message","hint","action"?,…extra}}`. */
export function apiError(
  codeOrEntry: ErrorCode | CatalogueEntry,
  lang: Lang,
  extra: ErrorExtra = {},
): ApiErrorBody {
  const e = typeof codeOrEntry === "string" ? entryFor(codeOrEntry) : codeOrEntry;
  return {
    error: {
      ...extra,
      code: e.code,
      message: e.message[lang],
      hint: e.hint[lang],
      ...(e.action ? { action: e.action } : {}),
    },
  };
}

/** What an error body may add to its code and words (`missing` parts, the `expected` length …): plain data. */
export type { ErrorExtra };

/** A catalogue failure as plain data: what crosses the Durable Object's RPC boundary instead of an exception. */
export interface Failure {
  code: ErrorCode;
  ctx?: CatalogueContext;
  extra?: ErrorExtra;
}

/**
 * A failure with its catalogue entry. Inside one isolate it is thrown; across the Durable Object's RPC boundary
 * it travels as a `Failure` value (core/outcome.ts). The upstream's own wording (`detail`) stays local: it is
 * for logs, never for responses.
 */
export class ReelsmithError extends Error {
  readonly entry: CatalogueEntry;
  readonly ctx: CatalogueContext;
  readonly status: number;
  readonly extra: ErrorExtra;
  readonly detail?: string;

  constructor(code: ErrorCode, opts: { ctx?: CatalogueContext; extra?: ErrorExtra; detail?: string } = {}) {
    const ctx = opts.ctx ?? {};
    const extra = opts.extra ?? {};
    super(code);
    this.ctx = ctx;
    this.name = "ReelsmithError";
    this.entry = entryFor(code, ctx);
    this.status = this.entry.httpStatus;
    this.extra = extra;
    this.detail = opts.detail;
  }

  get code(): ErrorCode {
    return this.entry.code;
  }

  static fromUpstream(upstreamCode: number, ctx: CatalogueContext = {}, detail?: string): ReelsmithError {
    return new ReelsmithError(catalogueFor(upstreamCode, ctx).code, { ctx, detail });
  }

  /** The error itself when it is a catalogue failure; null for anything else (a fault). */
  static from(err: unknown): ReelsmithError | null {
    return err instanceof ReelsmithError ? err : null;
  }

  static of(f: Failure): ReelsmithError {
    return new ReelsmithError(f.code, f);
  }

  /** The plain-data form, for an RPC answer. */
  failure(): Failure {
    return { code: this.code, ctx: this.ctx, extra: this.extra };
  }

  body(lang: Lang): ApiErrorBody {
    return apiError(this.entry, lang, this.extra);
  }
}
