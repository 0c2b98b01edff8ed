// API keys for integrations: `rs_<user id>_<secret>`, shown once, stored as a SHA-256 hash, revocable.
import { sha256Hex } from "../core/hmac.ts";

export interface ApiKeyInfo {
  id: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}

const KEY_PATTERN = /^rs_(u_[0-9a-f]{32})_([0-9a-f]{48})$/;

/** The user id a well-formed key names, so the Worker can reach that user's DO to verify it. */
export function userIdOfKey(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

export class ApiKeyStore {
  constructor(private readonly sql: SqlStorage) {}

  async create(userId: string, label: string): Promise<ApiKeyInfo & { key: string }> {
    const secret = [...crypto.getRandomValues(new Uint8Array(24))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    const key = `rs_${userId}_${secret}`;
    const id = `key_${secret.slice(0, 8)}`;
    const now = Date.now();
    this.sql.exec(
      `INSERT INTO api_keys (id, hash, label, created_at) VALUES (?, ?, ?, ?)`,
      id,
      await sha256Hex(key),
      label,
      now,
    );
    return { id, label, createdAt: now, lastUsedAt: null, key };
  }

  list(): ApiKeyInfo[] {
    return this.sql
      .exec<{ id: string; label: string; created_at: number; last_used_at: number | null }>(
        `SELECT id, label, created_at, last_used_at FROM api_keys ORDER BY created_at`,
      )
      .toArray()
      .map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
  }

  revoke(id: string): boolean {
    return this.sql.exec(`DELETE FROM api_keys WHERE id = ? RETURNING id`, id).toArray().length > 0;
  }

  async verify(key: string): Promise<boolean> {
    const hash = await sha256Hex(key);
    const hit = this.sql.exec(
      `UPDATE api_keys SET last_used_at = ? WHERE hash = ? RETURNING id`,
      Date.now(),
      hash,
    );
    return hit.toArray().length > 0;
  }
}
