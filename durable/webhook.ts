// Signed export webhooks: POST JSON with `X-Reelsmith-Signature: t=<ms>,v1=<hmac of "t.body">`, one retry.
import { hmacHex } from "../core/hmac.ts";

export async function sendWebhook(url: string, secret: string, payload: unknown): Promise<boolean> {
  const body = JSON.stringify(payload);
  for (let attempt = 0; attempt < 2; attempt++) {
    const t = Date.now();
    const sig = await hmacHex(secret, `${t}.${body}`);
    const ok = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Reelsmith-Signature": `t=${t},v1=${sig}` },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return true;
  }
  console.warn("webhook delivery failed");
  return false;
}
