// Signed media links `/api/media/<user id>/<upload id>.<ext>?exp&sig`: cookie-less, short-lived, bound to one user.
import { hmacHex, safeEqual } from "./hmac.ts";
import { type AcceptedExtension, isAcceptedExtension } from "./media-type.ts";

/** Long enough for the upstream to fetch a 500 MB file, short enough that a leaked link soon dies. */
export const MEDIA_LINK_TTL_S = 3600;

export interface MediaRef {
  userId: string;
  uploadId: string;
  ext: AcceptedExtension;
}

const PATH = /^(u_[0-9a-f]{32})\/(upl_[0-9a-f]{20})\.([a-z0-9]{2,4})$/;

/** Where an upload's bytes live in R2: ids only, never the file's name. */
export const mediaObjectKey = (userId: string, uploadId: string) => `uploads/${userId}/${uploadId}`;

const signed = (ref: MediaRef, exp: number) => `media:v1\n${ref.userId}\n${ref.uploadId}.${ref.ext}\n${exp}`;

/** An absolute link on `origin`, valid for `ttlS` seconds. */
export async function signMediaUrl(origin: string, ref: MediaRef, secret: string, ttlS = MEDIA_LINK_TTL_S) {
  const exp = Math.floor(Date.now() / 1000) + ttlS;
  const sig = await hmacHex(secret, signed(ref, exp));
  return `${origin}/api/media/${ref.userId}/${ref.uploadId}.${ref.ext}?exp=${exp}&sig=${sig}`;
}

/** The media a link names when its signature holds and it has not expired. */
export async function verifyMediaLink(
  path: string,
  query: { exp?: string; sig?: string },
  secret: string,
): Promise<MediaRef | "invalid" | "expired"> {
  const m = PATH.exec(path);
  const exp = Number(query.exp);
  if (
    !m ||
    !isAcceptedExtension(m[3]) ||
    !Number.isSafeInteger(exp) ||
    !/^[0-9a-f]{64}$/.test(query.sig ?? "")
  )
    return "invalid";
  const ref: MediaRef = { userId: m[1], uploadId: m[2], ext: m[3] };
  if (!safeEqual(await hmacHex(secret, signed(ref, exp)), query.sig!)) return "invalid";
  return exp * 1000 < Date.now() ? "expired" : ref;
}
