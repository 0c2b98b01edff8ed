// Signed webhooks for export outcomes: one delivery per event, signed with the starting API key's own secret
// (`X-Reelsmith-Signature: t=<ms>,v1=<hex HMAC-SHA256 of "t.body">`), retried with backoff for about a day from the
// alarm's job table, every attempt's outcome kept for the delivery log.
import type { WebhookDelivery } from "../core/api-views.ts";
import { hmacHex } from "../core/hmac.ts";
import { checkPublicUrl } from "../core/url-safety.ts";
import type { JobTable } from "./jobs.ts";

/** When each attempt is due, in seconds after the event: the last one about 23.7 hours after the first. */
export const ATTEMPT_AT_S = [0, 30, 150, 750, 2_550, 6_150, 13_350, 27_750, 56_550, 85_350];
const TIMEOUT_MS = 10_000;

type Row = {
  id: string;
  export_id: string;
  key_id: string;
  url: string;
  event: WebhookDelivery["event"];
  payload: string;
  status: WebhookDelivery["status"];
  attempts: number;
  last_status: number | null;
  last_error: WebhookDelivery["lastError"];
  next_at: number | null;
  created_at: number;
  delivered_at: number | null;
};

type Attempt =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: NonNullable<Row["last_error"]> };

export class WebhookService {
  constructor(
    private readonly sql: SqlStorage,
    private readonly jobs: JobTable,
    /** the signing secret of an API key; null once the key is revoked */
    private readonly secretOf: (keyId: string) => string | null,
  ) {}

  /** Records a delivery of `payload` and has the alarm send it now. */
  async enqueue(d: { exportId: string; keyId: string; url: string; event: Row["event"]; payload: unknown }) {
    const id = `whd_${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
    const now = Date.now();
    const body = JSON.stringify({ id, type: d.event, createdAt: now, data: d.payload });
    this.sql.exec(
      `INSERT INTO webhook_deliveries (id, export_id, key_id, url, event, payload, status, next_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      id,
      d.exportId,
      d.keyId,
      d.url,
      d.event,
      body,
      now,
      now,
    );
    await this.jobs.schedule("deliver-webhook", id, now);
  }

  /** One attempt, run by the alarm. Answers when to try again, or null when the delivery is over. */
  async attempt(id: string): Promise<number | null> {
    const row = this.row(id);
    if (row?.status !== "pending") return null;
    const secret = this.secretOf(row.key_id);
    const result: Attempt = !secret
      ? { ok: false, status: null, error: "key_revoked" }
      : !checkPublicUrl(row.url).ok
        ? { ok: false, status: null, error: "url_refused" }
        : await post(row, secret);
    const attempts = row.attempts + 1;
    const final =
      result.ok ||
      result.error === "key_revoked" ||
      result.error === "url_refused" ||
      attempts >= ATTEMPT_AT_S.length;
    const nextAt = final ? null : row.created_at + ATTEMPT_AT_S[attempts] * 1000;
    this.sql.exec(
      `UPDATE webhook_deliveries SET attempts = ?, status = ?, last_status = ?, last_error = ?, next_at = ?,
         delivered_at = ? WHERE id = ?`,
      attempts,
      result.ok ? "delivered" : final ? "failed" : "pending",
      result.status,
      result.ok ? null : result.error,
      nextAt,
      result.ok ? Date.now() : null,
      id,
    );
    if (!result.ok) console.warn(`webhook ${id}: attempt ${attempts} ${result.error} ${result.status ?? ""}`);
    return nextAt;
  }

  /** A revoked key signs nothing more: its pending deliveries end as failed. */
  async cancelForKey(keyId: string): Promise<void> {
    const pending = this.sql
      .exec<{ id: string }>(
        `UPDATE webhook_deliveries SET status = 'failed', last_error = 'key_revoked', next_at = NULL
         WHERE key_id = ? AND status = 'pending' RETURNING id`,
        keyId,
      )
      .toArray();
    for (const { id } of pending) await this.jobs.cancel("deliver-webhook", id);
  }

  /** The newest deliveries first (the last 100), of one export or of all. */
  list(exportId?: string): WebhookDelivery[] {
    const rows = this.sql
      .exec<Row>(
        `SELECT * FROM webhook_deliveries WHERE ? IS NULL OR export_id = ? ORDER BY created_at DESC LIMIT 100`,
        exportId ?? null,
        exportId ?? null,
      )
      .toArray();
    return rows.map((r) => ({
      id: r.id,
      exportId: r.export_id,
      event: r.event,
      url: r.url,
      status: r.status,
      attempts: r.attempts,
      lastStatus: r.last_status,
      lastError: r.last_error,
      nextAttemptAt: r.status === "pending" ? r.next_at : null,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
    }));
  }

  private row(id: string): Row | undefined {
    return this.sql.exec<Row>(`SELECT * FROM webhook_deliveries WHERE id = ?`, id).toArray()[0];
  }
}

/** POSTs the delivery once: 2xx is delivered; a redirect is not followed (the address was checked, not its target). */
async function post(row: Row, secret: string): Promise<Attempt> {
  const t = Date.now();
  const signature = await hmacHex(secret, `${t}.${row.payload}`);
  try {
    const res = await fetch(row.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Reelsmith-Webhooks/1",
        "X-Reelsmith-Event": row.event,
        "X-Reelsmith-Delivery": row.id,
        "X-Reelsmith-Signature": `t=${t},v1=${signature}`,
      },
      body: row.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    if (res.ok) return { ok: true, status: res.status };
    return {
      ok: false,
      status: res.status,
      error: res.status >= 300 && res.status < 400 ? "redirect" : "http_status",
    };
  } catch (e) {
    const name = (e as Error)?.name;
    return {
      ok: false,
      status: null,
      error: name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable",
    };
  }
}
