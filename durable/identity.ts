// The user's identity row store: Reelsmith user id, upstream client id, upstream token (never leaves the DO).

export type IdentityKey =
  | "user_id"
  | "client_id"
  | "upstream_token"
  | "upstream_user_id"
  | "token_expires_at"
  | "token_source"
  | "registered";

export class IdentityStore {
  constructor(private readonly sql: SqlStorage) {}

  get(key: IdentityKey): string | undefined {
    return this.sql.exec<{ value: string }>(`SELECT value FROM identity WHERE key = ?`, key).toArray()[0]
      ?.value;
  }

  set(key: IdentityKey, value: string): void {
    this.sql.exec(
      `INSERT INTO identity (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      key,
      value,
    );
  }

  delete(key: IdentityKey): void {
    this.sql.exec(`DELETE FROM identity WHERE key = ?`, key);
  }

  /** The value, created once with `make` and persisted. */
  getOrCreate(key: IdentityKey, make: () => string): string {
    const existing = this.get(key);
    if (existing !== undefined) return existing;
    const value = make();
    this.set(key, value);
    return value;
  }
}
