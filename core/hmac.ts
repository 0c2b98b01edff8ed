// HMAC-SHA256 over WebCrypto (Workers and Node alike): per-purpose keys, signing cookies, media URLs and webhooks.

const encoder = new TextEncoder();
/** Imported keys by secret, most recently used last; bounded, since every API key brings its own webhook secret. */
const keys = new Map<string, Promise<CryptoKey>>();
const KEYS_KEPT = 64;

function key(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (k) keys.delete(secret);
  else
    k = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
  keys.set(secret, k);
  if (keys.size > KEYS_KEPT) keys.delete(keys.keys().next().value as string);
  return k;
}

export function toHex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Hex HMAC-SHA256 of `data` under `secret`. */
export async function hmacHex(secret: string, data: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await key(secret), encoder.encode(data)));
}

/** What a key derived from SECRET is for; each purpose gets its own, so one kind of signature never verifies another. */
export type KeyPurpose = "cookie" | "media-link";

/** The signing key for one purpose, derived from the deployment's SECRET (HMAC as the key-derivation function). */
export function purposeSecret(secret: string, purpose: KeyPurpose): Promise<string> {
  return hmacHex(secret, `reelsmith key v1: ${purpose}`);
}

/** Constant-time comparison of two strings of hex. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Hex SHA-256, for storing API keys hashed. */
export async function sha256Hex(data: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", encoder.encode(data)));
}
