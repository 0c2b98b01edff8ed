// fetch as a browser behaves on a stale keep-alive socket: a GET or PUT that failed before any answer is sent again.

/**
 * Node's fetch reuses a pooled connection even as the server closes it for idling, and fails with "fetch failed";
 * browsers re-send an idempotent request then. Counted, so the results say how often it happened.
 */
export const staleSocketRetries = { count: 0 };

const STALE = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"]);

export function retryStaleSockets(): void {
  const base = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    try {
      return await base(input, init);
    } catch (e) {
      const method = (init?.method ?? "GET").toUpperCase();
      const code = ((e as Error).cause as { code?: string } | undefined)?.code;
      if ((method !== "GET" && method !== "PUT") || !code || !STALE.has(code)) throw e;
      staleSocketRetries.count++;
      return base(input, init);
    }
  };
}
