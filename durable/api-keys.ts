// API keys for integrations: `rs_<user id>_<secret>`, shown once, stored as a SHA-256 hash, revocable; each with
// its own webhook secret, which signs the webhooks of the exports started with it.
import type { ApiKeyView } from "../core/api-views.ts";
import { sha256Hex } from "../core/hmac.ts";

const KEY_PATTERN = /^rs_(u_[0-9a-f]{32})_([0-9a-f]{48})$/;
/** How fine "last used" is kept. */
const LAST_USED_RESOLUTION_MS = 60_000;

const randomHex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");

/** The user id a well-formed key names, so the Worker can reach that user's DO to verify it. */
export function userIdOfKey(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

export class ApiKeyStore {
  constructor(private readonly sql: SqlStorage) {}

  async create(userId: string, label: string): Promise<ApiKeyView & { key: string; webhookSecret: string }> {
    const secret = randomHex(24);
    const key = `rs_${userId}_${secret}`;
    const id = `key_${secret.slice(0, 8)}`;
    const webhookSecret = `whsec_${randomHex(24)}`;
    const now = Date.now();
    this.sql.exec(
      `INSERT INTO api_keys (id, hash, label, created_at, webhook_secret) VALUES (?, ?, ?, ?, ?)`,
      id,
      await sha256Hex(key),
      label,
      now,
      webhookSecret,
    );
    return { id, label, createdAt: now, lastUsedAt: null, key, webhookSecret };
  }

  list(): ApiKeyView[] {
    return this.sql
      .exec<{ id: string; label: string; created_at: number; last_used_at: number | null }>(
        `SELECT id, label, created_at, last_used_at FROM api_keys ORDER BY created_at`,
      )
      .toArray()
      .map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
  }

  count(): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM api_keys`).one().n;
  }

  revoke(id: string): boolean {
    return this.sql.exec(`DELETE FROM api_keys WHERE id = ? RETURNING id`, id).toArray().length > 0;
  }

  /**
   * The key's id when it is one of this user's, else null. "Last used" is kept to the minute: a write on every
   * request would hold every answer until storage confirms it (the output gate), for a time nobody reads finer.
   */
  async verify(key: string): Promise<string | null> {
    const hash = await sha256Hex(key);
    const hit = this.sql
      .exec<{ id: string; last_used_at: number | null }>(
        `SELECT id, last_used_at FROM api_keys WHERE hash = ?`,
        hash,
      )
      .toArray()[0];
    if (!hit) return null;
    const now = Date.now();
    if (hit.last_used_at === null || now - hit.last_used_at >= LAST_USED_RESOLUTION_MS)
      this.sql.exec(`UPDATE api_keys SET last_used_at = ? WHERE id = ?`, now, hit.id);
    return hit.id;
  }

  webhookSecret(id: string): string | null {
    return (
      this.sql
        .exec<{ webhook_secret: string | null }>(`SELECT webhook_secret FROM api_keys WHERE id = ?`, id)
        .toArray()[0]?.webhook_secret ?? null
    );
  }
}
