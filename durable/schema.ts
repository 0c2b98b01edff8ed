// The UserDO's SQLite schema as ordered migrations, applied once each and recorded in `_migrations`.

export interface Migration {
  version: number;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE identity (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE projects (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, preset TEXT NOT NULL, language TEXT NOT NULL,
        session_id TEXT, task_id TEXT, claim_url TEXT,
        draft_json TEXT, busy_until INTEGER,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`,
      `CREATE TABLE transcript (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, project_id TEXT NOT NULL, role TEXT NOT NULL,
        text TEXT NOT NULL, created_at INTEGER NOT NULL)`,
      `CREATE INDEX transcript_project ON transcript(project_id, seq)`,
      `CREATE TABLE exports (
        id TEXT PRIMARY KEY, project_id TEXT NOT NULL, status TEXT NOT NULL, progress INTEGER NOT NULL,
        render_id TEXT, submits INTEGER NOT NULL DEFAULT 0, polls INTEGER NOT NULL DEFAULT 0,
        error TEXT, r2_key TEXT, size INTEGER, idempotency_key TEXT UNIQUE, callback_url TEXT,
        deadline_at INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`,
      `CREATE TABLE jobs (kind TEXT NOT NULL, ref TEXT NOT NULL, due_at INTEGER NOT NULL, PRIMARY KEY (kind, ref))`,
      `CREATE TABLE api_keys (
        id TEXT PRIMARY KEY, hash TEXT NOT NULL, label TEXT NOT NULL,
        created_at INTEGER NOT NULL, last_used_at INTEGER)`,
    ],
  },
  {
    version: 2,
    statements: [
      // owner: the user id the R2 key and the signed media links are bound to
      `CREATE TABLE uploads (
        id TEXT PRIMARY KEY, project_id TEXT NOT NULL, owner TEXT NOT NULL, name TEXT NOT NULL,
        declared_type TEXT NOT NULL, size INTEGER NOT NULL, part_size INTEGER NOT NULL, part_count INTEGER NOT NULL,
        r2_upload_id TEXT, source_url TEXT, ext TEXT, kind TEXT,
        state TEXT NOT NULL, error_code TEXT,
        duration REAL, width INTEGER, height INTEGER, fps REAL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`,
      `CREATE INDEX uploads_project ON uploads(project_id, created_at)`,
      `CREATE TABLE upload_parts (
        upload_id TEXT NOT NULL, n INTEGER NOT NULL, etag TEXT NOT NULL, PRIMARY KEY (upload_id, n))`,
    ],
  },
  {
    version: 3,
    statements: [
      // what Reelsmith itself said, as data (core/say.ts), so it is shown again in the reader's language
      `ALTER TABLE transcript ADD COLUMN say_json TEXT`,
      // the draft an export was made from (outdated once the project's draft differs), its length and poster
      `ALTER TABLE exports ADD COLUMN draft_json TEXT`,
      `ALTER TABLE exports ADD COLUMN duration REAL`,
      `ALTER TABLE exports ADD COLUMN cover_key TEXT`,
      `ALTER TABLE exports ADD COLUMN completed_at INTEGER`,
      // why it failed, as a catalogue code (the `error` column keeps the upstream's words, for logs and API clients)
      `ALTER TABLE exports ADD COLUMN error_code TEXT`,
    ],
  },
  {
    version: 4,
    statements: [
      // fair use: what each counted action took (a message is 1, an upload its bytes), kept for a day
      `CREATE TABLE usage (kind TEXT NOT NULL, at INTEGER NOT NULL, amount INTEGER NOT NULL)`,
      `CREATE INDEX usage_kind ON usage(kind, at)`,
      // each key signs the webhooks of the exports started with it
      `ALTER TABLE api_keys ADD COLUMN webhook_secret TEXT`,
      `UPDATE api_keys SET webhook_secret = 'whsec_' || lower(hex(randomblob(24)))`,
      `ALTER TABLE exports ADD COLUMN key_id TEXT`,
      // the language of the request that started it, for its webhook
      `ALTER TABLE exports ADD COLUMN lang TEXT`,
      // failures are catalogue codes, localised when read; the upstream's own words are no longer kept
      `UPDATE exports SET error_code = 'render_failed' WHERE status = 'failed' AND error_code IS NULL`,
      `ALTER TABLE exports DROP COLUMN error`,
      `CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY, export_id TEXT NOT NULL, key_id TEXT NOT NULL, url TEXT NOT NULL, event TEXT NOT NULL,
        payload TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        last_status INTEGER, last_error TEXT, next_at INTEGER, created_at INTEGER NOT NULL, delivered_at INTEGER)`,
      `CREATE INDEX webhook_deliveries_export ON webhook_deliveries(export_id, created_at)`,
    ],
  },
  {
    version: 5,
    statements: [
      // a finished upload is handed to the editor from the alarm: the attribution to send it with, and the tries
      `ALTER TABLE uploads ADD COLUMN platform TEXT`,
      `ALTER TABLE uploads ADD COLUMN hand_off_failures INTEGER NOT NULL DEFAULT 0`,
      // the address the editor gave the file, so a timeline can follow it into a session that replaced a lost one
      `ALTER TABLE uploads ADD COLUMN cdn_url TEXT`,
      `ALTER TABLE projects ADD COLUMN carried_draft_json TEXT`,
    ],
  },
];

/** Applies the migrations this storage has not seen yet, in order. */
export function migrate(sql: SqlStorage): void {
  sql.exec(
    `CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`,
  );
  const applied = new Set(
    sql
      .exec<{ version: number }>(`SELECT version FROM _migrations`)
      .toArray()
      .map((r) => r.version),
  );
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    for (const s of m.statements) sql.exec(s);
    sql.exec(`INSERT INTO _migrations (version, applied_at) VALUES (?, ?)`, m.version, Date.now());
  }
}
