// Public share links for one export, `/s/<token>`: sealed (AES-GCM under SECRET), expiring, naming nothing else.

/** How long a share link works. */
export const SHARE_TTL_S = 30 * 86_400;

export interface SharedExport {
  userId: string;
  exportId: string;
  /** expiry, seconds since the epoch */
  exp: number;
}

const USER = /^u_([0-9a-f]{32})$/;
const EXPORT = /^exp_([0-9a-f]{32})$/;
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

/** An AES key derived from SECRET for this one purpose, so share tokens and signatures never share a key. */
function key(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    k = crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"]).then((base) =>
      crypto.subtle.deriveKey(
        {
          name: "HKDF",
          hash: "SHA-256",
          salt: new Uint8Array(0),
          info: encoder.encode("reelsmith share v1"),
        },
        base,
        { name: "AES-GCM", length: 256 },
        false,
        ["encrypt", "decrypt"],
      ),
    );
    keys.set(secret, k);
  }
  return k;
}

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (h) => Number.parseInt(h, 16));
const bytesHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
const b64url = (b: Uint8Array) =>
  btoa(String.fromCharCode(...b))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
function fromB64url(s: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(s)) return null;
  try {
    return Uint8Array.from(atob(s.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The token for one export of one user: user id, export id and expiry, sealed so none of it can be read or bent. */
export async function sealShare(share: SharedExport, secret: string): Promise<string> {
  const u = USER.exec(share.userId);
  const e = EXPORT.exec(share.exportId);
  if (!u || !e) throw new Error("not a user id and export id");
  const plain = new Uint8Array(36);
  plain.set(hexBytes(u[1]), 0);
  plain.set(hexBytes(e[1]), 16);
  new DataView(plain.buffer).setUint32(32, share.exp);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await key(secret), plain),
  );
  const token = new Uint8Array(iv.length + sealed.length);
  token.set(iv, 0);
  token.set(sealed, iv.length);
  return b64url(token);
}

/** What a token names when it is genuine and unexpired. */
export async function openShare(
  token: string,
  secret: string,
): Promise<SharedExport | "invalid" | "expired"> {
  const bytes = fromB64url(token);
  if (!bytes || bytes.length !== 12 + 36 + 16) return "invalid";
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes.subarray(0, 12) },
        await key(secret),
        bytes.subarray(12),
      ),
    );
  } catch {
    return "invalid";
  }
  const exp = new DataView(plain.buffer).getUint32(32);
  if (exp * 1000 < Date.now()) return "expired";
  return {
    userId: `u_${bytesHex(plain.subarray(0, 16))}`,
    exportId: `exp_${bytesHex(plain.subarray(16, 32))}`,
    exp,
  };
}
