// Timings and addresses from the Worker's vars, read once per DO instance.
import { type UpstreamKind, upstreamKindOf } from "../core/upload-limits.ts";

export interface Config {
  upstreamUrl: string;
  upstreamKind: UpstreamKind;
  /** the Worker's public origin (PUBLIC_URL), where the upstream fetches signed media links */
  publicOrigin: string | undefined;
  /** origins render outputs may come from besides public https ones (the local engine's, when configured) */
  outputOrigins: string[];
  renderFirstPollMs: number;
  renderPollMs: number;
  renderDeadlineMs: number;
  rateLimitWaitMs: number;
  chatSilenceNoticeMs: number;
  chatIdleTimeoutMs: number;
  chatRecoveryFirstMs: number;
  chatRecoveryEveryMs: number;
  ssePingMs: number;
  /** the waits before each new try at handing a finished upload to the editor */
  handOffRetryMs: number[];
}

const ms = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

export function readConfig(env: Env): Config {
  return {
    upstreamUrl: env.UPSTREAM_URL.replace(/\/+$/, ""),
    upstreamKind: upstreamKindOf(env.UPSTREAM_KIND),
    publicOrigin: URL.parse(env.PUBLIC_URL)?.origin,
    outputOrigins: (env.OUTPUT_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter((o) => URL.canParse(o))
      .map((o) => new URL(o).origin),
    renderFirstPollMs: ms(env.RENDER_FIRST_POLL_MS, 10_000),
    renderPollMs: ms(env.RENDER_POLL_MS, 30_000),
    renderDeadlineMs: ms(env.RENDER_DEADLINE_MS, 3_600_000),
    rateLimitWaitMs: ms(env.RATE_LIMIT_WAIT_MS, 30_000),
    chatSilenceNoticeMs: ms(env.CHAT_SILENCE_NOTICE_MS, 120_000),
    chatIdleTimeoutMs: ms(env.CHAT_IDLE_TIMEOUT_MS, 600_000),
    chatRecoveryFirstMs: ms(env.CHAT_RECOVERY_FIRST_MS, 30_000),
    chatRecoveryEveryMs: ms(env.CHAT_RECOVERY_EVERY_MS, 60_000),
    ssePingMs: ms(env.SSE_PING_MS, 15_000),
    handOffRetryMs: [1, 5, 15, 45].map((f) => f * ms(env.HAND_OFF_RETRY_MS, 2_000)),
  };
}
