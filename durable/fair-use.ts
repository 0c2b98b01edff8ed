// Per-user fair-use limits with exact counts over the DO's SQLite: messages a minute and upload bytes a day in
// sliding windows, and running exports, projects and API keys as they stand. A refusal is `fair_use_limit` (429)
// naming the limit, with `retryAfter` (seconds) where waiting helps.
import { type FairUseLimit, ReelsmithError } from "../core/errors.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

export const FAIR_USE = {
  messagesPerMinute: 20,
  concurrentExports: 3,
  uploadBytesPerDay: 10 * 1024 ** 3,
  projects: 200,
  apiKeys: 20,
} as const;

type Windowed = "message" | "upload_bytes";

export class FairUse {
  constructor(private readonly sql: SqlStorage) {}

  /** Counts one message, or refuses it when the last minute already had the most allowed. */
  message(): void {
    this.take("message", 1, MINUTE, FAIR_USE.messagesPerMinute, "messages-per-minute");
  }

  /** Counts the bytes of a planned upload or import against the last day's. */
  uploadBytes(bytes: number): void {
    this.take("upload_bytes", bytes, DAY, FAIR_USE.uploadBytesPerDay, "upload-bytes-per-day");
  }

  /** Refuses a new project, API key or export when `current` is already at the limit. */
  below(limit: "projects" | "api-keys" | "concurrent-exports", current: number, retryAfterS?: number): void {
    const max = {
      projects: FAIR_USE.projects,
      "api-keys": FAIR_USE.apiKeys,
      "concurrent-exports": FAIR_USE.concurrentExports,
    }[limit];
    if (current >= max) throw refusal(limit, max, retryAfterS);
  }

  /** Adds `amount` to the window, or refuses with the time when enough of it will have aged out. */
  private take(kind: Windowed, amount: number, windowMs: number, max: number, limit: FairUseLimit): void {
    const now = Date.now();
    this.sql.exec(`DELETE FROM usage WHERE at <= ?`, now - DAY);
    const rows = this.sql
      .exec<{ at: number; amount: number }>(
        `SELECT at, amount FROM usage WHERE kind = ? AND at > ? ORDER BY at`,
        kind,
        now - windowMs,
      )
      .toArray();
    let used = rows.reduce((sum, r) => sum + r.amount, 0);
    if (used + amount > max) {
      let freeAt = now + windowMs;
      for (const r of rows) {
        used -= r.amount;
        if (used + amount <= max) {
          freeAt = r.at + windowMs;
          break;
        }
      }
      throw refusal(limit, max, Math.max(1, Math.ceil((freeAt - now) / 1000)));
    }
    this.sql.exec(`INSERT INTO usage (kind, at, amount) VALUES (?, ?, ?)`, kind, now, amount);
  }
}

function refusal(limit: FairUseLimit, max: number, retryAfter?: number): ReelsmithError {
  return new ReelsmithError("fair_use_limit", {
    ctx: { fairUse: { limit, max } },
    extra: { limit, max, ...(retryAfter !== undefined ? { retryAfter } : {}) },
  });
}
