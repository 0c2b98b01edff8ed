// One table of due jobs and one alarm armed at the earliest due time (the agents-SDK scheduling model).

export type JobKind = "poll-export" | "expire-upload" | "hand-off-upload" | "deliver-webhook";

export class JobTable {
  constructor(
    private readonly sql: SqlStorage,
    private readonly storage: DurableObjectStorage,
  ) {}

  /** Sets (or moves) the job's due time and re-arms the alarm. */
  async schedule(kind: JobKind, ref: string, dueAt: number): Promise<void> {
    this.sql.exec(
      `INSERT INTO jobs (kind, ref, due_at) VALUES (?, ?, ?)
       ON CONFLICT (kind, ref) DO UPDATE SET due_at = excluded.due_at`,
      kind,
      ref,
      dueAt,
    );
    await this.arm();
  }

  async cancel(kind: JobKind, ref: string): Promise<void> {
    this.sql.exec(`DELETE FROM jobs WHERE kind = ? AND ref = ?`, kind, ref);
    await this.arm();
  }

  has(kind: JobKind, ref: string): boolean {
    return this.sql.exec(`SELECT 1 FROM jobs WHERE kind = ? AND ref = ?`, kind, ref).toArray().length > 0;
  }

  /** Jobs due now. They stay in the table until re-scheduled or cancelled, so a crashed alarm retries them. */
  due(now: number): Array<{ kind: JobKind; ref: string }> {
    return this.sql
      .exec<{ kind: JobKind; ref: string }>(
        `SELECT kind, ref FROM jobs WHERE due_at <= ? ORDER BY due_at, rowid`,
        now,
      )
      .toArray();
  }

  /** Arms the single alarm at the earliest due job, or clears it when none is left. */
  async arm(): Promise<void> {
    const next = this.sql.exec<{ at: number | null }>(`SELECT MIN(due_at) AS at FROM jobs`).one().at;
    if (next === null) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(next);
  }
}
